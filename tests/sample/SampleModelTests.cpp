// Every model of the sample: imports through fg::importModel at product scale, glTF buffers and
// accessors in bounds, OBJ faces index existing vertices. Reads the committed files only.
#include "engine/asset/ModelImporter.h"
#include "engine/core/File.h"
#include "tests/sample/SampleTestSupport.h"

#include <cstring>
#include <doctest/doctest.h>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::uint32_t u32(const fg::Bytes& b, std::size_t at) {
    return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) |
           (static_cast<std::uint32_t>(b[at + 3]) << 24);
}

// Splits a .glb into its JSON and BIN chunks (REQUIREs a well-formed container).
json readGlb(const fg::Bytes& b, fg::Bytes& bin) {
    REQUIRE(b.size() >= 28);
    REQUIRE(u32(b, 0) == 0x46546C67);
    REQUIRE(u32(b, 8) == b.size());
    std::uint32_t jsonLen = u32(b, 12);
    REQUIRE(u32(b, 16) == 0x4E4F534A);
    REQUIRE(20 + jsonLen + 8 <= b.size());
    std::size_t binAt = 20 + jsonLen;
    REQUIRE(u32(b, binAt + 4) == 0x004E4942);
    bin.assign(b.begin() + binAt + 8, b.begin() + binAt + 8 + u32(b, binAt));
    return json::parse(b.begin() + 20, b.begin() + 20 + jsonLen);
}

std::size_t componentCount(const std::string& type) {
    return type == "SCALAR" ? 1 : type == "VEC2" ? 2 : type == "VEC3" ? 3 : 4;
}

void checkGltf(const json& doc, const fg::Bytes& bin) {
    REQUIRE(doc["buffers"].size() == 1);
    CHECK(doc["buffers"][0]["byteLength"].get<std::size_t>() <= bin.size());
    for (const auto& v : doc["bufferViews"])
        CHECK(v["byteOffset"].get<std::size_t>() + v["byteLength"].get<std::size_t>() <=
              bin.size());
    for (const auto& a : doc["accessors"]) {
        const json& v = doc["bufferViews"][a["bufferView"].get<std::size_t>()];
        std::size_t bytes = a["count"].get<std::size_t>() * componentCount(a["type"]) * 4;
        CHECK(bytes <= v["byteLength"].get<std::size_t>());
    }
    for (const auto& prim : doc["meshes"][0]["primitives"]) {
        const json& idx = doc["accessors"][prim["indices"].get<std::size_t>()];
        const json& pos = doc["accessors"][prim["attributes"]["POSITION"].get<std::size_t>()];
        CHECK(pos.contains("min"));
        CHECK(pos.contains("max"));
        const json& view = doc["bufferViews"][idx["bufferView"].get<std::size_t>()];
        std::size_t at = view["byteOffset"];
        for (std::size_t i = 0; i < idx["count"].get<std::size_t>(); ++i) {
            std::uint32_t index = 0;
            std::memcpy(&index, bin.data() + at + i * 4, 4);
            REQUIRE(index < pos["count"].get<std::uint32_t>());
        }
        CHECK(
            doc["materials"][prim["material"].get<std::size_t>()].contains("pbrMetallicRoughness"));
    }
}

void checkObj(const fs::path& file) {
    auto text = fg::readFileText(file);
    REQUIRE(text);
    std::istringstream in(*text);
    std::string line, mtllib;
    std::size_t v = 0, vt = 0, vn = 0, faces = 0;
    while (std::getline(in, line)) {
        std::istringstream ls(line);
        std::string tag;
        ls >> tag;
        v += tag == "v";
        vt += tag == "vt";
        vn += tag == "vn";
        if (tag == "mtllib") ls >> mtllib;
        if (tag != "f") continue;
        ++faces;
        std::string corner;
        while (ls >> corner) {
            std::size_t a = 0, b = 0, c = 0;
            REQUIRE(std::sscanf(corner.c_str(), "%zu/%zu/%zu", &a, &b, &c) == 3);
            CHECK((a >= 1 && a <= v && b >= 1 && b <= vt && c >= 1 && c <= vn));
        }
    }
    CHECK(faces > 0);
    CHECK(fs::is_regular_file(file.parent_path() / mtllib));
}

} // namespace

TEST_CASE("sample: every model imports through the engine importer at product scale") {
    std::vector<std::string> files = fgtest::sampleModelFiles();
    REQUIRE(files.size() >= 16);
    bool texturedGlb = false, emissive = false;
    for (const std::string& f : files) {
        INFO(f);
        auto model = fg::importModel(fgtest::sampleDir() / f);
        REQUIRE_MESSAGE(model, (model ? "" : model.error().message));
        std::uint64_t triangles = fg::triangleCount(*model);
        CHECK(triangles >= 50);
        CHECK(triangles <= 10000);
        glm::vec3 lo(1e9f), hi(-1e9f);
        for (const fg::MeshData& mesh : model->meshes)
            for (const fg::Vertex& vert : mesh.vertices) {
                lo = glm::min(lo, vert.position);
                hi = glm::max(hi, vert.position);
            }
        CHECK(lo.y >= -0.01f);
        CHECK(hi.y - lo.y >= 0.3f);
        CHECK(hi.y - lo.y <= 2.5f);
        for (const fg::MaterialData& m : model->materials) {
            emissive |= m.emissiveFactor != glm::vec3(0.0f);
            texturedGlb |= endsWith(f, ".glb") && m.baseColorTexture != fg::kNoTexture;
        }
    }
    CHECK(texturedGlb);
    CHECK(emissive);
}

TEST_CASE("sample: glTF and GLB buffers, views, accessors and indices are in bounds") {
    std::set<std::string> formats;
    for (const std::string& f : fgtest::sampleModelFiles()) {
        INFO(f);
        formats.insert(fs::path(f).extension().string());
        auto bytes = fg::readFileBytes(fgtest::sampleDir() / f);
        REQUIRE(bytes);
        if (endsWith(f, ".glb")) {
            fg::Bytes bin;
            checkGltf(readGlb(*bytes, bin), bin);
        } else if (endsWith(f, ".gltf")) {
            json doc = json::parse(bytes->begin(), bytes->end());
            auto bin = fg::readFileBytes(fgtest::sampleDir() / fs::path(f).parent_path() /
                                         doc["buffers"][0]["uri"].get<std::string>());
            REQUIRE(bin);
            checkGltf(doc, *bin);
        } else {
            checkObj(fgtest::sampleDir() / f);
        }
    }
    CHECK(formats == std::set<std::string>{".glb", ".gltf", ".obj"});
}
