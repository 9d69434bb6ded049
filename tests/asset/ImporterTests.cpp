// Tests for importModel on the committed test models: geometry, hierarchy, materials, textures.
// Reads assets/test-models/ and writes only under fresh temporary folders.
#include "engine/asset/CookedFormat.h"
#include "engine/asset/ImageLoader.h"
#include "engine/asset/ModelImporter.h"
#include "tests/asset/AssetTestSupport.h"

#include <algorithm>
#include <array>
#include <doctest/doctest.h>
#include <thread>

namespace fs = std::filesystem;
using fgtest::testModel;

namespace {

const fg::NodeData* findNode(const fg::ModelData& model, const std::string& name) {
    for (const auto& node : model.nodes)
        if (node.name == name) return &node;
    return nullptr;
}

void checkUnitVectors(const fg::ModelData& model) {
    for (const auto& mesh : model.meshes) {
        for (const auto& v : mesh.vertices) {
            CHECK(glm::length(v.normal) == doctest::Approx(1.0f).epsilon(1e-3));
            CHECK(glm::length(glm::vec3(v.tangent)) == doctest::Approx(1.0f).epsilon(1e-3));
            CHECK(std::abs(v.tangent.w) == 1.0f);
            CHECK(std::abs(glm::dot(v.normal, glm::vec3(v.tangent))) < 1e-3f);
        }
    }
}

// The glTF test material, as written by assets/test-models/generate.py.
void checkGltfMaterial(const fg::ModelData& model) {
    REQUIRE(model.materials.size() == 1);
    const fg::MaterialData& m = model.materials[0];
    CHECK(m.name == "painted");
    CHECK(m.baseColorFactor == glm::vec4(1.0f, 0.8f, 0.6f, 1.0f));
    CHECK(m.metallicFactor == 0.25f);
    CHECK(m.roughnessFactor == 0.75f);
    CHECK(m.emissiveFactor == glm::vec3(0.1f, 0.2f, 0.3f));
    CHECK(m.alphaMode == fg::AlphaMode::Mask);
    CHECK(m.alphaCutoff == 0.3f);
    CHECK(m.doubleSided);
    REQUIRE(m.baseColorTexture >= 0);
    REQUIRE(m.metallicRoughnessTexture >= 0);
    REQUIRE(m.normalTexture >= 0);
    // Emissive uses the same image in the same colour space, so it is stored once.
    CHECK(m.emissiveTexture == m.baseColorTexture);
    CHECK(model.images.size() == 3);
    const fg::ImageData& base = model.images[std::size_t(m.baseColorTexture)];
    CHECK(base.width == 4);
    CHECK(base.height == 4);
    CHECK(base.srgb);
    CHECK(std::vector<std::uint8_t>(base.rgba.begin(), base.rgba.begin() + 8) ==
          std::vector<std::uint8_t>{255, 255, 255, 255, 200, 30, 30, 255});
    const fg::ImageData& mr = model.images[std::size_t(m.metallicRoughnessTexture)];
    CHECK_FALSE(mr.srgb);
    CHECK(std::vector<std::uint8_t>(mr.rgba.begin(), mr.rgba.begin() + 4) ==
          std::vector<std::uint8_t>{0, 128, 64, 255});
    CHECK_FALSE(model.images[std::size_t(m.normalTexture)].srgb);
}

void checkGltfGeometry(const fg::ModelData& model) {
    REQUIRE(model.meshes.size() == 1);
    CHECK(fg::triangleCount(model) == 12);
    CHECK(model.meshes[0].vertices.size() == 24);
    CHECK(model.meshes[0].boundsMin == glm::vec3(-0.5f));
    CHECK(model.meshes[0].boundsMax == glm::vec3(0.5f));
    const fg::NodeData* root = findNode(model, "root");
    const fg::NodeData* cube = findNode(model, "cube");
    REQUIRE(root);
    REQUIRE(cube);
    CHECK(cube->parent == root - model.nodes.data());
    CHECK(cube->meshes == std::vector<std::uint32_t>{0});
    glm::vec3 lo, hi;
    fgtest::worldBounds(model, lo, hi);
    // root scales by 2, cube is lifted by 0.5 inside it: the cube spans y in [0, 2].
    CHECK(lo.y == doctest::Approx(0.0f));
    CHECK(hi.y == doctest::Approx(2.0f));
    CHECK(lo.x == doctest::Approx(-1.0f));
    // glTF's v axis points down, as in our images: the file's uv (0,0) corner must survive.
    bool hasTopLeft = false;
    for (const auto& v : model.meshes[0].vertices)
        hasTopLeft |= v.uv == glm::vec2(0.0f, 0.0f);
    CHECK(hasTopLeft);
    checkUnitVectors(model);
}

// In world space every triangle's winding must agree with its vertex normals: a conversion that
// mirrors the model (a left-handed result) would flip them all.
void checkWindingMatchesNormals(const fg::ModelData& model) {
    std::vector<glm::mat4> world(model.nodes.size());
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        const fg::NodeData& node = model.nodes[i];
        world[i] = node.parent < 0 ? node.localTransform
                                   : world[std::size_t(node.parent)] * node.localTransform;
        glm::mat3 normalMatrix = glm::transpose(glm::inverse(glm::mat3(world[i])));
        for (std::uint32_t m : node.meshes) {
            const fg::MeshData& mesh = model.meshes[m];
            for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
                auto p = [&](std::size_t k) {
                    return glm::vec3(world[i] *
                                     glm::vec4(mesh.vertices[mesh.indices[t + k]].position, 1));
                };
                glm::vec3 n = normalMatrix * mesh.vertices[mesh.indices[t]].normal;
                CHECK(glm::dot(glm::cross(p(1) - p(0), p(2) - p(0)), n) > 0.0f);
            }
        }
    }
}

} // namespace

