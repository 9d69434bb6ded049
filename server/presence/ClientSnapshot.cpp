// buildSnapshot: the per-client, per-tick presence work of the server (view, delta, encoding).
// Must stay allocation-free in steady state: every buffer is the caller's or the session's.
#include "server/presence/ClientSnapshot.h"

#include <fmt/format.h>

namespace fg::presence {

static_assert(kSnapshotHistory <= kStateHistory, "every remembered view needs its states");

Status buildSnapshot(const PresenceWorld& world, Session& session, std::uint32_t tick,
                     ViewIds& view, std::vector<std::uint8_t>& packet) {
    const expo::proto::PackedState* states = world.statesAt(tick);
    if (!states) return makeError(fmt::format("snapshot {}: beginTick was not called", tick));
    world.viewFor(session.id, tick, session.viewMembers, view);
    const Avatar* self = world.find(session.id);
    expo::proto::SnapshotHeader header;
    header.tick = tick;
    header.baseTick = session.ackTick;
    header.hall = self ? self->hall : 0;
    header.lastInput = session.lastInput;
    const ViewIds* base = session.sentView(session.ackTick);
    const expo::proto::PackedState* baseStates = base ? world.statesAt(session.ackTick) : nullptr;
    Status encoded = expo::proto::encodeSnapshot(header,
                                                 baseStates ? std::span<const std::uint16_t>(*base)
                                                            : std::span<const std::uint16_t>{},
                                                 baseStates, view, states, packet);
    if (!encoded) return encoded;
    session.remember(tick, view);
    return {};
}

} // namespace fg::presence
