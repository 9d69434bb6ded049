// One client's presence snapshot for a tick: its view, delta-coded against the view it last
// acknowledged, encoded straight into a reusable packet. Shared by ServerApp and the benchmark
// so the benchmark times the server's own path. No sockets and no Join bookkeeping here.
#pragma once

#include "engine/core/Result.h"
#include "server/presence/PresenceWorld.h"
#include "server/presence/Session.h"

#include <cstdint>
#include <vector>

namespace fg::presence {

// Fills VIEW with the ids in SESSION's view at TICK (PresenceWorld::viewFor; beginTick(TICK)
// must have run), encodes the Snapshot message against the acknowledged base (complete when that
// base fell out of history) into PACKET and remembers the view as sent. The caller sends PACKET
// on net::kChannelPresence and introduces (Join) anyone in VIEW the client has not met.
Status buildSnapshot(const PresenceWorld& world, Session& session, std::uint32_t tick,
                     ViewIds& view, std::vector<std::uint8_t>& packet);

} // namespace fg::presence
