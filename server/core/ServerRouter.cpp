// Permit checks and dispatch of the ServerRouter; the only place a refused message is counted.
// Must not allocate on the accepted path of a message without a booth rule (Input is per tick).
#include "server/core/ServerRouter.h"

#include "engine/core/Log.h"
#include "engine/core/Time.h"

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
    if (!((m_roles >> unsigned(s.role)) & 1u)) {
        if (!m_because.empty()) return m_because;
        return fmt::format("{} is not allowed for the {} role", name, toString(s.role));
    }
    if (m_verifiedOnly && !s.verified())
        return fmt::format("{}: guests cannot vote; sign in with your ticket code", name);
    return {};
}

std::string ServerRouter::refusal(const Entry& entry, const Session& s, const Message& m) const {
    std::string why = entry.permit.stageOrRoleRefusal(s, messageName(m.index()));
    if (!why.empty() || !entry.permit.boothOf()) return why;
    if (!m_boothRule) return "no booth rule on this server";
    return m_boothRule(s, entry.permit.boothOf()(m));
}

void ServerRouter::resetBudgets(const Session& s) {
    const std::size_t first = std::size_t(s.id - 1u) * kMessageCount;
    if (s.id == 0 || first >= m_buckets.size()) return;
    std::fill_n(m_buckets.begin() + std::ptrdiff_t(first), kMessageCount, BudgetBucket{});
}

bool ServerRouter::withinBudget(const Entry& entry, Session& s, std::size_t index, double now) {
    if (s.id == 0) return true;
    const std::size_t slot = std::size_t(s.id - 1u) * kMessageCount + index;
    if (slot >= m_buckets.size()) m_buckets.resize((std::size_t(s.id) + 63) * kMessageCount);
    const Budget& budget = entry.permit.budget().unset() ? m_defaultBudget : entry.permit.budget();
    return m_buckets[slot].take(now, budget);
}

// Logged once per offender (the first refusal), never per packet: a flood would fill the log.
void ServerRouter::countRateLimited(Session& s, std::size_t index) {
    ++m_rateLimited;
    if (s.rateLimited++ > 0) return;
    ++m_rateOffenders;
    log::warn("server: client {} ('{}', {}) sends {} faster than allowed: refusing the excess",
              s.id, s.name, s.address, messageName(index));
}

void ServerRouter::dispatch(Session& s, Message& message) {
    dispatch(s, message, monotonicSeconds());
}

void ServerRouter::dispatch(Session& s, Message& message, double now) {
    const std::size_t index = message.index();
    Entry& entry = m_entries[index];
    if (!entry.handler) {
        const bool toClient = messageDirection(index) == Direction::ServerToClient;
        return m_fault(s, fmt::format("{} is {}", messageName(index),
                                      toClient ? "not a client message" : "not handled here"));
    }
    std::string why = refusal(entry, s, message);
    if (why.empty() && !withinBudget(entry, s, index, now)) {
        countRateLimited(s, index);
        if (entry.refuse && s.joined) entry.refuse(s, message, "too many requests, slow down");
        return;
    }
    if (why.empty()) return entry.handler(s, message);
    // Answer first: the fault may disconnect the peer.
    if (entry.refuse && s.joined) entry.refuse(s, message, why);
    m_fault(s, why);
}

} // namespace fg::server
