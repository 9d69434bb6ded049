// Public window and input: a desktop window, its events, keys and mouse, and the Vulkan surface
// hook. No GLFW or Vulkan types here; handles cross this boundary as opaque integers/pointers.
#pragma once

#include "engine/core/Result.h"

#include <cstdint>
#include <glm/glm.hpp>
#include <memory>
#include <string>
#include <vector>

namespace fg::platform {

struct WindowOptions {
    std::string title = "Fairground";
    int width = 1280;
    int height = 720;
    bool resizable = true;
    bool visible = true;
};

enum class Key {
    W,
    A,
    S,
    D,
    Q,
    E,
    Up,
    Down,
    Left,
    Right,
    Space,
    LeftShift,
    Escape,
    Enter,
    Tab,
    N,
    B,
    O,
    G,
    J,
    F1,
    F2,
    F3,
    F4, // the client's keyboard shortcuts (docs/CLIENT.md, Keyboard)
    V   // push-to-talk (voice)
};
enum class MouseButton { Left, Right, Middle };

class Window {
public:
    static Result<std::unique_ptr<Window>> create(const WindowOptions& options);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    bool shouldClose() const;
    void requestClose();
    void pollEvents();
    // Framebuffer size in pixels; (0, 0) while minimised.
    glm::ivec2 framebufferSize() const;
    // The monitor's content scale (1 on a 96 dpi screen, 2 on most 4K laptops): UI scale default.
    float contentScale() const;
    bool minimized() const;
    void setSize(int width, int height);
    void iconify();
    void restore();
    void setTitle(const std::string& title);

    bool keyDown(Key key) const;
    bool mouseDown(MouseButton button) const;
    glm::dvec2 cursorPosition() const;
    // Paths of the files dropped on the window since the last call (a deck on the stage panel).
    std::vector<std::string> takeDroppedPaths();

    // Vulkan glue, for engine/render only: instance extensions the surface needs, and the
    // surface itself (VkInstance in, VkSurfaceKHR out as an integer handle).
    static std::vector<std::string> requiredVulkanExtensions();
    Result<std::uint64_t> createVulkanSurface(void* vkInstance) const;
    // The GLFWwindow*, for the Dear ImGui GLFW backend inside engine/render.
    void* nativeHandle() const { return m_window; }

private:
    explicit Window(void* window) : m_window(window) {}
    void* m_window = nullptr;
};

} // namespace fg::platform
