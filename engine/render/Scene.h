// Public CPU scene: instances of uploaded meshes with materials, the light, culling and picking.
// No GPU calls: it is plain data that the Renderer reads, and unit-testable without a device.
#pragma once

#include "engine/render/RenderTypes.h"

#include <optional>
#include <unordered_map>
#include <vector>

namespace fg::render {

struct SceneInstance {
    std::uint32_t batch = 0; // index into Scene::batches(): one per distinct mesh/material pair
    MeshHandle mesh;
    MaterialId material;
    glm::mat4 transform{1.0f};
    Aabb worldBounds;
    std::uint32_t pickId =
        kInvalidId;             // caller's id (e.g. a booth index); kInvalidId = not pickable
    std::uint32_t pickItem = 0; // caller's sub-id (poster slot, model index, ...)
};

struct SceneLight {
    glm::vec3 direction{-0.35f, -1.0f, -0.45f}; // direction the light travels
    glm::vec3 color{1.0f, 0.97f, 0.92f};
    float intensity = 2.2f;
    glm::vec3 skyAmbient{0.30f, 0.33f, 0.40f};
    glm::vec3 groundAmbient{0.14f, 0.13f, 0.12f};
    bool shadows = true;
};

struct SkyColors {
    glm::vec3 zenith{0.20f, 0.36f, 0.68f};
    glm::vec3 horizon{0.70f, 0.80f, 0.92f};
    glm::vec3 ground{0.28f, 0.27f, 0.26f};
};

// A distinct mesh/material pair; the renderer draws each visible batch with one instanced call.
struct SceneBatch {
    MeshHandle mesh;
    MaterialId material;
};

struct PickHit {
    std::uint32_t pickId = kInvalidId;
    std::uint32_t pickItem = 0;
    std::size_t instance = 0;
    float distance = 0;
};

// Six planes from a view-projection matrix; an AABB is outside when fully behind one plane.
class Frustum {
public:
    explicit Frustum(const glm::mat4& viewProj);
    bool intersects(const Aabb& box) const;

private:
    glm::vec4 m_planes[6];
};

class Scene {
public:
    std::size_t add(const MeshHandle& mesh, MaterialId material, const glm::mat4& transform,
                    std::uint32_t pickId = kInvalidId, std::uint32_t pickItem = 0);
    void clear();
    const std::vector<SceneInstance>& instances() const { return m_instances; }
    const std::vector<SceneBatch>& batches() const { return m_batches; }
    Aabb bounds() const { return m_bounds; }

    // The instance whose world box the ray enters first (slab test), when it is pickable; a
    // nearer non-pickable box (a wall) hides what is behind it; kPickThrough ones are ignored.
    // Boxes around the origin are skipped.
    std::optional<PickHit> pick(const Ray& ray) const;

    SceneLight light;
    SkyColors sky;

private:
    std::vector<SceneInstance> m_instances;
    std::vector<SceneBatch> m_batches;
    std::unordered_map<std::uint64_t, std::uint32_t> m_batchIndex;
    Aabb m_bounds;
};

} // namespace fg::render
