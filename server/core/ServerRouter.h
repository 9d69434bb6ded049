// The server's typed message router: one handler per client message type, found by the
// variant index, each registered with the Permit that says who may send it. Every refusal
// (unregistered type, server-to-client type, wrong stage, role or booth) is a fault, counted here;
// every type also has a per-session budget (token bucket) past which requests are refused.
// Must not know any capability: modules register; the router only checks and dispatches.
#pragma once

#include "game/expo/protocol/Messages.h"
#include "server/core/Permit.h"
#include "server/presence/Session.h"

#include <array>
#include <cassert>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace fg::server {

class ServerRouter {
public:
    using Session = presence::Session;
    using Message = expo::proto::Message;
    // Counts a violation against the peer (and disconnects it past the limit).
    using FaultSink = std::function<void(Session&, std::string_view what)>;
    // The own-booth rule: empty when S may act on BOOTHID, else the reason for a person.
    using BoothRule = std::function<std::string(const Session&, const std::string& boothId)>;

    ServerRouter(FaultSink fault, BoothRule boothRule)
        : m_fault(std::move(fault)), m_boothRule(std::move(boothRule)) {}

    // HANDLER is void(Session&, const M&) or void(Session&, M&). REFUSE, when given, is
    // void(Session&, const M&, std::string_view why): the polite answer a refused sender gets
    // (the refusal is counted as a fault all the same).
    template <class M, class Handler>
    void on(Permit permit, Handler handler) {
        on<M>(std::move(permit), std::move(handler), nullptr);
    }
    template <class M, class Handler, class Refuse>
    void on(Permit permit, Handler handler, Refuse refuse);

    // Checks the sender's permit and budget and runs the handler, or counts a fault (permit)
    // or a rate-limited request (budget). NOW is monotonic seconds.
    void dispatch(Session& s, Message& message, double now);
    void dispatch(Session& s, Message& message); // now: the monotonic clock
    bool registered(std::size_t typeIndex) const {
        return typeIndex < m_entries.size() && bool(m_entries[typeIndex].handler);
    }

    // The budget of every type registered without one (generous: no client comes near it).
    void setDefaultBudget(Budget budget) { m_defaultBudget = budget; }
    // A new connection in S's slot starts with full buckets.
    void resetBudgets(const Session& s);
    // Requests refused for their budget, and sessions that had at least one refused.
    std::uint64_t rateLimited() const { return m_rateLimited; }
    std::uint64_t rateOffenders() const { return m_rateOffenders; }

private:
    struct Entry {
        Permit permit = Permit::joined();
        std::function<void(Session&, Message&)> handler;
        std::function<void(Session&, Message&, std::string_view)> refuse;
    };
    std::string refusal(const Entry& entry, const Session& s, const Message& m) const;
    bool withinBudget(const Entry& entry, Session& s, std::size_t index, double now);
    void countRateLimited(Session& s, std::size_t index);

    std::array<Entry, expo::proto::kMessageCount> m_entries;
    FaultSink m_fault;
    BoothRule m_boothRule;
    Budget m_defaultBudget{200, 100};
    std::vector<BudgetBucket> m_buckets; // (session id - 1) x kMessageCount, grown on demand
    std::uint64_t m_rateLimited = 0;
    std::uint64_t m_rateOffenders = 0;
};

template <class M, class Handler, class Refuse>
void ServerRouter::on(Permit permit, Handler handler, Refuse refuse) {
    static_assert(M::kDirection != expo::proto::Direction::ServerToClient,
                  "the server never receives a server-to-client message");
    static_assert(std::is_invocable_v<Handler, Session&, M&>,
                  "handler must be void(Session&, const M&) or void(Session&, M&)");
    constexpr std::size_t index = expo::proto::messageIndex<M>();
    Entry& entry = m_entries[index];
    assert(!entry.handler && "a message type is registered once");
    assert(
        (permit.boothMessage() == expo::proto::kMessageCount || permit.boothMessage() == index) &&
        "ownBooth names a field of another message type");
    entry.permit = std::move(permit);
    entry.handler = [h = std::move(handler)](Session& s, Message& m) mutable {
        h(s, *std::get_if<M>(&m));
    };
    if constexpr (!std::is_null_pointer_v<Refuse>)
        entry.refuse = [r = std::move(refuse)](Session& s, Message& m, std::string_view why) {
            r(s, *std::get_if<M>(&m), why);
        };
}

} // namespace fg::server
