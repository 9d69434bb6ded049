// Who performs an interaction: a connected person as the server knows them after the handshake.
// Plain data; identities come from the server's session, never from the message being handled.
#pragma once

#include "server/store/Role.h"

#include <cstdint>
#include <string>

namespace fg::interact {

struct Actor {
    std::uint32_t id = 0; // connection id
    std::string name;     // display name
    store::Role role = store::Role::Visitor;
    std::string exhibitorId; // for Role::Exhibitor: the only exhibitor it may act for
    std::string clientKey;   // stable per-install key; may be empty
    std::string address;     // remote IP, for logs
};

// The identity likes and unique-visitor counts are keyed by: the client key when there is one,
// otherwise the lower-cased name (so one person is not counted twice per session).
std::string visitorKey(const Actor& actor);

} // namespace fg::interact
