// HandshakeGuard without sockets: the handshake deadline, which pending connection a cap evicts
// (the oldest, of the address or of all, never one in its grace period), the per-address cap
// and the loopback exemption.
#include "server/core/HandshakeGuard.h"

#include <doctest/doctest.h>
#include <vector>

using fg::server::DropCause;
using fg::server::GuardDrop;
using fg::server::HandshakeGuard;
using fg::server::HandshakeLimits;

namespace {

HandshakeLimits limits(std::uint32_t pending, std::uint32_t perAddress, std::uint32_t total) {
    HandshakeLimits l;
    l.timeoutSeconds = 5.0;
    l.maxPending = pending;
    l.maxPendingPerAddress = perAddress;
    l.maxPerAddress = total;
    l.trustLoopback = false;
    l.evictionGraceSeconds = 0; // see the grace test
    return l;
}

std::vector<std::uint32_t> peersOf(const std::vector<GuardDrop>& drops) {
    std::vector<std::uint32_t> out;
    for (const GuardDrop& d : drops)
        out.push_back(d.peer);
    return out;
}

} // namespace

TEST_CASE("guard: a connection that has not joined by its deadline is dropped, a joined one not") {
    HandshakeGuard guard(limits(0, 0, 0), 16);
    std::vector<GuardDrop> drops;
    guard.connected(0, "10.0.0.1", 0.0, drops);
    guard.connected(1, "10.0.0.2", 1.0, drops);
    guard.connected(2, "10.0.0.3", 2.0, drops);
    guard.joined(1);
    CHECK(guard.pending() == 2);
    guard.expire(4.9, drops);
    CHECK(drops.empty());
    guard.expire(6.5, drops); // peer 0's deadline (5.0) passed, peer 2's (7.0) not
    REQUIRE(drops.size() == 1);
    CHECK(drops[0].peer == 0);
    CHECK((drops[0].cause == DropCause::Deadline));
    drops.clear();
    guard.expire(100.0, drops); // the joined peer 1 is never dropped
    CHECK(peersOf(drops) == std::vector<std::uint32_t>{2});
    CHECK(guard.counters().deadlineDrops == 2);
    CHECK(guard.pending() == 0);
}

TEST_CASE("guard: a gone connection has no deadline, and its slot's next one starts afresh") {
    HandshakeGuard guard(limits(0, 0, 0), 4);
    std::vector<GuardDrop> drops;
    guard.connected(3, "10.0.0.1", 0.0, drops);
    guard.gone(3);
    guard.connected(3, "10.0.0.1", 4.0, drops);
    guard.expire(6.0, drops);
    CHECK(drops.empty());
    guard.expire(9.0, drops);
    CHECK(peersOf(drops) == std::vector<std::uint32_t>{3});
    guard.connected(99, "10.0.0.1", 0.0, drops); // beyond the capacity: ignored, no crash
    CHECK(guard.pending() == 0);
}

TEST_CASE("guard: past the global pending cap the oldest pending connection is evicted") {
    HandshakeGuard guard(limits(3, 0, 0), 16);
    std::vector<GuardDrop> drops;
    guard.connected(5, "10.0.0.1", 0.0, drops);
    guard.connected(6, "10.0.0.2", 0.1, drops);
    guard.connected(7, "10.0.0.3", 0.2, drops);
    guard.joined(6); // joined people are never evicted and do not count as pending
    guard.connected(8, "10.0.0.4", 0.3, drops);
    CHECK(drops.empty());
    guard.connected(9, "10.0.0.5", 0.4, drops);  // 4 pending: 5 (the oldest) goes
    guard.connected(10, "10.0.0.6", 0.5, drops); // then 7
    REQUIRE(drops.size() == 2);
    CHECK(peersOf(drops) == std::vector<std::uint32_t>{5, 7});
    CHECK((drops[0].cause == DropCause::Evicted));
    CHECK(guard.pending() == 3);
    CHECK(guard.counters().evictions == 2);
    drops.clear();
    guard.expire(10.0, drops); // evicted ones are forgotten: only 8, 9, 10 reach the deadline
    CHECK(peersOf(drops) == std::vector<std::uint32_t>{8, 9, 10});
}

