// The editor program under Xvfb driven by a script: import a model, drag its handle, save; the
// saved bundle must hold the model at the new place. Slow (lavapipe): label xvfb.
#include "game/booth/BoothBundle.h"

#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>
#include <unistd.h>

using namespace fg;
namespace fs = std::filesystem;

namespace {

fs::path scratch(const std::string& name) {
    fs::path dir = fs::path(FG_BINARY_DIR) / "test-scratch" / "editor" /
                   (name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

int runEditor(const fs::path& dir, const std::string& script, const std::string& extra) {
    REQUIRE(writeFileAtomic(dir / "script.txt", script).ok());
    std::string cmd = fmt::format(
        "xvfb-run -a -s '-screen 0 1280x800x24' {} --width 1024 --height 700 --scratch {} "
        "--script {} {} > {} 2>&1",
        FG_EDITOR_EXE, (dir / "scratch").string(), (dir / "script.txt").string(), extra,
        (dir / "log.txt").string());
    return std::system(cmd.c_str());
}

std::string logOf(const fs::path& dir) {
    auto text = readFileText(dir / "log.txt");
    return text ? *text : std::string("(no log)");
}

} // namespace

TEST_CASE("editor under Xvfb: import a model / drag it along x / save - the bundle has it there") {
    fs::path dir = scratch("drag");
    std::string models = fs::path(FG_ASSETS_DIR).append("test-models").string();
    std::string script = fmt::format("2 import {}/cube.glb\n"
                                     "3 drag-handle x 60 0\n"
                                     "4 save {}\n",
                                     models, (dir / "out.booth").string());
    int rc = runEditor(
        dir, script,
        fmt::format("--new 3d-island --booth-id acme-booth --exhibitor acme --exit-after 6 "
                    "--screenshot-at 5 {}",
                    (dir / "shot.png").string()));
    REQUIRE_MESSAGE(rc == 0, logOf(dir));
    auto bundle = booth::loadBundle(dir / "out.booth");
    REQUIRE_MESSAGE(bundle.ok(), bundle.error().message);
    REQUIRE(bundle->booth.content.models.size() == 1);
    glm::vec3 p = bundle->booth.content.models[0].position;
    CHECK_MESSAGE(p.x > 0.15f, "x = ", p.x); // moved right by the drag
    CHECK(p.x < 1.5f); // about 0.8 m at the default camera; still inside the footprint
    CHECK(p.y == doctest::Approx(0.0f));
    CHECK(p.z == doctest::Approx(0.0f));
    CHECK(p.x * 10.0f ==
          doctest::Approx(std::round(p.x * 10.0f)).epsilon(1e-4)); // snapped to 0.1 m
    CHECK(bundle->files.count(bundle->booth.content.models[0].file) == 1);
    CHECK(fs::file_size(dir / "shot.png") > 10000);
}

TEST_CASE(
    "editor under Xvfb: undo after a drag restores the place - a bad script line fails the run") {
    fs::path dir = scratch("undo");
    std::string models = fs::path(FG_ASSETS_DIR).append("test-models").string();
    std::string script =
        fmt::format("2 import {}/cube.glb\n3 move 0.5 0 0.25\n3 drag-handle z 0 -80\n3 undo\n"
                    "4 save {}\n",
                    models, (dir / "out.booth").string());
    REQUIRE_MESSAGE(
        runEditor(dir, script, "--new 3d-island --booth-id b --exhibitor e --exit-after 5") == 0,
        logOf(dir));
    auto bundle = booth::loadBundle(dir / "out.booth");
    REQUIRE(bundle.ok());
    CHECK(bundle->booth.content.models.at(0).position == glm::vec3(0.5f, 0.0f, 0.25f));

    fs::path bad = scratch("bad-line");
    CHECK(runEditor(bad, "2 frobnicate\n", "--new 2d-wall --exit-after 3") != 0);
    CHECK(logOf(bad).find("unknown action") != std::string::npos);
}

// The editor imports models in a sandboxed child (as the server does): a file that would hang
// the import (a grid of 360,000 quads made here, not committed) is refused at --import-seconds
// with the reason, and the editor goes on to import the next model.
TEST_CASE("editor under Xvfb: a model that would hang is refused at the import limit, with why") {
    fs::path dir = scratch("hostile-import");
    std::string text;
    const int n = 600;
    for (int i = 0; i <= n; ++i)
        for (int j = 0; j <= n; ++j)
            text += fmt::format("v {} 0 {}\n", i, j);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            const int a = i * (n + 1) + j + 1;
            text += fmt::format("f {} {} {} {}\n", a, a + 1, a + n + 2, a + n + 1);
        }
    REQUIRE(writeFileAtomic(dir / "huge.obj", text));
    std::string models = fs::path(FG_ASSETS_DIR).append("test-models").string();
    std::string script =
        fmt::format("2 import {}\n3 import {}/cube.glb\n4 save {}\n", (dir / "huge.obj").string(),
                    models, (dir / "out.booth").string());
    const int rc =
        runEditor(dir, script,
                  "--new 3d-island --booth-id b --exhibitor e --exit-after 6 --import-seconds 0.5");
    const std::string log = logOf(dir);
    CHECK_MESSAGE(rc != 0, log); // the script's import line failed
    CHECK_MESSAGE(log.find("model not imported") != std::string::npos, log);
    CHECK_MESSAGE(log.find("huge.obj") != std::string::npos, log);
    CHECK_MESSAGE((log.find("took longer than 0.5 s") != std::string::npos ||
                   log.find("CPU time limit") != std::string::npos),
                  log);
    auto bundle = booth::loadBundle(dir / "out.booth");
    REQUIRE_MESSAGE(bundle.ok(), log);
    REQUIRE(bundle->booth.content.models.size() == 1); // only the cube
    CHECK(bundle->booth.content.models[0].file.find("cube") != std::string::npos);
}
