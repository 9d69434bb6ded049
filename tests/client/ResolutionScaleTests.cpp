// Windowed test (under xvfb-run) of the client's resolution-scale setting in fg_render: the scene
// drawn at a fraction of the window and stretched, switched at run time, through a resize and a
// minimise, with zero validation messages.
#include "engine/platform/Window.h"
#include "engine/render/Primitives.h"
#include "engine/render/Renderer.h"

#include <doctest/doctest.h>

using namespace fg;
using namespace fg::render;

TEST_CASE("window: resolution scale switches at run time and stays clean") {
    const std::uint32_t before = validationMessagesTotal();
    {
        platform::WindowOptions options;
        options.title = "fairground resolution scale test";
        options.width = 320;
        options.height = 200;
        auto window = platform::Window::create(options);
        REQUIRE_MESSAGE(window.ok(), (window.ok() ? "" : window.error().message));
        RendererOptions ro;
        ro.shadowMapSize = 512;
        ro.resolutionScale = 0.5f;
        auto renderer = Renderer::createForWindow(ro, **window);
        REQUIRE_MESSAGE(renderer.ok(), (renderer.ok() ? "" : renderer.error().message));
        Renderer& r = **renderer;
        r.setStatsOverlay(true); // the UI pass draws over the stretched scene
        auto box = r.addMesh(makeBox({-1, 0, -1}, {1, 2, 1}));
        auto material = r.addMaterial(MaterialDesc{});
        REQUIRE((box.ok() && material.ok()));
        Scene scene;
        scene.add(*box, *material, glm::mat4(1.0f));
        Camera camera;
        camera.position = {0, 2, -6};
        FrameStats stats;
        auto frames = [&](int count) {
            for (int i = 0; i < count; ++i) {
                (*window)->pollEvents();
                const Status s = r.renderToWindow(scene, camera, &stats);
                REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
            }
        };
        frames(3);
        CHECK(stats.visibleInstances == 1);
        REQUIRE(r.setResolutionScale(1.0f).ok());
        frames(2);
        REQUIRE(r.setResolutionScale(0.3f).ok());
        (*window)->setSize(400, 240);
        frames(3);
        CHECK(stats.visibleInstances == 1);
        REQUIRE(r.setResolutionScale(0.01f).ok()); // clamped to 25 %, not an error
        (*window)->iconify();
        frames(2);
        (*window)->restore();
        frames(2);
        CHECK(r.validationMessages() == 0);
    }
    CHECK(validationMessagesTotal() == before);
}
