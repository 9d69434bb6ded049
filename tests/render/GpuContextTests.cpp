// Tests of engine/render internals that need raw Vulkan: the validation-message counter really
// counts (so "zero messages" checks elsewhere can fail) and the memory allocator's sub-allocation.
#include "engine/render/GpuAllocator.h"
#include "engine/render/GpuContext.h"

#include <doctest/doctest.h>

using namespace fg::render;

TEST_CASE("gpu context: messages reaching the debug messenger are counted") {
    auto context = GpuContext::create({});
    REQUIRE_MESSAGE(context.ok(), (context.ok() ? "" : context.error().message));
    GpuContext& ctx = **context;
    CHECK(ctx.validationMessages() == 0);
    auto submit = reinterpret_cast<PFN_vkSubmitDebugUtilsMessageEXT>(
        vkGetInstanceProcAddr(ctx.instance(), "vkSubmitDebugUtilsMessageEXT"));
    REQUIRE(bool(submit));
    VkDebugUtilsMessengerCallbackDataEXT data{
        VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CALLBACK_DATA_EXT};
    data.pMessage = "fairground test message (expected)";
    const std::uint32_t totalBefore = validationMessagesTotal();
    submit(ctx.instance(), VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT,
           VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT, &data);
    CHECK(ctx.validationMessages() == 1);
    CHECK(validationMessagesTotal() == totalBefore + 1);
}

TEST_CASE("gpu allocator: aligned sub-allocations share a block and coalesce when freed") {
    auto context = GpuContext::create({});
    REQUIRE(context.ok());
    GpuAllocator allocator((*context)->physicalDevice(), (*context)->device());
    VkMemoryRequirements req{1000, 256, ~0u};
    auto a = allocator.allocate(req, VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT);
    auto b = allocator.allocate(req, VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT);
    REQUIRE((a.ok() && b.ok()));
    CHECK(a->memory == b->memory);
    CHECK(a->offset % 256 == 0);
    CHECK(b->offset % 256 == 0);
    CHECK((b->offset >= a->offset + 1000 || a->offset >= b->offset + 1000));
    CHECK(a->mapped != nullptr);
    CHECK(allocator.stats().blocks == 1);
    CHECK(allocator.stats().allocations == 2);
    allocator.free(*a);
    allocator.free(*b);
    CHECK(allocator.stats().usedBytes == 0);
    // After coalescing, one allocation of almost the whole block fits again.
    VkMemoryRequirements big{GpuAllocator::kBlockSize / 2, 256, ~0u};
    auto c = allocator.allocate(big, VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT);
    REQUIRE(c.ok());
    CHECK(allocator.stats().blocks == 1);
    allocator.free(*c);
}
