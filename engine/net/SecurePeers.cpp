// SecurePeers: the key exchange and sealing glued to ENet peers and packets (see
// PROTOCOL.md, "Encrypted sessions"). Must not interpret the messages it seals and opens.
#include "engine/net/SecurePeers.h"

#include <cstring>

namespace fg::net::detail {

void SecurityCounters::addTo(HostStats& stats) const {
    stats.secureSessions += sessions.load(std::memory_order_relaxed);
    stats.forgedPackets += forged.load(std::memory_order_relaxed);
    stats.replayedPackets += replayed.load(std::memory_order_relaxed);
    stats.malformedPackets += malformed.load(std::memory_order_relaxed);
    stats.securityDisconnects += disconnects.load(std::memory_order_relaxed);
}

SecurePeers::SecurePeers(const HostConfig& config, bool serverSide, std::size_t slots)
    : m_enabled(config.security == Security::Encrypted), m_server(serverSide),
      m_key(config.serverKey), m_faultReason(config.securityFaultReason), m_slots(slots) {}

SecurePeers::~SecurePeers() {
    for (std::uint32_t i = 0; i < m_slots.size(); ++i)
        gone(i);
}

ENetPacket* SecurePeers::createPacket(bool encrypted, std::span<const std::uint8_t> bytes,
                                      enet_uint32 flags) {
    if (!encrypted) return enet_packet_create(bytes.data(), bytes.size(), flags);
    ENetPacket* packet = enet_packet_create(nullptr, bytes.size() + kSealedOverhead, flags);
    if (packet && !bytes.empty())
        std::memcpy(packet->data + kSealedHeader, bytes.data(), bytes.size());
    return packet;
}

void SecurePeers::connected(ENetPeer& peer, std::uint32_t slot) {
    if (!m_enabled) return;
    gone(slot);
    Slot& s = m_slots[slot];
    s.session = std::make_unique<SecureSession>();
    if (m_server) return; // the client speaks first
    const std::vector<std::uint8_t> offer = s.session->makeOffer();
    ENetPacket* packet = enet_packet_create(offer.data(), offer.size(), packetFlags(0));
    if (packet && enet_peer_send(&peer, kChannelControl, packet) != 0) enet_packet_destroy(packet);
}

void SecurePeers::gone(std::uint32_t slot) {
    if (!m_enabled || slot >= m_slots.size()) return;
    Slot& s = m_slots[slot];
    for (auto& [channel, packet] : s.held)
        enet_packet_destroy(packet);
    s = Slot{};
}

bool SecurePeers::send(ENetPeer& peer, std::uint32_t slot, std::uint8_t channel,
                       ENetPacket* packet) {
    if (!m_enabled) {
        if (enet_peer_send(&peer, channel, packet) == 0) return true;
        enet_packet_destroy(packet);
        return false;
    }
    Slot& s = m_slots[slot];
    if (s.session && s.session->established()) return sealAndSend(peer, s, channel, packet);
    if (!s.session || s.held.size() >= kMaxHeld) {
        enet_packet_destroy(packet);
        return false;
    }
    s.held.emplace_back(channel, packet);
    return true;
}

bool SecurePeers::sealAndSend(ENetPeer& peer, Slot& s, std::uint8_t channel, ENetPacket* packet) {
    s.session->sealInPlace(packet->data, packet->dataLength - kSealedOverhead, channel);
    if (enet_peer_send(&peer, channel, packet) == 0) return true;
    enet_packet_destroy(packet);
    return false;
}

SecurePeers::Verdict SecurePeers::receive(ENetPeer& peer, std::uint32_t slot, std::uint8_t channel,
                                          ENetPacket& packet,
                                          std::span<const std::uint8_t>& plain) {
    if (!m_enabled) {
        plain = std::span<const std::uint8_t>(packet.data, packet.dataLength);
        return Verdict::Deliver;
    }
    Slot& s = m_slots[slot];
    if (!s.session) return fault(peer, s, OpenResult::Malformed);
    if (!s.session->established()) return handshake(peer, s, packet);
    const OpenResult r = s.session->openInPlace(packet.data, packet.dataLength, channel, plain);
    return r == OpenResult::Ok ? Verdict::Deliver : fault(peer, s, r);
}

// The first packet of a connection: the server answers a KeyOffer, the client checks the
// KeyAccept; then the packets the application sent meanwhile go out, sealed, in order.
SecurePeers::Verdict SecurePeers::handshake(ENetPeer& peer, Slot& s, ENetPacket& packet) {
    const std::span<const std::uint8_t> bytes(packet.data, packet.dataLength);
    OpenResult r = OpenResult::Malformed;
    if (m_server && m_key) {
        r = s.session->answerOffer(*m_key, bytes, m_answer);
        if (r == OpenResult::Ok) {
            ENetPacket* answer =
                enet_packet_create(m_answer.data(), m_answer.size(), packetFlags(0));
            if (answer && enet_peer_send(&peer, kChannelControl, answer) != 0)
                enet_packet_destroy(answer);
        }
    } else if (!m_server) {
        r = s.session->acceptAnswer(bytes);
    }
    if (r != OpenResult::Ok) {
        // A client whose server fails to prove its key has nothing to wait for.
        if (!m_server) s.faults = kMaxFaults;
        return fault(peer, s, r);
    }
    m_counters.sessions.fetch_add(1, std::memory_order_relaxed);
    for (auto& [channel, held] : s.held)
        sealAndSend(peer, s, channel, held);
    s.held.clear();
    return m_server ? Verdict::Consumed : Verdict::Established;
}

SecurePeers::Verdict SecurePeers::fault(ENetPeer& peer, Slot& s, OpenResult why) {
    auto& counter = why == OpenResult::Forged     ? m_counters.forged
                    : why == OpenResult::Replayed ? m_counters.replayed
                                                  : m_counters.malformed;
    counter.fetch_add(1, std::memory_order_relaxed);
    if (++s.faults < kMaxFaults) return Verdict::Dropped;
    m_counters.disconnects.fetch_add(1, std::memory_order_relaxed);
    enet_peer_disconnect_now(&peer, m_faultReason);
    return Verdict::Disconnected;
}

std::optional<KeyBytes> SecurePeers::serverKey(std::uint32_t slot) const {
    if (!established(slot)) return std::nullopt;
    return m_slots[slot].session->serverKey();
}

bool SecurePeers::established(std::uint32_t slot) const {
    return m_enabled && slot < m_slots.size() && m_slots[slot].session &&
           m_slots[slot].session->established();
}

} // namespace fg::net::detail
