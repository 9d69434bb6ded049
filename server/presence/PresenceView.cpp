// PresenceWorld's area of interest (nearest K by grid rings), teleport targets and booth visit
// zones. Reads the grid built by beginTick(); never changes avatars except in teleport().
#include "game/expo/VenueLayout.h"
#include "server/presence/PresenceWorld.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <fmt/format.h>
#include <glm/geometric.hpp>

namespace fg::presence {

namespace {

// Where a teleport into VENUE lands: in front of the middle of its audience seats, so nobody
// lands on a stage or inside a roundtable's table (both at a room's centre); the venue's centre
// when it has no seats.
glm::vec2 venueArrival(const expo::Hall& hall, const expo::Venue& v) {
    const expo::VenueLayout layout = expo::venueLayout(hall, v);
    const std::vector<glm::vec2> seats = expo::seatPositions(layout);
    if (seats.empty()) return {v.rect.x + v.rect.width / 2, v.rect.z + v.rect.depth / 2};
    glm::vec2 middle(0.0f);
    for (glm::vec2 p : seats)
        middle += p;
    middle /= float(seats.size());
    const glm::vec2 toScreen = layout.screen.position - middle;
    const float length = glm::length(toScreen);
    return length > 1.0f ? middle + toScreen * (0.7f / length) : middle; // not on a chair
}

// Squared distance (its float bits order like the float for non-negative values) above the id:
// one integer compare orders by distance, then id.
using Candidate = std::uint64_t;
Candidate candidate(float distance2, std::uint16_t id) {
    std::uint32_t bits;
    std::memcpy(&bits, &distance2, 4);
    return (std::uint64_t(bits) << 16) | id;
}
std::uint16_t candidateId(Candidate c) {
    return std::uint16_t(c & 0xffff);
}
} // namespace

void PresenceWorld::gatherView(std::uint16_t id, ViewIds& out) const {
    out.clear();
    const Avatar& self = m_avatars.at(id);
    if (!self.active) return;
    const HallGeometry& g = m_halls[self.hall];
    thread_local std::vector<Candidate> candidates;
    candidates.clear();
    const float cell = m_config.cellSize;
    const int cx = std::clamp(int(self.position.x / cell), 0, g.cellsX - 1);
    const int cz = std::clamp(int(self.position.y / cell), 0, g.cellsZ - 1);
    const float radius2 = m_config.viewRadius * m_config.viewRadius;
    const int maxRing = int(std::ceil(m_config.viewRadius / cell));
    for (int ring = 0; ring <= maxRing; ++ring) {
        for (int z = std::max(cz - ring, 0); z <= std::min(cz + ring, g.cellsZ - 1); ++z) {
            const bool edgeRow = z == cz - ring || z == cz + ring;
            for (int x = cx - ring; x <= cx + ring; x += (edgeRow ? 1 : 2 * ring)) {
                if (x >= 0 && x < g.cellsX) {
                    const std::size_t c = std::size_t(z * g.cellsX + x);
                    for (std::uint32_t i = g.cellStart[c]; i < g.cellStart[c + 1]; ++i) {
                        const glm::vec2 d = g.cellPos[i] - self.position;
                        const float d2 = glm::dot(d, d);
                        if (d2 <= radius2 && g.cellItems[i] != id)
                            candidates.push_back(candidate(d2, g.cellItems[i]));
                    }
                }
                if (ring == 0) break;
            }
        }
        if (candidates.size() < m_config.maxInView) continue; // cannot have K sure ones yet
        // Everything outside ring R is at least R*cell away.
        const Candidate safe = candidate(float(ring) * cell * float(ring) * cell, 0xffff);
        const auto sure = std::count_if(candidates.begin(), candidates.end(),
                                        [&](Candidate c) { return c <= safe; });
        if (std::size_t(sure) < m_config.maxInView) continue;
        // The K nearest are among the sure ones: select from those alone.
        auto end = std::partition(candidates.begin(), candidates.end(),
                                  [&](Candidate c) { return c <= safe; });
        candidates.erase(end, candidates.end());
        break;
    }
    if (candidates.size() > m_config.maxInView) {
        std::nth_element(candidates.begin(), candidates.begin() + m_config.maxInView,
                         candidates.end());
        candidates.resize(m_config.maxInView);
    }
    // Ids ascending without a comparison sort: every id below 4096 owns one bit.
    std::array<std::uint64_t, (expo::proto::kMaxClientId + 64) / 64> present{};
    for (Candidate c : candidates)
        present[candidateId(c) >> 6] |= 1ull << (candidateId(c) & 63);
    out.reserve(candidates.size());
    for (std::size_t w = 0; w < present.size(); ++w)
        for (std::uint64_t bits = present[w]; bits != 0; bits &= bits - 1)
            out.push_back(std::uint16_t(w * 64 + std::size_t(std::countr_zero(bits))));
}

void PresenceWorld::refreshView(std::uint16_t viewer, const ViewIds& ids, ViewIds& out) const {
    out.clear();
    const Avatar& self = m_avatars.at(viewer);
    if (!self.active) return;
    const float radius2 = m_config.viewRadius * m_config.viewRadius;
    for (std::uint16_t id : ids) {
        const Spot& spot = m_spots[id]; // kNoHall for anyone who left
        const glm::vec2 d = spot.position - self.position;
        if (spot.hall == self.hall && glm::dot(d, d) <= radius2) out.push_back(id);
    }
}

void PresenceWorld::viewFor(std::uint16_t id, std::uint32_t tick, ViewIds& members,
                            ViewIds& out) const {
    const std::uint32_t every = std::max<std::uint32_t>(1, m_config.viewRefreshTicks);
    if (members.empty() || (tick + id) % every == 0) {
        gatherView(id, out);
        members.assign(out.begin(), out.end());
        return;
    }
    refreshView(id, members, out);
}

// A free point 1 m outside the booth's open front (expo::boothApproachPoints), else beside or
// behind it when the front is blocked.
Result<glm::vec2> PresenceWorld::boothFront(const expo::Booth& booth, std::uint32_t hall) const {
    for (glm::vec2 p : expo::boothApproachPoints(booth, 1.0f + m_config.avatarRadius))
        if (walkable(hall, p)) return p;
    return makeError(fmt::format("booth '{}': no free point around it", booth.id));
}

void PresenceWorld::setHallOpen(std::uint32_t hall, bool open) {
    if (hall < m_halls.size()) m_halls[hall].open = open;
}

Status PresenceWorld::teleport(std::uint16_t id, expo::proto::TeleportKind kind, std::uint32_t hall,
                               const std::string& targetId, double now) {
    Avatar& a = m_avatars.at(id);
    if (!a.active) return makeError(fmt::format("teleport: avatar {} not present", id));
    glm::vec2 target{0.0f};
    std::uint32_t targetHall = hall;
    const auto& ex = *m_exhibition;
    auto hallIndex = [&](const std::string& hallId) {
        for (std::uint32_t h = 0; h < ex.halls.size(); ++h)
            if (ex.halls[h].id == hallId) return h;
        return hallCount();
    };
    if (kind == expo::proto::TeleportKind::Spawn) {
        if (hall >= hallCount()) return makeError(fmt::format("teleport: no hall {}", hall));
        target = m_halls[hall].spawn;
    } else if (kind == expo::proto::TeleportKind::Booth) {
        const expo::Booth* booth = expo::findBooth(ex, targetId);
        if (!booth) return makeError(fmt::format("teleport: no booth '{}'", targetId));
        targetHall = hallIndex(booth->hall);
        auto front = boothFront(*booth, targetHall);
        if (!front) return front.error();
        target = *front;
    } else {
        bool found = false;
        for (std::uint32_t h = 0; h < ex.halls.size() && !found; ++h)
            for (const auto& v : ex.halls[h].venues)
                if (v.id == targetId) {
                    targetHall = h;
                    target = venueArrival(ex.halls[h], v);
                    found = true;
                }
        if (!found) return makeError(fmt::format("teleport: no venue '{}'", targetId));
    }
    if (targetHall < hallCount() && !m_halls[targetHall].open)
        return makeError(fmt::format("teleport: hall '{}' is closed", ex.halls[targetHall].id));
    if (targetHall >= hallCount() || !walkable(targetHall, target))
        return makeError(fmt::format("teleport: target '{}' is not walkable", targetId));
    a.hall = targetHall;
    a.position = target;
    a.lastMoveTime = now;
    refresh(id);
    return {};
}

Status PresenceWorld::placeAt(std::uint16_t id, std::uint32_t hall, glm::vec2 p, double now) {
    Avatar& a = m_avatars.at(id);
    if (!a.active) return makeError(fmt::format("place: avatar {} not present", id));
    if (!walkable(hall, p))
        return makeError(fmt::format("place: ({}, {}) is not walkable", p.x, p.y));
    a.hall = hall;
    a.position = p;
    a.lastMoveTime = now;
    refresh(id);
    return {};
}

} // namespace fg::presence
