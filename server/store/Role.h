// Who a connection or a credential speaks for: visitor, exhibitor (of one exhibitor) or organiser.
// Shared vocabulary of the store, interactions and console; no logic beyond names.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace fg::store {

enum class Role : std::uint8_t { Visitor = 0, Exhibitor = 1, Organiser = 2 };

// "visitor", "exhibitor", "organiser".
const char* roleName(Role role);
// Inverse of roleName; nullopt for anything else.
std::optional<Role> parseRole(std::string_view text);

} // namespace fg::store
