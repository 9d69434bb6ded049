// Collision queries of one hall for the local avatar: point tests, slide moves, free points.
// Pure geometry over the exhibition model: no rendering, networking or I/O.
#include "game/client/WalkArea.h"

#include <cmath>
#include <glm/geometric.hpp>

namespace fg::client {

WalkArea::WalkArea(const expo::Exhibition& ex, std::size_t hallIndex, float radius)
    : m_radius(radius) {
    if (hallIndex >= ex.halls.size()) return;
    const expo::Hall& hall = ex.halls[hallIndex];
    m_size = hall.size;
    for (const expo::Booth& b : ex.booths) {
        if (b.hall != hall.id) continue;
        expo::Rect f = expo::boothFootprint(b);
        m_obstacles.push_back(
            {f.x - radius, f.z - radius, f.width + 2 * radius, f.depth + 2 * radius});
    }
}

bool WalkArea::walkable(glm::vec2 p) const {
    const float r = m_radius;
    if (!(p.x >= r && p.y >= r && p.x <= m_size.x - r && p.y <= m_size.y - r)) return false;
    for (const expo::Rect& o : m_obstacles)
        if (p.x > o.x && p.x < o.x + o.width && p.y > o.z && p.y < o.z + o.depth) return false;
    return true;
}

glm::vec2 WalkArea::move(glm::vec2 from, glm::vec2 delta) const {
    // Small steps so a fast frame cannot tunnel through a 3 m footprint.
    const float length = glm::length(delta);
    const int steps = std::max(1, int(std::ceil(length / 0.1f)));
    const glm::vec2 step = delta / float(steps);
    glm::vec2 p = from;
    for (int i = 0; i < steps; ++i) {
        if (walkable(p + step))
            p += step;
        else if (walkable(p + glm::vec2(step.x, 0)))
            p.x += step.x;
        else if (walkable(p + glm::vec2(0, step.y)))
            p.y += step.y;
        else
            break;
    }
    return p;
}

glm::vec2 WalkArea::nearestWalkable(glm::vec2 p) const {
    if (walkable(p)) return p;
    for (float ring = 0.25f; ring < 20.0f; ring += 0.25f)
        for (int k = 0; k < 32; ++k) {
            const float a = float(k) * 6.2831853f / 32.0f;
            const glm::vec2 q = p + ring * glm::vec2(std::cos(a), std::sin(a));
            if (walkable(q)) return q;
        }
    return p;
}

glm::vec2 boothFacing(const expo::Booth& booth) {
    return expo::boothFrontDirection(booth);
}

std::optional<glm::vec2> WalkArea::boothFront(const expo::Booth& booth) const {
    for (glm::vec2 p : expo::boothApproachPoints(booth, 1.0f + m_radius))
        if (walkable(p)) return p;
    return std::nullopt;
}

} // namespace fg::client
