// The walkable area of one hall: its bounds and every booth footprint grown by the avatar radius,
// the one rule the server validates moves with and the client walks and plans paths by.
// Pure geometry over the exhibition model: no server, client, network or I/O dependencies.
#pragma once

#include "game/expo/Exhibition.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <glm/common.hpp>
#include <glm/vec2.hpp>
#include <utility>
#include <vector>

namespace fg::expo {

// True when P is in the open interior of the grown footprint O: edges are walkable, so an avatar
// slid along a booth is never stuck in it.
inline bool blocks(const Rect& o, glm::vec2 p) {
    return p.x > o.x && p.x < o.x + o.width && p.y > o.z && p.y < o.z + o.depth;
}

class WalkableArea {
public:
    WalkableArea() = default;
    // HALLINDEX's bounds and the footprints of its booths (in exhibition order), kept RADIUS away.
    WalkableArea(const Exhibition& exhibition, std::size_t hallIndex, float radius);

    glm::vec2 size() const { return m_size; }
    float radius() const { return m_radius; }
    // Footprints grown by the radius; their open interiors are solid, their edges walkable.
    const std::vector<Rect>& obstacles() const { return m_obstacles; }

    // True when P is at least the radius inside the hall's walls (booths not considered).
    bool inBounds(glm::vec2 p) const {
        const float r = m_radius;
        return p.x >= r && p.y >= r && p.x <= m_size.x - r && p.y <= m_size.y - r;
    }
    // True when P is in bounds and outside every grown footprint.
    bool walkable(glm::vec2 p) const;
    // True when the segment A-B crosses a grown footprint's interior (touching an edge is not).
    bool segmentBlocked(glm::vec2 a, glm::vec2 b) const;
    // Both ends walkable and nothing in between: the hall is convex, so the segment stays in it.
    bool clearLine(glm::vec2 a, glm::vec2 b) const {
        return walkable(a) && walkable(b) && !segmentBlocked(a, b);
    }

private:
    static constexpr float kObstacleCell = 4.0f; // m; a grown footprint spans a few cells

    // The index cell along one axis holding coordinate V (clamped into the hall).
    static int cellAt(float v, int cells) {
        return std::clamp(int(std::floor(v / kObstacleCell)), 0, cells - 1);
    }

    // Calls TEST on the obstacles whose index cells meet the box [LO, HI] until it returns true.
    template <class Test>
    bool anyObstacleNear(glm::vec2 lo, glm::vec2 hi, Test test) const;
    void indexObstacles();

    glm::vec2 m_size{0.0f};
    float m_radius = 0.0f;
    std::vector<Rect> m_obstacles;
    // Obstacles overlapping each kObstacleCell cell (CSR): point and segment tests look at the
    // few near the avatar instead of every booth in the hall (the server runs them per input).
    int m_cellsX = 1, m_cellsZ = 1;
    std::vector<std::uint32_t> m_cellStart;
    std::vector<std::uint16_t> m_cellItems;
};

// Inline: the server tests every avatar's every input against these.

template <class Test>
inline bool WalkableArea::anyObstacleNear(glm::vec2 lo, glm::vec2 hi, Test test) const {
    // Slack so a point computed on a cell edge still finds the obstacles of both cells.
    const float e = 1e-3f;
    const int x0 = cellAt(lo.x - e, m_cellsX), x1 = cellAt(hi.x + e, m_cellsX);
    const int z0 = cellAt(lo.y - e, m_cellsZ), z1 = cellAt(hi.y + e, m_cellsZ);
    if ((x1 - x0 + 1) * (z1 - z0 + 1) > 16) { // a long jump: every obstacle once is cheaper
        for (const Rect& o : m_obstacles)
            if (test(o)) return true;
        return false;
    }
    for (int z = z0; z <= z1; ++z)
        for (int x = x0; x <= x1; ++x) {
            const std::size_t c = std::size_t(z * m_cellsX + x);
            for (std::uint32_t i = m_cellStart[c]; i < m_cellStart[c + 1]; ++i)
                if (test(m_obstacles[m_cellItems[i]])) return true;
        }
    return false;
}

inline bool WalkableArea::walkable(glm::vec2 p) const {
    if (!inBounds(p)) return false;
    return !anyObstacleNear(p, p, [&](const Rect& o) { return blocks(o, p); });
}

// Slab test of segment a->b against each grown footprint.
inline bool WalkableArea::segmentBlocked(glm::vec2 a, glm::vec2 b) const {
    const glm::vec2 d = b - a;
    return anyObstacleNear(glm::min(a, b), glm::max(a, b), [&](const Rect& o) {
        float t0 = 0.0f, t1 = 1.0f;
        const float lo[2] = {o.x, o.z}, hi[2] = {o.x + o.width, o.z + o.depth};
        bool miss = false;
        for (int axis = 0; axis < 2 && !miss; ++axis) {
            const float start = a[axis], delta = d[axis];
            if (std::abs(delta) < 1e-6f) {
                miss = start <= lo[axis] || start >= hi[axis];
                continue;
            }
            float ta = (lo[axis] - start) / delta, tb = (hi[axis] - start) / delta;
            if (ta > tb) std::swap(ta, tb);
            t0 = std::max(t0, ta);
            t1 = std::min(t1, tb);
            miss = t0 >= t1;
        }
        return !miss;
    });
}

} // namespace fg::expo
