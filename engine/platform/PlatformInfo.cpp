// GLFW version query; the only GLFW include in the tree until the window adapter lands.
// Does not initialise GLFW (works without a display).
#include "engine/platform/PlatformInfo.h"

#include <GLFW/glfw3.h>

namespace fg::platform {
std::string windowLibraryVersion() {
    return glfwGetVersionString();
}
} // namespace fg::platform