TEST_CASE("importModel reads the textured GLB with embedded PNGs") {
    auto model = fg::importModel(testModel("cube.glb"));
    REQUIRE_MESSAGE(model, (model ? "" : model.error().message));
    checkGltfGeometry(*model);
    checkGltfMaterial(*model);
    checkWindingMatchesNormals(*model);
}

TEST_CASE("importModel reads a .gltf with a separate .bin and external PNGs") {
    auto model = fg::importModel(testModel("cube.gltf"));
    REQUIRE_MESSAGE(model, (model ? "" : model.error().message));
    checkGltfGeometry(*model);
    checkGltfMaterial(*model);
    CHECK(model->images[std::size_t(model->materials[0].baseColorTexture)].name == "checker.png");
}

TEST_CASE("importModel reads OBJ with its MTL and texture as a non-metal material") {
    auto model = fg::importModel(testModel("cube.obj"));
    REQUIRE_MESSAGE(model, (model ? "" : model.error().message));
    CHECK(fg::triangleCount(*model) == 12);
    const fg::MaterialData* painted = nullptr;
    for (const auto& m : model->materials)
        if (m.name == "painted") painted = &m;
    REQUIRE(painted);
    CHECK(painted->baseColorFactor.r == doctest::Approx(0.2f));
    CHECK(painted->baseColorFactor.b == doctest::Approx(0.6f));
    CHECK(painted->metallicFactor == 0.0f);
    REQUIRE(painted->baseColorTexture >= 0);
    CHECK(model->images[std::size_t(painted->baseColorTexture)].width == 4);
    CHECK(model->meshes[0].material == std::uint32_t(painted - model->materials.data()));
    checkUnitVectors(*model);
}

TEST_CASE("importModel converts a Z-up Collada file to Y-up") {
    auto model = fg::importModel(testModel("tall-box.dae"));
    REQUIRE_MESSAGE(model, (model ? "" : model.error().message));
    CHECK(fg::triangleCount(*model) == 12);
    glm::vec3 lo, hi;
    fgtest::worldBounds(*model, lo, hi);
    // The box is 2 m tall along the file's Z (up) axis, lifted 1 m: it must stand on y = 0.
    CHECK(lo.y == doctest::Approx(0.0f).epsilon(1e-4));
    CHECK(hi.y == doctest::Approx(2.0f).epsilon(1e-4));
    CHECK(hi.x - lo.x == doctest::Approx(1.0f));
    CHECK(hi.z - lo.z == doctest::Approx(0.5f));
    checkWindingMatchesNormals(*model);
}

TEST_CASE("importModel converts a Z-up centimetre FBX to Y-up metres") {
    auto model = fg::importModel(testModel("tall-box.fbx"));
    REQUIRE_MESSAGE(model, (model ? "" : model.error().message));
    CHECK(fg::triangleCount(*model) == 12); // six quads, triangulated
    glm::vec3 lo, hi;
    fgtest::worldBounds(*model, lo, hi);
    // 100 x 50 x 200 cm standing on the file's z = 0 plane.
    CHECK(lo.y == doctest::Approx(0.0f).epsilon(1e-4));
    CHECK(hi.y == doctest::Approx(2.0f).epsilon(1e-4));
    CHECK(hi.x - lo.x == doctest::Approx(1.0f));
    CHECK(hi.z - lo.z == doctest::Approx(0.5f));
    checkWindingMatchesNormals(*model);
    REQUIRE(model->materials.size() == 1);
    CHECK(model->materials[0].name == "crate");
    CHECK(model->materials[0].baseColorFactor.r == doctest::Approx(0.7f));
    REQUIRE(model->materials[0].baseColorTexture == 0);
    CHECK(model->images[0].width == 4); // the real checker.png, not the placeholder
}

TEST_CASE("a missing texture becomes the placeholder checker and the model still loads") {
    fs::path dir = fgtest::freshDir("missing-texture");
    fs::copy_file(testModel("cube.obj"), dir / "cube.obj");
    fs::copy_file(testModel("cube.mtl"), dir / "cube.mtl"); // checker.png is not copied
    auto model = fg::importModel(dir / "cube.obj");
    REQUIRE_MESSAGE(model, (model ? "" : model.error().message));
    REQUIRE(model->images.size() == 1);
    const fg::ImageData placeholder = fg::makePlaceholderImage();
    CHECK(model->images[0].width == placeholder.width);
    CHECK(model->images[0].rgba == placeholder.rgba);
    fs::remove_all(dir);
}

