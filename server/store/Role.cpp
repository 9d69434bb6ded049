// Names of roles as they appear in the console, the database and log lines.
// Must stay in sync with the values stored in the credentials table (stored as text).
#include "server/store/Role.h"

namespace fg::store {

const char* roleName(Role role) {
    switch (role) {
    case Role::Visitor:
        return "visitor";
    case Role::Exhibitor:
        return "exhibitor";
    case Role::Organiser:
        return "organiser";
    }
    return "visitor";
}

std::optional<Role> parseRole(std::string_view text) {
    if (text == "visitor") return Role::Visitor;
    if (text == "exhibitor") return Role::Exhibitor;
    if (text == "organiser") return Role::Organiser;
    return std::nullopt;
}

} // namespace fg::store
