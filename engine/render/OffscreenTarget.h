// Internal: an offscreen colour (MSAA + resolve) and depth target with readback to RGBA8.
// Includes Vulkan: engine/render only. Records nothing itself except the readback copy.
#pragma once

#include "engine/render/SceneRenderer.h"

namespace fg::render {

class OffscreenTarget {
public:
    static Result<std::unique_ptr<OffscreenTarget>>
    create(RenderDevice& device, SceneRenderer& renderer, VkExtent2D extent);
    ~OffscreenTarget();

    VkExtent2D extent() const { return m_extent; }
    // Renders SCENE through the scene renderer, waits, and returns the sRGB-encoded pixels.
    Result<ImageData> render(const Scene& scene, const Camera& camera, const RecordOptions& options,
                             FrameStats& stats);

private:
    OffscreenTarget(RenderDevice& device, SceneRenderer& renderer)
        : m_device(device), m_renderer(renderer) {}
    Status init(VkExtent2D extent);
    void recordReadback(VkCommandBuffer cmd);

    RenderDevice& m_device;
    SceneRenderer& m_renderer;
    VkExtent2D m_extent{};
    GpuImage m_msaaColor, m_depth, m_resolved;
    GpuBuffer m_readback;
    VkFramebuffer m_framebuffer = VK_NULL_HANDLE;
    VkCommandPool m_pool = VK_NULL_HANDLE;
    VkCommandBuffer m_cmd = VK_NULL_HANDLE;
    VkFence m_fence = VK_NULL_HANDLE;
};

} // namespace fg::render
