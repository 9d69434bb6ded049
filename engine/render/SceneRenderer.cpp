// Per-frame work of SceneRenderer: culling, batching into instance buffers, command recording.
// Creates no long-lived objects except growing instance buffers; set-up is in ScenePipelines.cpp.
#include "engine/render/SceneRenderer.h"

#include "engine/core/Time.h"
#include "engine/render/VkCheck.h"

#include <algorithm>
#include <cstring>
#include <glm/gtc/matrix_transform.hpp>

namespace fg::render {
namespace {

constexpr std::uint32_t kFlagUnlit = 1, kFlagAlphaMask = 2, kFlagNormalMap = 4;

MaterialPush materialPush(const MaterialDesc& d) {
    MaterialPush p{};
    p.baseColor = d.baseColor;
    p.emissiveCutoff = glm::vec4(d.emissive, d.alphaCutoff);
    p.metallic = d.metallic;
    p.roughness = d.roughness;
    p.flags = (d.unlit ? kFlagUnlit : 0) | (d.alphaMask ? kFlagAlphaMask : 0) |
              (d.normalTexture.valid() ? kFlagNormalMap : 0);
    return p;
}

void setViewport(VkCommandBuffer cmd, VkExtent2D extent) {
    const VkViewport viewport{0, 0, float(extent.width), float(extent.height), 0.0f, 1.0f};
    const VkRect2D scissor{{0, 0}, extent};
    vkCmdSetViewport(cmd, 0, 1, &viewport);
    vkCmdSetScissor(cmd, 0, 1, &scissor);
}

} // namespace

Status SceneRenderer::ensureInstanceCapacity(Frame& frame, std::size_t count) {
    const VkDeviceSize needed = std::max<std::size_t>(count, 1) * sizeof(glm::mat4);
    if (frame.instances.buffer && frame.instances.size >= needed) return {};
    if (frame.instances.buffer) {
        // The slot's previous submission is complete, but keep the rule in one place: old
        // buffers go through the slot's deletion queue.
        GpuBuffer old = frame.instances;
        frame.deletions.push(
            [this, old]() mutable { destroyBuffer(m_device.device(), m_device.allocator(), old); });
    }
    auto buffer =
        createBuffer(m_device.device(), m_device.allocator(), needed + needed / 2,
                     VK_BUFFER_USAGE_VERTEX_BUFFER_BIT,
                     VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
    if (!buffer) return buffer.error();
    frame.instances = *buffer;
    return {};
}

glm::mat4 SceneRenderer::lightMatrix(const Scene& scene, const Camera& camera) const {
    // Cover the part of the scene around what the camera looks at; a whole 5,000-booth fair in
    // one map would leave a few texels per booth.
    const Aabb bounds = scene.bounds();
    const glm::vec3 focus =
        glm::clamp(camera.position + camera.forward() * 18.0f, bounds.min, bounds.max);
    const float sceneRadius = glm::length(bounds.extent()) * 0.5f;
    const float radius = std::clamp(sceneRadius, 1.0f, 45.0f);
    const glm::vec3 dir = glm::normalize(scene.light.direction);
    const glm::vec3 up = std::abs(dir.y) > 0.99f ? glm::vec3(0, 0, 1) : glm::vec3(0, 1, 0);
    const glm::vec3 eye = focus - dir * (radius + sceneRadius);
    const glm::mat4 view = glm::lookAtRH(eye, focus, up);
    const glm::mat4 proj =
        glm::orthoRH_ZO(-radius, radius, -radius, radius, 0.1f, 2.0f * (radius + sceneRadius));
    return proj * view;
}

void SceneRenderer::writeUniforms(Frame& frame, const Scene& scene, const Camera& camera,
                                  float aspect, const glm::mat4& lightViewProj) {
    FrameUniforms u{};
    u.viewProj = camera.projection(aspect) * camera.view();
    u.invViewProj = glm::inverse(u.viewProj);
    u.lightViewProj = lightViewProj;
    u.cameraPos = glm::vec4(camera.position, 1.0f);
    const bool shadows = scene.light.shadows && !scene.instances().empty();
    u.lightDir = glm::vec4(glm::normalize(scene.light.direction), shadows ? 1.0f : 0.0f);
    u.lightColor = glm::vec4(scene.light.color * scene.light.intensity, 1.0f);
    u.skyAmbient = glm::vec4(scene.light.skyAmbient, 1.0f);
    u.groundAmbient = glm::vec4(scene.light.groundAmbient, 1.0f);
    u.skyZenith = glm::vec4(scene.sky.zenith, 1.0f);
    u.skyHorizon = glm::vec4(scene.sky.horizon, 1.0f);
    u.skyGround = glm::vec4(scene.sky.ground, 1.0f);
    std::memcpy(frame.uniforms.mapped(), &u, sizeof(u));
}

std::uint32_t SceneRenderer::gatherInstances(Frame& frame, const Scene& scene,
                                             const glm::mat4& viewProj,
                                             const RecordOptions& options, std::uint32_t base,
                                             std::vector<std::uint32_t>& first) {
    const auto& instances = scene.instances();
    m_visible.clear();
    if (options.culling) {
        const Frustum frustum(viewProj);
        for (std::uint32_t i = 0; i < instances.size(); ++i)
            if (frustum.intersects(instances[i].worldBounds)) m_visible.push_back(i);
    } else {
        m_visible.resize(instances.size());
        for (std::uint32_t i = 0; i < instances.size(); ++i)
            m_visible[i] = i;
    }
    auto* out = static_cast<glm::mat4*>(frame.instances.mapped());
    if (!options.instancing) {
        for (std::size_t i = 0; i < m_visible.size(); ++i)
            out[base + i] = instances[m_visible[i]].transform;
        return static_cast<std::uint32_t>(m_visible.size());
    }
    // Counting sort by batch: O(n), and each batch's transforms end up contiguous from BASE.
    const std::size_t batches = scene.batches().size();
    m_batchCount.assign(batches, 0);
    first.assign(batches + 1, base);
    for (std::uint32_t i : m_visible)
        ++m_batchCount[instances[i].batch];
    for (std::size_t b = 0; b < batches; ++b)
        first[b + 1] = first[b] + m_batchCount[b];
    std::vector<std::uint32_t>& cursor = m_batchCount;
    std::copy(first.begin(), first.end() - 1, cursor.begin());
    for (std::uint32_t i : m_visible)
        out[cursor[instances[i].batch]++] = instances[i].transform;
    return static_cast<std::uint32_t>(m_visible.size());
}

void SceneRenderer::drawBatches(VkCommandBuffer cmd, const Frame& frame, const Scene& scene,
                                const std::vector<std::uint32_t>& first, bool shadow,
                                FrameStats& stats) {
    std::uint32_t boundMaterial = kInvalidId;
    const auto& batches = scene.batches();
    for (std::size_t b = 0; b < batches.size(); ++b) {
        const std::uint32_t count = first[b + 1] - first[b];
        if (count == 0) continue;
        const GpuMesh& mesh = m_device.mesh(batches[b].mesh.id);
        const std::uint32_t material = batches[b].material.id;
        if (!shadow && material != boundMaterial) {
            const GpuMaterial& m = m_device.material(material);
            vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, m_litLayout, 1, 1, &m.set,
                                    0, nullptr);
            const MaterialPush push = materialPush(m.desc);
            vkCmdPushConstants(cmd, m_litLayout, VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(push),
                               &push);
            boundMaterial = material;
        }
        const VkBuffer buffers[2] = {mesh.vertices.buffer, frame.instances.buffer};
        const VkDeviceSize offsets[2] = {0, 0};
        vkCmdBindVertexBuffers(cmd, 0, 2, buffers, offsets);
        vkCmdBindIndexBuffer(cmd, mesh.indices.buffer, 0, VK_INDEX_TYPE_UINT32);
        vkCmdDrawIndexed(cmd, mesh.indexCount, count, 0, 0, first[b]);
        ++stats.drawCalls;
        if (!shadow) ++stats.batches;
    }
}

void SceneRenderer::drawNaive(VkCommandBuffer cmd, const Frame& frame, const Scene& scene,
                              bool shadow, FrameStats& stats) {
    const auto& instances = scene.instances();
    for (std::uint32_t i = 0; i < m_visible.size(); ++i) {
        const SceneInstance& inst = instances[m_visible[i]];
        const GpuMesh& mesh = m_device.mesh(inst.mesh.id);
        if (!shadow) {
            const GpuMaterial& m = m_device.material(inst.material.id);
            vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, m_litLayout, 1, 1, &m.set,
                                    0, nullptr);
            const MaterialPush push = materialPush(m.desc);
            vkCmdPushConstants(cmd, m_litLayout, VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(push),
                               &push);
        }
        const VkBuffer buffers[2] = {mesh.vertices.buffer, frame.instances.buffer};
        const VkDeviceSize offsets[2] = {0, 0};
        vkCmdBindVertexBuffers(cmd, 0, 2, buffers, offsets);
        vkCmdBindIndexBuffer(cmd, mesh.indices.buffer, 0, VK_INDEX_TYPE_UINT32);
        vkCmdDrawIndexed(cmd, mesh.indexCount, 1, 0, 0, i);
        ++stats.drawCalls;
    }
}

