// Scene bookkeeping, camera maths, frustum culling and ray picking; all CPU, no device.
// Must not include Vulkan: unit tests and the server-side tools may link this code without a GPU.
#include "engine/render/Scene.h"

#include <algorithm>
#include <cmath>
#include <glm/gtc/matrix_transform.hpp>
#include <limits>

namespace fg::render {

Aabb transformAabb(const Aabb& local, const glm::mat4& m) {
    // Arvo's method: the box of the transformed box without visiting eight corners.
    Aabb out;
    out.min = out.max = glm::vec3(m[3]);
    for (int col = 0; col < 3; ++col) {
        for (int row = 0; row < 3; ++row) {
            const float a = m[col][row] * local.min[col];
            const float b = m[col][row] * local.max[col];
            out.min[row] += std::min(a, b);
            out.max[row] += std::max(a, b);
        }
    }
    return out;
}

Aabb mergeAabb(const Aabb& a, const Aabb& b) {
    return {glm::min(a.min, b.min), glm::max(a.max, b.max)};
}

glm::vec3 Camera::forward() const {
    const float y = glm::radians(yaw);
    const float p = glm::radians(pitch);
    return {std::sin(y) * std::cos(p), std::sin(p), std::cos(y) * std::cos(p)};
}

glm::mat4 Camera::view() const {
    return glm::lookAtRH(position, position + forward(), glm::vec3(0.0f, 1.0f, 0.0f));
}

glm::mat4 Camera::projection(float aspect) const {
    glm::mat4 proj = glm::perspectiveRH_ZO(glm::radians(fovY), aspect, nearPlane, farPlane);
    proj[1][1] *= -1.0f; // Vulkan's clip space has y pointing down
    return proj;
}

Ray rayThroughPixel(const Camera& camera, glm::vec2 pixel, glm::vec2 viewSize) {
    const glm::vec2 ndc = pixel / viewSize * 2.0f - 1.0f;
    const glm::mat4 inv = glm::inverse(camera.projection(viewSize.x / viewSize.y) * camera.view());
    glm::vec4 nearPoint = inv * glm::vec4(ndc, 0.0f, 1.0f);
    glm::vec4 farPoint = inv * glm::vec4(ndc, 1.0f, 1.0f);
    nearPoint /= nearPoint.w;
    farPoint /= farPoint.w;
    return {camera.position, glm::normalize(glm::vec3(farPoint - nearPoint))};
}

Frustum::Frustum(const glm::mat4& m) {
    // Gribb-Hartmann on rows of M; Vulkan depth range 0..1 makes the near plane row 2 alone.
    const glm::vec4 r0{m[0][0], m[1][0], m[2][0], m[3][0]};
    const glm::vec4 r1{m[0][1], m[1][1], m[2][1], m[3][1]};
    const glm::vec4 r2{m[0][2], m[1][2], m[2][2], m[3][2]};
    const glm::vec4 r3{m[0][3], m[1][3], m[2][3], m[3][3]};
    m_planes[0] = r3 + r0;
    m_planes[1] = r3 - r0;
    m_planes[2] = r3 + r1;
    m_planes[3] = r3 - r1;
    m_planes[4] = r2;
    m_planes[5] = r3 - r2;
}

bool Frustum::intersects(const Aabb& box) const {
    for (const glm::vec4& p : m_planes) {
        const glm::vec3 positive{p.x >= 0 ? box.max.x : box.min.x, p.y >= 0 ? box.max.y : box.min.y,
                                 p.z >= 0 ? box.max.z : box.min.z};
        if (glm::dot(glm::vec3(p), positive) + p.w < 0.0f) return false;
    }
    return true;
}

std::size_t Scene::add(const MeshHandle& mesh, MaterialId material, const glm::mat4& transform,
                       std::uint32_t pickId, std::uint32_t pickItem) {
    const std::uint64_t key = (std::uint64_t(material.id) << 32) | mesh.id;
    auto [it, added] = m_batchIndex.try_emplace(key, static_cast<std::uint32_t>(m_batches.size()));
    if (added) m_batches.push_back({mesh, material});
    SceneInstance inst{
        it->second, mesh,    material, transform, transformAabb(mesh.bounds, transform),
        pickId,     pickItem};
    m_bounds = m_instances.empty() ? inst.worldBounds : mergeAabb(m_bounds, inst.worldBounds);
    m_instances.push_back(inst);
    return m_instances.size() - 1;
}

void Scene::clear() {
    m_instances.clear();
    m_batches.clear();
    m_batchIndex.clear();
    m_bounds = Aabb{};
}

namespace {

// Distance at which the ray enters BOX, or nothing; a box around the origin is not entered.
std::optional<float> rayEnters(const Ray& ray, const Aabb& box) {
    float tNear = -std::numeric_limits<float>::infinity();
    float tFar = std::numeric_limits<float>::infinity();
    for (int axis = 0; axis < 3; ++axis) {
        const float d = ray.direction[axis];
        const float o = ray.origin[axis];
        if (std::abs(d) < 1e-8f) {
            if (o < box.min[axis] || o > box.max[axis]) return std::nullopt;
            continue;
        }
        float t0 = (box.min[axis] - o) / d;
        float t1 = (box.max[axis] - o) / d;
        if (t0 > t1) std::swap(t0, t1);
        tNear = std::max(tNear, t0);
        tFar = std::min(tFar, t1);
    }
    if (tNear > tFar || tNear < 0.0f) return std::nullopt;
    return tNear;
}

} // namespace

std::optional<PickHit> Scene::pick(const Ray& ray) const {
    // Nearest box of any instance, so walls and boards hide the booths behind them.
    std::optional<PickHit> best;
    for (std::size_t i = 0; i < m_instances.size(); ++i) {
        const SceneInstance& inst = m_instances[i];
        if (inst.pickId == kPickThrough) continue;
        const auto t = rayEnters(ray, inst.worldBounds);
        if (t && (!best || *t < best->distance)) best = PickHit{inst.pickId, inst.pickItem, i, *t};
    }
    if (best && best->pickId == kInvalidId) return std::nullopt;
    return best;
}

} // namespace fg::render
