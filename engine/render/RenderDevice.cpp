// Creates and owns meshes, textures (mipmapped, anisotropic) and material descriptor sets.
// Uploads go through one UploadBatch; nothing here records frames or touches render targets.
#include "engine/render/RenderDevice.h"

#include "engine/core/Log.h"
#include "engine/render/VkCheck.h"

#include <algorithm>
#include <array>

namespace fg::render {
namespace {

constexpr std::uint32_t kSetsPerPool = 1024;
// Pending uploads are sent once they reach this, so staging stays within one memory block.
constexpr std::size_t kFlushBytes = 48u << 20;

ImageData solidImage(std::uint8_t r, std::uint8_t g, std::uint8_t b, bool srgb) {
    ImageData image;
    image.name = "default";
    image.width = image.height = 1;
    image.rgba = {r, g, b, 255};
    image.srgb = srgb;
    return image;
}

} // namespace

Result<std::unique_ptr<RenderDevice>> RenderDevice::create(const GpuContextOptions& options) {
    std::unique_ptr<RenderDevice> device(new RenderDevice());
    FG_TRY(device->init(options));
    return device;
}

Status RenderDevice::init(const GpuContextOptions& options) {
    auto context = GpuContext::create(options);
    if (!context) return context.error();
    m_context = std::move(*context);
    m_allocator = std::make_unique<GpuAllocator>(m_context->physicalDevice(), device());
    m_uploads = std::make_unique<UploadBatch>(*m_context, *m_allocator);
    FG_TRY(createSamplerAndLayout());
    auto white = addTexture(solidImage(255, 255, 255, true));
    auto linear = addTexture(solidImage(255, 255, 255, false));
    auto normal = addTexture(solidImage(128, 128, 255, false));
    if (!white) return white.error();
    if (!linear) return linear.error();
    if (!normal) return normal.error();
    m_whiteSrgb = white->id;
    m_whiteLinear = linear->id;
    m_flatNormal = normal->id;
    return {};
}

Status RenderDevice::createSamplerAndLayout() {
    VkSamplerCreateInfo info{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
    info.magFilter = info.minFilter = VK_FILTER_LINEAR;
    info.mipmapMode = VK_SAMPLER_MIPMAP_MODE_LINEAR;
    info.addressModeU = info.addressModeV = info.addressModeW = VK_SAMPLER_ADDRESS_MODE_REPEAT;
    info.anisotropyEnable = m_context->anisotropy() ? VK_TRUE : VK_FALSE;
    info.maxAnisotropy = m_context->anisotropy()
                             ? std::min(8.0f, m_context->properties().limits.maxSamplerAnisotropy)
                             : 1.0f;
    info.maxLod = VK_LOD_CLAMP_NONE;
    FG_VK_TRY(vkCreateSampler(device(), &info, nullptr, &m_sampler));

    std::array<VkDescriptorSetLayoutBinding, 4> bindings{};
    for (std::uint32_t i = 0; i < bindings.size(); ++i) {
        bindings[i].binding = i;
        bindings[i].descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
        bindings[i].descriptorCount = 1;
        bindings[i].stageFlags = VK_SHADER_STAGE_FRAGMENT_BIT;
    }
    VkDescriptorSetLayoutCreateInfo layout{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
    layout.bindingCount = static_cast<std::uint32_t>(bindings.size());
    layout.pBindings = bindings.data();
    FG_VK_TRY(vkCreateDescriptorSetLayout(device(), &layout, nullptr, &m_materialLayout));
    return {};
}

RenderDevice::~RenderDevice() {
    if (!m_context) return;
    VkDevice dev = device();
    vkDeviceWaitIdle(dev);
    for (GpuMesh& mesh : m_meshes) {
        destroyBuffer(dev, *m_allocator, mesh.vertices);
        destroyBuffer(dev, *m_allocator, mesh.indices);
    }
    for (GpuTexture& texture : m_textures)
        destroyImage(dev, *m_allocator, texture.image);
    for (VkDescriptorPool pool : m_pools)
        vkDestroyDescriptorPool(dev, pool, nullptr);
    if (m_materialLayout) vkDestroyDescriptorSetLayout(dev, m_materialLayout, nullptr);
    if (m_sampler) vkDestroySampler(dev, m_sampler, nullptr);
    m_uploads.reset();
    m_allocator.reset();
    m_context.reset();
}

Result<MeshHandle> RenderDevice::addMesh(const MeshData& data) {
    if (data.vertices.empty() || data.indices.empty() || data.indices.size() % 3 != 0)
        return makeError(fmt::format("mesh '{}': needs vertices and a triangle list ({} indices)",
                                     data.name, data.indices.size()));
    for (std::uint32_t index : data.indices)
        if (index >= data.vertices.size())
            return makeError(fmt::format("mesh '{}': index {} out of range ({} vertices)",
                                         data.name, index, data.vertices.size()));
    GpuMesh mesh;
    const auto vbytes = std::as_bytes(std::span(data.vertices));
    const auto ibytes = std::as_bytes(std::span(data.indices));
    constexpr auto kDst = VK_BUFFER_USAGE_TRANSFER_DST_BIT;
    auto vb =
        createBuffer(device(), *m_allocator, vbytes.size(),
                     VK_BUFFER_USAGE_VERTEX_BUFFER_BIT | kDst, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
    if (!vb) return vb.error();
    mesh.vertices = *vb;
    auto ib =
        createBuffer(device(), *m_allocator, ibytes.size(), VK_BUFFER_USAGE_INDEX_BUFFER_BIT | kDst,
                     VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
    if (!ib) {
        destroyBuffer(device(), *m_allocator, mesh.vertices);
        return ib.error();
    }
    mesh.indices = *ib;
    mesh.indexCount = static_cast<std::uint32_t>(data.indices.size());
    m_uploads->uploadBuffer(mesh.vertices,
                            {reinterpret_cast<const std::uint8_t*>(vbytes.data()), vbytes.size()});
    m_uploads->uploadBuffer(mesh.indices,
                            {reinterpret_cast<const std::uint8_t*>(ibytes.data()), ibytes.size()});
    MeshHandle handle;
    handle.id = static_cast<std::uint32_t>(m_meshes.size());
    handle.indexCount = mesh.indexCount;
    MeshData bounded = data;
    computeBounds(bounded);
    handle.bounds = {bounded.boundsMin, bounded.boundsMax};
    mesh.group = m_group;
    m_meshes.push_back(mesh);
    if (m_uploads->pendingBytes() >= kFlushBytes) FG_TRY(m_uploads->flush());
    return handle;
}

Result<TextureId> RenderDevice::addTexture(const ImageData& data) {
    const std::uint64_t expected = std::uint64_t(data.width) * data.height * 4;
    if (data.width == 0 || data.height == 0 || data.rgba.size() != expected)
        return makeError(fmt::format("image '{}': {}x{} needs {} RGBA bytes, has {}", data.name,
                                     data.width, data.height, expected, data.rgba.size()));
    const std::uint32_t maxSize = m_context->properties().limits.maxImageDimension2D;
    if (data.width > maxSize || data.height > maxSize)
        return makeError(fmt::format("image '{}': {}x{} exceeds the device limit {}", data.name,
                                     data.width, data.height, maxSize));
    ImageDesc desc;
    desc.extent = {data.width, data.height};
    desc.format = data.srgb ? VK_FORMAT_R8G8B8A8_SRGB : VK_FORMAT_R8G8B8A8_UNORM;
    desc.usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT |
                 VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
    desc.mipLevels = canBlitMips(desc.format) ? mipLevelsFor(data.width, data.height) : 1;
    auto image = createImage(device(), *m_allocator, desc);
    if (!image) return image.error();
    m_uploads->uploadImage(*image, data.rgba);
    m_textures.push_back({*image, m_group, true});
    if (m_uploads->pendingBytes() >= kFlushBytes) FG_TRY(m_uploads->flush());
    return TextureId{static_cast<std::uint32_t>(m_textures.size() - 1)};
}

bool RenderDevice::canBlitMips(VkFormat format) const {
    VkFormatProperties props;
    vkGetPhysicalDeviceFormatProperties(m_context->physicalDevice(), format, &props);
    constexpr VkFormatFeatureFlags kNeeded = VK_FORMAT_FEATURE_BLIT_SRC_BIT |
                                             VK_FORMAT_FEATURE_BLIT_DST_BIT |
                                             VK_FORMAT_FEATURE_SAMPLED_IMAGE_FILTER_LINEAR_BIT;
    return (props.optimalTilingFeatures & kNeeded) == kNeeded;
}

// Sets come from the first pool with room: released groups return theirs, so a client that
// rebuilds its world per booth revision reuses pools instead of adding one per rebuild.
Result<MaterialSet> RenderDevice::allocateMaterialSet() {
    std::size_t pool = 0;
    while (pool < m_pools.size() && m_poolLive[pool] == kSetsPerPool)
        ++pool;
    if (pool == m_pools.size()) {
        VkDescriptorPoolSize size{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, kSetsPerPool * 4};
        VkDescriptorPoolCreateInfo info{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
        info.flags = VK_DESCRIPTOR_POOL_CREATE_FREE_DESCRIPTOR_SET_BIT; // groups free their sets
        info.maxSets = kSetsPerPool;
        info.poolSizeCount = 1;
        info.pPoolSizes = &size;
        VkDescriptorPool created = VK_NULL_HANDLE;
        FG_VK_TRY(vkCreateDescriptorPool(device(), &info, nullptr, &created));
        m_pools.push_back(created);
        m_poolLive.push_back(0);
    }
    VkDescriptorSetAllocateInfo alloc{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
    alloc.descriptorPool = m_pools[pool];
    alloc.descriptorSetCount = 1;
    alloc.pSetLayouts = &m_materialLayout;
    VkDescriptorSet set = VK_NULL_HANDLE;
    FG_VK_TRY(vkAllocateDescriptorSets(device(), &alloc, &set));
    ++m_poolLive[pool];
    return MaterialSet{set, std::uint32_t(pool)};
}

// Waits for the GPU (a frame in flight may still read them), then frees every resource of
// GROUP. Their ids stay taken, marked released, so a stale handle fails a check, not a draw.
Status RenderDevice::releaseGroup(ResourceGroup group) {
    if (group == kPermanentGroup) return makeError("renderer: the permanent group is not released");
    FG_TRY(m_uploads->flush());
    FG_VK_TRY(vkDeviceWaitIdle(device()));
    for (GpuMesh& mesh : m_meshes)
        if (mesh.live && mesh.group == group) {
            destroyBuffer(device(), *m_allocator, mesh.vertices);
            destroyBuffer(device(), *m_allocator, mesh.indices);
            mesh.live = false;
        }
    for (GpuTexture& texture : m_textures)
        if (texture.live && texture.group == group) {
            destroyImage(device(), *m_allocator, texture.image);
            texture.live = false;
        }
    for (std::size_t i = 0; i < m_materials.size(); ++i)
        if (m_materials[i].live && m_materials[i].group == group) {
            GpuMaterial& m = m_materials[i];
            FG_VK_TRY(vkFreeDescriptorSets(device(), m_pools[m.pool], 1, &m.set));
            --m_poolLive[m.pool];
            m_materials[i].set = VK_NULL_HANDLE;
            m_materials[i].live = false;
        }
    if (m_group == group) m_group = kPermanentGroup;
    return {};
}

VkImageView RenderDevice::textureView(TextureId id, std::uint32_t fallback) const {
    const bool usable = id.valid() && id.id < m_textures.size() && m_textures[id.id].live;
    return m_textures[usable ? id.id : fallback].image.view;
}

Result<MaterialId> RenderDevice::addMaterial(const MaterialDesc& desc) {
    for (TextureId t : {desc.baseColorTexture, desc.metallicRoughnessTexture, desc.normalTexture,
                        desc.emissiveTexture})
        if (t.valid() && (t.id >= m_textures.size() || !m_textures[t.id].live))
            return makeError(fmt::format("material: unknown or released texture id {}", t.id));
    auto set = allocateMaterialSet();
    if (!set) return set.error();
    const VkImageView views[4] = {textureView(desc.baseColorTexture, m_whiteSrgb),
                                  textureView(desc.metallicRoughnessTexture, m_whiteLinear),
                                  textureView(desc.normalTexture, m_flatNormal),
                                  textureView(desc.emissiveTexture, m_whiteSrgb)};
    VkDescriptorImageInfo images[4];
    VkWriteDescriptorSet writes[4];
    for (std::uint32_t i = 0; i < 4; ++i) {
        images[i] = {m_sampler, views[i], VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
        writes[i] = {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
        writes[i].dstSet = set->set;
        writes[i].dstBinding = i;
        writes[i].descriptorCount = 1;
        writes[i].descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
        writes[i].pImageInfo = &images[i];
    }
    vkUpdateDescriptorSets(device(), 4, writes, 0, nullptr);
    m_materials.push_back({desc, set->set, m_group, true, set->pool});
    return MaterialId{static_cast<std::uint32_t>(m_materials.size() - 1)};
}

} // namespace fg::render
