// Helpers shared by the fg_asset tests: temporary folders and strict model comparison.
// Test-only code; writes nothing outside the temporary folders it creates.
#include "tests/asset/AssetTestSupport.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <fmt/format.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace fgtest {
namespace {

using VertexBytes = std::array<std::uint8_t, sizeof(fg::Vertex)>;
using Triangle = std::array<VertexBytes, 3>;

VertexBytes bytesOf(const fg::Vertex& v) {
    VertexBytes out;
    std::memcpy(out.data(), &v, sizeof v);
    return out;
}

std::vector<Triangle> triangles(const fg::MeshData& mesh) {
    std::vector<Triangle> out;
    for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
        Triangle t{bytesOf(mesh.vertices[mesh.indices[i]]),
                   bytesOf(mesh.vertices[mesh.indices[i + 1]]),
                   bytesOf(mesh.vertices[mesh.indices[i + 2]])};
        // Rotate so the smallest vertex comes first: same winding, canonical start.
        auto first = std::min_element(t.begin(), t.end());
        std::rotate(t.begin(), first, t.end());
        out.push_back(t);
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool sameVertex(const fg::Vertex& a, const fg::Vertex& b) {
    return a.position == b.position && a.normal == b.normal && a.tangent == b.tangent &&
           a.uv == b.uv;
}

bool sameMaterial(const fg::MaterialData& a, const fg::MaterialData& b) {
    return a.name == b.name && a.baseColorFactor == b.baseColorFactor &&
           a.metallicFactor == b.metallicFactor && a.roughnessFactor == b.roughnessFactor &&
           a.emissiveFactor == b.emissiveFactor && a.alphaMode == b.alphaMode &&
           a.alphaCutoff == b.alphaCutoff && a.doubleSided == b.doubleSided &&
           a.baseColorTexture == b.baseColorTexture &&
           a.metallicRoughnessTexture == b.metallicRoughnessTexture &&
           a.normalTexture == b.normalTexture && a.emissiveTexture == b.emissiveTexture;
}

bool sameMesh(const fg::MeshData& a, const fg::MeshData& b) {
    return a.name == b.name && a.material == b.material && a.boundsMin == b.boundsMin &&
           a.boundsMax == b.boundsMax && a.indices == b.indices &&
           std::equal(a.vertices.begin(), a.vertices.end(), b.vertices.begin(), b.vertices.end(),
                      sameVertex);
}

} // namespace

fs::path freshDir(const std::string& name) {
    fs::path dir = fs::temp_directory_path() /
                   fmt::format("fg-asset-{}-{}", name, static_cast<long>(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

fs::path testModel(const std::string& file) {
    return fs::path(FG_ASSETS_DIR) / "test-models" / file;
}

bool sameModel(const fg::ModelData& a, const fg::ModelData& b, std::string& why) {
    if (a.meshes.size() != b.meshes.size()) return why = "mesh count", false;
    if (a.materials.size() != b.materials.size()) return why = "material count", false;
    if (a.images.size() != b.images.size()) return why = "image count", false;
    if (a.nodes.size() != b.nodes.size()) return why = "node count", false;
    for (std::size_t i = 0; i < a.meshes.size(); ++i)
        if (!sameMesh(a.meshes[i], b.meshes[i])) return why = fmt::format("mesh {}", i), false;
    for (std::size_t i = 0; i < a.materials.size(); ++i)
        if (!sameMaterial(a.materials[i], b.materials[i]))
            return why = fmt::format("material {}", i), false;
    for (std::size_t i = 0; i < a.images.size(); ++i) {
        const auto &x = a.images[i], &y = b.images[i];
        if (x.name != y.name || x.width != y.width || x.height != y.height || x.srgb != y.srgb ||
            x.rgba != y.rgba)
            return why = fmt::format("image {}", i), false;
    }
    for (std::size_t i = 0; i < a.nodes.size(); ++i) {
        const auto &x = a.nodes[i], &y = b.nodes[i];
        if (x.name != y.name || x.localTransform != y.localTransform || x.parent != y.parent ||
            x.meshes != y.meshes)
            return why = fmt::format("node {}", i), false;
    }
    return true;
}

bool sameTriangles(const fg::MeshData& a, const fg::MeshData& b) {
    return triangles(a) == triangles(b);
}

void worldBounds(const fg::ModelData& model, glm::vec3& lo, glm::vec3& hi) {
    lo = glm::vec3(1e30f);
    hi = glm::vec3(-1e30f);
    std::vector<glm::mat4> world(model.nodes.size());
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        const fg::NodeData& node = model.nodes[i];
        world[i] = node.parent < 0 ? node.localTransform
                                   : world[std::size_t(node.parent)] * node.localTransform;
        for (std::uint32_t m : node.meshes) {
            for (const fg::Vertex& v : model.meshes[m].vertices) {
                glm::vec3 p = glm::vec3(world[i] * glm::vec4(v.position, 1.0f));
                lo = glm::min(lo, p);
                hi = glm::max(hi, p);
            }
        }
    }
}

} // namespace fgtest
