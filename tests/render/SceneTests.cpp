// CPU scene tests: batching of repeated meshes, frustum culling, ray picking, bounds maths.
// No device needed.
#include "engine/render/Scene.h"

#include <doctest/doctest.h>
#include <glm/gtc/matrix_transform.hpp>

using namespace fg::render;

namespace {

MeshHandle unitBox(std::uint32_t id) {
    MeshHandle m;
    m.id = id;
    m.bounds = {{-0.5f, -0.5f, -0.5f}, {0.5f, 0.5f, 0.5f}};
    return m;
}

glm::mat4 at(float x, float y, float z) {
    return glm::translate(glm::mat4(1.0f), {x, y, z});
}

} // namespace

TEST_CASE("scene: repeated mesh/material pairs share one batch") {
    Scene scene;
    for (int i = 0; i < 10; ++i)
        scene.add(unitBox(0), MaterialId{0}, at(float(i), 0, 0));
    scene.add(unitBox(0), MaterialId{1}, at(0, 0, 0));
    scene.add(unitBox(1), MaterialId{0}, at(0, 0, 0));
    CHECK(scene.batches().size() == 3);
    CHECK(scene.instances()[3].batch == scene.instances()[0].batch);
    CHECK(scene.instances()[10].batch != scene.instances()[0].batch);
    CHECK(scene.bounds().max.x == doctest::Approx(9.5f));
}

TEST_CASE("scene: frustum culling keeps what is in front and drops what is behind") {
    Camera camera;
    camera.position = {0, 0, 0};
    camera.yaw = 0; // looking along +z
    const Frustum frustum(camera.projection(16.0f / 9.0f) * camera.view());
    CHECK(frustum.intersects({{-1, -1, 9}, {1, 1, 11}}));
    CHECK_FALSE(frustum.intersects({{-1, -1, -11}, {1, 1, -9}}));    // behind
    CHECK_FALSE(frustum.intersects({{100, -1, 9}, {102, 1, 11}}));   // far to the side
    CHECK_FALSE(frustum.intersects({{-1, -1, 2000}, {1, 1, 2001}})); // past the far plane
    CHECK(frustum.intersects({{-50, -50, -50}, {50, 50, 50}}));      // around the camera
}

TEST_CASE("scene: a ray through a pixel picks the nearest pickable instance") {
    Scene scene;
    scene.add(unitBox(0), MaterialId{0}, at(0, 0, 5), 7, 1);
    scene.add(unitBox(0), MaterialId{0}, at(0, 0, 10), 8, 2);
    scene.add(unitBox(0), MaterialId{0}, at(0, 3, 2));        // not pickable, off the centre ray
    scene.add(unitBox(0), MaterialId{0}, at(-3, 0, 5), 9, 3); // looking along +z, -x is right
    Camera camera;
    camera.position = {0, 0, 0};
    const Ray centre = rayThroughPixel(camera, {320, 180}, {640, 360});
    CHECK(centre.direction.z == doctest::Approx(1.0f).epsilon(0.01));
    auto hit = scene.pick(centre);
    REQUIRE(hit.has_value());
    CHECK(hit->pickId == 7);
    CHECK(hit->pickItem == 1);
    CHECK(hit->distance == doctest::Approx(4.5f).epsilon(0.01));
    // Right half of the screen, towards x = -3 at z = 5: pixel x for a 60 degree vertical fov.
    const float px = 320.0f + 3.0f / 5.0f / std::tan(glm::radians(30.0f)) * 180.0f;
    auto right = scene.pick(rayThroughPixel(camera, {px, 180}, {640, 360}));
    REQUIRE(right.has_value());
    CHECK(right->pickId == 9);
    CHECK_FALSE(scene.pick(rayThroughPixel(camera, {320, 5}, {640, 360})).has_value());
    // A non-pickable wall in front hides the booths behind it.
    scene.add(unitBox(0), MaterialId{0}, at(0, 0, 2));
    CHECK_FALSE(scene.pick(centre).has_value());
}

TEST_CASE("scene: transformed bounds follow rotation and scale") {
    const Aabb box{{-1, -1, -1}, {1, 1, 1}};
    const glm::mat4 m =
        glm::scale(glm::rotate(at(10, 0, 0), glm::radians(45.0f), {0, 1, 0}), {2, 1, 1});
    const Aabb out = transformAabb(box, m);
    CHECK(out.min.y == doctest::Approx(-1.0f));
    CHECK(out.max.x == doctest::Approx(10.0f + 3.0f * std::sqrt(0.5f)));
    CHECK(out.center().x == doctest::Approx(10.0f));
}
