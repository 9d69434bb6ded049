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
    // The verified person ("cred:3", "ticket:12") from the session; empty for a guest.
    std::string personKey;
};

// The identity everything counted per person is keyed by (unique visitors, likes, meetings, and
// upvotes, answers and ballots to come): the verified person key; for a guest only, the client
// key when there is one, otherwise the lower-cased name. The one function for that question.
std::string visitorKey(const Actor& actor);

} // namespace fg::interact
