// Per-address admission of new connections, asked before ENet gives an attempt a peer slot: a
// connect-rate token bucket and a cap on the slots (half-open ones too) one address holds.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <unordered_map>

namespace fg::net {

// Why one address cannot take every slot by closing and reopening connections thousands of
// times a second: past its rate its attempts are dropped unanswered (the sender's ENet retries,
// as for a lost datagram), and past its cap it gets no further slot until one is freed.
struct ConnectLimits {
    double perSecond = 0; // sustained attempts a second from one address (0: no rate limit)
    double burst = 0;     // attempts at once (the bucket's size; at least 1 when rate-limited)
    std::uint32_t maxSlotsPerAddress =
        0;                      // live slots of one address, half-open included (0: no cap)
    bool exemptLoopback = true; // 127.0.0.0/8: this machine (bots, tests)
    bool enabled() const { return perSecond > 0 || maxSlotsPerAddress > 0; }
};

enum class ConnectVerdict : std::uint8_t { Admit, RateLimited, AddressFull };

// Thread-safe: the network threads of one server share a gate, so an address gets one budget
// however the kernel spreads its datagrams. Asked only for connection attempts, never per packet.
class ConnectGate {
public:
    explicit ConnectGate(ConnectLimits limits) : m_limits(limits) {}

    // An attempt from IPV4 (network byte order, as ENet keeps it) at NOW (seconds) whose address
    // already holds LIVESLOTS slots.
    ConnectVerdict admit(std::uint32_t ipv4, double now, std::uint32_t liveSlots);

    const ConnectLimits& limits() const { return m_limits; }
    std::uint64_t rateRefusals() const { return m_rateRefusals.load(std::memory_order_relaxed); }
    std::uint64_t slotRefusals() const { return m_slotRefusals.load(std::memory_order_relaxed); }

private:
    struct Bucket {
        double tokens = 0;
        double at = 0;
    };
    void prune(double now);

    ConnectLimits m_limits;
    std::mutex m_mutex;
    std::unordered_map<std::uint32_t, Bucket> m_buckets; // by address; full ones pruned
    double m_lastPrune = 0;
    std::atomic<std::uint64_t> m_rateRefusals{0};
    std::atomic<std::uint64_t> m_slotRefusals{0};
};

} // namespace fg::net
