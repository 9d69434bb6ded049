// Offscreen target: attachments, framebuffer, one command buffer and fence, and the readback copy.
// Must not keep frames in flight: render() waits, so tools and tests see finished pixels.
#include "engine/render/OffscreenTarget.h"

#include "engine/core/Time.h"
#include "engine/render/VkCheck.h"

#include <cstring>

namespace fg::render {

Result<std::unique_ptr<OffscreenTarget>>
OffscreenTarget::create(RenderDevice& device, SceneRenderer& renderer, VkExtent2D extent) {
    if (extent.width == 0 || extent.height == 0 || extent.width > 8192 || extent.height > 8192)
        return makeError(fmt::format("offscreen target: size {}x{} outside 1..8192", extent.width,
                                     extent.height));
    std::unique_ptr<OffscreenTarget> target(new OffscreenTarget(device, renderer));
    FG_TRY(target->init(extent));
    return target;
}

Status OffscreenTarget::init(VkExtent2D extent) {
    m_extent = extent;
    VkDevice dev = m_device.device();
    const PassConfig& config = m_renderer.config();
    const bool msaa = config.samples != VK_SAMPLE_COUNT_1_BIT;
    ImageDesc color;
    color.extent = extent;
    color.format = config.colorFormat;
    color.samples = VK_SAMPLE_COUNT_1_BIT;
    color.usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
    auto resolved = createImage(dev, m_device.allocator(), color);
    if (!resolved) return resolved.error();
    m_resolved = *resolved;
    if (msaa) {
        color.samples = config.samples;
        color.usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSIENT_ATTACHMENT_BIT;
        auto image = createImage(dev, m_device.allocator(), color);
        if (!image) return image.error();
        m_msaaColor = *image;
    }
    ImageDesc depth;
    depth.extent = extent;
    depth.format = VK_FORMAT_D32_SFLOAT;
    depth.samples = config.samples;
    depth.usage = VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT;
    depth.aspect = VK_IMAGE_ASPECT_DEPTH_BIT;
    auto depthImage = createImage(dev, m_device.allocator(), depth);
    if (!depthImage) return depthImage.error();
    m_depth = *depthImage;

    const VkImageView views[3] = {msaa ? m_msaaColor.view : m_resolved.view, m_depth.view,
                                  m_resolved.view};
    VkFramebufferCreateInfo fb{VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO};
    fb.renderPass = m_renderer.mainPass();
    fb.attachmentCount = msaa ? 3 : 2;
    fb.pAttachments = views;
    fb.width = extent.width;
    fb.height = extent.height;
    fb.layers = 1;
    FG_VK_TRY(vkCreateFramebuffer(dev, &fb, nullptr, &m_framebuffer));

    auto readback =
        createBuffer(dev, m_device.allocator(), VkDeviceSize(extent.width) * extent.height * 4,
                     VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                     VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
    if (!readback) return readback.error();
    m_readback = *readback;

    VkCommandPoolCreateInfo pool{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
    pool.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
    pool.queueFamilyIndex = m_device.context().queueFamily();
    FG_VK_TRY(vkCreateCommandPool(dev, &pool, nullptr, &m_pool));
    VkCommandBufferAllocateInfo alloc{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
    alloc.commandPool = m_pool;
    alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    alloc.commandBufferCount = 1;
    FG_VK_TRY(vkAllocateCommandBuffers(dev, &alloc, &m_cmd));
    VkFenceCreateInfo fence{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
    FG_VK_TRY(vkCreateFence(dev, &fence, nullptr, &m_fence));
    return {};
}

OffscreenTarget::~OffscreenTarget() {
    VkDevice dev = m_device.device();
    vkDeviceWaitIdle(dev);
    if (m_fence) vkDestroyFence(dev, m_fence, nullptr);
    if (m_pool) vkDestroyCommandPool(dev, m_pool, nullptr);
    if (m_framebuffer) vkDestroyFramebuffer(dev, m_framebuffer, nullptr);
    destroyBuffer(dev, m_device.allocator(), m_readback);
    destroyImage(dev, m_device.allocator(), m_depth);
    destroyImage(dev, m_device.allocator(), m_msaaColor);
    destroyImage(dev, m_device.allocator(), m_resolved);
}

void OffscreenTarget::recordReadback(VkCommandBuffer cmd) {
    // The render pass leaves the resolved image in TRANSFER_SRC_OPTIMAL and its outgoing
    // dependency orders the colour writes before this transfer.
    VkBufferImageCopy copy{};
    copy.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    copy.imageExtent = {m_extent.width, m_extent.height, 1};
    vkCmdCopyImageToBuffer(cmd, m_resolved.image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                           m_readback.buffer, 1, &copy);
    VkBufferMemoryBarrier barrier{VK_STRUCTURE_TYPE_BUFFER_MEMORY_BARRIER};
    barrier.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
    barrier.dstAccessMask = VK_ACCESS_HOST_READ_BIT;
    barrier.srcQueueFamilyIndex = barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    barrier.buffer = m_readback.buffer;
    barrier.size = VK_WHOLE_SIZE;
    vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0, 0,
                         nullptr, 1, &barrier, 0, nullptr);
}

Result<ImageData> OffscreenTarget::render(const Scene& scene, const Camera& camera,
                                          const RecordOptions& options, FrameStats& stats) {
    const double start = monotonicSeconds();
    VkDevice dev = m_device.device();
    FG_VK_TRY(vkResetCommandBuffer(m_cmd, 0));
    VkCommandBufferBeginInfo begin{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    FG_VK_TRY(vkBeginCommandBuffer(m_cmd, &begin));
    FG_TRY(m_renderer.record(m_cmd, 0, m_framebuffer, m_extent, scene, camera, options, stats));
    vkCmdEndRenderPass(m_cmd);
    recordReadback(m_cmd);
    FG_VK_TRY(vkEndCommandBuffer(m_cmd));
    VkSubmitInfo submit{VK_STRUCTURE_TYPE_SUBMIT_INFO};
    submit.commandBufferCount = 1;
    submit.pCommandBuffers = &m_cmd;
    FG_VK_TRY(vkResetFences(dev, 1, &m_fence));
    FG_VK_TRY(vkQueueSubmit(m_device.context().queue(), 1, &submit, m_fence));
    FG_VK_TRY(vkWaitForFences(dev, 1, &m_fence, VK_TRUE, UINT64_MAX));
    ImageData out;
    out.name = "offscreen";
    out.width = m_extent.width;
    out.height = m_extent.height;
    out.rgba.resize(std::size_t(m_extent.width) * m_extent.height * 4);
    std::memcpy(out.rgba.data(), m_readback.mapped(), out.rgba.size());
    stats.frameMs = (monotonicSeconds() - start) * 1000.0;
    return out;
}

} // namespace fg::render
