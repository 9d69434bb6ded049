// Tests for the cooked model/texture formats: exact round trips, determinism, and rejection of
// every truncation, garbage, corrupted fields and hostile counts without crashing.
#include "engine/asset/AssetCache.h"
#include "engine/asset/CookedFormat.h"
#include "engine/asset/ModelImporter.h"
#include "tests/asset/AssetTestSupport.h"

#include <cstring>
#include <doctest/doctest.h>
#include <random>

using fgtest::testModel;

namespace {

fg::ModelData imported(const char* file) {
    auto model = fg::importModel(testModel(file));
    REQUIRE_MESSAGE(model, (model ? "" : model.error().message));
    return std::move(*model);
}

// import -> cook -> read equals the imported model after the same optimisation, field by field,
// and draws the same triangles as the unoptimised import.
void checkRoundTrip(const fg::ModelData& model, const std::string& name) {
    INFO(name);
    fg::Bytes cooked = fg::cookModel(model);
    auto read = fg::readCookedModel(cooked, name);
    REQUIRE_MESSAGE(read, (read ? "" : read.error().message));
    fg::ModelData expected = model;
    fg::optimizeModel(expected);
    std::string why;
    CHECK_MESSAGE(fgtest::sameModel(expected, *read, why), why);
    REQUIRE(read->meshes.size() == model.meshes.size());
    for (std::size_t i = 0; i < model.meshes.size(); ++i)
        CHECK(fgtest::sameTriangles(model.meshes[i], read->meshes[i]));
    CHECK(fg::cookModel(model) == cooked); // deterministic
}

// A model whose byte layout the corruption tests know (see docs/ASSETS.md).
fg::ModelData tinyModel() {
    fg::ModelData model;
    model.materials.push_back({.name = "m"});
    fg::MeshData mesh;
    mesh.name = "t";
    for (float x : {0.0f, 1.0f, 0.0f}) {
        fg::Vertex v;
        v.position = {x, x == 0.0f ? 0.0f : 0.0f, 0.0f};
        mesh.vertices.push_back(v);
    }
    mesh.vertices[2].position.y = 1.0f;
    mesh.indices = {0, 1, 2};
    model.meshes.push_back(mesh);
    model.nodes.push_back({.name = "n", .meshes = {0}});
    return model;
}

// Offsets in tinyModel's cooked bytes: header 32, material "m" 63 bytes, then the mesh.
constexpr std::size_t kMeshStart = 32 + 63;
constexpr std::size_t kMeshMaterial = kMeshStart + 5;
constexpr std::size_t kVertexCount = kMeshStart + 5 + 4 + 24;
constexpr std::size_t kFirstIndex = kVertexCount + 8 + 3 * 48;
constexpr std::size_t kNodeParent = kFirstIndex + 12 + 5 + 64;

fg::Bytes patched(fg::Bytes bytes, std::size_t offset, std::uint32_t value) {
    REQUIRE(offset + 4 <= bytes.size());
    std::memcpy(bytes.data() + offset, &value, 4);
    return bytes;
}

void checkRejected(const fg::Bytes& bytes, const std::string& what) {
    auto model = fg::readCookedModel(bytes, "corrupt.fgm");
    REQUIRE_FALSE(model);
    INFO(model.error().message);
    CHECK(model.error().message.find("corrupt.fgm: ") == 0);
    CHECK(model.error().message.find(what) != std::string::npos);
}

} // namespace

TEST_CASE("import -> cook -> read gives the identical model for every test format") {
    for (const char* file : {"cube.glb", "cube.gltf", "cube.obj", "tall-box.dae", "tall-box.fbx"})
        checkRoundTrip(imported(file), file);
    checkRoundTrip(fg::makePlaceholderModel(), "placeholder");
    checkRoundTrip(tinyModel(), "tiny");
    fg::ModelData withEmptyMesh = tinyModel(); // a mesh with no vertices (a fuzzer finding)
    withEmptyMesh.meshes.push_back({.name = "empty"});
    checkRoundTrip(withEmptyMesh, "empty mesh");
}

TEST_CASE("the corruption tests' layout offsets match the cooked bytes") {
    fg::Bytes cooked = fg::cookModel(tinyModel());
    std::uint32_t value = 0;
    std::memcpy(&value, cooked.data() + kVertexCount, 4);
    CHECK(value == 3);
    std::memcpy(&value, cooked.data() + kNodeParent, 4);
    CHECK(value == 0xffffffffu); // parent -1
    CHECK(cooked.size() == kNodeParent + 4 + 4 + 4);
}

