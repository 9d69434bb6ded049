// Public renderer vocabulary: handles, materials, camera, bounds, frame statistics.
// No Vulkan or ImGui types may appear here; game/ and tools/ include this.
#pragma once

#include <cstdint>
#include <glm/glm.hpp>

namespace fg::render {

inline constexpr std::uint32_t kInvalidId = ~0u;
// Scene pick id for things picking looks through (merged sign text, decals).
inline constexpr std::uint32_t kPickThrough = ~0u - 1;

struct Aabb {
    glm::vec3 min{0.0f};
    glm::vec3 max{0.0f};
    glm::vec3 center() const { return (min + max) * 0.5f; }
    glm::vec3 extent() const { return max - min; }
};
// The world box around LOCAL transformed by MATRIX (all eight corners).
Aabb transformAabb(const Aabb& local, const glm::mat4& matrix);
Aabb mergeAabb(const Aabb& a, const Aabb& b);

struct MeshHandle {
    std::uint32_t id = kInvalidId;
    Aabb bounds; // mesh-local
    std::uint32_t indexCount = 0;
    bool valid() const { return id != kInvalidId; }
};

struct TextureId {
    std::uint32_t id = kInvalidId;
    bool valid() const { return id != kInvalidId; }
};

struct MaterialId {
    std::uint32_t id = kInvalidId;
    bool valid() const { return id != kInvalidId; }
};

// Meshes, textures and materials added between Renderer::beginResourceGroup and
// endResourceGroup belong to that group and are freed together by releaseResourceGroup (a world
// that is rebuilt); everything else stays until the renderer is destroyed.
using ResourceGroup = std::uint32_t;
inline constexpr ResourceGroup kPermanentGroup = 0;

// glTF metallic-roughness material. Textures left invalid use neutral defaults.
// AlphaMask discards below alphaCutoff; unlit writes base colour without lighting (text, tests).
struct MaterialDesc {
    glm::vec4 baseColor{1.0f};
    float metallic = 0.0f;
    float roughness = 0.8f;
    glm::vec3 emissive{0.0f};
    bool alphaMask = false;
    float alphaCutoff = 0.5f;
    bool unlit = false;
    TextureId baseColorTexture;
    TextureId metallicRoughnessTexture;
    TextureId normalTexture;
    TextureId emissiveTexture;
};

// Yaw 0 looks along +z, 90 along +x; pitch up is positive. Degrees.
struct Camera {
    glm::vec3 position{0.0f, 1.7f, 0.0f};
    float yaw = 0.0f;
    float pitch = 0.0f;
    float fovY = 60.0f;
    float nearPlane = 0.1f;
    float farPlane = 1000.0f;

    glm::vec3 forward() const;
    glm::mat4 view() const;
    // Vulkan clip space: depth 0..1, y down.
    glm::mat4 projection(float aspect) const;
};

struct Ray {
    glm::vec3 origin{0.0f};
    glm::vec3 direction{0.0f, 0.0f, 1.0f}; // normalised
};
// The ray from the camera through PIXEL (top-left origin) of a WIDTH x HEIGHT view.
Ray rayThroughPixel(const Camera& camera, glm::vec2 pixel, glm::vec2 viewSize);

struct FrameStats {
    std::uint32_t drawCalls = 0;
    std::uint32_t visibleInstances = 0;
    std::uint32_t totalInstances = 0;
    std::uint32_t batches = 0;
    double cullRecordMs = 0; // CPU time: culling, batching, instance upload, command recording
    double frameMs = 0;      // CPU wall time of the whole frame including the GPU wait
};

} // namespace fg::render
