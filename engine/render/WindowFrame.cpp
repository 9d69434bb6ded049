// Per-frame loop of the window target (acquire, record scene + ImGui, submit, present) and the
// Renderer's window entry points. Swapchain creation and ImGui set-up are in WindowTarget.cpp.
#include "engine/core/Log.h"
#include "engine/render/RendererImpl.h"
#include "engine/render/VkCheck.h"
#include "engine/render/WindowTarget.h"

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_vulkan.h>
#include <imgui.h>

namespace fg::render {

void WindowTarget::drawUi(const FrameStats& last) {
    ImGui_ImplVulkan_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    if (m_overlay) {
        ImGui::SetNextWindowPos(ImVec2(10, 10), ImGuiCond_FirstUseEver);
        ImGui::Begin("Renderer");
        ImGui::Text("%s", m_device.context().properties().deviceName);
        ImGui::Text("%ux%u  MSAA %ux  vsync %s", m_extent.width, m_extent.height,
                    unsigned(m_renderer->config().samples), m_vsync ? "on" : "off");
        ImGui::Text("frame %.2f ms  cull+record %.3f ms", last.frameMs, last.cullRecordMs);
        ImGui::Text("draws %u  visible %u / %u", last.drawCalls, last.visibleInstances,
                    last.totalInstances);
        ImGui::End();
    }
    if (m_ui) m_ui();
    ImGui::Render();
}

void WindowTarget::recordUi(VkCommandBuffer cmd, std::uint32_t imageIndex) {
    VkRenderPassBeginInfo begin{VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO};
    begin.renderPass = m_uiPass;
    begin.framebuffer = m_uiFramebuffers[imageIndex];
    begin.renderArea = {{0, 0}, m_extent};
    vkCmdBeginRenderPass(cmd, &begin, VK_SUBPASS_CONTENTS_INLINE);
    ImGui_ImplVulkan_RenderDrawData(ImGui::GetDrawData(), cmd);
    vkCmdEndRenderPass(cmd);
}

Status WindowTarget::submitAndPresent(Frame& frame, std::uint32_t imageIndex) {
    // The scaled path's first write to the acquired image is the upscale blit (transfer stage).
    const VkPipelineStageFlags wait =
        VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT;
    VkSubmitInfo submit{VK_STRUCTURE_TYPE_SUBMIT_INFO};
    submit.waitSemaphoreCount = 1;
    submit.pWaitSemaphores = &frame.imageAvailable;
    submit.pWaitDstStageMask = &wait;
    submit.commandBufferCount = 1;
    submit.pCommandBuffers = &frame.cmd;
    submit.signalSemaphoreCount = 1;
    submit.pSignalSemaphores = &m_renderFinished[imageIndex];
    FG_VK_TRY(vkResetFences(m_device.device(), 1, &frame.fence));
    FG_VK_TRY(vkQueueSubmit(m_device.context().queue(), 1, &submit, frame.fence));
    VkPresentInfoKHR present{VK_STRUCTURE_TYPE_PRESENT_INFO_KHR};
    present.waitSemaphoreCount = 1;
    present.pWaitSemaphores = &m_renderFinished[imageIndex];
    present.swapchainCount = 1;
    present.pSwapchains = &m_swapchain;
    present.pImageIndices = &imageIndex;
    const VkResult result = vkQueuePresentKHR(m_device.context().queue(), &present);
    const glm::ivec2 size = m_window.framebufferSize();
    const bool resized =
        std::uint32_t(size.x) != m_extent.width || std::uint32_t(size.y) != m_extent.height;
    if (result == VK_ERROR_OUT_OF_DATE_KHR || result == VK_SUBOPTIMAL_KHR || resized)
        return recreateSwapchain();
    FG_VK_TRY(result);
    return {};
}

Status WindowTarget::renderFrame(const Scene& scene, const Camera& camera,
                                 const RecordOptions& options, FrameStats& stats) {
    if (m_window.minimized()) return {};
    if (!m_swapchain) FG_TRY(recreateSwapchain()); // returning from a minimised state
    if (!m_swapchain) return {};
    VkDevice dev = m_device.device();
    Frame& frame = m_frames[m_frameIndex];
    FG_VK_TRY(vkWaitForFences(dev, 1, &frame.fence, VK_TRUE, UINT64_MAX));
    std::uint32_t imageIndex = 0;
    const VkResult acquired = vkAcquireNextImageKHR(
        dev, m_swapchain, UINT64_MAX, frame.imageAvailable, VK_NULL_HANDLE, &imageIndex);
    if (acquired == VK_ERROR_OUT_OF_DATE_KHR) return recreateSwapchain();
    if (acquired != VK_SUBOPTIMAL_KHR) FG_VK_TRY(acquired);

    if (m_fontsDirty) FG_TRY(rebuildFonts());
    drawUi(m_lastStats);
    FG_VK_TRY(vkResetCommandBuffer(frame.cmd, 0));
    VkCommandBufferBeginInfo begin{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    FG_VK_TRY(vkBeginCommandBuffer(frame.cmd, &begin));
    if (m_scaledFramebuffer) {
        FG_TRY(m_scaledRenderer->record(frame.cmd, m_frameIndex, m_scaledFramebuffer,
                                        scaledExtent(), scene, camera, options, stats));
        vkCmdEndRenderPass(frame.cmd);
        recordUpscale(frame.cmd, imageIndex);
    } else {
        FG_TRY(m_renderer->record(frame.cmd, m_frameIndex, m_framebuffers[imageIndex], m_extent,
                                  scene, camera, options, stats));
        vkCmdEndRenderPass(frame.cmd);
    }
    recordUi(frame.cmd, imageIndex);
    FG_VK_TRY(vkEndCommandBuffer(frame.cmd));
    FG_TRY(submitAndPresent(frame, imageIndex));
    m_frameIndex = (m_frameIndex + 1) % kFramesInFlight;
    m_lastStats = stats;
    return {};
}

Renderer::Impl::~Impl() {
    window.reset();
    offscreen.reset();
    offscreenRenderer.reset();
    device.reset();
}

Result<std::unique_ptr<Renderer>> Renderer::createForWindow(const RendererOptions& options,
                                                            platform::Window& window) {
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    GpuContextOptions gpu;
    gpu.gpuName = options.gpuName;
    gpu.validation = options.validation;
    gpu.instanceExtensions = platform::Window::requiredVulkanExtensions();
    if (gpu.instanceExtensions.empty())
        return makeError("window: GLFW reports no Vulkan surface extensions");
    gpu.wantSwapchain = true;
    auto device = RenderDevice::create(gpu);
    if (!device) return device.error();
    impl->device = std::move(*device);
    auto target = WindowTarget::create(*impl->device, window, options);
    if (!target) return target.error();
    impl->window = std::move(*target);
    return std::unique_ptr<Renderer>(new Renderer(std::move(impl)));
}

Status Renderer::renderToWindow(const Scene& scene, const Camera& camera, FrameStats* stats,
                                const DrawOptions& options) {
    if (!m_impl->window) return makeError("renderer: renderToWindow on a headless renderer");
    FG_TRY(checkSceneResources(*m_impl->device, scene));
    FG_TRY(m_impl->device->flushUploads());
    FrameStats local;
    return m_impl->window->renderFrame(scene, camera, {options.instancing, options.culling},
                                       stats ? *stats : local);
}

void Renderer::setUi(std::function<void()> ui) {
    if (m_impl->window) m_impl->window->setUi(std::move(ui));
}

void Renderer::setStatsOverlay(bool enabled) {
    if (m_impl->window) m_impl->window->setStatsOverlay(enabled);
}

Status Renderer::setResolutionScale(float scale) {
    m_impl->options.resolutionScale = scale;
    if (!m_impl->window) return {};
    return m_impl->window->setResolutionScale(scale);
}

void Renderer::setUiLook(const UiLook& look) {
    if (m_impl->window) m_impl->window->setUiLook(look);
}

UiLook Renderer::uiLook() const {
    return m_impl->window ? m_impl->window->uiLook() : UiLook{};
}

void Renderer::addUiText(std::string_view utf8) {
    if (m_impl->window) m_impl->window->addUiText(utf8);
}

void Renderer::setVsync(bool enabled) {
    m_impl->options.vsync = enabled;
    if (m_impl->window) m_impl->window->setVsync(enabled);
}

} // namespace fg::render
