// ENet helpers shared by the inline host and the shard threads: creation, checksum, guard.
// Keeps no state but the connect gates by host; every function works on the ENet objects given.
#include "engine/net/EnetSupport.h"

#include "engine/core/Time.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cstdlib>
#include <enet/time.h>
#include <fmt/format.h>
#include <memory>
#include <mutex>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <unordered_map>
#include <zlib.h>

namespace fg::net::detail {

Status initEnetOnce() {
    static std::once_flag once;
    static int result = 0;
    std::call_once(once, [] {
        result = enet_initialize();
        if (result == 0) std::atexit(enet_deinitialize);
    });
    if (result != 0) return makeError("ENet: enet_initialize failed");
    return {};
}

enet_uint32 fastChecksum(const ENetBuffer* buffers, std::size_t bufferCount) {
    uLong crc = crc32_z(0L, Z_NULL, 0);
    for (std::size_t i = 0; i < bufferCount; ++i)
        crc = crc32_z(crc, static_cast<const Bytef*>(buffers[i].data), buffers[i].dataLength);
    return ENET_HOST_TO_NET_32(enet_uint32(crc));
}

enet_uint32 packetFlags(std::uint8_t channel) {
    const bool unreliable = channel == kChannelPresence || channel == kChannelVoice;
    return unreliable ? 0u : enet_uint32(ENET_PACKET_FLAG_RELIABLE);
}

namespace {

// Ceiling of one command's retransmission timeout: at least this, or 4x the peer's base timeout.
constexpr enet_uint32 kRetransmitCeilingMs = 1000;

// ENet 1.3.17 arms one retransmission timer per peer, from the OLDEST command in flight
// (peer->nextTimeout = front's sentTime + its timeout). After a few losses that command's timeout
// has doubled to seconds, and every other lost reliable command waits behind it although its own
// timeout expired long ago: the channel stalls, and when the old command finally expires at its
// limit ENet disconnects a link that works. Each pass caps every timeout and re-arms the peer's
// timer at the earliest command due; ENet's own check then resends only expired commands.
void guardRetransmissions(ENetPeer& peer) {
    if (enet_list_empty(&peer.sentReliableCommands)) return;
    const enet_uint32 ceiling =
        std::max(kRetransmitCeilingMs, 4 * (peer.roundTripTime + 4 * peer.roundTripTimeVariance));
    bool first = true;
    enet_uint32 earliest = 0;
    for (ENetListIterator it = enet_list_begin(&peer.sentReliableCommands);
         it != enet_list_end(&peer.sentReliableCommands); it = enet_list_next(it)) {
        auto* command = reinterpret_cast<ENetOutgoingCommand*>(it);
        // Stay under the command's give-up limit too (its first timeout may have been tiny).
        const enet_uint32 limit = std::max<enet_uint32>(command->roundTripTimeoutLimit, 2) - 1;
        command->roundTripTimeout = std::min({command->roundTripTimeout, ceiling, limit});
        const enet_uint32 due = command->sentTime + command->roundTripTimeout;
        if (first || ENET_TIME_LESS(due, earliest)) earliest = due;
        first = false;
    }
    peer.nextTimeout = earliest;
}

Status parseAddress(const std::string& text, std::uint16_t port, ENetAddress& address) {
    if (enet_address_set_host_ip(&address, text.c_str()) != 0)
        return makeError(fmt::format("ENet: bad bind address '{}'", text));
    address.port = port;
    return {};
}

// SO_REUSEPORT before bind: the kernel then spreads datagrams over every socket of the group by
// a hash of the sender's address, so one client always reaches the same shard.
bool bindShared(ENetSocket socket, const ENetAddress& address) {
    int one = 1;
    if (setsockopt(socket, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) != 0) return false;
    return enet_socket_bind(socket, &address) == 0;
}

// Connect gates by host: looked up only for connection attempts (under a lock, off the hot path;
// ENetHost has no user pointer of its own).
std::mutex g_gatesMutex;
std::unordered_map<const ENetHost*, std::shared_ptr<ConnectGate>> g_gates;

// Whether a received datagram is a connection attempt: sent to no peer yet (the maximum peer id)
// and starting with a CONNECT command. Layout: ENetProtocolHeader (peer id with flags, then the
// sent time when flagged), the checksum when the host uses one, then the command header.
bool isConnectAttempt(const ENetHost& host) {
    const auto* data = static_cast<const enet_uint8*>(host.receivedData);
    const std::size_t size = host.receivedDataLength;
    if (data == nullptr || size < 2) return false;
    const enet_uint16 peerId = enet_uint16(data[0] << 8 | data[1]);
    if (peerId & ENET_PROTOCOL_HEADER_FLAG_COMPRESSED) return false; // dropped: no compressor
    if ((peerId & ENET_PROTOCOL_MAXIMUM_PEER_ID) != ENET_PROTOCOL_MAXIMUM_PEER_ID) return false;
    std::size_t header = (peerId & ENET_PROTOCOL_HEADER_FLAG_SENT_TIME) ? 4 : 2;
    if (host.checksum != nullptr) header += sizeof(enet_uint32);
    if (size < header + sizeof(ENetProtocolCommandHeader)) return false;
    return (data[header] & ENET_PROTOCOL_COMMAND_MASK) == ENET_PROTOCOL_COMMAND_CONNECT;
}

// ENet's intercept hook: 1 drops the datagram unanswered (the sender retries as after a loss).
int ENET_CALLBACK gateConnects(ENetHost* host, ENetEvent*) {
    if (!isConnectAttempt(*host)) return 0;
    std::shared_ptr<ConnectGate> gate;
    {
        std::lock_guard lock(g_gatesMutex);
        auto it = g_gates.find(host);
        if (it == g_gates.end()) return 0;
        gate = it->second;
    }
    std::uint32_t live = 0;
    for (std::size_t i = 0; i < host->peerCount; ++i)
        if (isLive(host->peers[i]) && host->peers[i].address.host == host->receivedAddress.host)
            ++live;
    return gate->admit(host->receivedAddress.host, monotonicSeconds(), live) ==
                   ConnectVerdict::Admit
               ? 0
               : 1;
}

} // namespace

Status checkPortFree(const std::string& text, std::uint16_t port) {
    if (port == 0) return {};
    ENetAddress address{};
    if (Status st = parseAddress(text, port, address); !st) return st;
    ENetSocket probe = enet_socket_create(ENET_SOCKET_TYPE_DATAGRAM);
    if (probe == ENET_SOCKET_NULL) return makeError("ENet: cannot create a UDP socket");
    const bool free = enet_socket_bind(probe, &address) == 0;
    enet_socket_destroy(probe);
    if (!free) return makeError(fmt::format("ENet: {}:{} is in use", text, port));
    return {};
}

Result<ENetHost*> createEnetHost(const HostConfig& config, std::size_t peers, BindMode mode,
                                 std::uint16_t port) {
    if (auto st = initEnetOnce(); !st) return st.error();
    ENetAddress address{};
    if (mode != BindMode::None)
        if (Status st = parseAddress(config.bindAddress, port, address); !st) return st.error();
    ENetHost* host =
        enet_host_create(mode == BindMode::Exclusive ? &address : nullptr, peers, kChannelCount,
                         config.incomingBandwidth, config.outgoingBandwidth);
    if (host && mode == BindMode::SharedPort && !bindShared(host->socket, address)) {
        enet_host_destroy(host);
        host = nullptr;
    }
    if (!host)
        return makeError(fmt::format("ENet: cannot create host on {}:{} (port in use?)",
                                     config.bindAddress, port));
    if (mode == BindMode::SharedPort) host->address = address;
    host->checksum = fastChecksum;
    host->mtu =
        std::clamp<enet_uint32>(config.mtu, ENET_PROTOCOL_MINIMUM_MTU, ENET_PROTOCOL_MAXIMUM_MTU);
    // enet_host_create already gave every peer slot the default 1400; ENet copies host->mtu into
    // a slot only when it resets it after a disconnect, so without this the first connection of
    // each slot would ignore config.mtu.
    for (std::size_t i = 0; i < host->peerCount; ++i)
        host->peers[i].mtu = host->mtu;
    // A sealed message is the application's bytes plus the seal: the limit is the message's.
    host->maximumPacketSize =
        config.maxPacketSize + (config.security == Security::Encrypted ? kSealedOverhead : 0);
    if (mode != BindMode::None && config.socketBufferBytes > 0) {
        // The kernel caps these at net.core.rmem_max / wmem_max.
        const int bytes = int(std::min<std::uint32_t>(config.socketBufferBytes, 1u << 30));
        enet_socket_set_option(host->socket, ENET_SOCKOPT_RCVBUF, bytes);
        enet_socket_set_option(host->socket, ENET_SOCKOPT_SNDBUF, bytes);
    }
    if (mode != BindMode::None && config.connectGate) {
        std::lock_guard lock(g_gatesMutex);
        g_gates[host] = config.connectGate;
        host->intercept = gateConnects;
    }
    return host;
}

void destroyEnetHost(ENetHost* host) {
    if (host == nullptr) return;
    {
        std::lock_guard lock(g_gatesMutex);
        g_gates.erase(host);
    }
    enet_host_destroy(host);
}

void guardPeers(ENetHost& host, enet_uint32& lastMs, enet_uint32 intervalMs) {
    const enet_uint32 now = enet_time_get();
    if (ENET_TIME_DIFFERENCE(now, lastMs) < intervalMs) return;
    lastMs = now;
    for (std::size_t i = 0; i < host.peerCount; ++i)
        if (host.peers[i].state == ENET_PEER_STATE_CONNECTED ||
            host.peers[i].state == ENET_PEER_STATE_DISCONNECT_LATER)
            guardRetransmissions(host.peers[i]);
}

// Sums command payloads in one of ENet's per-peer queues; each fragment is one command.
static std::size_t channelBytes(ENetList& list, std::uint8_t channel) {
    std::size_t bytes = 0;
    for (ENetListIterator it = enet_list_begin(&list); it != enet_list_end(&list);
         it = enet_list_next(it)) {
        const auto* command = reinterpret_cast<const ENetOutgoingCommand*>(it);
        if (command->command.header.channelID == channel) bytes += command->fragmentLength;
    }
    return bytes;
}

std::size_t queuedChannelBytes(ENetPeer& peer, std::uint8_t channel) {
    return channelBytes(peer.outgoingCommands, channel) +
           channelBytes(peer.sentReliableCommands, channel);
}

void readPeerLink(const ENetPeer& peer, PeerStats& stats) {
    stats.rttMs = peer.roundTripTime;
    stats.rttVarianceMs = peer.roundTripTimeVariance;
    stats.packetLoss = float(peer.packetLoss) / float(ENET_PEER_PACKET_LOSS_SCALE);
}

std::uint16_t boundPort(const ENetHost& host) {
    // With port 0 the OS chose one at bind time; ENet's copy of the address still says 0.
    ENetAddress bound{};
    if (enet_socket_get_address(host.socket, &bound) == 0) return bound.port;
    return host.address.port;
}

bool isLive(const ENetPeer& peer) {
    return peer.state != ENET_PEER_STATE_DISCONNECTED && peer.state != ENET_PEER_STATE_ZOMBIE;
}

void applyTimeouts(ENetPeer& peer, const HostConfig& config) {
    enet_peer_timeout(&peer, kTimeoutLimit, config.timeoutMinMs, config.timeoutMaxMs);
}

} // namespace fg::net::detail
