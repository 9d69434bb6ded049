// Tests for AssetCache: miss then hit by content hash, recovery from a corrupt cached file,
// images, errors for bad sources, and the placeholder model.
#include "engine/asset/AssetCache.h"
#include "engine/asset/CookedFormat.h"
#include "tests/asset/AssetTestSupport.h"

#include <doctest/doctest.h>

namespace fs = std::filesystem;
using fgtest::testModel;

TEST_CASE("AssetCache cooks on a miss, then serves the same model from disk by content hash") {
    fs::path dir = fgtest::freshDir("cache");
    fg::AssetCache cache(dir / "cooked");
    auto first = cache.loadModel(testModel("cube.glb"));
    REQUIRE_MESSAGE(first, (first ? "" : first.error().message));
    CHECK(cache.misses() == 1);
    CHECK(cache.hits() == 0);
    auto bytes = fg::readFileBytes(testModel("cube.glb"));
    REQUIRE(bytes);
    fs::path cooked = cache.modelPath(fg::hash128(*bytes));
    CHECK(fs::exists(cooked));
    // A copy under another name has the same content, so it is a hit.
    fs::copy_file(testModel("cube.glb"), dir / "renamed.glb");
    auto second = cache.loadModel(dir / "renamed.glb");
    REQUIRE(second);
    CHECK(cache.hits() == 1);
    std::string why;
    CHECK_MESSAGE(fgtest::sameModel(*first, *second, why), why);
    fs::remove_all(dir);
}

TEST_CASE("AssetCache re-cooks when the cached file is corrupt") {
    fs::path dir = fgtest::freshDir("cache-corrupt");
    fg::AssetCache cache(dir);
    auto entry = cache.ensureModel(testModel("cube.obj"));
    REQUIRE(entry);
    CHECK_FALSE(entry->cached);
    CHECK(entry->triangles == 12);
    auto again = cache.ensureModel(testModel("cube.obj"));
    REQUIRE(again);
    CHECK(again->cached);
    REQUIRE(fg::writeFileAtomic(entry->cookedFile, std::string_view("garbage")));
    auto repaired = cache.ensureModel(testModel("cube.obj"));
    REQUIRE(repaired);
    CHECK_FALSE(repaired->cached);
    auto bytes = fg::readFileBytes(entry->cookedFile);
    REQUIRE(bytes);
    CHECK(fg::readCookedModel(*bytes, "repaired"));
    fs::remove_all(dir);
}

TEST_CASE("AssetCache caches images and reports bad sources naming them") {
    fs::path dir = fgtest::freshDir("cache-images");
    fg::AssetCache cache(dir);
    auto image = cache.loadImage(testModel("checker.png"));
    REQUIRE(image);
    CHECK(image->width == 4);
    auto entry = cache.ensureImage(testModel("checker.png"));
    REQUIRE(entry);
    CHECK(entry->cached);
    CHECK(entry->cookedFile.extension() == ".fgt");
    auto missing = cache.loadModel(dir / "missing.glb");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message.find("missing.glb") != std::string::npos);
    REQUIRE(fg::writeFileAtomic(dir / "junk.glb", std::string_view("junk junk junk")));
    auto junk = cache.loadModel(dir / "junk.glb");
    REQUIRE_FALSE(junk);
    CHECK(junk.error().message.find("junk.glb") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("the placeholder model is a closed magenta unit box") {
    fg::ModelData box = fg::makePlaceholderModel();
    REQUIRE(box.meshes.size() == 1);
    CHECK(fg::triangleCount(box) == 12);
    CHECK(box.meshes[0].boundsMin == glm::vec3(-0.5f));
    CHECK(box.meshes[0].boundsMax == glm::vec3(0.5f));
    CHECK(box.materials[0].baseColorFactor == glm::vec4(1, 0, 1, 1));
    // Every face's winding agrees with its normal, so back-face culling shows all six.
    const fg::MeshData& m = box.meshes[0];
    for (std::size_t i = 0; i < m.indices.size(); i += 3) {
        glm::vec3 a = m.vertices[m.indices[i]].position, b = m.vertices[m.indices[i + 1]].position,
                  c = m.vertices[m.indices[i + 2]].position;
        CHECK(glm::dot(glm::cross(b - a, c - a), m.vertices[m.indices[i]].normal) > 0.0f);
    }
}

TEST_CASE("AssetCache with a sandbox cooks the same bytes and still reports bad files") {
    fs::path dir = fgtest::freshDir("cache-sandbox");
    fg::AssetCache plain(dir / "plain");
    fg::AssetCache sandboxed(dir / "sandboxed");
    sandboxed.useSandbox({});
    auto a = plain.ensureModel(testModel("cube.gltf"));
    auto b = sandboxed.ensureModel(testModel("cube.gltf"));
    REQUIRE(a);
    REQUIRE_MESSAGE(b, (b ? "" : b.error().message));
    CHECK_FALSE(b->cached);
    auto bytesA = fg::readFileBytes(a->cookedFile);
    auto bytesB = fg::readFileBytes(b->cookedFile);
    REQUIRE(bytesA);
    REQUIRE(bytesB);
    CHECK(*bytesA == *bytesB);
    REQUIRE(fg::writeFileAtomic(dir / "junk.obj", std::string_view("f 1 2 3\n")));
    auto junk = sandboxed.loadModel(dir / "junk.obj");
    REQUIRE_FALSE(junk);
    CHECK(junk.error().message.find("junk.obj") != std::string::npos);
    fs::remove_all(dir);
}