TEST_CASE("guard: a crowded address evicts its own oldest, never another address's") {
    HandshakeGuard guard(limits(100, 2, 0), 16);
    std::vector<GuardDrop> drops;
    guard.connected(0, "10.0.0.9", 0.0, drops); // a visitor elsewhere, connected first
    guard.connected(1, "10.6.6.6", 0.1, drops);
    guard.connected(2, "10.6.6.6", 0.2, drops);
    guard.connected(3, "10.6.6.6", 0.3, drops);
    guard.connected(4, "10.6.6.6", 0.4, drops);
    CHECK(peersOf(drops) == std::vector<std::uint32_t>{1, 2});
    CHECK(guard.pending() == 3);
}

TEST_CASE("guard: the per-address cap counts joined people and refuses the newcomer") {
    HandshakeGuard guard(limits(100, 0, 2), 16);
    std::vector<GuardDrop> drops;
    guard.connected(0, "10.0.0.1", 0.0, drops);
    guard.connected(1, "10.0.0.1", 0.1, drops);
    guard.joined(0);
    guard.connected(2, "10.0.0.1", 0.2, drops); // one joined + one pending: the pending one goes
    CHECK(peersOf(drops) == std::vector<std::uint32_t>{1});
    guard.joined(2);
    drops.clear();
    guard.connected(3, "10.0.0.1", 0.3, drops); // two joined: the newcomer is refused
    REQUIRE(drops.size() == 1);
    CHECK(drops[0].peer == 3);
    CHECK((drops[0].cause == DropCause::AddressFull));
    CHECK(guard.counters().addressRefusals == 1);
    drops.clear();
    guard.gone(0); // someone left: the address has room again
    guard.connected(4, "10.0.0.1", 0.4, drops);
    CHECK(drops.empty());
}

TEST_CASE("guard: trusted loopback is exempt from every cap, not from the deadline") {
    HandshakeLimits l = limits(3, 1, 1);
    l.trustLoopback = true;
    HandshakeGuard guard(l, 16);
    std::vector<GuardDrop> drops;
    guard.connected(0, "127.0.0.1", 0.0, drops);
    guard.connected(1, "127.0.0.1", 0.1, drops);
    guard.connected(2, "127.0.0.1", 0.2, drops);
    CHECK(drops.empty());
    guard.connected(3, "127.0.0.1", 0.3, drops); // a bot crowd connecting all at once
    CHECK(drops.empty());
    guard.connected(4, "10.0.0.1", 0.4, drops);
    guard.connected(5, "10.0.0.1", 0.5, drops); // others are capped per address
    CHECK(peersOf(drops) == std::vector<std::uint32_t>{4});
    CHECK(guard.pending() == 5);
    drops.clear();
    guard.expire(5.25, drops); // the deadline holds for everyone
    CHECK(peersOf(drops) == std::vector<std::uint32_t>{0, 1, 2});
}

TEST_CASE("guard: a burst is not evicted within its grace period, and trimmed after it") {
    HandshakeLimits l = limits(2, 2, 0);
    l.evictionGraceSeconds = 0.1;
    HandshakeGuard guard(l, 16);
    std::vector<GuardDrop> drops;
    guard.connected(0, "10.0.0.1", 0.00, drops);
    guard.connected(1, "10.0.0.1", 0.01, drops);
    guard.connected(2, "10.0.0.1", 0.02, drops); // past both caps, but all are young
    guard.connected(3, "10.0.0.2", 0.03, drops);
    CHECK(drops.empty());
    CHECK(guard.pending() == 4);
    guard.expire(0.05, drops);
    CHECK(drops.empty());
    guard.joined(2);          // said Hello within the grace period: safe
    guard.expire(0.5, drops); // the oldest go, back under the global cap
    CHECK(peersOf(drops) == std::vector<std::uint32_t>{0});
    CHECK(guard.pending() == 2);
    CHECK(guard.counters().evictions == 1);
}
