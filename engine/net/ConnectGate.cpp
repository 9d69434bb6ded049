// ConnectGate: one token bucket per address, kept only while it is not full again, so a flood
// of spoofed or many addresses costs a bounded map. Knows no ENet types (EnetSupport asks it).
#include "engine/net/ConnectGate.h"

#include <algorithm>
#include <arpa/inet.h>

namespace fg::net {

ConnectVerdict ConnectGate::admit(std::uint32_t ipv4, double now, std::uint32_t liveSlots) {
    if (m_limits.exemptLoopback && (ntohl(ipv4) >> 24) == 127) return ConnectVerdict::Admit;
    if (m_limits.maxSlotsPerAddress > 0 && liveSlots >= m_limits.maxSlotsPerAddress) {
        m_slotRefusals.fetch_add(1, std::memory_order_relaxed);
        return ConnectVerdict::AddressFull;
    }
    if (m_limits.perSecond <= 0) return ConnectVerdict::Admit;
    const double size = std::max(1.0, m_limits.burst);
    std::lock_guard lock(m_mutex);
    prune(now);
    auto [it, fresh] = m_buckets.try_emplace(ipv4, Bucket{size, now});
    Bucket& b = it->second;
    b.tokens = std::min(size, b.tokens + (now - b.at) * m_limits.perSecond);
    b.at = now;
    if (b.tokens < 1) {
        m_rateRefusals.fetch_add(1, std::memory_order_relaxed);
        return ConnectVerdict::RateLimited;
    }
    b.tokens -= 1;
    return ConnectVerdict::Admit;
}

// A bucket that has refilled is the same as none: forget it (at most once a second).
void ConnectGate::prune(double now) {
    if (now - m_lastPrune < 1.0) return;
    m_lastPrune = now;
    const double size = std::max(1.0, m_limits.burst);
    std::erase_if(m_buckets, [&](const auto& entry) {
        const Bucket& b = entry.second;
        return b.tokens + (now - b.at) * m_limits.perSecond >= size;
    });
}

} // namespace fg::net
