// Collision queries of one hall for the local avatar: slide moves, free points, the path grid;
// what is walkable is expo::WalkableArea's. Pure geometry: no rendering, networking or I/O.
#include "game/client/WalkArea.h"

#include "game/client/WalkPath.h"

#include <cmath>
#include <glm/common.hpp>
#include <glm/geometric.hpp>

namespace fg::client {

WalkArea::WalkArea(const expo::Exhibition& ex, std::size_t hallIndex, float radius)
    : m_area(ex, hallIndex, radius) {
    buildGrid();
}

// Rasterises the footprints instead of testing every cell against every booth: a 200 x 200 m
// hall of 250 booths is 160,000 cells.
void WalkArea::buildGrid() {
    m_gridSize = glm::ivec2(glm::max(m_area.size() / kWalkCell, glm::vec2(0.0f)));
    m_free.assign(std::size_t(m_gridSize.x) * std::size_t(m_gridSize.y), 0);
    for (int z = 0; z < m_gridSize.y; ++z)
        for (int x = 0; x < m_gridSize.x; ++x)
            m_free[std::size_t(z) * std::size_t(m_gridSize.x) + std::size_t(x)] =
                m_area.inBounds(cellCentre({x, z}));
    for (const expo::Rect& o : m_area.obstacles()) {
        const glm::ivec2 lo = glm::max(cellOf({o.x, o.z}), glm::ivec2(0));
        const glm::ivec2 hi = glm::min(cellOf({o.x + o.width, o.z + o.depth}), m_gridSize - 1);
        for (int z = lo.y; z <= hi.y; ++z)
            for (int x = lo.x; x <= hi.x; ++x) {
                if (expo::blocks(o, cellCentre({x, z})))
                    m_free[std::size_t(z) * std::size_t(m_gridSize.x) + std::size_t(x)] = 0;
            }
    }
}

bool WalkArea::cellFree(glm::ivec2 cell) const {
    if (cell.x < 0 || cell.y < 0 || cell.x >= m_gridSize.x || cell.y >= m_gridSize.y) return false;
    return m_free[std::size_t(cell.y) * std::size_t(m_gridSize.x) + std::size_t(cell.x)] != 0;
}

glm::ivec2 WalkArea::cellOf(glm::vec2 p) const {
    return glm::ivec2(glm::floor(p / kWalkCell));
}

glm::vec2 WalkArea::cellCentre(glm::ivec2 cell) const {
    return (glm::vec2(cell) + 0.5f) * kWalkCell;
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
    for (glm::vec2 p : expo::boothApproachPoints(booth, 1.0f + m_area.radius()))
        if (walkable(p)) return p;
    return std::nullopt;
}

} // namespace fg::client
