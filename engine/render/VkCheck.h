// Internal: turns failing Vulkan calls into fg::Error values (Sascha Willems' VK_CHECK, minus
// abort). Includes Vulkan: only engine/render .cpp files may include this header.
#pragma once

#include "engine/core/Result.h"

#include <fmt/format.h>
#include <vulkan/vulkan.h>

namespace fg::render {

const char* vkResultName(VkResult result);

} // namespace fg::render

// Returns an Error from the enclosing function (Status or Result<T>) when CALL is not VK_SUCCESS.
#define FG_VK_TRY(call)                                                                            \
    do {                                                                                           \
        const VkResult fgVkResult_ = (call);                                                       \
        if (fgVkResult_ != VK_SUCCESS)                                                             \
            return ::fg::makeError(fmt::format("{}:{}: {} failed: {}", __FILE__, __LINE__, #call,  \
                                               ::fg::render::vkResultName(fgVkResult_)));          \
    } while (0)

// Propagates the Error of a Status-returning expression.
#define FG_TRY(expr)                                                                               \
    do {                                                                                           \
        auto fgTryStatus_ = (expr);                                                                \
        if (!fgTryStatus_) return fgTryStatus_.error();                                            \
    } while (0)
