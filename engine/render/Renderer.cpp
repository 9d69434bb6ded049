// Public Renderer: device creation, resource forwarding and the offscreen render path.
// The window path (swapchain, ImGui) is in WindowTarget.cpp; no GLFW here.
#include "engine/render/Renderer.h"

#include "engine/render/RendererImpl.h"
#include "engine/render/VkCheck.h"
#include "engine/render/WindowTarget.h" // Impl owns a WindowTarget

namespace fg::render {
namespace {

VkSampleCountFlagBits pickSamples(const GpuContext& context, std::uint32_t wanted) {
    VkSampleCountFlagBits best = VK_SAMPLE_COUNT_1_BIT;
    for (VkSampleCountFlagBits bits :
         {VK_SAMPLE_COUNT_2_BIT, VK_SAMPLE_COUNT_4_BIT, VK_SAMPLE_COUNT_8_BIT})
        if (bits <= context.maxSamples() && static_cast<std::uint32_t>(bits) <= wanted) best = bits;
    return best;
}

const char* deviceTypeName(VkPhysicalDeviceType type) {
    switch (type) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU:
        return "discrete";
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU:
        return "integrated";
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU:
        return "virtual";
    case VK_PHYSICAL_DEVICE_TYPE_CPU:
        return "cpu";
    default:
        return "other";
    }
}

} // namespace

Renderer::Renderer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Renderer::~Renderer() = default;

Result<std::unique_ptr<Renderer>> Renderer::create(const RendererOptions& options) {
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    GpuContextOptions gpu;
    gpu.gpuName = options.gpuName;
    gpu.validation = options.validation;
    auto device = RenderDevice::create(gpu);
    if (!device) return device.error();
    impl->device = std::move(*device);
    return std::unique_ptr<Renderer>(new Renderer(std::move(impl)));
}

Result<MeshHandle> Renderer::addMesh(const MeshData& mesh) {
    return m_impl->device->addMesh(mesh);
}

Result<TextureId> Renderer::addTexture(const ImageData& image) {
    return m_impl->device->addTexture(image);
}

Result<MaterialId> Renderer::addMaterial(const MaterialDesc& material) {
    return m_impl->device->addMaterial(material);
}

Status Renderer::flushUploads() {
    return m_impl->device->flushUploads();
}

ResourceGroup Renderer::createResourceGroup() {
    return m_impl->device->createGroup();
}

ResourceGroup Renderer::useResourceGroup(ResourceGroup group) {
    return m_impl->device->useGroup(group);
}

Status Renderer::releaseResourceGroup(ResourceGroup group) {
    return m_impl->device->releaseGroup(group);
}

Status checkSceneResources(const RenderDevice& device, const Scene& scene) {
    for (const SceneInstance& inst : scene.instances())
        if (!device.meshLive(inst.mesh.id) || !device.materialLive(inst.material.id))
            return makeError(fmt::format("scene: instance uses unknown or released mesh {} or "
                                         "material {}",
                                         inst.mesh.id, inst.material.id));
    return {};
}

Result<ImageData> Renderer::renderToImage(const Scene& scene, const Camera& camera,
                                          std::uint32_t width, std::uint32_t height,
                                          FrameStats* stats, const DrawOptions& options) {
    Impl& impl = *m_impl;
    FG_TRY(checkSceneResources(*impl.device, scene));
    FG_TRY(impl.device->flushUploads());
    if (!impl.offscreenRenderer) {
        PassConfig config;
        config.colorFormat = VK_FORMAT_R8G8B8A8_SRGB;
        config.samples = pickSamples(impl.device->context(), impl.options.msaaSamples);
        config.finalLayout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
        config.shadowMapSize = impl.options.shadowMapSize;
        config.framesInFlight = 1;
        auto created = SceneRenderer::create(*impl.device, config);
        if (!created) return created.error();
        impl.offscreenRenderer = std::move(*created);
    }
    const VkExtent2D extent{width, height};
    if (!impl.offscreen || impl.offscreen->extent().width != width ||
        impl.offscreen->extent().height != height) {
        impl.offscreen.reset();
        auto target = OffscreenTarget::create(*impl.device, *impl.offscreenRenderer, extent);
        if (!target) return target.error();
        impl.offscreen = std::move(*target);
    }
    FrameStats local;
    auto image = impl.offscreen->render(scene, camera, {options.instancing, options.culling},
                                        stats ? *stats : local);
    return image;
}

DeviceInfo Renderer::deviceInfo() const {
    const GpuContext& context = m_impl->device->context();
    DeviceInfo info;
    info.name = context.properties().deviceName;
    info.type = deviceTypeName(context.properties().deviceType);
    info.msaaSamples = pickSamples(context, m_impl->options.msaaSamples);
    info.anisotropy = context.anisotropy();
    return info;
}

MemoryStats Renderer::memoryStats() const {
    const GpuAllocatorStats s = m_impl->device->allocator().stats();
    return {s.blocks, s.allocations, s.blockBytes, s.usedBytes};
}

std::uint32_t Renderer::validationMessages() const {
    return m_impl->device->context().validationMessages();
}

} // namespace fg::render
