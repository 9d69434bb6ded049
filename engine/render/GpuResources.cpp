// Buffers, images and the batched staging upload with blit-generated mipmaps.
// Does not own frame or scene state; callers destroy what they create.
#include "engine/render/GpuResources.h"

#include "engine/render/VkCheck.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace fg::render {

Result<GpuBuffer> createBuffer(VkDevice device, GpuAllocator& allocator, VkDeviceSize size,
                               VkBufferUsageFlags usage, VkMemoryPropertyFlags memoryFlags) {
    GpuBuffer out;
    out.size = size;
    VkBufferCreateInfo info{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
    info.size = std::max<VkDeviceSize>(size, 4);
    info.usage = usage;
    info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    FG_VK_TRY(vkCreateBuffer(device, &info, nullptr, &out.buffer));
    VkMemoryRequirements req;
    vkGetBufferMemoryRequirements(device, out.buffer, &req);
    auto memory = allocator.allocate(req, memoryFlags);
    if (!memory) {
        vkDestroyBuffer(device, out.buffer, nullptr);
        return memory.error();
    }
    out.memory = *memory;
    FG_VK_TRY(vkBindBufferMemory(device, out.buffer, out.memory.memory, out.memory.offset));
    return out;
}

void destroyBuffer(VkDevice device, GpuAllocator& allocator, GpuBuffer& buffer) {
    if (buffer.buffer) vkDestroyBuffer(device, buffer.buffer, nullptr);
    allocator.free(buffer.memory);
    buffer = GpuBuffer{};
}

Result<GpuImage> createImage(VkDevice device, GpuAllocator& allocator, const ImageDesc& desc) {
    GpuImage out;
    out.format = desc.format;
    out.extent = desc.extent;
    out.mipLevels = desc.mipLevels;
    VkImageCreateInfo info{VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO};
    info.imageType = VK_IMAGE_TYPE_2D;
    info.format = desc.format;
    info.extent = {desc.extent.width, desc.extent.height, 1};
    info.mipLevels = desc.mipLevels;
    info.arrayLayers = 1;
    info.samples = desc.samples;
    info.tiling = VK_IMAGE_TILING_OPTIMAL;
    info.usage = desc.usage;
    info.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
    FG_VK_TRY(vkCreateImage(device, &info, nullptr, &out.image));
    VkMemoryRequirements req;
    vkGetImageMemoryRequirements(device, out.image, &req);
    auto memory = allocator.allocate(req, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
    if (!memory) {
        vkDestroyImage(device, out.image, nullptr);
        return memory.error();
    }
    out.memory = *memory;
    FG_VK_TRY(vkBindImageMemory(device, out.image, out.memory.memory, out.memory.offset));
    VkImageViewCreateInfo view{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
    view.image = out.image;
    view.viewType = VK_IMAGE_VIEW_TYPE_2D;
    view.format = desc.format;
    view.subresourceRange = {desc.aspect, 0, desc.mipLevels, 0, 1};
    FG_VK_TRY(vkCreateImageView(device, &view, nullptr, &out.view));
    return out;
}

void destroyImage(VkDevice device, GpuAllocator& allocator, GpuImage& image) {
    if (image.view) vkDestroyImageView(device, image.view, nullptr);
    if (image.image) vkDestroyImage(device, image.image, nullptr);
    allocator.free(image.memory);
    image = GpuImage{};
}

std::uint32_t mipLevelsFor(std::uint32_t width, std::uint32_t height) {
    return static_cast<std::uint32_t>(std::bit_width(std::max(1u, std::max(width, height))));
}

UploadBatch::UploadBatch(GpuContext& context, GpuAllocator& allocator)
    : m_context(context), m_allocator(allocator) {}

UploadBatch::~UploadBatch() = default;

void UploadBatch::uploadBuffer(const GpuBuffer& dst, std::span<const std::uint8_t> bytes) {
    const VkDeviceSize offset = (m_bytes.size() + 15) / 16 * 16;
    m_bytes.resize(offset + bytes.size());
    std::memcpy(m_bytes.data() + offset, bytes.data(), bytes.size());
    m_jobs.push_back({dst.buffer, GpuImage{}, offset, bytes.size()});
}

void UploadBatch::uploadImage(const GpuImage& dst, std::span<const std::uint8_t> rgba) {
    const VkDeviceSize offset = (m_bytes.size() + 15) / 16 * 16;
    m_bytes.resize(offset + rgba.size());
    std::memcpy(m_bytes.data() + offset, rgba.data(), rgba.size());
    m_jobs.push_back({VK_NULL_HANDLE, dst, offset, rgba.size()});
}

namespace {

void imageBarrier(VkCommandBuffer cmd, VkImage image, std::uint32_t mip, std::uint32_t count,
                  VkImageLayout from, VkImageLayout to, VkAccessFlags srcAccess,
                  VkAccessFlags dstAccess, VkPipelineStageFlags srcStage,
                  VkPipelineStageFlags dstStage) {
    VkImageMemoryBarrier barrier{VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER};
    barrier.srcAccessMask = srcAccess;
    barrier.dstAccessMask = dstAccess;
    barrier.oldLayout = from;
    barrier.newLayout = to;
    barrier.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    barrier.image = image;
    barrier.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, mip, count, 0, 1};
    vkCmdPipelineBarrier(cmd, srcStage, dstStage, 0, 0, nullptr, 0, nullptr, 1, &barrier);
}

} // namespace

void UploadBatch::recordImage(VkCommandBuffer cmd, VkBuffer staging, const Job& job) {
    const GpuImage& img = job.image;
    constexpr auto kTransfer = VK_PIPELINE_STAGE_TRANSFER_BIT;
    imageBarrier(cmd, img.image, 0, img.mipLevels, VK_IMAGE_LAYOUT_UNDEFINED,
                 VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 0, VK_ACCESS_TRANSFER_WRITE_BIT,
                 VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT, kTransfer);
    VkBufferImageCopy copy{};
    copy.bufferOffset = job.stagingOffset;
    copy.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    copy.imageExtent = {img.extent.width, img.extent.height, 1};
    vkCmdCopyBufferToImage(cmd, staging, img.image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &copy);
    std::int32_t w = static_cast<std::int32_t>(img.extent.width);
    std::int32_t h = static_cast<std::int32_t>(img.extent.height);
    for (std::uint32_t mip = 1; mip < img.mipLevels; ++mip) {
        imageBarrier(cmd, img.image, mip - 1, 1, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                     VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_ACCESS_TRANSFER_WRITE_BIT,
                     VK_ACCESS_TRANSFER_READ_BIT, kTransfer, kTransfer);
        VkImageBlit blit{};
        blit.srcSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, mip - 1, 0, 1};
        blit.srcOffsets[1] = {w, h, 1};
        w = std::max(1, w / 2);
        h = std::max(1, h / 2);
        blit.dstSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, mip, 0, 1};
        blit.dstOffsets[1] = {w, h, 1};
        vkCmdBlitImage(cmd, img.image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, img.image,
                       VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &blit, VK_FILTER_LINEAR);
        imageBarrier(cmd, img.image, mip - 1, 1, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                     VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_ACCESS_TRANSFER_READ_BIT,
                     VK_ACCESS_SHADER_READ_BIT, kTransfer, VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT);
    }
    imageBarrier(cmd, img.image, img.mipLevels - 1, 1, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                 VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_ACCESS_TRANSFER_WRITE_BIT,
                 VK_ACCESS_SHADER_READ_BIT, kTransfer, VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT);
}

