// Mesh reordering with meshoptimizer (vertex cache, overdraw, vertex fetch) for the cooked format.
// Pure function of the model: deterministic, so cooking twice gives identical bytes.
#include "engine/asset/CookedFormat.h"

#include <meshoptimizer.h>

namespace fg {
namespace {

// meshoptimizer's overdraw pass trades at most this much vertex-cache efficiency for less overdraw.
constexpr float kOverdrawThreshold = 1.05f;

void optimizeMesh(MeshData& mesh) {
    if (mesh.indices.empty() || mesh.vertices.empty()) {
        computeBounds(mesh);
        return;
    }
    std::size_t indexCount = mesh.indices.size();
    std::size_t vertexCount = mesh.vertices.size();
    meshopt_optimizeVertexCache(mesh.indices.data(), mesh.indices.data(), indexCount, vertexCount);
    meshopt_optimizeOverdraw(mesh.indices.data(), mesh.indices.data(), indexCount,
                             &mesh.vertices[0].position.x, vertexCount, sizeof(Vertex),
                             kOverdrawThreshold);
    // Also drops vertices no index refers to.
    std::size_t used =
        meshopt_optimizeVertexFetch(mesh.vertices.data(), mesh.indices.data(), indexCount,
                                    mesh.vertices.data(), vertexCount, sizeof(Vertex));
    mesh.vertices.resize(used);
    computeBounds(mesh);
}

} // namespace

void optimizeModel(ModelData& model) {
    for (MeshData& mesh : model.meshes)
        optimizeMesh(mesh);
}

} // namespace fg
