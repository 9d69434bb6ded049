// Pixel tests of the offscreen renderer on tiny scenes: colour, depth order, shadows, texture
// orientation, sRGB encoding, MSAA edges. Every case also requires zero validation messages.
#include "tests/render/RenderTestUtil.h"

#include <glm/gtc/matrix_transform.hpp>

using namespace fg;
using namespace fg::render;
using namespace fg::render::test;

TEST_CASE("render: an unlit quad fills the centre with its colour") {
    auto r = makeRenderer();
    Scene scene;
    scene.add(mesh(*r, makeQuad(2, 2)), unlitMaterial(*r, {1.0f, 0.0f, 0.0f}), glm::mat4(1.0f));
    FrameStats stats;
    const ImageData image = renderImage(*r, scene, frontCamera(), 64, 64, &stats);
    const Rgba c = pixel(image, 32, 32);
    CHECK(c.r == 255);
    CHECK(c.g == 0);
    CHECK(c.b == 0);
    CHECK(c.a == 255);
    // A corner sees the sky, not the quad.
    CHECK(pixel(image, 0, 0).r != 255);
    CHECK(stats.visibleInstances == 1);
    CHECK(r->validationMessages() == 0);
}

TEST_CASE("render: the nearer of two overlapping quads wins regardless of order") {
    auto r = makeRenderer();
    const MeshHandle quad = mesh(*r, makeQuad(2, 2));
    Scene scene;
    // Far green first, then near red; then the reverse order in a second scene.
    scene.add(quad, unlitMaterial(*r, {0, 1, 0}), glm::translate(glm::mat4(1), {0.3f, 0, -1}));
    scene.add(quad, unlitMaterial(*r, {1, 0, 0}), glm::translate(glm::mat4(1), {-0.3f, 0, 0}));
    Scene reversed;
    reversed.add(quad, unlitMaterial(*r, {1, 0, 0}), glm::translate(glm::mat4(1), {-0.3f, 0, 0}));
    reversed.add(quad, unlitMaterial(*r, {0, 1, 0}), glm::translate(glm::mat4(1), {0.3f, 0, -1}));
    for (const Scene* s : {&scene, &reversed}) {
        const ImageData image = renderImage(*r, *s, frontCamera());
        const Rgba c = pixel(image, 32, 32);
        CHECK(c.r == 255);
        CHECK(c.g == 0);
    }
    CHECK(r->validationMessages() == 0);
}

TEST_CASE("render: a box casts a shadow that darkens the floor under it") {
    auto r = makeRenderer();
    MaterialDesc grey;
    grey.baseColor = {0.7f, 0.7f, 0.7f, 1.0f};
    auto floorMat = r->addMaterial(grey);
    REQUIRE(floorMat.ok());
    Scene scene;
    scene.add(mesh(*r, makeFloor(20, 20)), *floorMat, glm::mat4(1.0f));
    scene.add(mesh(*r, makeBox({-1, 2, -1}, {1, 3, 1})), *floorMat, glm::mat4(1.0f));
    scene.light.direction = {0.0f, -1.0f, 0.0f}; // straight down: the shadow is under the box
    Camera camera;
    camera.position = {0, 8, 8};
    camera.yaw = 180;
    camera.pitch = -45;
    scene.light.shadows = true;
    const ImageData lit = renderImage(*r, scene, camera, 96, 96);
    scene.light.shadows = false;
    const ImageData unshadowed = renderImage(*r, scene, camera, 96, 96);
    // Project world points to pixels to sample the floor where the shadow must be.
    auto toPixel = [&](glm::vec3 world) {
        const glm::vec4 clip = camera.projection(1.0f) * camera.view() * glm::vec4(world, 1.0f);
        const glm::vec2 ndc = glm::vec2(clip) / clip.w;
        return glm::uvec2((ndc * 0.5f + 0.5f) * 96.0f);
    };
    // (0, 0, 0.8) lies in the straight-down shadow (|x|, |z| <= 1) yet is visible past the box.
    const glm::uvec2 shadowed = toPixel({0.0f, 0.0f, 0.8f});
    const glm::uvec2 open = toPixel({4.0f, 0.0f, 0.8f});
    const int inShadow = luminance(pixel(lit, shadowed.x, shadowed.y));
    const int inLight = luminance(pixel(lit, open.x, open.y));
    const int sameSpotNoShadow = luminance(pixel(unshadowed, shadowed.x, shadowed.y));
    INFO("shadowed " << inShadow << " open " << inLight << " no-shadow " << sameSpotNoShadow);
    CHECK(inShadow + 40 < inLight);
    CHECK(inShadow + 40 < sameSpotNoShadow);
    CHECK(r->validationMessages() == 0);
}

TEST_CASE("render: an asymmetric texture appears upright and unmirrored") {
    auto r = makeRenderer();
    ImageData image;
    image.name = "quadrants";
    image.width = image.height = 32;
    image.rgba.resize(32 * 32 * 4);
    for (std::uint32_t y = 0; y < 32; ++y) {
        for (std::uint32_t x = 0; x < 32; ++x) {
            // top-left red, top-right green, bottom-left blue, bottom-right white
            const bool right = x >= 16, bottom = y >= 16;
            const std::uint8_t c[4] = {
                std::uint8_t((!right && !bottom) || (right && bottom) ? 255 : 0),
                std::uint8_t((right && !bottom) || (right && bottom) ? 255 : 0),
                std::uint8_t((!right && bottom) || (right && bottom) ? 255 : 0), 255};
            std::copy(c, c + 4, &image.rgba[(y * 32 + x) * 4]);
        }
    }
    auto texture = r->addTexture(image);
    REQUIRE(texture.ok());
    Scene scene;
    scene.add(mesh(*r, makeQuad(2, 2)), unlitMaterial(*r, {1, 1, 1}, *texture), glm::mat4(1.0f));
    Camera camera = frontCamera(1.0f / std::tan(glm::radians(30.0f))); // quad fills the view
    const ImageData out = renderImage(*r, scene, camera);
    const Rgba tl = pixel(out, 16, 16), tr = pixel(out, 48, 16);
    const Rgba bl = pixel(out, 16, 48), br = pixel(out, 48, 48);
    CHECK((tl.r > 200 && tl.g < 50 && tl.b < 50));
    CHECK((tr.g > 200 && tr.r < 50 && tr.b < 50));
    CHECK((bl.b > 200 && bl.r < 50 && bl.g < 50));
    CHECK((br.r > 200 && br.g > 200 && br.b > 200));
    CHECK(r->validationMessages() == 0);
}

