// Permit checks and dispatch of the ServerRouter; the only place a refused message is counted.
// Must not allocate on the accepted path of a message without a booth rule (Input is per tick).
#include "server/core/ServerRouter.h"

#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;

Permit Permit::beforeJoin() {
    Permit p;
    p.m_beforeJoin = true;
    return p;
}

Permit Permit::joined() {
    return Permit{};
}

Permit Permit::roles(std::initializer_list<Role> roles) {
    Permit p;
    p.m_roles = 0;
    for (Role r : roles)
        p.m_roles = std::uint8_t(p.m_roles | (1u << unsigned(r)));
    return p;
}

Permit Permit::because(std::string text) && {
    m_because = std::move(text);
    return std::move(*this);
}

std::string Permit::stageOrRoleRefusal(const presence::Session& s, const char* name) const {
    if (m_beforeJoin) return s.joined ? fmt::format("second {}", name) : std::string();
    if (!s.joined) return fmt::format("{} before Hello", name);
    if ((m_roles >> unsigned(s.role)) & 1u) return {};
    if (!m_because.empty()) return m_because;
    return fmt::format("{} is not allowed for the {} role", name, toString(s.role));
}

std::string ServerRouter::refusal(const Entry& entry, const Session& s, const Message& m) const {
    std::string why = entry.permit.stageOrRoleRefusal(s, messageName(m.index()));
    if (!why.empty() || !entry.permit.boothOf()) return why;
    if (!m_boothRule) return "no booth rule on this server";
    return m_boothRule(s, entry.permit.boothOf()(m));
}

void ServerRouter::dispatch(Session& s, Message& message) {
    const std::size_t index = message.index();
    Entry& entry = m_entries[index];
    if (!entry.handler) {
        const bool toClient = messageDirection(index) == Direction::ServerToClient;
        return m_fault(s, fmt::format("{} is {}", messageName(index),
                                      toClient ? "not a client message" : "not handled here"));
    }
    std::string why = refusal(entry, s, message);
    if (why.empty()) return entry.handler(s, message);
    // Answer first: the fault may disconnect the peer.
    if (entry.refuse && s.joined) entry.refuse(s, message, why);
    m_fault(s, why);
}

} // namespace fg::server
