// Who may hold a connection slot before the handshake: a deadline for an accepted Hello, caps on
// pending handshakes (per address and in all) that evict the oldest, and a per-address cap.
// Pure bookkeeping on peer ids and address text: never touches the network; the host drops.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace fg::server {

struct HandshakeLimits {
    double timeoutSeconds = 5.0; // from the connection to an accepted Hello (0: no deadline)
    // Connections that have not joined yet, from every address together (0: no cap): past it the
    // oldest pending one goes, so slots stay free for people who join.
    std::uint32_t maxPending = 128;
    std::uint32_t maxPendingPerAddress = 16; // 0: no cap; past it that address's oldest goes
    std::uint32_t maxPerAddress = 64;        // pending and joined from one address (0: no cap)
    // Connection attempts from one address, checked before ENet gives one a slot (with
    // maxPerAddress, counting half-open slots too): churn from one address cannot take every
    // freed slot. A whole NAT's attendees share this; ENet retries an attempt dropped here.
    double connectsPerSecond = 20; // sustained, per address (0: no limit)
    double connectBurst = 64;      // at once, per address
    // A connection younger than this is not evicted (a cap may be passed meanwhile, and is
    // restored on the next tick). 0 by default: under a fast flood the grace lets pending
    // connections take every slot (measured with the flood tests).
    double evictionGraceSeconds = 0;
    // 127.0.0.0/8 is this machine (bots, tests, the embedded server, which may connect
    // thousands at once): exempt from every cap, not from the deadline. No remote sender can
    // use it; tests of the caps turn this off.
    bool trustLoopback = true;
};

enum class DropCause : std::uint8_t {
    Deadline,    // no accepted Hello in time
    Evicted,     // the oldest pending one when a cap on pending handshakes was reached
    AddressFull, // its address already holds maxPerAddress connections
};

struct GuardDrop {
    std::uint32_t peer = 0;
    DropCause cause = DropCause::Deadline;
};

struct GuardCounters {
    std::uint64_t deadlineDrops = 0;
    std::uint64_t evictions = 0;
    std::uint64_t addressRefusals = 0;
};

class HandshakeGuard {
public:
    HandshakeGuard(HandshakeLimits limits, std::size_t peerCapacity);

    // PEER connected from ADDRESS at NOW (seconds); appends those to drop now (PEER included
    // when its address is full). Every dropped peer is already forgotten.
    void connected(std::uint32_t peer, std::string_view address, double now,
                   std::vector<GuardDrop>& drops);
    // PEER's Hello was accepted: no deadline, no eviction from now on.
    void joined(std::uint32_t peer);
    // PEER's connection ended (Disconnect event or a drop by the host).
    void gone(std::uint32_t peer);
    // Appends every pending peer whose deadline has passed at NOW, and the oldest ones past a
    // cap that the grace period let through.
    void expire(double now, std::vector<GuardDrop>& drops);

    std::size_t pending() const { return m_pending; }
    const GuardCounters& counters() const { return m_counters; }
    const HandshakeLimits& limits() const { return m_limits; }

private:
    enum class State : std::uint8_t { Free, Pending, Joined };
    struct Peer {
        State state = State::Free;
        std::uint32_t serial = 0; // which connection of the slot m_order's entries refer to
        double connectedAt = 0;
        bool exempt = false; // trusted loopback: no cap applies, never evicted
        std::string address;
    };
    struct Order {
        std::uint32_t peer = 0;
        std::uint32_t serial = 0;
    };
    struct AddressCount {
        std::uint32_t pending = 0;
        std::uint32_t total = 0;
    };
    bool capped(const std::string& address) const;
    bool current(const Order& o) const;
    bool overAddressCaps(const AddressCount& count) const;
    bool evictOldest(const std::string* address, std::vector<GuardDrop>& drops);
    bool enforceCaps(const std::string& address, std::vector<GuardDrop>& drops);
    void drop(std::uint32_t peer, DropCause cause, std::vector<GuardDrop>& drops);
    void compact();

    HandshakeLimits m_limits;
    std::vector<Peer> m_peers; // by peer id
    std::deque<Order> m_order; // pending connections, oldest first (stale entries skipped)
    std::unordered_map<std::string, AddressCount> m_addresses;
    std::unordered_set<std::string> m_overCap; // addresses the grace period let past a cap
    std::size_t m_pending = 0;
    std::size_t m_cappedPending = 0; // pending ones maxPending applies to (not exempt)
    std::uint32_t m_serial = 0;
    double m_now = 0; // of the latest connected() or expire(): the grace period's clock
    GuardCounters m_counters;
};

} // namespace fg::server
