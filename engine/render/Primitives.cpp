// Builders for quads, floors and boxes with normals, tangents and UVs.
// Must stay free of GPU calls so scene code and tests can use them anywhere.
#include "engine/render/Primitives.h"

namespace fg::render {
namespace {

// Appends one quad face: corners in order top-left, top-right, bottom-right, bottom-left.
void addFace(MeshData& mesh, const glm::vec3 (&c)[4], glm::vec3 normal, glm::vec2 uvScale) {
    const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
    const glm::vec3 tangent = glm::normalize(c[1] - c[0]);
    const glm::vec2 uvs[4] = {{0, 0}, {uvScale.x, 0}, {uvScale.x, uvScale.y}, {0, uvScale.y}};
    for (int i = 0; i < 4; ++i) {
        Vertex v;
        v.position = c[i];
        v.normal = normal;
        v.tangent = glm::vec4(tangent, 1.0f);
        v.uv = uvs[i];
        mesh.vertices.push_back(v);
    }
    // Counter-clockwise seen from the normal's side.
    for (std::uint32_t i : {0u, 3u, 2u, 0u, 2u, 1u})
        mesh.indices.push_back(base + i);
}

} // namespace

MeshData makeQuad(float width, float height) {
    MeshData mesh;
    mesh.name = "quad";
    const float x = width * 0.5f, y = height * 0.5f;
    addFace(mesh, {{-x, y, 0}, {x, y, 0}, {x, -y, 0}, {-x, -y, 0}}, {0, 0, 1}, {1, 1});
    computeBounds(mesh);
    return mesh;
}

MeshData makeFloor(float width, float depth, float tile) {
    MeshData mesh;
    mesh.name = "floor";
    const float x = width * 0.5f, z = depth * 0.5f;
    const glm::vec2 uv = tile > 0 ? glm::vec2(width / tile, depth / tile) : glm::vec2(1.0f);
    addFace(mesh, {{-x, 0, -z}, {x, 0, -z}, {x, 0, z}, {-x, 0, z}}, {0, 1, 0}, uv);
    computeBounds(mesh);
    return mesh;
}

MeshData makeBox(glm::vec3 a, glm::vec3 b) {
    MeshData mesh;
    mesh.name = "box";
    const glm::vec2 one{1.0f};
    addFace(mesh, {{a.x, b.y, b.z}, {b.x, b.y, b.z}, {b.x, a.y, b.z}, {a.x, a.y, b.z}}, {0, 0, 1},
            one);
    addFace(mesh, {{b.x, b.y, a.z}, {a.x, b.y, a.z}, {a.x, a.y, a.z}, {b.x, a.y, a.z}}, {0, 0, -1},
            one);
    addFace(mesh, {{b.x, b.y, b.z}, {b.x, b.y, a.z}, {b.x, a.y, a.z}, {b.x, a.y, b.z}}, {1, 0, 0},
            one);
    addFace(mesh, {{a.x, b.y, a.z}, {a.x, b.y, b.z}, {a.x, a.y, b.z}, {a.x, a.y, a.z}}, {-1, 0, 0},
            one);
    addFace(mesh, {{a.x, b.y, a.z}, {b.x, b.y, a.z}, {b.x, b.y, b.z}, {a.x, b.y, b.z}}, {0, 1, 0},
            one);
    addFace(mesh, {{a.x, a.y, b.z}, {b.x, a.y, b.z}, {b.x, a.y, a.z}, {a.x, a.y, a.z}}, {0, -1, 0},
            one);
    computeBounds(mesh);
    return mesh;
}

} // namespace fg::render
