// Reports the windowing library in use; the GLFW window adapter lands beside this file.
// Must not expose GLFW types.
#pragma once

#include <string>

namespace fg::platform {
std::string windowLibraryVersion();
} // namespace fg::platform