Status UploadBatch::flush() {
    if (m_jobs.empty()) return {};
    VkDevice device = m_context.device();
    auto staging =
        createBuffer(device, m_allocator, m_bytes.size(), VK_BUFFER_USAGE_TRANSFER_SRC_BIT,
                     VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
    if (!staging) return staging.error();
    std::memcpy(staging->mapped(), m_bytes.data(), m_bytes.size());
    const VkBuffer src = staging->buffer;
    Status status = m_context.submitNow([&](VkCommandBuffer cmd) {
        for (const Job& job : m_jobs) {
            if (job.image.image) {
                recordImage(cmd, src, job);
                continue;
            }
            VkBufferCopy region{job.stagingOffset, 0, job.size};
            vkCmdCopyBuffer(cmd, src, job.buffer, 1, &region);
        }
        VkMemoryBarrier barrier{VK_STRUCTURE_TYPE_MEMORY_BARRIER};
        barrier.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
        barrier.dstAccessMask = VK_ACCESS_VERTEX_ATTRIBUTE_READ_BIT | VK_ACCESS_INDEX_READ_BIT;
        vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT,
                             VK_PIPELINE_STAGE_VERTEX_INPUT_BIT, 0, 1, &barrier, 0, nullptr, 0,
                             nullptr);
    });
    destroyBuffer(device, m_allocator, *staging);
    m_bytes.clear();
    m_jobs.clear();
    return status;
}

} // namespace fg::render
