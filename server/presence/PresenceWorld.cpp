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
    for (std::size_t h = 0; h < exhibition.halls.size(); ++h) {
        const auto& hall = exhibition.halls[h];
        HallGeometry g;
        g.area = expo::WalkableArea(exhibition, h, m_config.avatarRadius);
        g.spawn = hall.spawn.position;
        g.spawnYaw = hall.spawn.yaw;
        g.cellsX = std::max(1, int(std::ceil(hall.size.x / m_config.cellSize)));
        g.cellsZ = std::max(1, int(std::ceil(hall.size.y / m_config.cellSize)));
        m_halls.push_back(std::move(g));
    }
    for (std::size_t i = 0; i < exhibition.booths.size(); ++i) {
        const auto& booth = exhibition.booths[i];
        for (std::size_t h = 0; h < exhibition.halls.size(); ++h) {
            if (exhibition.halls[h].id == booth.hall) m_halls[h].booths.push_back(int(i));
        }
    }
}

void PresenceWorld::add(std::uint16_t id, std::uint32_t hall, double now, bool hidden) {
    Avatar& a = m_avatars.at(id);
    if (!a.active) {
        m_active.push_back(id);
        ++m_count;
    }
    a = Avatar{};
    a.active = true;
    a.hidden = hidden;
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
    return hall < m_halls.size() && m_halls[hall].area.walkable(p);
}

MoveVerdict PresenceWorld::applyInput(std::uint16_t id, const expo::proto::Input& in, double now) {
    Avatar& a = m_avatars.at(id);
    if (!a.active || in.hall != a.hall) return MoveVerdict::WrongHall;
    glm::vec2 target{expo::proto::dequantizePosition(in.x), expo::proto::dequantizePosition(in.z)};
    const expo::WalkableArea& area = m_halls[a.hall].area;
    if (!area.walkable(target))
        return area.inBounds(target) ? MoveVerdict::Blocked : MoveVerdict::OutOfBounds;
    float allowed = m_config.maxSpeed * float(now - a.lastMoveTime + m_config.slackSeconds);
    // Allow for the 1 cm quantization of both ends.
    if (glm::distance(a.position, target) > allowed + 0.02f) return MoveVerdict::TooFast;
    if (area.segmentBlocked(a.position, target)) return MoveVerdict::Blocked;
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
        if (!a.hidden) m_spots[id] = {a.position, a.hall};
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
        if (a.hidden) continue;
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
        if (a.hidden) continue;
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
