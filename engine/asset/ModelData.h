// The engine's in-memory model: meshes, glTF metallic-roughness materials, RGBA8 images, nodes.
// Plain data shared by importers, the cooked format and the renderer; no third-party types here.
#pragma once

#include <cstdint>
#include <glm/glm.hpp>
#include <string>
#include <vector>

namespace fg {

struct Vertex {
    glm::vec3 position{0.0f};
    glm::vec3 normal{0.0f, 1.0f, 0.0f};
    glm::vec4 tangent{1.0f, 0.0f, 0.0f, 1.0f}; // xyz tangent, w handedness
    glm::vec2 uv{0.0f};
};

// Always 8-bit RGBA, rows top to bottom. srgb tells whether the texels are colour (sRGB) data.
struct ImageData {
    std::string name;
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::vector<std::uint8_t> rgba;
    bool srgb = true;
};

enum class AlphaMode : std::uint8_t { Opaque = 0, Mask = 1, Blend = 2 };

inline constexpr std::int32_t kNoTexture = -1;

struct MaterialData {
    std::string name;
    glm::vec4 baseColorFactor{1.0f};
    float metallicFactor = 1.0f;
    float roughnessFactor = 1.0f;
    glm::vec3 emissiveFactor{0.0f};
    AlphaMode alphaMode = AlphaMode::Opaque;
    float alphaCutoff = 0.5f;
    bool doubleSided = false;
    // Indices into ModelData::images, or kNoTexture.
    std::int32_t baseColorTexture = kNoTexture;
    std::int32_t metallicRoughnessTexture = kNoTexture;
    std::int32_t normalTexture = kNoTexture;
    std::int32_t emissiveTexture = kNoTexture;
};

struct MeshData {
    std::string name;
    std::vector<Vertex> vertices;
    std::vector<std::uint32_t> indices; // triangle list
    std::uint32_t material = 0;         // index into ModelData::materials
    glm::vec3 boundsMin{0.0f};
    glm::vec3 boundsMax{0.0f};
};

struct NodeData {
    std::string name;
    glm::mat4 localTransform{1.0f};
    std::int32_t parent = -1;          // index into ModelData::nodes, -1 for a root
    std::vector<std::uint32_t> meshes; // indices into ModelData::meshes
};

struct ModelData {
    std::vector<MeshData> meshes;
    std::vector<MaterialData> materials;
    std::vector<ImageData> images;
    std::vector<NodeData> nodes;
};

// Recomputes MeshData::boundsMin/Max from the vertices (zero box for an empty mesh).
void computeBounds(MeshData& mesh);
// Number of triangles over all meshes (indices / 3).
std::uint64_t triangleCount(const ModelData& model);

} // namespace fg
