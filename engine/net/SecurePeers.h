// The encryption state of every peer slot of one ENet host (inline host or one network thread):
// key exchange packets, sealing on send, opening and replay checks on receive, fault counting.
// Internal to fg_net, used only on the thread that services the host. Never sees messages.
#pragma once

#include "engine/net/EnetSupport.h"
#include "engine/net/SecureChannel.h"

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace fg::net::detail {

// Sealed, forged or replayed packets and the like, summed over a host's threads.
struct SecurityCounters {
    std::atomic<std::uint64_t> sessions{0};    // key exchanges completed
    std::atomic<std::uint64_t> forged{0};      // failed authentication (tampered, wrong key)
    std::atomic<std::uint64_t> replayed{0};    // counter seen before or older than the window
    std::atomic<std::uint64_t> malformed{0};   // wrong kind, too short, out of order handshake
    std::atomic<std::uint64_t> disconnects{0}; // peers dropped for repeated faults
    void addTo(HostStats& stats) const;
};

class SecurePeers {
public:
    // A peer is disconnected after this many dropped packets on one connection.
    static constexpr std::uint32_t kMaxFaults = kMaxSecurityFaults;
    // Packets the application sends before the key exchange ends wait, up to this many.
    static constexpr std::size_t kMaxHeld = 64;

    SecurePeers(const HostConfig& config, bool serverSide, std::size_t slots);
    ~SecurePeers();
    bool enabled() const { return m_enabled; }

    // An ENet packet for BYTES with room for the seal when ENCRYPTED; any thread may call it.
    static ENetPacket* createPacket(bool encrypted, std::span<const std::uint8_t> bytes,
                                    enet_uint32 flags);

    // A new ENet connection in SLOT. Client side: sends the KeyOffer.
    void connected(ENetPeer& peer, std::uint32_t slot);
    // The connection in SLOT is gone: held packets are freed.
    void gone(std::uint32_t slot);
    // Seals PACKET (made by createPacket) and sends it, or holds it until the keys exist. Takes
    // ownership; false when it was not queued (and was destroyed).
    bool send(ENetPeer& peer, std::uint32_t slot, std::uint8_t channel, ENetPacket* packet);

    enum class Verdict : std::uint8_t {
        Deliver,     // PLAIN views the message inside PACKET
        Established, // key exchange done (client: the app may now see Connect)
        Consumed,    // a transport packet, nothing for the app
        Dropped,     // counted; nothing for the app
        Disconnected // too many faults: the peer was dropped at once (disconnect_now)
    };
    Verdict receive(ENetPeer& peer, std::uint32_t slot, std::uint8_t channel, ENetPacket& packet,
                    std::span<const std::uint8_t>& plain);

    // Client side: the key the server proved it holds, once established.
    std::optional<KeyBytes> serverKey(std::uint32_t slot) const;
    bool established(std::uint32_t slot) const;
    const SecurityCounters& counters() const { return m_counters; }

private:
    struct Slot {
        std::unique_ptr<SecureSession> session;
        std::vector<std::pair<std::uint8_t, ENetPacket*>> held; // channel, packet
        std::uint32_t faults = 0;
    };
    Verdict handshake(ENetPeer& peer, Slot& slot, ENetPacket& packet);
    Verdict fault(ENetPeer& peer, Slot& slot, OpenResult why);
    bool sealAndSend(ENetPeer& peer, Slot& slot, std::uint8_t channel, ENetPacket* packet);

    bool m_enabled;
    bool m_server;
    std::shared_ptr<const ServerKeyPair> m_key;
    std::uint32_t m_faultReason;
    std::vector<Slot> m_slots;
    SecurityCounters m_counters;
    std::vector<std::uint8_t> m_answer; // scratch for the KeyAccept
};

} // namespace fg::net::detail
