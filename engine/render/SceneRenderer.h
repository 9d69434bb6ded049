// Internal: render passes, pipelines and per-frame resources that draw a Scene into a target.
// Includes Vulkan: engine/render only. Targets (offscreen, window) own framebuffers and images.
#pragma once

#include "engine/render/RenderDevice.h"
#include "engine/render/Scene.h"

#include <functional>
#include <vector>

namespace fg::render {

// std140 mirror of shaders/frame.glsl.
struct FrameUniforms {
    glm::mat4 viewProj;
    glm::mat4 invViewProj;
    glm::mat4 lightViewProj;
    glm::vec4 cameraPos;
    glm::vec4 lightDir;
    glm::vec4 lightColor;
    glm::vec4 skyAmbient;
    glm::vec4 groundAmbient;
    glm::vec4 skyZenith;
    glm::vec4 skyHorizon;
    glm::vec4 skyGround;
};

// Mirror of shaders/material.glsl.
struct MaterialPush {
    glm::vec4 baseColor;
    glm::vec4 emissiveCutoff;
    float metallic;
    float roughness;
    std::uint32_t flags;
    float pad;
};

struct PassConfig {
    VkFormat colorFormat = VK_FORMAT_R8G8B8A8_SRGB;
    VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_4_BIT;
    VkImageLayout finalLayout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
    std::uint32_t shadowMapSize = 2048;
    std::uint32_t framesInFlight = 2;
};

struct RecordOptions {
    bool instancing = true; // false: one draw per instance, every binding repeated (the naive path)
    bool culling = true;
};

class DeletionQueue {
public:
    void push(std::function<void()> fn) { m_items.push_back(std::move(fn)); }
    void flush() {
        for (auto it = m_items.rbegin(); it != m_items.rend(); ++it)
            (*it)();
        m_items.clear();
    }

private:
    std::vector<std::function<void()>> m_items;
};

class SceneRenderer {
public:
    static Result<std::unique_ptr<SceneRenderer>> create(RenderDevice& device,
                                                         const PassConfig& config);
    ~SceneRenderer();

    VkRenderPass mainPass() const { return m_mainPass; }
    const PassConfig& config() const { return m_config; }
    DeletionQueue& deletionQueue(std::uint32_t frame) { return m_frames[frame].deletions; }

    // Records the shadow pass, then begins the main pass on FRAMEBUFFER and draws sky and scene.
    // The main pass is left open so the caller can add overlays; it calls vkCmdEndRenderPass.
    // FRAME must be a slot whose previous submission has completed.
    Status record(VkCommandBuffer cmd, std::uint32_t frame, VkFramebuffer framebuffer,
                  VkExtent2D extent, const Scene& scene, const Camera& camera,
                  const RecordOptions& options, FrameStats& stats);

private:
    struct Frame {
        GpuBuffer uniforms;
        GpuBuffer instances;
        VkDescriptorSet set = VK_NULL_HANDLE;
        DeletionQueue deletions;
    };
    explicit SceneRenderer(RenderDevice& device) : m_device(device) {}
    Status createPasses();
    Status createShadowPass();
    Status createShadowResources();
    Status createLayouts();
    Status createPipelines();
    Status createFrames();
    Result<VkPipeline> buildPipeline(const char* vert, const char* frag, VkPipelineLayout layout,
                                     VkRenderPass pass, bool sky, bool shadow);
    Status ensureInstanceCapacity(Frame& frame, std::size_t count);
    void writeUniforms(Frame& frame, const Scene& scene, const Camera& camera, float aspect,
                       const glm::mat4& lightViewProj);
    glm::mat4 lightMatrix(const Scene& scene, const Camera& camera) const;
    // Culls against VIEWPROJ and writes visible transforms from BASE, grouped by batch; FIRST
    // gets each batch's first instance (batches + 1 entries). Returns the visible count.
    std::uint32_t gatherInstances(Frame& frame, const Scene& scene, const glm::mat4& viewProj,
                                  const RecordOptions& options, std::uint32_t base,
                                  std::vector<std::uint32_t>& first);
    void drawBatches(VkCommandBuffer cmd, const Frame& frame, const Scene& scene,
                     const std::vector<std::uint32_t>& first, bool shadow, FrameStats& stats);
    void drawNaive(VkCommandBuffer cmd, const Frame& frame, const Scene& scene, bool shadow,
                   FrameStats& stats);
    void recordShadowPass(VkCommandBuffer cmd, const Frame& frame, const Scene& scene,
                          const glm::mat4& lightViewProj, const RecordOptions& options,
                          FrameStats& stats);

    RenderDevice& m_device;
    PassConfig m_config;
    VkRenderPass m_mainPass = VK_NULL_HANDLE;
    VkRenderPass m_shadowPass = VK_NULL_HANDLE;
    GpuImage m_shadowMap;
    VkFramebuffer m_shadowFramebuffer = VK_NULL_HANDLE;
    VkSampler m_shadowSampler = VK_NULL_HANDLE;
    VkDescriptorSetLayout m_frameLayout = VK_NULL_HANDLE;
    VkDescriptorPool m_framePool = VK_NULL_HANDLE;
    VkPipelineLayout m_litLayout = VK_NULL_HANDLE;
    VkPipelineLayout m_shadowLayout = VK_NULL_HANDLE;
    VkPipeline m_litPipeline = VK_NULL_HANDLE;
    VkPipeline m_skyPipeline = VK_NULL_HANDLE;
    VkPipeline m_shadowPipeline = VK_NULL_HANDLE;
    std::vector<Frame> m_frames;
    // Per-frame scratch, kept to avoid allocation: batch counts/offsets and visible instances.
    std::vector<std::uint32_t> m_batchCount, m_batchFirst, m_shadowFirst;
    std::vector<std::uint32_t> m_visible;
    std::uint32_t m_instanceCount = 0;
};

} // namespace fg::render
