// ENet host adapter: a server or client endpoint with our three channels, CRC32 checksums, a
// lowered packet size, a peer limit and timeouts, optionally serviced by network threads (one
// ENet host per thread on one SO_REUSEPORT port). The rest of the code never sees ENet types.
#pragma once

#include "engine/core/Result.h"
#include "engine/net/ConnectGate.h"
#include "engine/net/NetLimits.h"
#include "engine/net/SecureChannel.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace fg::net {

// Index of a peer slot on one host; a slot is reused after its Disconnect event. With network
// threads it is shard x slots-per-shard + slot: dense, always below peerCapacity().
using PeerId = std::uint32_t;
inline constexpr PeerId kNoPeer = 0xffffffffu;

// Encrypted: the key exchange and sealed packets of PROTOCOL.md "Encrypted sessions" (always, in
// the shipped programs). Plain: ENet packets as they are, for the benchmark's "before" figures.
enum class Security : std::uint8_t { Encrypted, Plain };

struct HostConfig {
    std::string bindAddress = "127.0.0.1";  // listening hosts only; "0.0.0.0" for any
    std::uint16_t port = 0;                 // 0 with listen(): the OS picks a free port
    std::size_t peerLimit = 64;             // clamped to ENet's ceiling of 4,095
    std::uint32_t mtu = 1200;               // UDP payload per datagram (below typical path MTU)
    std::size_t maxPacketSize = 256 * 1024; // largest message ENet accepts from or for a peer
    std::uint32_t timeoutMinMs = 5000;      // ENet peer timeout (see enet_peer_timeout)
    std::uint32_t timeoutMaxMs = 15000;
    std::uint32_t incomingBandwidth = 0; // bytes/s, 0 = unlimited
    std::uint32_t outgoingBandwidth = 0;
    // listen() only: kernel UDP buffers. ENet's 256 KiB hold ~5 ms of 4,000 clients' inputs, so
    // a server busy in its tick for longer would drop datagrams (handshakes, acks, inputs).
    std::uint32_t socketBufferBytes = 4 * 1024 * 1024;
    // listen() only. 0: the thread calling service() does all ENet work (clients, small servers).
    // N > 0: N network threads, each with its own ENet host bound to the same UDP port with
    // SO_REUSEPORT (the kernel spreads clients over them by address); send/flush/service only
    // queue and wake, so the caller's thread never does the kernel's UDP work.
    std::uint32_t threads = 0;
    // client() only: the local address to send from ("127.0.0.2"); empty: any (the OS picks).
    std::string clientBindAddress;
    // listen() only: asked for every connection attempt before ENet gives it a slot (shared by
    // the network threads; the caller keeps it to read its counters). Null: every attempt.
    std::shared_ptr<ConnectGate> connectGate;
    // Both ends of a connection must agree.
    Security security = Security::Encrypted;
    // listen() only: the server's long-term key; none: a fresh one for this host's lifetime.
    std::shared_ptr<const ServerKeyPair> serverKey;
    // The disconnect data sent to a peer dropped for too many forged or replayed packets.
    std::uint32_t securityFaultReason = 0;
};

// Client side: the Disconnect event's data when the server failed to prove it holds the key it
// offered (its KeyAccept did not authenticate).
inline constexpr std::uint32_t kDisconnectKeyProof = 0xFA110001u;
// Packets of one connection dropped (forged, replayed, malformed) before it is cut.
inline constexpr std::uint32_t kMaxSecurityFaults = 16;

enum class NetEventType : std::uint8_t { Connect, Disconnect, Receive };

struct NetEvent {
    NetEventType type = NetEventType::Receive;
    PeerId peer = kNoPeer;
    std::uint8_t channel = 0;
    std::uint32_t data = 0; // connect/disconnect user data (reason code)
    std::vector<std::uint8_t> payload;
};