TEST_CASE("every prefix of a cooked model is rejected with an error naming the input") {
    for (const char* file : {"cube.glb", "tall-box.dae"}) {
        fg::Bytes cooked = fg::cookModel(imported(file));
        for (std::size_t n = 0; n < cooked.size(); ++n) {
            auto model = fg::readCookedModel({cooked.data(), n}, "cut.fgm");
            REQUIRE_FALSE(model);
            CHECK(model.error().message.find("cut.fgm: ") == 0);
        }
        // The same prefixes with the header's payload length made to match, so the reader gets
        // past the header and must stop cleanly at whichever record is cut.
        for (std::size_t n = 32; n < cooked.size(); ++n) {
            fg::Bytes cut(cooked.begin(), cooked.begin() + std::ptrdiff_t(n));
            std::uint64_t payload = n - 32;
            std::memcpy(cut.data() + 24, &payload, sizeof payload);
            auto model = fg::readCookedModel(cut, "cut.fgm");
            REQUIRE_FALSE(model);
            CHECK(model.error().message.find("payload length") == std::string::npos);
        }
        fg::Bytes longer = cooked;
        longer.push_back(0);
        CHECK_FALSE(fg::readCookedModel(longer, "long.fgm"));
    }
}

TEST_CASE("random garbage and random single-byte corruption never crash the reader") {
    std::mt19937 rng(1234);
    for (int round = 0; round < 200; ++round) {
        fg::Bytes garbage(std::size_t(rng() % 2048));
        for (auto& b : garbage)
            b = std::uint8_t(rng());
        CHECK_FALSE(fg::readCookedModel(garbage, "garbage.fgm"));
        CHECK_FALSE(fg::readCookedImage(garbage, "garbage.fgt"));
    }
    fg::Bytes cooked = fg::cookModel(imported("cube.glb"));
    int rejected = 0;
    for (int round = 0; round < 2000; ++round) {
        fg::Bytes bad = cooked;
        bad[32 + rng() % (bad.size() - 32)] ^= std::uint8_t(1 + rng() % 255);
        auto model = fg::readCookedModel(bad, "flipped.fgm");
        if (!model) ++rejected;
    }
    // Pixel and vertex bytes may change freely; counts, sizes and indices may not.
    CHECK(rejected > 0);
}

TEST_CASE("corrupted fields are named in the error") {
    fg::Bytes cooked = fg::cookModel(tinyModel());
    REQUIRE(fg::readCookedModel(cooked, "ok.fgm"));
    checkRejected(patched(cooked, 0, 0x12345678), "not a cooked model file");
    checkRejected(patched(cooked, 4, 99), "version 99 is not the supported version 1");
    checkRejected(patched(cooked, kMeshMaterial, 5), "mesh material");
    checkRejected(patched(cooked, kFirstIndex, 7), "mesh indices");
    checkRejected(patched(cooked, kVertexCount, 0x40000000), "mesh vertex count");
    checkRejected(patched(cooked, kNodeParent, 0), "node parent"); // a node cannot parent itself
    // A header claiming 4 billion meshes is refused before anything is allocated for them.
    checkRejected(patched(cooked, 16, 0xffffffffu), "cannot fit");
}

TEST_CASE("cooked images round-trip raw and zstd-compressed") {
    fg::ImageData noise;
    noise.name = "noise";
    noise.width = 64;
    noise.height = 32;
    noise.srgb = false;
    std::mt19937 rng(9);
    for (std::size_t i = 0; i < 64 * 32 * 4; ++i)
        noise.rgba.push_back(std::uint8_t(rng()));
    fg::ImageData flat = fg::makePlaceholderImage();
    for (const fg::ImageData& image : {noise, flat}) {
        fg::Bytes cooked = fg::cookImage(image);
        auto read = fg::readCookedImage(cooked, "image.fgt");
        REQUIRE(read);
        CHECK(read->rgba == image.rgba);
        CHECK(read->width == image.width);
        CHECK(read->srgb == image.srgb);
        CHECK(read->name == image.name);
        for (std::size_t n = 0; n < cooked.size(); ++n)
            REQUIRE_FALSE(fg::readCookedImage({cooked.data(), n}, "cut.fgt"));
    }
    // Noise does not compress and is stored raw; the checker compresses to a small fraction.
    CHECK(fg::cookImage(noise).size() > noise.rgba.size());
    CHECK(fg::cookImage(flat).size() < flat.rgba.size() / 10);
    CHECK_FALSE(fg::readCookedModel(fg::cookImage(flat), "image-as-model.fgm"));
}

TEST_CASE("cooked images claiming huge sizes are refused before pixels are allocated") {
    fg::ImageData flat = fg::makePlaceholderImage(); // name "placeholder": width at 32+4+11
    fg::Bytes cooked = fg::cookImage(flat);
    constexpr std::size_t kWidth = 32 + 4 + 11, kHeight = kWidth + 4;
    REQUIRE(fg::readCookedImage(cooked, "ok.fgt"));
    auto huge =
        fg::readCookedImage(patched(patched(cooked, kWidth, 16384), kHeight, 16384), "huge.fgt");
    REQUIRE_FALSE(huge);
    CHECK(huge.error().message.find("huge.fgt: image size") == 0);
    // Within the caps but not what the zstd frame holds: refused from the frame header.
    auto lying = fg::readCookedImage(patched(cooked, kWidth, 128), "lying.fgt");
    REQUIRE_FALSE(lying);
    CHECK(lying.error().message.find("zstd frame") != std::string::npos);
}
