// Internal: the Renderer's private state, shared by Renderer.cpp and WindowTarget.cpp.
// Includes Vulkan: engine/render only.
#pragma once

#include "engine/render/OffscreenTarget.h"
#include "engine/render/Renderer.h"

namespace fg::render {

class WindowTarget;

struct Renderer::Impl {
    RendererOptions options;
    std::unique_ptr<RenderDevice> device;
    std::unique_ptr<SceneRenderer> offscreenRenderer;
    std::unique_ptr<OffscreenTarget> offscreen;
    std::unique_ptr<WindowTarget> window;
    ~Impl();
};

// Every instance of SCENE uses a mesh and material that exist and were not released.
Status checkSceneResources(const RenderDevice& device, const Scene& scene);

} // namespace fg::render
