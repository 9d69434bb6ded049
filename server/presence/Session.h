// One connection as the server sees it: handshake identity, presence bookkeeping (snapshot
// history for delta coding, avatars it has been introduced to) and fault counters.
// Plain data owned by ServerApp; no networking here.
#pragma once

#include "game/expo/protocol/SnapshotCodec.h"

#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <vector>

namespace fg::presence {

inline constexpr std::size_t kSnapshotHistory = 32; // ~1.6 s at 20 Hz of bases a client may ack

struct Session {
    bool joined = false;  // Hello accepted
    bool present = true;  // false: a tool (editor, remote console): no avatar, in no view or count
    std::uint16_t id = 0; // client id on the wire (ENet peer slot + 1)
    std::string name;
    expo::proto::Role role = expo::proto::Role::Visitor;
    std::string exhibitorId;
    std::string country;
    std::string clientKey;
    // The verified person behind a credential or ticket ("cred:3", "ticket:12"), set at admit;
    // empty for a guest. Everything counted per person, bans and mutes follow it.
    std::string personKey;
    std::string address;
    std::uint32_t look = 0;
    bool muted = false;
    double connectedAt = 0;
    bool verified() const { return !personKey.empty(); } // signed in, not a guest
    // Programme sessions this person's credential speaks at and moderates (the programme
    // module fills them after Welcome; organisers moderate every session without a list).
    std::vector<std::string> speaksAt, moderatesAt;

    std::uint32_t lastInput = 0;   // newest Input.sequence applied or refused
    std::uint32_t ackTick = 0;     // newest snapshot tick the client has
    std::uint32_t corrections = 0; // inputs refused so far
    std::uint32_t badPackets = 0;  // undecodable or unexpected messages
    std::uint32_t rateLimited = 0; // requests refused for their type's budget (ServerRouter)
    // Who each recent snapshot showed; their states are PresenceWorld::statesAt(that tick).
    std::array<std::uint32_t, kSnapshotHistory> sentTicks{};
    std::array<std::vector<std::uint16_t>, kSnapshotHistory> sentViews;
    std::bitset<4096> introduced;           // ids this client has received a Join for
    std::vector<std::uint16_t> viewMembers; // who is in view (PresenceWorld::viewFor's cache)

    // The ids sent at `tick`, if still in history.
    const std::vector<std::uint16_t>* sentView(std::uint32_t tick) const {
        const std::size_t slot = tick % kSnapshotHistory;
        return tick != 0 && sentTicks[slot] == tick ? &sentViews[slot] : nullptr;
    }
    void remember(std::uint32_t tick, const std::vector<std::uint16_t>& view) {
        const std::size_t slot = tick % kSnapshotHistory;
        sentTicks[slot] = tick;
        sentViews[slot].assign(view.begin(), view.end()); // reuses the slot's capacity
    }
};

} // namespace fg::presence
