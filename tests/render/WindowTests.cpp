// Windowed smoke test (runs under xvfb-run): a window, a swapchain, a few frames with the ImGui
// overlay, a resize, a vsync switch, a minimise, and a clean shutdown with zero validation
// messages.
#include "engine/platform/Window.h"
#include "engine/render/Primitives.h"
#include "engine/render/Renderer.h"

#include <doctest/doctest.h>

using namespace fg;
using namespace fg::render;

TEST_CASE("window: frames with an ImGui overlay, resize, vsync off and minimise stay clean") {
    const std::uint32_t before = validationMessagesTotal();
    {
        platform::WindowOptions options;
        options.title = "fairground render test";
        options.width = 320;
        options.height = 200;
        auto window = platform::Window::create(options);
        REQUIRE_MESSAGE(window.ok(), (window.ok() ? "" : window.error().message));
        RendererOptions ro;
        ro.shadowMapSize = 512;
        auto renderer = Renderer::createForWindow(ro, **window);
        REQUIRE_MESSAGE(renderer.ok(), (renderer.ok() ? "" : renderer.error().message));
        Renderer& r = **renderer;
        r.setStatsOverlay(true);
        auto box = r.addMesh(makeBox({-1, 0, -1}, {1, 2, 1}));
        auto floor = r.addMesh(makeFloor(10, 10));
        auto material = r.addMaterial(MaterialDesc{});
        REQUIRE((box.ok() && floor.ok() && material.ok()));
        Scene scene;
        scene.add(*floor, *material, glm::mat4(1.0f));
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
        CHECK(stats.visibleInstances == 2);
        CHECK(stats.drawCalls >= 3); // sky + one per batch, plus shadow draws
        (*window)->setSize(400, 240);
        frames(3);
        r.setVsync(false);
        frames(2);
        (*window)->iconify();
        frames(2); // minimised frames are skipped, not errors
        (*window)->restore();
        frames(2);
        CHECK(r.validationMessages() == 0);
    }
    CHECK(validationMessagesTotal() == before);
}
