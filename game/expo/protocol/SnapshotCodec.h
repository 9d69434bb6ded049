// Delta coding of presence snapshots: what changed between the base a client acknowledged and
// the avatars now in its view. Pure functions; both server (encode) and client (apply) use them.
#pragma once

#include "engine/core/Result.h"
#include "game/expo/protocol/Messages.h"

#include <cstdint>
#include <span>
#include <vector>

namespace fg::expo::proto {

// One avatar's quantized state as it appears in snapshots.
struct AvatarState {
    std::uint16_t id = 0;
    std::uint32_t x = 0, z = 0;
    std::uint16_t heading = 0;
    Anim anim = Anim::Idle;
    bool operator==(const AvatarState&) const = default;
};

// Avatars sorted by id (strictly increasing); at most kMaxSnapshotEntries.
using AvatarList = std::vector<AvatarState>;

// Builds the snapshot for `current` against `base` (nullptr: complete snapshot, baseTick 0).
Snapshot makeSnapshot(std::uint32_t tick, std::uint32_t baseTick, const AvatarList* base,
                      const AvatarList& current);
// What a snapshot packet carries besides the avatar lists.
struct SnapshotHeader {
    std::uint32_t tick = 0;
    std::uint32_t baseTick = 0; // ignored (sent as 0) when there is no base
    std::uint32_t hall = 0;
    std::uint32_t lastInput = 0;
};
// The server's per-tick path: writes the whole Snapshot message (type included) for `current`
// against `base` into `out` (replaced; its capacity is reused) without building a Snapshot.
// The bytes equal encode(Message{makeSnapshot(...)}) with hall and lastInput set. Fails, like
// encode, when a value is outside the protocol's ranges or a list exceeds kMaxSnapshotEntries.
Status encodeSnapshot(const SnapshotHeader& header, const AvatarList* base,
                      const AvatarList& current, std::vector<std::uint8_t>& out);
// An avatar's state without its id in one integer: x | z << 17 | heading << 34 | anim << 44.
// The server keeps one table of these per tick, indexed by id, instead of a list per client.
using PackedState = std::uint64_t;
PackedState packState(const AvatarState& state);
AvatarState unpackState(std::uint16_t id, PackedState packed);
// encodeSnapshot for views held as sorted ids over per-tick tables of packed states indexed by
// id (the server's layout); BASE_STATES nullptr: complete snapshot. Same bytes as the list form.
Status encodeSnapshot(const SnapshotHeader& header, std::span<const std::uint16_t> baseIds,
                      const PackedState* baseStates, std::span<const std::uint16_t> ids,
                      const PackedState* states, std::vector<std::uint8_t>& out);
// Reconstructs the avatar list; fails when the snapshot does not fit its base (missing base
// entry, removal of an unknown id, duplicate or unsorted ids).
Result<AvatarList> applySnapshot(const AvatarList* base, const Snapshot& snapshot);

} // namespace fg::expo::proto