void SceneRenderer::recordShadowPass(VkCommandBuffer cmd, const Frame& frame, const Scene& scene,
                                     const glm::mat4& lightViewProj, const RecordOptions& options,
                                     FrameStats& stats) {
    VkClearValue clear{};
    clear.depthStencil = {1.0f, 0};
    VkRenderPassBeginInfo begin{VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO};
    begin.renderPass = m_shadowPass;
    begin.framebuffer = m_shadowFramebuffer;
    begin.renderArea = {{0, 0}, {m_config.shadowMapSize, m_config.shadowMapSize}};
    begin.clearValueCount = 1;
    begin.pClearValues = &clear;
    vkCmdBeginRenderPass(cmd, &begin, VK_SUBPASS_CONTENTS_INLINE);
    const bool draw = scene.light.shadows && !m_visible.empty();
    if (draw) {
        setViewport(cmd, {m_config.shadowMapSize, m_config.shadowMapSize});
        vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, m_shadowPipeline);
        vkCmdPushConstants(cmd, m_shadowLayout, VK_SHADER_STAGE_VERTEX_BIT, 0, sizeof(glm::mat4),
                           &lightViewProj);
        if (options.instancing)
            drawBatches(cmd, frame, scene, m_shadowFirst, true, stats);
        else
            drawNaive(cmd, frame, scene, true, stats);
    }
    vkCmdEndRenderPass(cmd);
}

