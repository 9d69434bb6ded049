// Internal: the device-level resource tables behind Renderer: meshes, textures, materials,
// samplers. Includes Vulkan: engine/render only. Knows nothing about targets, passes or frames.
#pragma once

#include "engine/asset/ModelData.h"
#include "engine/render/GpuResources.h"
#include "engine/render/RenderTypes.h"

#include <memory>
#include <utility>
#include <vector>

namespace fg::render {

struct GpuMesh {
    GpuBuffer vertices;
    GpuBuffer indices;
    std::uint32_t indexCount = 0;
    ResourceGroup group = kPermanentGroup;
    bool live = true; // false once its group was released (ids are never reused)
};

struct GpuMaterial {
    MaterialDesc desc;
    VkDescriptorSet set = VK_NULL_HANDLE;
    ResourceGroup group = kPermanentGroup;
    bool live = true;
    std::uint32_t pool = 0; // index into RenderDevice's descriptor pools
};

struct MaterialSet {
    VkDescriptorSet set = VK_NULL_HANDLE;
    std::uint32_t pool = 0;
};

struct GpuTexture {
    GpuImage image;
    ResourceGroup group = kPermanentGroup;
    bool live = true;
};

class RenderDevice {
public:
    static Result<std::unique_ptr<RenderDevice>> create(const GpuContextOptions& options);
    ~RenderDevice();

    GpuContext& context() { return *m_context; }
    GpuAllocator& allocator() { return *m_allocator; }
    VkDevice device() const { return m_context->device(); }
    VkDescriptorSetLayout materialLayout() const { return m_materialLayout; }

    Result<MeshHandle> addMesh(const MeshData& mesh);
    Result<TextureId> addTexture(const ImageData& image);
    Result<MaterialId> addMaterial(const MaterialDesc& desc);
    Status flushUploads() { return m_uploads->flush(); }

    // New resources join the group in use; see Renderer.
    ResourceGroup createGroup() { return ++m_lastGroup; }
    ResourceGroup useGroup(ResourceGroup group) { return std::exchange(m_group, group); }
    Status releaseGroup(ResourceGroup group);
    bool meshLive(std::uint32_t id) const { return id < m_meshes.size() && m_meshes[id].live; }
    bool materialLive(std::uint32_t id) const {
        return id < m_materials.size() && m_materials[id].live;
    }

    const GpuMesh& mesh(std::uint32_t id) const { return m_meshes[id]; }
    const GpuMaterial& material(std::uint32_t id) const { return m_materials[id]; }

private:
    RenderDevice() = default;
    Status init(const GpuContextOptions& options);
    Status createSamplerAndLayout();
    Result<MaterialSet> allocateMaterialSet();
    VkImageView textureView(TextureId id, std::uint32_t fallback) const;
    // Whether FORMAT supports linear blits, needed to generate its mip chain on the GPU.
    bool canBlitMips(VkFormat format) const;

    std::unique_ptr<GpuContext> m_context;
    std::unique_ptr<GpuAllocator> m_allocator;
    std::unique_ptr<UploadBatch> m_uploads;
    std::vector<GpuMesh> m_meshes;
    std::vector<GpuTexture> m_textures;
    std::vector<GpuMaterial> m_materials;
    std::vector<VkDescriptorPool> m_pools;
    std::vector<std::uint32_t> m_poolLive; // sets allocated and not freed, per pool
    VkSampler m_sampler = VK_NULL_HANDLE;
    VkDescriptorSetLayout m_materialLayout = VK_NULL_HANDLE;
    std::uint32_t m_whiteSrgb = 0, m_whiteLinear = 0, m_flatNormal = 0;
    ResourceGroup m_group = kPermanentGroup; // the group new resources join
    ResourceGroup m_lastGroup = kPermanentGroup;
};

} // namespace fg::render
