// Who a connection or a credential speaks for: visitor, exhibitor (of one exhibitor) or organiser.
// Shared vocabulary of the store, interactions and console; no logic beyond names.
#pragma once

#include "game/expo/protocol/ProtocolTypes.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace fg::store {

// The protocol's role (its wire values 0, 1, 2): one enum from handshake to credentials table.
using Role = expo::proto::Role;

// "visitor", "exhibitor", "organiser".
const char* roleName(Role role);
// Inverse of roleName; nullopt for anything else.
std::optional<Role> parseRole(std::string_view text);

} // namespace fg::store
