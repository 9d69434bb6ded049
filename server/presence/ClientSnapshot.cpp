// buildSnapshot: the per-client, per-tick presence work of the server (view, delta, encoding).
// Must stay allocation-free in steady state: every buffer is the caller's or the session's.
#include "server/presence/ClientSnapshot.h"

namespace fg::presence {

Status buildSnapshot(const PresenceWorld& world, Session& session, std::uint32_t tick,
                     expo::proto::AvatarList& view, std::vector<std::uint8_t>& packet) {
    world.viewFor(session.id, tick, session.viewMembers, view);
    const Avatar* self = world.find(session.id);
    expo::proto::SnapshotHeader header;
    header.tick = tick;
    header.baseTick = session.ackTick;
    header.hall = self ? self->hall : 0;
    header.lastInput = session.lastInput;
    Status encoded =
        expo::proto::encodeSnapshot(header, session.sentView(session.ackTick), view, packet);
    if (!encoded) return encoded;
    session.remember(tick, view);
    return {};
}

} // namespace fg::presence