struct PeerStats {
    std::uint32_t rttMs = 0;
    std::uint32_t rttVarianceMs = 0;
    float packetLoss = 0;        // 0..1, ENet's running estimate
    std::uint64_t bytesSent = 0; // payload bytes this adapter queued for the peer
    std::uint64_t bytesReceived = 0;
};

struct HostStats {
    std::uint64_t bytesSent = 0; // UDP payload bytes as counted by ENet (headers included)
    std::uint64_t bytesReceived = 0;
    std::uint64_t packetsSent = 0;
    std::uint64_t packetsReceived = 0;
    double netThreadCpuSeconds = 0; // CPU time of the network threads so far (0 without)
    // Encrypted hosts: key exchanges completed, packets dropped (failed authentication: tampered
    // or wrongly keyed; replayed; malformed) and peers disconnected for repeated faults.
    std::uint64_t secureSessions = 0;
    std::uint64_t forgedPackets = 0;
    std::uint64_t replayedPackets = 0;
    std::uint64_t malformedPackets = 0;
    std::uint64_t securityDisconnects = 0;
};

class NetHost {
public:
    // A server host bound to config.bindAddress:config.port.
    static Result<std::unique_ptr<NetHost>> listen(const HostConfig& config);
    // A client host (no bound port) that can open up to config.peerLimit connections.
    static Result<std::unique_ptr<NetHost>> client(const HostConfig& config);
    ~NetHost();
    NetHost(const NetHost&) = delete;
    NetHost& operator=(const NetHost&) = delete;

    // Starts connecting; a Connect event follows on success (encrypted: once the key exchange
    // is done), Disconnect on failure/timeout. Hosts without network threads only.
    Result<PeerId> connect(const std::string& host, std::uint16_t port, std::uint32_t data = 0);
    // Channel 0 and 2 are reliable, channel 1 unreliable sequenced. False when the peer is gone.
    bool send(PeerId peer, std::uint8_t channel, std::span<const std::uint8_t> bytes);
    // Sends queued packets and delivers at most one event; waits up to timeoutMs for one. The
    // event's payload keeps its capacity from call to call: reuse one NetEvent.
    bool service(NetEvent& event, std::uint32_t timeoutMs);
    // Hands queued packets to the network (with threads: wakes them; does not wait for the send).
    void flush();
    // Graceful disconnect (a Disconnect event arrives later); `now` drops the peer at once.
    void disconnect(PeerId peer, std::uint32_t reason, bool now = false);

    std::uint16_t port() const;
    PeerStats peerStats(PeerId peer) const;
    // Bytes of CHANNEL's messages queued for PEER and not yet acknowledged (waiting to go out or
    // in flight): what a sender checks before queueing more bulk data. 0 for an unknown peer.
    std::size_t queuedBytes(PeerId peer, std::uint8_t channel) const;
    // Remote IPv4 address as text ("127.0.0.1"); empty for an unknown peer.
    std::string peerAddress(PeerId peer) const;
    HostStats stats() const;
    std::size_t connectedPeers() const;
    // Every PeerId this host hands out is below this (the peer limit, split over the threads).
    std::size_t peerCapacity() const;
    // The host's UDP socket (a file descriptor on POSIX), for waiting on many hosts at once with
    // poll(): a process with thousands of client hosts services only those with data waiting.
    // -1 for a host with network threads (their sockets are theirs alone).
    std::intptr_t nativeSocket() const;
    const HostConfig& config() const { return m_config; }
    // Client side, encrypted: the key the server of connection PEER proved it holds (from its
    // Connect event on). Nothing for a listening host's peers or a plain host.
    std::optional<KeyBytes> peerKey(PeerId peer) const;
    // Listening and encrypted: the public key this host offers.
    std::optional<KeyBytes> publicKey() const;

    struct Impl; // ENet state, defined in NetHost.cpp only

private:
    explicit NetHost(std::unique_ptr<Impl> impl, HostConfig config);
    std::unique_ptr<Impl> m_impl;
    HostConfig m_config;
};

} // namespace fg::net
