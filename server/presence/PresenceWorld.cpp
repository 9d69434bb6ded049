// Movement rules, teleports, spatial grid and nearest-K area of interest for PresenceWorld.
// Runs every tick for every avatar: no allocation in gatherView beyond the caller's buffers.
#include "server/presence/PresenceWorld.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <utility>

namespace fg::presence {

using expo::proto::AvatarList;
using expo::proto::AvatarState;

const char* toString(MoveVerdict verdict) {
    switch (verdict) {
    case MoveVerdict::Accepted:
        return "accepted";
    case MoveVerdict::WrongHall:
        return "wrong hall";
    case MoveVerdict::OutOfBounds:
        return "out of bounds";
    case MoveVerdict::TooFast:
        return "too fast";
    case MoveVerdict::Blocked:
        return "blocked by a wall or booth";
    }
    return "unknown";
}

PresenceWorld::PresenceWorld(const expo::Exhibition& exhibition, PresenceConfig config)
    : m_exhibition(&exhibition), m_config(config), m_avatars(expo::proto::kMaxClientId + 1),
      m_spots(m_avatars.size()) {
    const float r = m_config.avatarRadius;
    for (const auto& hall : exhibition.halls) {
        HallGeometry g;
        g.size = hall.size;
        g.spawn = hall.spawn.position;
        g.spawnYaw = hall.spawn.yaw;
        g.cellsX = std::max(1, int(std::ceil(hall.size.x / m_config.cellSize)));
        g.cellsZ = std::max(1, int(std::ceil(hall.size.y / m_config.cellSize)));
        m_halls.push_back(std::move(g));
    }
    for (std::size_t i = 0; i < exhibition.booths.size(); ++i) {
        const auto& booth = exhibition.booths[i];
        for (std::size_t h = 0; h < exhibition.halls.size(); ++h) {
            if (exhibition.halls[h].id != booth.hall) continue;
            expo::Rect f = expo::boothFootprint(booth);
            m_halls[h].obstacles.push_back({f.x - r, f.z - r, f.width + 2 * r, f.depth + 2 * r});
            m_halls[h].booths.push_back(int(i));
        }
    }
    for (auto& g : m_halls)
        indexObstacles(g);
}

namespace {
constexpr float kObstacleCell = 4.0f; // m; a booth's grown footprint spans a few cells
}

void PresenceWorld::indexObstacles(HallGeometry& g) {
    g.obstacleCellsX = std::max(1, int(std::ceil(g.size.x / kObstacleCell)));
    g.obstacleCellsZ = std::max(1, int(std::ceil(g.size.y / kObstacleCell)));
    auto cellRange = [](int axisCells, float lo, float hi) {
        return std::pair{std::clamp(int(std::floor(lo / kObstacleCell)), 0, axisCells - 1),
                         std::clamp(int(std::floor(hi / kObstacleCell)), 0, axisCells - 1)};
    };
    std::vector<std::vector<std::uint16_t>> cells(std::size_t(g.obstacleCellsX * g.obstacleCellsZ));
    for (std::size_t i = 0; i < g.obstacles.size(); ++i) {
        const expo::Rect& o = g.obstacles[i];
        auto [x0, x1] = cellRange(g.obstacleCellsX, o.x, o.x + o.width);
        auto [z0, z1] = cellRange(g.obstacleCellsZ, o.z, o.z + o.depth);
        for (int z = z0; z <= z1; ++z)
            for (int x = x0; x <= x1; ++x)
                cells[std::size_t(z * g.obstacleCellsX + x)].push_back(std::uint16_t(i));
    }
    g.obstacleStart.assign(1, 0);
    g.obstacleItems.clear();
    for (const auto& c : cells) {
        g.obstacleItems.insert(g.obstacleItems.end(), c.begin(), c.end());
        g.obstacleStart.push_back(std::uint32_t(g.obstacleItems.size()));
    }
}

template <class Test>
bool PresenceWorld::anyObstacleNear(const HallGeometry& g, glm::vec2 lo, glm::vec2 hi, Test test) {
    // Slack so a point computed on a cell edge still finds the obstacles of both cells.
    const float e = 1e-3f;
    const int x0 = std::clamp(int(std::floor((lo.x - e) / kObstacleCell)), 0, g.obstacleCellsX - 1);
    const int x1 = std::clamp(int(std::floor((hi.x + e) / kObstacleCell)), 0, g.obstacleCellsX - 1);
    const int z0 = std::clamp(int(std::floor((lo.y - e) / kObstacleCell)), 0, g.obstacleCellsZ - 1);
    const int z1 = std::clamp(int(std::floor((hi.y + e) / kObstacleCell)), 0, g.obstacleCellsZ - 1);
    if ((x1 - x0 + 1) * (z1 - z0 + 1) > 16) { // a long jump: every obstacle once is cheaper
        for (const auto& o : g.obstacles)
            if (test(o)) return true;
        return false;
    }
    for (int z = z0; z <= z1; ++z)
        for (int x = x0; x <= x1; ++x) {
            const std::size_t c = std::size_t(z * g.obstacleCellsX + x);
            for (std::uint32_t i = g.obstacleStart[c]; i < g.obstacleStart[c + 1]; ++i)
                if (test(g.obstacles[g.obstacleItems[i]])) return true;
        }
    return false;
}

void PresenceWorld::add(std::uint16_t id, std::uint32_t hall, double now) {
    Avatar& a = m_avatars.at(id);
    if (!a.active) {
        m_active.push_back(id);
        ++m_count;
    }
    a = Avatar{};
    a.active = true;
    a.hall = std::min<std::uint32_t>(hall, hallCount() - 1);
    a.position = m_halls[a.hall].spawn;
    a.heading = m_halls[a.hall].spawnYaw;
    a.lastMoveTime = now;
    refresh(id);
}

void PresenceWorld::remove(std::uint16_t id) {
    if (id >= m_avatars.size() || !m_avatars[id].active) return;
    m_avatars[id].active = false;
    m_active.erase(std::find(m_active.begin(), m_active.end(), id));
    --m_count;
}

const Avatar* PresenceWorld::find(std::uint16_t id) const {
    if (id >= m_avatars.size() || !m_avatars[id].active) return nullptr;
    return &m_avatars[id];
}

bool PresenceWorld::walkable(std::uint32_t hall, glm::vec2 p) const {
    if (hall >= m_halls.size()) return false;
    const HallGeometry& g = m_halls[hall];
    const float r = m_config.avatarRadius;
    if (!(p.x >= r && p.y >= r && p.x <= g.size.x - r && p.y <= g.size.y - r)) return false;
    return !anyObstacleNear(g, p, p, [&](const expo::Rect& o) {
        return p.x > o.x && p.x < o.x + o.width && p.y > o.z && p.y < o.z + o.depth;
    });
}

// Slab test of segment a->b against each grown footprint; touching an edge is not blocked.
bool PresenceWorld::segmentBlocked(const HallGeometry& g, glm::vec2 a, glm::vec2 b) const {
    const glm::vec2 d = b - a;
    return anyObstacleNear(g, glm::min(a, b), glm::max(a, b), [&](const expo::Rect& o) {
        float t0 = 0.0f, t1 = 1.0f;
        const float lo[2] = {o.x, o.z}, hi[2] = {o.x + o.width, o.z + o.depth};
        bool miss = false;
        for (int axis = 0; axis < 2 && !miss; ++axis) {
            float start = a[axis], delta = d[axis];
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

MoveVerdict PresenceWorld::applyInput(std::uint16_t id, const expo::proto::Input& in, double now) {
    Avatar& a = m_avatars.at(id);
    if (!a.active || in.hall != a.hall) return MoveVerdict::WrongHall;
    glm::vec2 target{expo::proto::dequantizePosition(in.x), expo::proto::dequantizePosition(in.z)};
    if (!walkable(a.hall, target)) {
        const HallGeometry& g = m_halls[a.hall];
        const float r = m_config.avatarRadius;
        bool inside =
            target.x >= r && target.y >= r && target.x <= g.size.x - r && target.y <= g.size.y - r;
        return inside ? MoveVerdict::Blocked : MoveVerdict::OutOfBounds;
    }
    float allowed = m_config.maxSpeed * float(now - a.lastMoveTime + m_config.slackSeconds);
    // Allow for the 1 cm quantization of both ends.
    if (glm::distance(a.position, target) > allowed + 0.02f) return MoveVerdict::TooFast;
    if (segmentBlocked(m_halls[a.hall], a.position, target)) return MoveVerdict::Blocked;
    a.position = target;
    a.heading = expo::proto::dequantizeHeading(in.heading);
    a.anim = in.anim;
    a.lastMoveTime = now;
    refresh(id);
    return MoveVerdict::Accepted;
}

void PresenceWorld::refresh(std::uint16_t id) {
    Avatar& a = m_avatars[id];
    a.wire = AvatarState{id, expo::proto::quantizePosition(a.position.x),
                         expo::proto::quantizePosition(a.position.y),
                         std::uint16_t(expo::proto::quantizeHeading(a.heading)), a.anim};
}

int PresenceWorld::cellIndex(const HallGeometry& g, glm::vec2 p) const {
    int cx = std::clamp(int(p.x / m_config.cellSize), 0, g.cellsX - 1);
    int cz = std::clamp(int(p.y / m_config.cellSize), 0, g.cellsZ - 1);
    return cz * g.cellsX + cx;
}

void PresenceWorld::beginTick(std::uint32_t tick) {
    const std::size_t slot = tick % kStateHistory;
    auto& states = m_states[slot];
    states.resize(m_avatars.size()); // once per slot; absent ids keep stale values
    m_spots.assign(m_avatars.size(), Spot{});
    for (std::uint16_t id : m_active) {
        const Avatar& a = m_avatars[id];
        states[id] = expo::proto::packState(a.wire);
        m_spots[id] = {a.position, a.hall};
    }
    m_stateTicks[slot] = tick;
    rebuildGrid();
}

const expo::proto::PackedState* PresenceWorld::statesAt(std::uint32_t tick) const {
    const std::size_t slot = tick % kStateHistory;
    return tick != 0 && m_stateTicks[slot] == tick ? m_states[slot].data() : nullptr;
}

void PresenceWorld::rebuildGrid() {
    for (auto& g : m_halls) {
        g.cellStart.assign(std::size_t(g.cellsX * g.cellsZ) + 1, 0);
        g.cellItems.clear();
    }
    for (std::uint16_t id : m_active) {
        const Avatar& a = m_avatars[id];
        ++m_halls[a.hall].cellStart[std::size_t(cellIndex(m_halls[a.hall], a.position)) + 1];
    }
    for (auto& g : m_halls) {
        for (std::size_t c = 1; c < g.cellStart.size(); ++c)
            g.cellStart[c] += g.cellStart[c - 1];
        g.cellItems.resize(g.cellStart.back());
        g.cellPos.resize(g.cellStart.back());
    }
    for (std::uint16_t id : m_active) {
        const Avatar& a = m_avatars[id];
        HallGeometry& g = m_halls[a.hall];
        // cellStart[c] is advanced as items land, then restored below.
        const std::uint32_t slot = g.cellStart[std::size_t(cellIndex(g, a.position))]++;
        g.cellItems[slot] = id;
        g.cellPos[slot] = a.position;
    }
    for (auto& g : m_halls) {
        for (std::size_t c = g.cellStart.size() - 1; c > 0; --c)
            g.cellStart[c] = g.cellStart[c - 1];
        g.cellStart[0] = 0;
    }
}

} // namespace fg::presence
