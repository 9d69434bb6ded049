// Internal: the window target: surface, swapchain (resize, minimise, vsync), frames in flight,
// ImGui. Includes Vulkan: engine/render only. GLFW is reached only through fg::platform::Window.
#pragma once

#include "engine/platform/Window.h"
#include "engine/render/Renderer.h"
#include "engine/render/SceneRenderer.h"
#include "engine/render/UiFonts.h"

#include <functional>

namespace fg::render {

class WindowTarget {
public:
    static constexpr std::uint32_t kFramesInFlight = 2;

    static Result<std::unique_ptr<WindowTarget>>
    create(RenderDevice& device, platform::Window& window, const RendererOptions& options);
    ~WindowTarget();

    Status renderFrame(const Scene& scene, const Camera& camera, const RecordOptions& options,
                       FrameStats& stats);
    void setUi(std::function<void()> ui) { m_ui = std::move(ui); }
    void setStatsOverlay(bool enabled) { m_overlay = enabled; }
    void setVsync(bool enabled);
    void setUiLook(const UiLook& look);
    UiLook uiLook() const { return m_look; }
    void addUiText(std::string_view utf8);
    // Draws the scene at SCALE (0.25-1) of the window size and stretches it to the window; the
    // UI stays at full size. Takes effect at once (the swapchain targets are rebuilt).
    Status setResolutionScale(float scale);
    float resolutionScale() const { return m_scale; }

private:
    struct Frame {
        VkCommandBuffer cmd = VK_NULL_HANDLE;
        VkFence fence = VK_NULL_HANDLE;
        VkSemaphore imageAvailable = VK_NULL_HANDLE;
    };
    WindowTarget(RenderDevice& device, platform::Window& window)
        : m_device(device), m_window(window) {}
    Status init(const RendererOptions& options);
    Status createSwapchain();
    Status createTargets();
    void destroySwapchain();
    Status recreateSwapchain();
    Status createFrames();
    Status initImGui();
    Status initImGuiVulkan();
    // Rebuilds the UI font atlas and re-creates the ImGui Vulkan backend's objects around it.
    Status rebuildFonts();
    // WindowScaled.cpp: the UI pass, and the reduced-size scene target with its blit.
    Status createUiPass();
    Status createUiFramebuffers();
    Status createScaledTargets();
    void destroyScaledTargets();
    VkExtent2D scaledExtent() const;
    void recordUpscale(VkCommandBuffer cmd, std::uint32_t imageIndex);
    void recordUi(VkCommandBuffer cmd, std::uint32_t imageIndex);
    void drawUi(const FrameStats& last);
    Status submitAndPresent(Frame& frame, std::uint32_t imageIndex);

    RenderDevice& m_device;
    platform::Window& m_window;
    VkSurfaceKHR m_surface = VK_NULL_HANDLE;
    VkSurfaceFormatKHR m_format{};
    bool m_vsync = true;
    VkSwapchainKHR m_swapchain = VK_NULL_HANDLE;
    VkExtent2D m_extent{};
    std::vector<VkImage> m_images;
    std::vector<VkImageView> m_views;
    std::vector<VkFramebuffer> m_framebuffers;
    std::vector<VkSemaphore> m_renderFinished; // one per swapchain image
    GpuImage m_msaaColor, m_depth;
    std::unique_ptr<SceneRenderer> m_renderer;
    // ImGui draws in its own pass over the finished scene, so the scene may come from a blit.
    VkRenderPass m_uiPass = VK_NULL_HANDLE;
    std::vector<VkFramebuffer> m_uiFramebuffers;
    float m_scale = 1.0f;
    std::unique_ptr<SceneRenderer> m_scaledRenderer; // made on the first scale below 1
    GpuImage m_scaledMsaa, m_scaledDepth, m_scaledColor;
    VkFramebuffer m_scaledFramebuffer = VK_NULL_HANDLE;
    VkCommandPool m_pool = VK_NULL_HANDLE;
    Frame m_frames[kFramesInFlight];
    std::uint32_t m_frameIndex = 0;
    VkDescriptorPool m_imguiPool = VK_NULL_HANDLE;
    bool m_imgui = false;
    std::unique_ptr<UiFonts> m_fonts;
    UiLook m_look;
    bool m_fontsDirty = false;
    bool m_overlay = false;
    std::function<void()> m_ui;
    FrameStats m_lastStats;
};

} // namespace fg::render
