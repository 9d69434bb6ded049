// Block sub-allocator: first fit in sorted free ranges, neighbours merged on free.
// Does not create buffers or images; callers bind what it returns.
#include "engine/render/GpuAllocator.h"

#include "engine/core/Log.h"
#include "engine/render/VkCheck.h"

#include <algorithm>

namespace fg::render {

GpuAllocator::GpuAllocator(VkPhysicalDevice physical, VkDevice device) : m_device(device) {
    vkGetPhysicalDeviceMemoryProperties(physical, &m_props);
    VkPhysicalDeviceProperties props;
    vkGetPhysicalDeviceProperties(physical, &props);
    // Linear buffers and optimal images may share a block; keeping every allocation on this
    // granularity avoids aliasing without tracking resource kinds.
    m_granularity = std::max<VkDeviceSize>(1, props.limits.bufferImageGranularity);
}

GpuAllocator::~GpuAllocator() {
    for (Block& block : m_blocks) {
        if (!block.memory) continue;
        if (block.live)
            log::warn("gpu allocator: block freed with {} live allocations", block.live);
        if (block.mapped) vkUnmapMemory(m_device, block.memory);
        vkFreeMemory(m_device, block.memory, nullptr);
    }
}

Result<std::uint32_t> GpuAllocator::findType(std::uint32_t bits,
                                             VkMemoryPropertyFlags flags) const {
    for (std::uint32_t i = 0; i < m_props.memoryTypeCount; ++i)
        if ((bits & (1u << i)) && (m_props.memoryTypes[i].propertyFlags & flags) == flags) return i;
    return makeError(
        fmt::format("gpu allocator: no memory type for bits {:#x} flags {:#x}", bits, flags));
}

bool GpuAllocator::carve(Block& block, VkDeviceSize size, VkDeviceSize align,
                         VkDeviceSize& offset) {
    for (std::size_t i = 0; i < block.freeRanges.size(); ++i) {
        Range& range = block.freeRanges[i];
        const VkDeviceSize start = (range.offset + align - 1) / align * align;
        const VkDeviceSize end = range.offset + range.size;
        if (start + size > end) continue;
        offset = start;
        const Range before{range.offset, start - range.offset};
        const Range after{start + size, end - (start + size)};
        block.freeRanges.erase(block.freeRanges.begin() + static_cast<std::ptrdiff_t>(i));
        auto at = block.freeRanges.begin() + static_cast<std::ptrdiff_t>(i);
        if (after.size) at = block.freeRanges.insert(at, after);
        if (before.size) block.freeRanges.insert(at, before);
        return true;
    }
    return false;
}

Result<std::uint32_t> GpuAllocator::addBlock(std::uint32_t type, VkDeviceSize minSize) {
    const VkDeviceSize heapSize = m_props.memoryHeaps[m_props.memoryTypes[type].heapIndex].size;
    VkDeviceSize size = std::max(minSize, std::min(kBlockSize, heapSize / 8));
    VkMemoryAllocateInfo info{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
    info.allocationSize = size;
    info.memoryTypeIndex = type;
    Block block;
    FG_VK_TRY(vkAllocateMemory(m_device, &info, nullptr, &block.memory));
    block.type = type;
    block.size = size;
    block.freeRanges.push_back({0, size});
    if (m_props.memoryTypes[type].propertyFlags & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT) {
        const VkResult mapped =
            vkMapMemory(m_device, block.memory, 0, VK_WHOLE_SIZE, 0, &block.mapped);
        if (mapped != VK_SUCCESS) {
            vkFreeMemory(m_device, block.memory, nullptr);
            FG_VK_TRY(mapped);
        }
    }
    m_blocks.push_back(std::move(block));
    return static_cast<std::uint32_t>(m_blocks.size() - 1);
}

Result<GpuAllocation> GpuAllocator::allocate(const VkMemoryRequirements& req,
                                             VkMemoryPropertyFlags flags) {
    auto type = findType(req.memoryTypeBits, flags);
    if (!type) return type.error();
    const VkDeviceSize align = std::max(req.alignment, m_granularity);
    const VkDeviceSize size = (req.size + m_granularity - 1) / m_granularity * m_granularity;
    VkDeviceSize offset = 0;
    std::uint32_t index = 0;
    bool found = false;
    for (; index < m_blocks.size() && !found; ++index)
        found = m_blocks[index].type == *type && m_blocks[index].memory &&
                carve(m_blocks[index], size, align, offset);
    if (found) {
        --index;
    } else {
        auto added = addBlock(*type, size + align);
        if (!added) return added.error();
        index = *added;
        if (!carve(m_blocks[index], size, align, offset))
            return makeError("gpu allocator: fresh block too small");
    }
    Block& block = m_blocks[index];
    ++block.live;
    GpuAllocation out;
    out.memory = block.memory;
    out.offset = offset;
    out.size = size;
    out.block = index;
    out.mapped = block.mapped ? static_cast<char*>(block.mapped) + offset : nullptr;
    return out;
}

void GpuAllocator::free(const GpuAllocation& allocation) {
    if (!allocation) return;
    Block& block = m_blocks[allocation.block];
    auto& ranges = block.freeRanges;
    auto it = std::lower_bound(ranges.begin(), ranges.end(), allocation.offset,
                               [](const Range& r, VkDeviceSize off) { return r.offset < off; });
    it = ranges.insert(it, Range{allocation.offset, allocation.size});
    if (it + 1 != ranges.end() && it->offset + it->size == (it + 1)->offset) {
        it->size += (it + 1)->size;
        ranges.erase(it + 1);
    }
    if (it != ranges.begin() && (it - 1)->offset + (it - 1)->size == it->offset) {
        (it - 1)->size += it->size;
        ranges.erase(it);
    }
    --block.live;
    // Oversized blocks (a big staging buffer) go back as soon as they are empty.
    if (block.live == 0 && block.size > kBlockSize) {
        if (block.mapped) vkUnmapMemory(m_device, block.memory);
        vkFreeMemory(m_device, block.memory, nullptr);
        block = Block{};
    }
}

GpuAllocatorStats GpuAllocator::stats() const {
    GpuAllocatorStats s;
    for (const Block& block : m_blocks) {
        if (!block.memory) continue;
        ++s.blocks;
        s.allocations += block.live;
        s.blockBytes += block.size;
        VkDeviceSize freeBytes = 0;
        for (const Range& r : block.freeRanges)
            freeBytes += r.size;
        s.usedBytes += block.size - freeBytes;
    }
    return s;
}

} // namespace fg::render
