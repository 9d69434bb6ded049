// Reports the Vulkan loader version; the renderer lands beside this file.
// Must not expose Vulkan types.
#pragma once

#include <cstdint>

namespace fg::render {
std::uint32_t loaderApiVersion();
} // namespace fg::render
