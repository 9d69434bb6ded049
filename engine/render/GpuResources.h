// Internal: buffer and image value types with explicit create/destroy, staged batched uploads.
// Includes Vulkan: engine/render only. Memory always comes from GpuAllocator.
#pragma once

#include "engine/render/GpuAllocator.h"
#include "engine/render/GpuContext.h"

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace fg::render {

struct GpuBuffer {
    VkBuffer buffer = VK_NULL_HANDLE;
    GpuAllocation memory;
    VkDeviceSize size = 0;
    void* mapped() const { return memory.mapped; }
};

struct GpuImage {
    VkImage image = VK_NULL_HANDLE;
    VkImageView view = VK_NULL_HANDLE;
    GpuAllocation memory;
    VkFormat format = VK_FORMAT_UNDEFINED;
    VkExtent2D extent{};
    std::uint32_t mipLevels = 1;
};

struct ImageDesc {
    VkExtent2D extent{};
    VkFormat format = VK_FORMAT_R8G8B8A8_SRGB;
    VkImageUsageFlags usage = 0;
    VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT;
    std::uint32_t mipLevels = 1;
    VkImageAspectFlags aspect = VK_IMAGE_ASPECT_COLOR_BIT;
};

Result<GpuBuffer> createBuffer(VkDevice device, GpuAllocator& allocator, VkDeviceSize size,
                               VkBufferUsageFlags usage, VkMemoryPropertyFlags memoryFlags);
void destroyBuffer(VkDevice device, GpuAllocator& allocator, GpuBuffer& buffer);
Result<GpuImage> createImage(VkDevice device, GpuAllocator& allocator, const ImageDesc& desc);
void destroyImage(VkDevice device, GpuAllocator& allocator, GpuImage& image);

std::uint32_t mipLevelsFor(std::uint32_t width, std::uint32_t height);

// Collects buffer and texture uploads and records them all into one command buffer on flush():
// one staging buffer, one submit, mip chains generated with vkCmdBlitImage.
class UploadBatch {
public:
    UploadBatch(GpuContext& context, GpuAllocator& allocator);
    ~UploadBatch();
    void uploadBuffer(const GpuBuffer& dst, std::span<const std::uint8_t> bytes);
    // RGBA8 top-to-bottom rows into mip 0; other mips are generated; ends SHADER_READ_ONLY.
    void uploadImage(const GpuImage& dst, std::span<const std::uint8_t> rgba);
    bool empty() const { return m_jobs.empty(); }
    std::size_t pendingBytes() const { return m_bytes.size(); }
    Status flush();

private:
    struct Job {
        VkBuffer buffer = VK_NULL_HANDLE;
        GpuImage image; // a copy: the caller's container may move its images
        VkDeviceSize stagingOffset = 0;
        VkDeviceSize size = 0;
    };
    void recordImage(VkCommandBuffer cmd, VkBuffer staging, const Job& job);

    GpuContext& m_context;
    GpuAllocator& m_allocator;
    std::vector<std::uint8_t> m_bytes;
    std::vector<Job> m_jobs;
};

} // namespace fg::render
