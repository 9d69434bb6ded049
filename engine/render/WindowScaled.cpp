// Window target, part 2: the UI pass that ImGui draws in over the finished scene, and resolution
// scaling (the scene drawn into a smaller image and blitted, filtered, onto the swapchain image).
// Swapchain life cycle and ImGui set-up stay in WindowTarget.cpp; the frame loop in WindowFrame.
#include "engine/core/Log.h"
#include "engine/render/VkCheck.h"
#include "engine/render/WindowTarget.h"

#include <algorithm>
#include <cmath>

namespace fg::render {
namespace {

constexpr float kMinScale = 0.25f;

void imageBarrier(VkCommandBuffer cmd, VkImage image, VkImageLayout from, VkImageLayout to,
                  VkAccessFlags srcAccess, VkAccessFlags dstAccess, VkPipelineStageFlags srcStage,
                  VkPipelineStageFlags dstStage) {
    VkImageMemoryBarrier b{VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER};
    b.oldLayout = from;
    b.newLayout = to;
    b.srcAccessMask = srcAccess;
    b.dstAccessMask = dstAccess;
    b.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    b.image = image;
    b.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
    vkCmdPipelineBarrier(cmd, srcStage, dstStage, 0, 0, nullptr, 0, nullptr, 1, &b);
}

} // namespace

// One colour attachment, loaded (the scene is already there), left ready to present.
Status WindowTarget::createUiPass() {
    VkAttachmentDescription color{};
    color.format = m_format.format;
    color.samples = VK_SAMPLE_COUNT_1_BIT;
    color.loadOp = VK_ATTACHMENT_LOAD_OP_LOAD;
    color.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
    color.stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
    color.stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
    color.initialLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    color.finalLayout = VK_IMAGE_LAYOUT_PRESENT_SRC_KHR;
    VkAttachmentReference ref{0, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
    VkSubpassDescription subpass{};
    subpass.pipelineBindPoint = VK_PIPELINE_BIND_POINT_GRAPHICS;
    subpass.colorAttachmentCount = 1;
    subpass.pColorAttachments = &ref;
    // The scene pass (colour writes) or the upscale blit (transfer writes) came before.
    VkSubpassDependency dep{};
    dep.srcSubpass = VK_SUBPASS_EXTERNAL;
    dep.dstSubpass = 0;
    dep.srcStageMask =
        VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT;
    dep.srcAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT | VK_ACCESS_TRANSFER_WRITE_BIT;
    dep.dstStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
    dep.dstAccessMask = VK_ACCESS_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
    VkRenderPassCreateInfo info{VK_STRUCTURE_TYPE_RENDER_PASS_CREATE_INFO};
    info.attachmentCount = 1;
    info.pAttachments = &color;
    info.subpassCount = 1;
    info.pSubpasses = &subpass;
    info.dependencyCount = 1;
    info.pDependencies = &dep;
    FG_VK_TRY(vkCreateRenderPass(m_device.device(), &info, nullptr, &m_uiPass));
    return {};
}

Status WindowTarget::createUiFramebuffers() {
    for (VkImageView view : m_views) {
        VkFramebufferCreateInfo fb{VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO};
        fb.renderPass = m_uiPass;
        fb.attachmentCount = 1;
        fb.pAttachments = &view;
        fb.width = m_extent.width;
        fb.height = m_extent.height;
        fb.layers = 1;
        VkFramebuffer framebuffer = VK_NULL_HANDLE;
        FG_VK_TRY(vkCreateFramebuffer(m_device.device(), &fb, nullptr, &framebuffer));
        m_uiFramebuffers.push_back(framebuffer);
    }
    return {};
}

VkExtent2D WindowTarget::scaledExtent() const {
    return {std::max(1u, std::uint32_t(std::lround(float(m_extent.width) * m_scale))),
            std::max(1u, std::uint32_t(std::lround(float(m_extent.height) * m_scale)))};
}

// The smaller scene target: its own SceneRenderer (a pass that ends in TRANSFER_SRC), MSAA
// colour, depth and the single-sample image that is blitted to the window.
Status WindowTarget::createScaledTargets() {
    if (m_scale >= 1.0f || m_extent.width == 0) return {};
    if (!m_scaledRenderer) {
        PassConfig config = m_renderer->config();
        config.finalLayout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
        auto renderer = SceneRenderer::create(m_device, config);
        if (!renderer) return renderer.error();
        m_scaledRenderer = std::move(*renderer);
    }
    VkDevice dev = m_device.device();
    const VkExtent2D extent = scaledExtent();
    const VkSampleCountFlagBits samples = m_scaledRenderer->config().samples;
    const bool msaa = samples != VK_SAMPLE_COUNT_1_BIT;
    auto make = [&](GpuImage& out, VkFormat format, VkImageUsageFlags usage,
                    VkSampleCountFlagBits count, VkImageAspectFlags aspect) -> Status {
        auto image = createImage(dev, m_device.allocator(),
                                 ImageDesc{extent, format, usage, count, 1, aspect});
        if (!image) return image.error();
        out = *image;
        return {};
    };
    if (msaa)
        FG_TRY(make(m_scaledMsaa, m_format.format,
                    VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSIENT_ATTACHMENT_BIT,
                    samples, VK_IMAGE_ASPECT_COLOR_BIT));
    FG_TRY(make(m_scaledDepth, VK_FORMAT_D32_SFLOAT, VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT,
                samples, VK_IMAGE_ASPECT_DEPTH_BIT));
    FG_TRY(make(m_scaledColor, m_format.format,
                VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT,
                VK_SAMPLE_COUNT_1_BIT, VK_IMAGE_ASPECT_COLOR_BIT));
    const VkImageView attachments[3] = {msaa ? m_scaledMsaa.view : m_scaledColor.view,
                                        m_scaledDepth.view, m_scaledColor.view};
    VkFramebufferCreateInfo fb{VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO};
    fb.renderPass = m_scaledRenderer->mainPass();
    fb.attachmentCount = msaa ? 3 : 2;
    fb.pAttachments = attachments;
    fb.width = extent.width;
    fb.height = extent.height;
    fb.layers = 1;
    FG_VK_TRY(vkCreateFramebuffer(dev, &fb, nullptr, &m_scaledFramebuffer));
    return {};
}

void WindowTarget::destroyScaledTargets() {
    VkDevice dev = m_device.device();
    if (m_scaledFramebuffer) vkDestroyFramebuffer(dev, m_scaledFramebuffer, nullptr);
    m_scaledFramebuffer = VK_NULL_HANDLE;
    destroyImage(dev, m_device.allocator(), m_scaledMsaa);
    destroyImage(dev, m_device.allocator(), m_scaledDepth);
    destroyImage(dev, m_device.allocator(), m_scaledColor);
}

// After the scaled scene pass (m_scaledColor in TRANSFER_SRC): stretch it onto the swapchain
// image with linear filtering and leave that ready for the UI pass.
void WindowTarget::recordUpscale(VkCommandBuffer cmd, std::uint32_t imageIndex) {
    VkImage target = m_images[imageIndex];
    // The submit waits for the acquired image at the transfer stage too, so chain from there.
    imageBarrier(cmd, target, VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 0,
                 VK_ACCESS_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT,
                 VK_PIPELINE_STAGE_TRANSFER_BIT);
    const VkExtent2D from = scaledExtent();
    VkImageBlit blit{};
    blit.srcSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    blit.srcOffsets[1] = {std::int32_t(from.width), std::int32_t(from.height), 1};
    blit.dstSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    blit.dstOffsets[1] = {std::int32_t(m_extent.width), std::int32_t(m_extent.height), 1};
    vkCmdBlitImage(cmd, m_scaledColor.image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, target,
                   VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &blit, VK_FILTER_LINEAR);
    imageBarrier(cmd, target, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                 VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_ACCESS_TRANSFER_WRITE_BIT,
                 VK_ACCESS_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT,
                 VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT);
}

Status WindowTarget::setResolutionScale(float scale) {
    scale = std::clamp(std::isfinite(scale) ? scale : 1.0f, kMinScale, 1.0f);
    if (std::abs(scale - m_scale) < 1e-3f) return {};
    m_scale = scale;
    log::info("window: scene drawn at {:.0f}% of the window size", scale * 100.0f);
    return recreateSwapchain();
}

} // namespace fg::render
