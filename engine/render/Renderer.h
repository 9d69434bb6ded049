// Public renderer: uploads meshes/textures/materials once, then draws Scenes offscreen or to a
// window. No Vulkan, GLFW or ImGui types here: game/ and tools/ use only this, Scene.h and
// RenderTypes.h.
#pragma once

#include "engine/asset/ModelData.h"
#include "engine/core/Result.h"
#include "engine/render/Scene.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace fg::platform {
class Window;
}

namespace fg::render {

struct RendererOptions {
    std::string gpuName;           // substring of a device name; empty: prefer a discrete GPU
    bool validation = true;        // Khronos validation layer, messages counted and logged
    std::uint32_t msaaSamples = 4; // clamped to what the device supports
    std::uint32_t shadowMapSize = 2048;
    bool vsync = true; // window only: FIFO when on, MAILBOX/IMMEDIATE when off
    // Window only: the scene is drawn at this fraction (0.25-1) of the window size and stretched
    // to fill it (linear filter); the UI is always drawn at full size.
    float resolutionScale = 1.0f;
};

// How the window's UI looks: its scale (0.75-2; fonts are rasterised at that size, never
// stretched) and the high-contrast theme.
struct UiLook {
    float scale = 1.0f;
    bool highContrast = false;
    bool operator==(const UiLook&) const = default;
};

struct DrawOptions {
    bool instancing = true; // false: the naive path, one draw per instance (for benchmarks)
    bool culling = true;
};

struct DeviceInfo {
    std::string name;
    std::string type; // "discrete", "integrated", "cpu", ...
    std::uint32_t msaaSamples = 1;
    bool anisotropy = false;
};

// GPU memory as sub-allocated from the renderer's large blocks.
struct MemoryStats {
    std::uint32_t blocks = 0;      // vkAllocateMemory calls alive
    std::uint32_t allocations = 0; // resources placed in those blocks
    std::uint64_t blockBytes = 0;
    std::uint64_t usedBytes = 0;
};

// Validation-layer messages over the whole process (includes leak reports at shutdown).
std::uint32_t validationMessagesTotal();

class Renderer {
public:
    // Headless: draws only to offscreen targets.
    static Result<std::unique_ptr<Renderer>> create(const RendererOptions& options);
    // Also presents to WINDOW (its surface, swapchain and a Dear ImGui layer).
    static Result<std::unique_ptr<Renderer>> createForWindow(const RendererOptions& options,
                                                             platform::Window& window);
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    Result<MeshHandle> addMesh(const MeshData& mesh);
    Result<TextureId> addTexture(const ImageData& image);
    Result<MaterialId> addMaterial(const MaterialDesc& material);
    // Sends every pending mesh/texture upload in one command buffer; render calls do it too.
    Status flushUploads();

    // A new, empty resource group (see RenderTypes.h); nothing joins it until it is used.
    ResourceGroup createResourceGroup();
    // Meshes, textures and materials added from now on join GROUP; returns the group in use
    // before, to restore (kPermanentGroup: never released).
    ResourceGroup useResourceGroup(ResourceGroup group);
    // Waits for the GPU to finish, then frees the group's meshes, textures and materials; a
    // scene still using one of them fails to render with an error naming it.
    Status releaseResourceGroup(ResourceGroup group);

    // Renders one frame of WIDTH x HEIGHT and returns its sRGB RGBA8 pixels (rows top down).
    Result<ImageData> renderToImage(const Scene& scene, const Camera& camera, std::uint32_t width,
                                    std::uint32_t height, FrameStats* stats = nullptr,
                                    const DrawOptions& options = {});

    // Window renderers: draws the scene and the UI into the next swapchain image and presents.
    // UI is called between ImGui's NewFrame and Render (engine/render code may use ImGui there).
    // A minimised window skips the frame and returns success.
    Status renderToWindow(const Scene& scene, const Camera& camera, FrameStats* stats = nullptr,
                          const DrawOptions& options = {});
    void setUi(std::function<void()> ui);
    // A small ImGui window with device name and frame statistics (the built-in overlay).
    void setStatsOverlay(bool enabled);
    void setVsync(bool enabled);
    // Window renderers: the UI's scale and theme; the font atlas is rebuilt before the next frame.
    void setUiLook(const UiLook& look);
    UiLook uiLook() const;
    // Makes every character of UTF8 drawable in the UI (any script of the base plane): new ones
    // join the font atlas before the next frame. Call with text before showing it.
    void addUiText(std::string_view utf8);
    // See RendererOptions::resolutionScale; rebuilds the window's targets when it changes.
    Status setResolutionScale(float scale);

    DeviceInfo deviceInfo() const;
    MemoryStats memoryStats() const;
    std::uint32_t validationMessages() const;

    struct Impl;

private:
    explicit Renderer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace fg::render
