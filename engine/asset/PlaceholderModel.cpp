// The magenta box drawn in place of a model that failed to load.
// Built in code so it can never itself fail to load; no I/O here.
#include "engine/asset/AssetCache.h"

namespace fg {
namespace {

// One face of the unit box: outward normal and two in-face axes with cross(u, v) == normal.
struct Face {
    glm::vec3 n, u, v;
};
constexpr Face kFaces[6] = {
    {{1, 0, 0}, {0, 0, -1}, {0, 1, 0}}, {{-1, 0, 0}, {0, 0, 1}, {0, 1, 0}},
    {{0, 1, 0}, {1, 0, 0}, {0, 0, -1}}, {{0, -1, 0}, {1, 0, 0}, {0, 0, 1}},
    {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}},  {{0, 0, -1}, {-1, 0, 0}, {0, 1, 0}},
};

} // namespace

ModelData makePlaceholderModel() {
    MeshData mesh;
    mesh.name = "placeholder";
    constexpr glm::vec2 kCorners[4] = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
    for (const Face& f : kFaces) {
        auto base = static_cast<std::uint32_t>(mesh.vertices.size());
        for (const glm::vec2& c : kCorners) {
            Vertex v;
            v.position = 0.5f * (f.n + c.x * f.u + c.y * f.v);
            v.normal = f.n;
            v.tangent = glm::vec4(f.u, 1.0f);
            v.uv = glm::vec2(c.x * 0.5f + 0.5f, 0.5f - c.y * 0.5f);
            mesh.vertices.push_back(v);
        }
        mesh.indices.insert(mesh.indices.end(),
                            {base, base + 1, base + 2, base, base + 2, base + 3});
    }
    computeBounds(mesh);
    MaterialData material;
    material.name = "placeholder";
    material.baseColorFactor = {1.0f, 0.0f, 1.0f, 1.0f};
    material.metallicFactor = 0.0f;
    material.emissiveFactor = {0.4f, 0.0f, 0.4f}; // visible even in an unlit corner
    ModelData model;
    model.meshes.push_back(std::move(mesh));
    model.materials.push_back(std::move(material));
    model.nodes.push_back(NodeData{.name = "placeholder", .meshes = {0}});
    return model;
}

} // namespace fg
