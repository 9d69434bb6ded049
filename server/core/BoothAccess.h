// The one "own booth" rule: a booth is the business of its exhibitor and of organisers.
// Pure function over a session and the exhibition; must not send anything or count faults.
#pragma once

#include "game/expo/Exhibition.h"
#include "server/presence/Session.h"

#include <string>

namespace fg::server {

// Empty when S may act on BOOTHID as its owner; otherwise the reason, for a person.
std::string boothAccessRefusal(const presence::Session& s, const expo::Exhibition& exhibition,
                               const std::string& boothId);

} // namespace fg::server
