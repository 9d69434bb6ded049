// Server-side presence: every avatar's authoritative state, movement validation (speed, and
// expo::WalkableArea's hall bounds and booth footprints, the client's rule too), teleports to
// allowed points, and the area of interest (spatial grid, nearest K). No sockets or encoding
// here: ServerApp and the benchmark drive it.
#pragma once

#include "engine/core/Result.h"
#include "game/expo/Exhibition.h"
#include "game/expo/WalkableArea.h"
#include "game/expo/protocol/SnapshotCodec.h"

#include <array>
#include <cstdint>
#include <glm/vec2.hpp>
#include <string>
#include <vector>

namespace fg::presence {

// Ticks of packed avatar states the world keeps: every base a Session can still delta against.
inline constexpr std::size_t kStateHistory = 32;
using ViewIds = std::vector<std::uint16_t>; // a view: client ids, strictly increasing

struct PresenceConfig {
    float maxSpeed = 6.0f;        // m/s, a run
    float slackSeconds = 0.25f;   // extra travel allowed for jitter in input arrival
    float avatarRadius = 0.3f;    // m, kept out of walls and booth footprints
    std::uint32_t maxInView = 64; // K nearest avatars in each snapshot
    float viewRadius = 60.0f;     // m, nobody further away is ever in view
    float cellSize = 8.0f;        // m, spatial grid cell
    // Who is in view is recomputed every N ticks per client (staggered); the states of those in
    // view go out every tick. Membership changes slowly: 4 ticks at 20 Hz (200 ms) is invisible.
    std::uint32_t viewRefreshTicks = 4;
};

struct Avatar {
    bool active = false;
    bool hidden = false; // in no grid cell, so in nobody's view
    std::uint32_t hall = 0;
    glm::vec2 position{0.0f}; // hall coordinates
    float heading = 0;        // degrees
    expo::proto::Anim anim = expo::proto::Anim::Idle;
    double lastMoveTime = 0;       // seconds, server clock
    expo::proto::AvatarState wire; // quantized copy, refreshed on each change (snapshots read it)
};

// Why an input was refused; the avatar stays where the server had it.
enum class MoveVerdict : std::uint8_t { Accepted, WrongHall, OutOfBounds, TooFast, Blocked };
const char* toString(MoveVerdict verdict);

class PresenceWorld {
public:
    PresenceWorld(const expo::Exhibition& exhibition, PresenceConfig config = {});

    // Places a new avatar at the hall's spawn point (hall must exist). A hidden one (a tool
    // connection) has a place, for the code that asks where a session is, but is in no view.
    void add(std::uint16_t id, std::uint32_t hall, double now, bool hidden = false);
    void remove(std::uint16_t id);
    const Avatar* find(std::uint16_t id) const;
    std::size_t count() const { return m_count; }
    std::uint32_t hallCount() const { return std::uint32_t(m_halls.size()); }
    const PresenceConfig& config() const { return m_config; }

    // Validates a client's move; on anything but Accepted the avatar does not move.
    MoveVerdict applyInput(std::uint16_t id, const expo::proto::Input& input, double now);
    // A closed hall refuses teleports into it (visitors already inside stay).
    void setHallOpen(std::uint32_t hall, bool open);
    bool hallOpen(std::uint32_t hall) const { return hall < m_halls.size() && m_halls[hall].open; }
    // Moves the avatar to spawn (of `hall`), to the front of a booth or into a venue.
    Status teleport(std::uint16_t id, expo::proto::TeleportKind kind, std::uint32_t hall,
                    const std::string& targetId, double now);
    // Puts the avatar back at P in HALL (a rule of another slice, e.g. a full venue, refused
    // where it went); P must be walkable.
    Status placeAt(std::uint16_t id, std::uint32_t hall, glm::vec2 p, double now);

    // Rebuilds the spatial grid and records every avatar's packed state as of TICK; call once
    // per tick, after applying inputs and before any view or snapshot of that tick.
    void beginTick(std::uint32_t tick);
    // Packed states (indexed by id) recorded by beginTick(TICK); nullptr once TICK is older
    // than kStateHistory ticks or was never recorded. Entries of absent ids are stale.
    const expo::proto::PackedState* statesAt(std::uint32_t tick) const;
    // The nearest K avatars around `id` in its hall (itself excluded), ids ascending.
    void gatherView(std::uint16_t id, ViewIds& out) const;
    // IDS (sorted) that are still present, in the viewer's hall and within the view radius:
    // the cheap per-tick update between two gatherView calls.
    void refreshView(std::uint16_t viewer, const ViewIds& ids, ViewIds& out) const;
    // The per-tick view: gatherView on this client's refresh tick (or when MEMBERS is empty),
    // refreshView of MEMBERS otherwise. MEMBERS is the client's cached view membership.
    void viewFor(std::uint16_t id, std::uint32_t tick, ViewIds& members, ViewIds& out) const;
    const std::vector<std::uint16_t>& activeIds() const { return m_active; }

    const expo::proto::AvatarState& quantized(std::uint16_t id) const { return m_avatars[id].wire; }
    // True when the point is free for an avatar in that hall (inside bounds, off footprints).
    bool walkable(std::uint32_t hall, glm::vec2 p) const;

private:
    struct HallGeometry {
        bool open = true;
        glm::vec2 spawn{0.0f};
        float spawnYaw = 0;
        expo::WalkableArea area; // bounds and footprints grown by the avatar radius
        std::vector<int> booths; // booth indices in this hall
        int cellsX = 1, cellsZ = 1;
        std::vector<std::uint32_t> cellStart; // grid, rebuilt each tick (counting sort)
        std::vector<std::uint16_t> cellItems;
        std::vector<glm::vec2> cellPos; // positions of cellItems: the nearest-K scan reads these
    };

    void refresh(std::uint16_t id);
    void rebuildGrid();
    int cellIndex(const HallGeometry& hall, glm::vec2 p) const;
    Result<glm::vec2> boothFront(const expo::Booth& booth, std::uint32_t hall) const;

    const expo::Exhibition* m_exhibition;
    PresenceConfig m_config;
    std::vector<HallGeometry> m_halls;
    std::vector<Avatar> m_avatars; // indexed by client id
    std::vector<std::uint16_t> m_active;
    std::size_t m_count = 0;
    // Per-tick copies the views and snapshots read instead of the 48-byte Avatars: small and
    // contiguous, so 4,000 clients x 64 avatars stay in cache.
    struct Spot {
        glm::vec2 position{0.0f};
        std::uint32_t hall = kNoHall; // kNoHall: absent this tick
    };
    static constexpr std::uint32_t kNoHall = 0xffffffffu;
    std::vector<Spot> m_spots; // by id, as of the last beginTick
    std::array<std::uint32_t, kStateHistory> m_stateTicks{};
    std::array<std::vector<expo::proto::PackedState>, kStateHistory> m_states; // by id
};

} // namespace fg::presence
