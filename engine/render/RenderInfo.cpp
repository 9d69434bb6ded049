// Vulkan loader version query (needs no device or display).
// The only Vulkan include until the renderer lands.
#include "engine/render/RenderInfo.h"

#include <vulkan/vulkan.h>

namespace fg::render {
std::uint32_t loaderApiVersion() {
    std::uint32_t version = VK_API_VERSION_1_0;
    if (vkEnumerateInstanceVersion(&version) != VK_SUCCESS) return VK_API_VERSION_1_0;
    return version;
}
} // namespace fg::render
