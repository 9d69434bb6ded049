// The editor's model import (AssetMeter::checkModel, what EditorApp::importModel asks first) runs
// in a sandboxed child: a file that would hang or exhaust memory is refused with the reason.
#include "tests/booth/BoothTestSupport.h"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <string>

using namespace fg;
using namespace fg::booth;
namespace fs = std::filesystem;

namespace {

// Made at test time, not committed: an OBJ grid of N x N quads (about 40 bytes of text per
// quad), a few MB that Assimp needs seconds and hundreds of MB to import and our cook to process.
fs::path writeHugeObj(const fs::path& dir, int n) {
    std::string text;
    text.reserve(std::size_t(n + 1) * (n + 1) * 24 + std::size_t(n) * n * 32);
    for (int i = 0; i <= n; ++i)
        for (int j = 0; j <= n; ++j)
            text += fmt::format("v {} 0 {}\n", i, j);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            const int a = i * (n + 1) + j + 1;
            text += fmt::format("f {} {} {} {}\n", a, a + 1, a + n + 2, a + n + 1);
        }
    const fs::path file = dir / "huge.obj";
    REQUIRE(writeFileAtomic(file, text));
    return file;
}

bool mentions(const Status& st, const std::string& what) {
    return !st && st.error().message.find(what) != std::string::npos;
}

} // namespace

TEST_CASE("editor import: a model that would hang is refused at the time limit, with the reason") {
    const fs::path dir = test::scratchDir("import-hang");
    const fs::path huge = writeHugeObj(dir, 600);
    AssetMeter meter(dir / "meter", dir / "cooked", {.cpuSeconds = 1, .wallSeconds = 0.3});
    const Status st = meter.checkModel(huge);
    REQUIRE_FALSE(st);
    INFO(st.error().message);
    CHECK(mentions(st, "huge.obj"));
    CHECK((mentions(st, "took longer than 0.3 s") || mentions(st, "CPU time limit")));
    // The same limits let an ordinary model in: the refusal is the file's, not the sandbox's.
    CHECK(meter.checkModel(test::testModels() / "cube.glb"));
}

#if !defined(__SANITIZE_ADDRESS__) // ASan reserves terabytes: no address-space limit there
TEST_CASE("editor import: a model that would exhaust memory is refused at the memory limit") {
    const fs::path dir = test::scratchDir("import-memory");
    const fs::path huge = writeHugeObj(dir, 600);
    AssetMeter meter(dir / "meter", dir / "cooked",
                     {.memoryBytes = 64ull << 20, .cpuSeconds = 120, .wallSeconds = 300});
    const Status st = meter.checkModel(huge);
    REQUIRE_FALSE(st);
    INFO(st.error().message);
    CHECK(mentions(st, "huge.obj"));
    CHECK(mentions(st, "memory"));
    CHECK(meter.checkModel(test::testModels() / "cube.glb"));
}
#endif

TEST_CASE("editor import: a broken model is refused with the importer's reason, nothing cached") {
    const fs::path dir = test::scratchDir("import-broken");
    REQUIRE(writeFileAtomic(dir / "broken.glb", std::string_view("glTF but not really")));
    AssetMeter meter(dir / "meter", dir / "cooked");
    const Status st = meter.checkModel(dir / "broken.glb");
    CHECK(mentions(st, "broken.glb: cannot import"));
    CHECK((!fs::exists(dir / "cooked") || fs::is_empty(dir / "cooked")));
}
