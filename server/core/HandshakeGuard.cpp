// HandshakeGuard: the order of pending connections, the per-address counts and the drops.
// Must not allocate per connection beyond the address text (a flood connects thousands a second).
#include "server/core/HandshakeGuard.h"

namespace fg::server {

HandshakeGuard::HandshakeGuard(HandshakeLimits limits, std::size_t peerCapacity)
    : m_limits(limits), m_peers(peerCapacity) {}

bool HandshakeGuard::capped(const std::string& address) const {
    return !(m_limits.trustLoopback && address.starts_with("127."));
}

bool HandshakeGuard::current(const Order& o) const {
    const Peer& p = m_peers[o.peer];
    return p.state == State::Pending && p.serial == o.serial;
}

void HandshakeGuard::connected(std::uint32_t peer, std::string_view address, double now,
                               std::vector<GuardDrop>& drops) {
    if (peer >= m_peers.size()) return;
    gone(peer); // a slot is reused only after its Disconnect; be safe if one was missed
    m_now = now;
    const std::string key(address);
    const bool limited = capped(key);
    AddressCount& count = m_addresses[key];
    if (limited && m_limits.maxPerAddress > 0 &&
        count.total - count.pending >= m_limits.maxPerAddress) {
        ++m_counters.addressRefusals; // joined people fill the address: refuse the newcomer
        if (count.total == 0) m_addresses.erase(key);
        drops.push_back({peer, DropCause::AddressFull});
        return;
    }
    // The newest connection always gets its chance: the oldest pending of the address goes.
    if (limited && !enforceCaps(key, drops)) m_overCap.insert(key);
    Peer& p = m_peers[peer];
    p = Peer{State::Pending, ++m_serial, now, !limited, key};
    AddressCount& added = m_addresses[key]; // an eviction may have erased the entry
    ++added.pending;
    ++added.total;
    ++m_pending;
    if (limited) ++m_cappedPending;
    m_order.push_back({peer, p.serial});
    while (m_limits.maxPending > 0 && m_cappedPending > m_limits.maxPending &&
           evictOldest(nullptr, drops)) {
    }
}

// Evicts ADDRESS's oldest pending ones while a new connection would pass its caps; false when
// the grace period stopped that short.
bool HandshakeGuard::enforceCaps(const std::string& address, std::vector<GuardDrop>& drops) {
    auto over = [&] {
        auto it = m_addresses.find(address);
        return it != m_addresses.end() && overAddressCaps(it->second);
    };
    while (over())
        if (!evictOldest(&address, drops)) return false;
    return true;
}

// Whether a new connection from an address with COUNT would pass a per-address cap.
bool HandshakeGuard::overAddressCaps(const AddressCount& count) const {
    const std::uint32_t pendingCap = m_limits.maxPendingPerAddress;
    const std::uint32_t totalCap = m_limits.maxPerAddress;
    return count.pending > 0 && ((pendingCap > 0 && count.pending >= pendingCap) ||
                                 (totalCap > 0 && count.total >= totalCap));
}

void HandshakeGuard::joined(std::uint32_t peer) {
    if (peer >= m_peers.size() || m_peers[peer].state != State::Pending) return;
    m_peers[peer].state = State::Joined;
    --m_addresses[m_peers[peer].address].pending;
    --m_pending;
    if (!m_peers[peer].exempt) --m_cappedPending;
    compact();
}

void HandshakeGuard::gone(std::uint32_t peer) {
    if (peer >= m_peers.size() || m_peers[peer].state == State::Free) return;
    Peer& p = m_peers[peer];
    auto it = m_addresses.find(p.address);
    if (it != m_addresses.end()) {
        if (p.state == State::Pending) --it->second.pending;
        if (--it->second.total == 0) m_addresses.erase(it);
    }
    if (p.state == State::Pending) {
        --m_pending;
        if (!p.exempt) --m_cappedPending;
    }
    p.state = State::Free;
    p.address.clear();
    compact();
}

void HandshakeGuard::expire(double now, std::vector<GuardDrop>& drops) {
    m_now = now;
    while (m_limits.maxPending > 0 && m_cappedPending > m_limits.maxPending &&
           evictOldest(nullptr, drops)) {
    }
    std::erase_if(m_overCap,
                  [&](const std::string& address) { return enforceCaps(address, drops); });
    if (m_limits.timeoutSeconds <= 0) return;
    // Connection times only grow along m_order, so the expired ones are at its front.
    while (!m_order.empty()) {
        const Order o = m_order.front();
        if (!current(o)) {
            m_order.pop_front();
            continue;
        }
        if (m_peers[o.peer].connectedAt + m_limits.timeoutSeconds > now) break;
        ++m_counters.deadlineDrops;
        drop(o.peer, DropCause::Deadline, drops);
    }
}

// The oldest pending connection (of ADDRESS, or of any address) goes.
// False when there is none. Returns right after the drop: it may compact m_order.
bool HandshakeGuard::evictOldest(const std::string* address, std::vector<GuardDrop>& drops) {
    for (const Order& o : m_order) {
        if (!current(o) || m_peers[o.peer].exempt ||
            (address && m_peers[o.peer].address != *address))
            continue;
        // Connection times grow along m_order: every later one is younger still.
        if (m_peers[o.peer].connectedAt > m_now - m_limits.evictionGraceSeconds) return false;
        ++m_counters.evictions;
        drop(o.peer, DropCause::Evicted, drops);
        return true;
    }
    return false;
}

void HandshakeGuard::drop(std::uint32_t peer, DropCause cause, std::vector<GuardDrop>& drops) {
    drops.push_back({peer, cause});
    gone(peer);
}

// Stale entries (joined or gone) are skipped by every walk; drop them once they outnumber the
// live ones so that a walk stays proportional to the pending connections.
void HandshakeGuard::compact() {
    while (!m_order.empty() && !current(m_order.front()))
        m_order.pop_front();
    if (m_order.size() <= 2 * m_pending + 64) return;
    std::erase_if(m_order, [this](const Order& o) { return !current(o); });
}

} // namespace fg::server