Status SceneRenderer::record(VkCommandBuffer cmd, std::uint32_t frameIndex,
                             VkFramebuffer framebuffer, VkExtent2D extent, const Scene& scene,
                             const Camera& camera, const RecordOptions& options,
                             FrameStats& stats) {
    const double start = monotonicSeconds();
    Frame& frame = m_frames[frameIndex];
    frame.deletions.flush();
    // Room for the camera's instances and, separately culled, the light's shadow casters.
    FG_TRY(ensureInstanceCapacity(frame, scene.instances().size() * 2));
    const float aspect = float(extent.width) / float(std::max(1u, extent.height));
    const glm::mat4 lightViewProj = lightMatrix(scene, camera);
    writeUniforms(frame, scene, camera, aspect, lightViewProj);
    const glm::mat4 viewProj = camera.projection(aspect) * camera.view();
    stats.totalInstances = static_cast<std::uint32_t>(scene.instances().size());
    stats.visibleInstances = gatherInstances(frame, scene, viewProj, options, 0, m_batchFirst);
    if (options.instancing && options.culling) // casters outside the view still cast into it
        gatherInstances(frame, scene, lightViewProj, options, stats.visibleInstances,
                        m_shadowFirst);
    else
        m_shadowFirst = m_batchFirst;

    recordShadowPass(cmd, frame, scene, lightViewProj, options, stats);
    VkClearValue clears[3]{};
    clears[0].color = {{0.0f, 0.0f, 0.0f, 1.0f}};
    clears[1].depthStencil = {1.0f, 0};
    VkRenderPassBeginInfo begin{VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO};
    begin.renderPass = m_mainPass;
    begin.framebuffer = framebuffer;
    begin.renderArea = {{0, 0}, extent};
    begin.clearValueCount = 3;
    begin.pClearValues = clears;
    vkCmdBeginRenderPass(cmd, &begin, VK_SUBPASS_CONTENTS_INLINE);
    setViewport(cmd, extent);
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, m_litLayout, 0, 1, &frame.set, 0,
                            nullptr);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, m_skyPipeline);
    vkCmdDraw(cmd, 3, 1, 0, 0);
    ++stats.drawCalls;
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, m_litPipeline);
    if (options.instancing)
        drawBatches(cmd, frame, scene, m_batchFirst, false, stats);
    else
        drawNaive(cmd, frame, scene, false, stats);
    stats.cullRecordMs = (monotonicSeconds() - start) * 1000.0;
    return {};
}

} // namespace fg::render
