// Unit tests for the editor's pure parts: orbit camera, handle-drag projection, snapping,
// script and command-line parsing. No window or GPU.
#include "tools/editor/EditorCamera.h"
#include "tools/editor/EditorOptions.h"
#include "tools/editor/EditorScript.h"

#include <doctest/doctest.h>

using namespace fg;
using namespace fg::editor;

TEST_CASE("camera: the orbit camera looks at its target from DISTANCE") {
    OrbitCamera orbit;
    render::Camera c = orbit.camera();
    CHECK(glm::length(c.position - orbit.target) == doctest::Approx(orbit.distance));
    glm::vec3 centre = projectToPixel(c, orbit.target, {800, 600});
    CHECK(centre.x == doctest::Approx(400).epsilon(0.01));
    CHECK(centre.y == doctest::Approx(300).epsilon(0.01));
    orbit.zoom(3);
    CHECK(orbit.distance < 7.0f);
    orbit.orbit({0, -1000});
    CHECK(orbit.pitch <= 10.0f); // never below the floor
}

TEST_CASE("camera: dragging along a handle moves by what the mouse travelled on screen") {
    OrbitCamera orbit;
    orbit.yaw = 180.0f; // looking along -z: +x points right on screen
    orbit.pitch = 0.0f;
    render::Camera c = orbit.camera();
    glm::vec2 view{800, 600};
    glm::vec3 a = projectToPixel(c, {0, 0.8f, 0}, view), b = projectToPixel(c, {1, 0.8f, 0}, view);
    float pixelsPerMetre = b.x - a.x;
    REQUIRE(pixelsPerMetre > 10.0f);
    CHECK(dragAlongAxis(c, {0, 0.8f, 0}, {1, 0, 0}, {pixelsPerMetre, 0}, view) ==
          doctest::Approx(1.0f).epsilon(0.01));
    CHECK(dragAlongAxis(c, {0, 0.8f, 0}, {1, 0, 0}, {-pixelsPerMetre / 2, 0}, view) ==
          doctest::Approx(-0.5f).epsilon(0.01));
    CHECK(dragAlongAxis(c, {0, 0.8f, 0}, {1, 0, 0}, {0, 50}, view) ==
          doctest::Approx(0.0f)); // across the axis
    // Up the screen is +y; the z axis points at the camera and cannot be dragged meaningfully.
    CHECK(dragAlongAxis(c, {0, 0.8f, 0}, {0, 1, 0}, {0, -pixelsPerMetre}, view) ==
          doctest::Approx(1.0f).epsilon(0.02));
    CHECK(dragAlongAxis(c, {0, 0.8f, 0}, {0, 0, 1}, {30, 30}, view) == doctest::Approx(0.0f));
}

TEST_CASE("snap: rounds to the step / zero step keeps the value") {
    CHECK(snapTo(0.26f, 0.1f) == doctest::Approx(0.3f));
    CHECK(snapTo(-0.24f, 0.1f) == doctest::Approx(-0.2f));
    CHECK(snapTo(22.0f, 15.0f) == doctest::Approx(15.0f));
    CHECK(snapTo(0.1234f, 0.0f) == doctest::Approx(0.1234f));
}

TEST_CASE("script: frames / quoted words / comments and errors with line numbers") {
    auto ok = parseEditorScript(
        "# setup\n2 import a.glb\n\n5 profile name \"Acme Networks\"\n5 save\n", "s.txt");
    REQUIRE(ok.ok());
    REQUIRE(ok->size() == 3);
    CHECK((*ok)[1].args == std::vector<std::string>{"name", "Acme Networks"});
    CHECK((*ok)[1].line == 4);
    auto back = parseEditorScript("5 save\n3 undo\n", "s.txt");
    REQUIRE_FALSE(back.ok());
    CHECK(back.error().message.find("line 2") != std::string::npos);
    CHECK_FALSE(parseEditorScript("x save\n", "s.txt").ok());
    CHECK_FALSE(parseEditorScript("4\n", "s.txt").ok());
    CHECK_FALSE(parseEditorScript("4 sign \"open\n", "s.txt").ok());
}

TEST_CASE("options: screenshots come in FRAME FILE pairs - --exhibition needs --booth-id") {
    const char* good[] = {
        "fairground-editor", "--booth", "a.booth", "--screenshot-at", "5", "a.png",
        "--screenshot-at",   "9",       "b.png",   "--exit-after",    "10"};
    auto p = parseEditorOptions(11, good);
    REQUIRE(p.exitCode < 0);
    REQUIRE(p.options.shots.size() == 2);
    CHECK(p.options.shots[1].frame == 9);
    CHECK(p.options.exitAfter == 10);
    const char* bad[] = {"fairground-editor", "--screenshot-at", "x", "a.png"};
    CHECK(parseEditorOptions(4, bad).exitCode > 0);
    const char* noId[] = {"fairground-editor", "--exhibition", "e.json"};
    CHECK(parseEditorOptions(3, noId).exitCode > 0);
    const char* size[] = {"fairground-editor", "--new", "2d-wall", "--size", "XL"};
    CHECK(parseEditorOptions(5, size).exitCode > 0);
}

TEST_CASE("editor options: --open-from takes --token --booth-id --pending but no --booth file") {
    const char* open[] = {
        "fairground-editor", "--open-from", "fair.example:7777", "--token", "fgx_1",
        "--booth-id",        "vn-02",       "--pending"};
    auto p = parseEditorOptions(8, open);
    REQUIRE(p.exitCode < 0);
    CHECK(p.options.openFrom == "fair.example:7777");
    CHECK(p.options.publishToken == "fgx_1");
    CHECK(p.options.boothId == "vn-02");
    CHECK(p.options.openPending);
    const char* both[] = {"fairground-editor", "--open-from", "fair.example:7777", "--booth",
                          "a.booth"};
    auto refused = parseEditorOptions(5, both);
    CHECK(refused.exitCode == 2);
    CHECK(refused.message.find("--open-from") != std::string::npos);
}
