// Small helpers over the plain model data; no I/O and no third-party calls.
// Importers and the cooked-format reader call these after filling a model.
#include "engine/asset/ModelData.h"

namespace fg {

void computeBounds(MeshData& mesh) {
    if (mesh.vertices.empty()) {
        mesh.boundsMin = mesh.boundsMax = glm::vec3(0.0f);
        return;
    }
    mesh.boundsMin = mesh.boundsMax = mesh.vertices.front().position;
    for (const Vertex& v : mesh.vertices) {
        mesh.boundsMin = glm::min(mesh.boundsMin, v.position);
        mesh.boundsMax = glm::max(mesh.boundsMax, v.position);
    }
}

std::uint64_t triangleCount(const ModelData& model) {
    std::uint64_t total = 0;
    for (const MeshData& mesh : model.meshes)
        total += mesh.indices.size() / 3;
    return total;
}

} // namespace fg
