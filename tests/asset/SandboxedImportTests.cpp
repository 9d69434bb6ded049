// Tests for cookModelSandboxed: same bytes as an in-process cook, errors and limits reported
// with the file's name. Writes only under a fresh temporary folder.
#include "engine/asset/CookedFormat.h"
#include "engine/asset/SandboxedImport.h"
#include "tests/asset/AssetTestSupport.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

namespace fs = std::filesystem;
using fgtest::testModel;

namespace {

// An OBJ grid of N x N quads: big enough that importing it takes far longer than 10 ms.
fs::path writeBigObj(const fs::path& dir, int n) {
    std::string text;
    for (int i = 0; i <= n; ++i)
        for (int j = 0; j <= n; ++j)
            text += fmt::format("v {} 0 {}\n", i, j);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            int a = i * (n + 1) + j + 1;
            text += fmt::format("f {} {} {} {}\n", a, a + 1, a + n + 2, a + n + 1);
        }
    fs::path file = dir / "grid.obj";
    REQUIRE(fg::writeFileAtomic(file, text));
    return file;
}

} // namespace

TEST_CASE("a sandboxed cook gives the same bytes as cooking in process") {
    for (const char* name : {"cube.glb", "tall-box.fbx"}) {
        INFO(name);
        auto cooked = fg::cookModelSandboxed(testModel(name));
        REQUIRE_MESSAGE(cooked, (cooked ? "" : cooked.error().message));
        auto model = fg::importModel(testModel(name));
        REQUIRE(model);
        CHECK(*cooked == fg::cookModel(*model));
    }
}

TEST_CASE("a sandboxed cook reports bad files and exceeded limits, naming the file") {
    fs::path dir = fgtest::freshDir("sandbox");
    REQUIRE(fg::writeFileAtomic(dir / "junk.glb", std::string_view("glTF junk")));
    auto junk = fg::cookModelSandboxed(dir / "junk.glb");
    REQUIRE_FALSE(junk);
    CHECK(junk.error().message.find("junk.glb: cannot import") != std::string::npos);

    fs::path big = writeBigObj(dir, 300);
    auto slow = fg::cookModelSandboxed(big, {}, {.wallSeconds = 0.01});
    REQUIRE_FALSE(slow);
    CHECK(slow.error().message.find("grid.obj: import took longer than 0.01 s") !=
          std::string::npos);
#if !defined(__SANITIZE_ADDRESS__)
    // 8 MiB of address space is less than the child already has mapped: every allocation fails.
    auto starved = fg::cookModelSandboxed(big, {}, {.memoryBytes = 8ull << 20});
    REQUIRE_FALSE(starved);
    CHECK(starved.error().message.find("grid.obj") != std::string::npos);
#endif
    auto fine = fg::cookModelSandboxed(big, {}, {.wallSeconds = 600});
    REQUIRE_MESSAGE(fine, (fine ? "" : fine.error().message));
    fs::remove_all(dir);
}
