// Internal: GPU memory from a few large blocks per memory type, sub-allocated with alignment.
// Includes Vulkan: engine/render only. Never calls vkAllocateMemory per resource.
#pragma once

#include "engine/core/Result.h"

#include <cstdint>
#include <vector>
#include <vulkan/vulkan.h>

namespace fg::render {

struct GpuAllocation {
    VkDeviceMemory memory = VK_NULL_HANDLE;
    VkDeviceSize offset = 0;
    VkDeviceSize size = 0;
    void* mapped = nullptr; // host-visible allocations stay mapped
    std::uint32_t block = 0;
    explicit operator bool() const { return memory != VK_NULL_HANDLE; }
};

struct GpuAllocatorStats {
    std::uint32_t blocks = 0;
    std::uint32_t allocations = 0;
    VkDeviceSize blockBytes = 0;
    VkDeviceSize usedBytes = 0;
};

class GpuAllocator {
public:
    static constexpr VkDeviceSize kBlockSize = 64ull * 1024 * 1024;

    GpuAllocator(VkPhysicalDevice physical, VkDevice device);
    ~GpuAllocator();
    GpuAllocator(const GpuAllocator&) = delete;
    GpuAllocator& operator=(const GpuAllocator&) = delete;

    Result<GpuAllocation> allocate(const VkMemoryRequirements& req, VkMemoryPropertyFlags flags);
    void free(const GpuAllocation& allocation);
    GpuAllocatorStats stats() const;

private:
    struct Range {
        VkDeviceSize offset, size;
    };
    struct Block {
        VkDeviceMemory memory = VK_NULL_HANDLE;
        std::uint32_t type = 0;
        VkDeviceSize size = 0;
        void* mapped = nullptr;
        std::vector<Range> freeRanges; // sorted by offset, merged on free
        std::uint32_t live = 0;
    };
    Result<std::uint32_t> findType(std::uint32_t bits, VkMemoryPropertyFlags flags) const;
    bool carve(Block& block, VkDeviceSize size, VkDeviceSize align, VkDeviceSize& offset);
    Result<std::uint32_t> addBlock(std::uint32_t type, VkDeviceSize minSize);

    VkDevice m_device;
    VkPhysicalDeviceMemoryProperties m_props{};
    VkDeviceSize m_granularity = 1;
    std::vector<Block> m_blocks;
};

} // namespace fg::render