TEST_CASE("render: linear mid-grey 0.2158 is stored as sRGB ~128") {
    auto r = makeRenderer();
    Scene scene;
    scene.add(mesh(*r, makeQuad(2, 2)), unlitMaterial(*r, glm::vec3(0.2158f)), glm::mat4(1.0f));
    const Rgba c = pixel(renderImage(*r, scene, frontCamera()), 32, 32);
    INFO("encoded " << c.r << "," << c.g << "," << c.b);
    CHECK(std::abs(c.r - 128) <= 1);
    CHECK(std::abs(c.g - 128) <= 1);
    CHECK(std::abs(c.b - 128) <= 1);
    CHECK(r->validationMessages() == 0);
}

TEST_CASE("render: MSAA produces intermediate colours on a diagonal edge") {
    auto r = makeRenderer();
    REQUIRE(r->deviceInfo().msaaSamples >= 4);
    Scene scene;
    scene.light.shadows = false;
    scene.sky.zenith = scene.sky.horizon = scene.sky.ground = glm::vec3(0.0f);
    scene.add(mesh(*r, makeQuad(2, 2)), unlitMaterial(*r, {1, 1, 1}),
              glm::rotate(glm::mat4(1.0f), glm::radians(30.0f), glm::vec3(0, 0, 1)));
    const ImageData image = renderImage(*r, scene, frontCamera());
    int partial = 0;
    for (std::size_t i = 0; i < image.rgba.size(); i += 4)
        if (image.rgba[i] > 20 && image.rgba[i] < 235) ++partial;
    CHECK(partial > 20);
    CHECK(r->validationMessages() == 0);
}

TEST_CASE("render: bad input is an error, not a crash") {
    auto r = makeRenderer();
    MeshData broken = makeQuad(1, 1);
    broken.indices.push_back(99);
    CHECK_FALSE(r->addMesh(broken).ok());
    ImageData tooShort;
    tooShort.width = tooShort.height = 4;
    tooShort.rgba.resize(3);
    CHECK_FALSE(r->addTexture(tooShort).ok());
    MaterialDesc bad;
    bad.baseColorTexture = TextureId{12345};
    CHECK_FALSE(r->addMaterial(bad).ok());
    Scene scene;
    CHECK_FALSE(r->renderToImage(scene, frontCamera(), 0, 10).ok());
    CHECK(r->validationMessages() == 0);
}

TEST_CASE("render: shutting down leaves no validation messages (no leaks)") {
    const std::uint32_t before = validationMessagesTotal();
    {
        auto r = makeRenderer();
        Scene scene;
        scene.add(mesh(*r, makeBox({-1, -1, -1}, {1, 1, 1})), unlitMaterial(*r, {1, 1, 0}),
                  glm::mat4(1.0f));
        renderImage(*r, scene, frontCamera(4.0f), 32, 32);
        renderImage(*r, scene, frontCamera(4.0f), 48, 40); // resize path
    }
    CHECK(validationMessagesTotal() == before);
}

TEST_CASE("render: the instanced+culled path draws the same picture as the naive path") {
    auto r = makeRenderer();
    const MeshHandle box = mesh(*r, makeBox({-0.4f, 0, -0.4f}, {0.4f, 1.2f, 0.4f}));
    MaterialDesc red, blue;
    red.baseColor = {0.8f, 0.1f, 0.1f, 1};
    blue.baseColor = {0.1f, 0.2f, 0.8f, 1};
    const MaterialId mats[2] = {*r->addMaterial(red), *r->addMaterial(blue)};
    Scene scene;
    scene.add(mesh(*r, makeFloor(40, 40)), unlitMaterial(*r, glm::vec3(0.3f)), glm::mat4(1.0f));
    for (int z = -10; z <= 10; ++z)
        for (int x = -10; x <= 10; ++x)
            scene.add(box, mats[(x + z) & 1],
                      glm::translate(glm::mat4(1.0f), {float(x) * 1.5f, 0, float(z) * 1.5f}));
    Camera camera;
    camera.position = {0, 3, -12};
    camera.pitch = -12;
    FrameStats fastStats, naiveStats;
    auto fast = r->renderToImage(scene, camera, 96, 64, &fastStats, {true, true});
    auto naive = r->renderToImage(scene, camera, 96, 64, &naiveStats, {false, false});
    REQUIRE((fast.ok() && naive.ok()));
    int differing = 0;
    for (std::size_t i = 0; i < fast->rgba.size(); ++i)
        if (std::abs(int(fast->rgba[i]) - int(naive->rgba[i])) > 2) ++differing;
    CHECK(differing == 0);
    CHECK(fastStats.visibleInstances < naiveStats.visibleInstances); // culled boxes behind us
    CHECK(fastStats.drawCalls * 10 < naiveStats.drawCalls);
    CHECK(r->validationMessages() == 0);
}
