// The GLFW adapter: the only file that includes GLFW. Window, events, input, Vulkan surface.
// Must not draw or own Vulkan objects beyond creating the surface it is asked for.
#include "engine/platform/Window.h"

#include "engine/core/Log.h"

#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>
#include <cmath>
#include <map>
#include <mutex>

namespace fg::platform {
namespace {

std::mutex gMutex;
int gWindows = 0;

// Files dropped on each window, kept until Window::takeDroppedPaths (GLFW calls back from
// glfwPollEvents on the window's thread).
std::map<GLFWwindow*, std::vector<std::string>> gDropped;

void onDrop(GLFWwindow* window, int count, const char** paths) {
    for (int i = 0; i < count; ++i)
        if (paths[i]) gDropped[window].emplace_back(paths[i]);
}

void onGlfwError(int code, const char* text) {
    log::error("glfw: error {}: {}", code, text ? text : "(no text)");
}

GLFWwindow* handle(void* p) {
    return static_cast<GLFWwindow*>(p);
}

Status acquireGlfw() {
    std::lock_guard lock(gMutex);
    if (gWindows == 0) {
        glfwSetErrorCallback(onGlfwError);
        if (!glfwInit())
            return makeError("glfw: initialisation failed (is there a display? DISPLAY unset?)");
    }
    ++gWindows;
    return {};
}

void releaseGlfw() {
    std::lock_guard lock(gMutex);
    if (--gWindows == 0) glfwTerminate();
}

int glfwKey(Key key) {
    switch (key) {
    case Key::W:
        return GLFW_KEY_W;
    case Key::A:
        return GLFW_KEY_A;
    case Key::S:
        return GLFW_KEY_S;
    case Key::D:
        return GLFW_KEY_D;
    case Key::Q:
        return GLFW_KEY_Q;
    case Key::E:
        return GLFW_KEY_E;
    case Key::Up:
        return GLFW_KEY_UP;
    case Key::Down:
        return GLFW_KEY_DOWN;
    case Key::Left:
        return GLFW_KEY_LEFT;
    case Key::Right:
        return GLFW_KEY_RIGHT;
    case Key::Space:
        return GLFW_KEY_SPACE;
    case Key::LeftShift:
        return GLFW_KEY_LEFT_SHIFT;
    case Key::Escape:
        return GLFW_KEY_ESCAPE;
    case Key::Enter:
        return GLFW_KEY_ENTER;
    case Key::Tab:
        return GLFW_KEY_TAB;
    case Key::N:
        return GLFW_KEY_N;
    case Key::B:
        return GLFW_KEY_B;
    case Key::O:
        return GLFW_KEY_O;
    case Key::G:
        return GLFW_KEY_G;
    case Key::J:
        return GLFW_KEY_J;
    case Key::F1:
        return GLFW_KEY_F1;
    case Key::F2:
        return GLFW_KEY_F2;
    case Key::F3:
        return GLFW_KEY_F3;
    case Key::F4:
        return GLFW_KEY_F4;
    case Key::V:
        return GLFW_KEY_V;
    }
    return GLFW_KEY_UNKNOWN;
}

} // namespace

Result<std::unique_ptr<Window>> Window::create(const WindowOptions& options) {
    if (options.width <= 0 || options.height <= 0)
        return makeError(fmt::format("window: bad size {}x{}", options.width, options.height));
    if (auto s = acquireGlfw(); !s) return s.error();
    if (!glfwVulkanSupported()) {
        releaseGlfw();
        return makeError("glfw: no Vulkan loader or ICD usable for windows");
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
    glfwWindowHint(GLFW_RESIZABLE, options.resizable ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
    GLFWwindow* window =
        glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
    if (!window) {
        releaseGlfw();
        return makeError(
            fmt::format("glfw: could not create a {}x{} window", options.width, options.height));
    }
    glfwSetDropCallback(window, onDrop);
    return std::unique_ptr<Window>(new Window(window));
}

Window::~Window() {
    gDropped.erase(handle(m_window));
    glfwDestroyWindow(handle(m_window));
    releaseGlfw();
}

bool Window::shouldClose() const {
    return glfwWindowShouldClose(handle(m_window));
}

void Window::requestClose() {
    glfwSetWindowShouldClose(handle(m_window), GLFW_TRUE);
}

void Window::pollEvents() {
    glfwPollEvents();
}

std::vector<std::string> Window::takeDroppedPaths() {
    auto it = gDropped.find(handle(m_window));
    if (it == gDropped.end()) return {};
    std::vector<std::string> out = std::move(it->second);
    gDropped.erase(it);
    return out;
}

glm::ivec2 Window::framebufferSize() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(handle(m_window), &w, &h);
    return {w, h};
}

float Window::contentScale() const {
    float x = 1.0f, y = 1.0f;
    glfwGetWindowContentScale(handle(m_window), &x, &y);
    return std::isfinite(y) && y > 0 ? y : 1.0f;
}

bool Window::minimized() const {
    const glm::ivec2 size = framebufferSize();
    return glfwGetWindowAttrib(handle(m_window), GLFW_ICONIFIED) || size.x == 0 || size.y == 0;
}

void Window::setSize(int width, int height) {
    glfwSetWindowSize(handle(m_window), width, height);
}

void Window::iconify() {
    glfwIconifyWindow(handle(m_window));
}

void Window::restore() {
    glfwRestoreWindow(handle(m_window));
}

void Window::setTitle(const std::string& title) {
    glfwSetWindowTitle(handle(m_window), title.c_str());
}

bool Window::keyDown(Key key) const {
    return glfwGetKey(handle(m_window), glfwKey(key)) == GLFW_PRESS;
}

bool Window::mouseDown(MouseButton button) const {
    const int b = button == MouseButton::Left    ? GLFW_MOUSE_BUTTON_LEFT
                  : button == MouseButton::Right ? GLFW_MOUSE_BUTTON_RIGHT
                                                 : GLFW_MOUSE_BUTTON_MIDDLE;
    return glfwGetMouseButton(handle(m_window), b) == GLFW_PRESS;
}

glm::dvec2 Window::cursorPosition() const {
    glm::dvec2 p{0.0};
    glfwGetCursorPos(handle(m_window), &p.x, &p.y);
    return p;
}

std::vector<std::string> Window::requiredVulkanExtensions() {
    std::uint32_t count = 0;
    const char** names = glfwGetRequiredInstanceExtensions(&count);
    std::vector<std::string> out;
    for (std::uint32_t i = 0; names && i < count; ++i)
        out.emplace_back(names[i]);
    return out;
}

Result<std::uint64_t> Window::createVulkanSurface(void* vkInstance) const {
    VkSurfaceKHR surface = VK_NULL_HANDLE;
    const VkResult result = glfwCreateWindowSurface(static_cast<VkInstance>(vkInstance),
                                                    handle(m_window), nullptr, &surface);
    if (result != VK_SUCCESS)
        return makeError(
            fmt::format("glfw: glfwCreateWindowSurface failed ({})", static_cast<int>(result)));
    return reinterpret_cast<std::uint64_t>(surface);
}

} // namespace fg::platform