TEST_CASE("importModel enforces the triangle and file-size limits") {
    auto tooMany = fg::importModel(testModel("cube.glb"), {.maxTriangles = 11});
    REQUIRE_FALSE(tooMany);
    CHECK(tooMany.error().message.find("12 triangles, over the limit of 11") != std::string::npos);
    CHECK(fg::importModel(testModel("cube.glb"), {.maxTriangles = 12}));
    auto tooBig = fg::importModel(testModel("cube.glb"), {.maxFileBytes = 100});
    REQUIRE_FALSE(tooBig);
    CHECK(tooBig.error().message.find("cube.glb") != std::string::npos);
    CHECK(tooBig.error().message.find("over the limit of 100 bytes") != std::string::npos);
}

TEST_CASE("the file-size limit also applies to a glTF's external buffer") {
    fs::path dir = fgtest::freshDir("big-bin");
    fs::copy_file(testModel("cube.gltf"), dir / "cube.gltf");
    auto bin = fg::readFileBytes(testModel("cube.bin"));
    REQUIRE(bin);
    bin->resize(20000, 0); // a buffer may be longer than declared; the limit still applies
    REQUIRE(fg::writeFileAtomic(dir / "cube.bin", *bin));
    auto model = fg::importModel(dir / "cube.gltf", {.maxFileBytes = 10000});
    REQUIRE_FALSE(model);
    CHECK(model.error().message.find("cube.gltf") != std::string::npos);
    CHECK(model.error().message.find("cube.bin is 20000 bytes") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("files referenced from outside the model's folder are refused by default") {
    fs::path dir = fgtest::freshDir("confine");
    fs::create_directories(dir / "model");
    fs::copy_file(testModel("cube.bin"), dir / "cube.bin"); // beside the folder, not inside it
    fs::copy_file(testModel("checker.png"), dir / "checker.png");
    auto gltf = fg::readFileText(testModel("cube.gltf"));
    REQUIRE(gltf);
    std::string text = *gltf;
    text.replace(text.find("\"cube.bin\""), 10, "\"../cube.bin\"");
    REQUIRE(fg::writeFileAtomic(dir / "model" / "cube.gltf", text));
    auto refused = fg::importModel(dir / "model" / "cube.gltf");
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.find("outside the model's folder") != std::string::npos);

    fs::copy_file(testModel("cube.obj"), dir / "model" / "cube.obj");
    REQUIRE(
        fg::writeFileAtomic(dir / "model" / "cube.mtl",
                            std::string_view("newmtl painted\nKd 1 1 1\nmap_Kd ../checker.png\n")));
    auto confined = fg::importModel(dir / "model" / "cube.obj");
    REQUIRE(confined);
    REQUIRE(confined->images.size() == 1);
    CHECK(confined->images[0].width == fg::makePlaceholderImage().width);
    auto open = fg::importModel(dir / "model" / "cube.obj", {.confineToFolder = false});
    REQUIRE(open);
    REQUIRE(open->images.size() == 1);
    CHECK(open->images[0].width == 4);
    CHECK(fg::importModel(dir / "model" / "cube.gltf", {.confineToFolder = false}));
    fs::remove_all(dir);
}

TEST_CASE("OBJ and GLB of the same cube give the same positions with the same UVs") {
    auto glb = fg::importModel(testModel("cube.glb"));
    auto obj = fg::importModel(testModel("cube.obj"));
    REQUIRE(glb);
    REQUIRE(obj);
    // OBJ stores v upwards and glTF downwards; after import both must use the image's first row
    // as v = 0, so every corner carries the same UV in both.
    auto corners = [](const fg::ModelData& m) {
        std::vector<std::array<float, 5>> out;
        for (const auto& v : m.meshes[0].vertices)
            out.push_back({v.position.x, v.position.y, v.position.z, v.uv.x, v.uv.y});
        std::sort(out.begin(), out.end());
        return out;
    };
    CHECK(corners(*glb) == corners(*obj));
}

TEST_CASE("importModel can run on several threads at once (separate Assimp importers)") {
    const char* files[] = {"cube.glb", "cube.obj", "tall-box.fbx", "cube.gltf"};
    std::vector<fg::Bytes> expected;
    for (const char* f : files) {
        auto model = fg::importModel(testModel(f));
        REQUIRE(model);
        expected.push_back(fg::cookModel(*model));
    }
    std::vector<fg::Bytes> got(std::size(files));
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < std::size(files); ++i)
        threads.emplace_back([&, i] {
            for (int round = 0; round < 5; ++round) {
                auto model = fg::importModel(testModel(files[i]));
                got[i] = model ? fg::cookModel(*model) : fg::Bytes{};
                if (got[i] != expected[i]) return;
            }
        });
    for (auto& t : threads)
        t.join();
    for (std::size_t i = 0; i < std::size(files); ++i)
        CHECK_MESSAGE(got[i] == expected[i], files[i]);
}
