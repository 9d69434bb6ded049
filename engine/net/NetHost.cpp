// The only file that includes enet.h: maps ENet hosts, peers and events to fg::net types.
// Must not interpret payloads; messages are decoded by the protocol layer above.
#include "engine/net/NetHost.h"

#include "engine/core/Log.h"

#include <algorithm>
#include <enet/enet.h>
#include <enet/time.h>
#include <fmt/format.h>
#include <mutex>

namespace fg::net {

namespace {

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

enet_uint32 packetFlags(std::uint8_t channel) {
    return channel == kChannelPresence ? 0u : enet_uint32(ENET_PACKET_FLAG_RELIABLE);
}

// ENet gives up on a command once its doubled timeout reaches timeoutLimit x its first timeout;
// a limit this high never binds (timeouts are capped below, see guardRetransmissions), so a peer
// is dropped only by timeoutMaximum: no acknowledgement at all for that long.
constexpr enet_uint32 kTimeoutLimit = 1024;
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

} // namespace

struct NetHost::Impl {
    ENetHost* host = nullptr;
    std::vector<PeerStats> counters; // by peer slot
    enet_uint32 lastGuardMs = 0;     // ENet time of the last guardRetransmissions pass

    // Once per millisecond at most: a server services thousands of events per tick.
    void guardPeers() {
        const enet_uint32 now = enet_time_get();
        if (now == lastGuardMs) return;
        lastGuardMs = now;
        for (std::size_t i = 0; i < host->peerCount; ++i)
            if (host->peers[i].state == ENET_PEER_STATE_CONNECTED ||
                host->peers[i].state == ENET_PEER_STATE_DISCONNECT_LATER)
                guardRetransmissions(host->peers[i]);
    }

    ~Impl() {
        if (host) enet_host_destroy(host);
    }
    ENetPeer* peer(PeerId id) const {
        if (!host || id >= host->peerCount) return nullptr;
        ENetPeer* p = &host->peers[id];
        if (p->state == ENET_PEER_STATE_DISCONNECTED || p->state == ENET_PEER_STATE_ZOMBIE)
            return nullptr;
        return p;
    }
    PeerId idOf(const ENetPeer* p) const { return PeerId(p - host->peers); }
};

NetHost::NetHost(std::unique_ptr<Impl> impl, HostConfig config)
    : m_impl(std::move(impl)), m_config(std::move(config)) {}

NetHost::~NetHost() = default;

static Result<std::unique_ptr<NetHost::Impl>> createHost(const HostConfig& config, bool bind) {
    if (auto st = initEnetOnce(); !st) return st.error();
    ENetAddress address{};
    if (bind) {
        if (enet_address_set_host_ip(&address, config.bindAddress.c_str()) != 0)
            return makeError(fmt::format("ENet: bad bind address '{}'", config.bindAddress));
        address.port = config.port;
    }
    std::size_t peers = std::clamp<std::size_t>(config.peerLimit, 1, kEnetMaxPeers);
    ENetHost* host = enet_host_create(bind ? &address : nullptr, peers, kChannelCount,
                                      config.incomingBandwidth, config.outgoingBandwidth);
    if (!host)
        return makeError(fmt::format("ENet: cannot create host on {}:{} (port in use?)",
                                     config.bindAddress, config.port));
    host->checksum = enet_crc32;
    host->mtu =
        std::clamp<enet_uint32>(config.mtu, ENET_PROTOCOL_MINIMUM_MTU, ENET_PROTOCOL_MAXIMUM_MTU);
    // enet_host_create already gave every peer slot the default 1400; ENet copies host->mtu into
    // a slot only when it resets it after a disconnect, so without this the first connection of
    // each slot would ignore config.mtu.
    for (std::size_t i = 0; i < host->peerCount; ++i)
        host->peers[i].mtu = host->mtu;
    host->maximumPacketSize = config.maxPacketSize;
    auto impl = std::make_unique<NetHost::Impl>();
    impl->host = host;
    impl->counters.resize(peers);
    return impl;
}

Result<std::unique_ptr<NetHost>> NetHost::listen(const HostConfig& config) {
    auto impl = createHost(config, true);
    if (!impl) return impl.error();
    if (config.socketBufferBytes > 0) { // the kernel caps it at net.core.rmem_max / wmem_max
        const int bytes = int(std::min<std::uint32_t>(config.socketBufferBytes, 1u << 30));
        enet_socket_set_option((*impl)->host->socket, ENET_SOCKOPT_RCVBUF, bytes);
        enet_socket_set_option((*impl)->host->socket, ENET_SOCKOPT_SNDBUF, bytes);
    }
    return std::unique_ptr<NetHost>(new NetHost(std::move(*impl), config));
}

Result<std::unique_ptr<NetHost>> NetHost::client(const HostConfig& config) {
    auto impl = createHost(config, false);
    if (!impl) return impl.error();
    return std::unique_ptr<NetHost>(new NetHost(std::move(*impl), config));
}

Result<PeerId> NetHost::connect(const std::string& host, std::uint16_t port, std::uint32_t data) {
    ENetAddress address{};
    if (enet_address_set_host(&address, host.c_str()) != 0)
        return makeError(fmt::format("ENet: cannot resolve host '{}'", host));
    address.port = port;
    ENetPeer* peer = enet_host_connect(m_impl->host, &address, kChannelCount, data);
    if (!peer) return makeError("ENet: no free peer slot for a new connection");
    enet_peer_timeout(peer, kTimeoutLimit, m_config.timeoutMinMs, m_config.timeoutMaxMs);
    PeerId id = m_impl->idOf(peer);
    m_impl->counters[id] = {};
    return id;
}

bool NetHost::send(PeerId id, std::uint8_t channel, std::span<const std::uint8_t> bytes) {
    ENetPeer* peer = m_impl->peer(id);
    if (!peer || peer->state != ENET_PEER_STATE_CONNECTED || channel >= kChannelCount) return false;
    if (bytes.size() > m_config.maxPacketSize) return false;
    ENetPacket* packet = enet_packet_create(bytes.data(), bytes.size(), packetFlags(channel));
    if (!packet) return false;
    if (enet_peer_send(peer, channel, packet) != 0) {
        enet_packet_destroy(packet);
        return false;
    }
    m_impl->counters[id].bytesSent += bytes.size();
    return true;
}

bool NetHost::service(NetEvent& out, std::uint32_t timeoutMs) {
    ENetEvent event{};
    m_impl->guardPeers();
    int rc = enet_host_service(m_impl->host, &event, timeoutMs);
    if (rc <= 0) return false;
    out = NetEvent{};
    out.peer = m_impl->idOf(event.peer);
    out.channel = event.channelID;
    out.data = event.data;
    switch (event.type) {
    case ENET_EVENT_TYPE_CONNECT:
        out.type = NetEventType::Connect;
        enet_peer_timeout(event.peer, kTimeoutLimit, m_config.timeoutMinMs, m_config.timeoutMaxMs);
        m_impl->counters[out.peer] = {};
        break;
    case ENET_EVENT_TYPE_DISCONNECT:
        out.type = NetEventType::Disconnect;
        break;
    case ENET_EVENT_TYPE_RECEIVE:
        out.type = NetEventType::Receive;
        out.payload.assign(event.packet->data, event.packet->data + event.packet->dataLength);
        m_impl->counters[out.peer].bytesReceived += event.packet->dataLength;
        enet_packet_destroy(event.packet);
        break;
    default:
        return false;
    }
    return true;
}

void NetHost::flush() {
    enet_host_flush(m_impl->host);
}

void NetHost::disconnect(PeerId id, std::uint32_t reason, bool now) {
    ENetPeer* peer = m_impl->peer(id);
    if (!peer) return;
    if (now)
        enet_peer_disconnect_now(peer, reason);
    else
        enet_peer_disconnect_later(peer, reason);
}

std::uint16_t NetHost::port() const {
    // With port 0 the OS chose one at bind time; ENet's copy of the address still says 0.
    ENetAddress bound{};
    if (enet_socket_get_address(m_impl->host->socket, &bound) == 0) return bound.port;
    return m_impl->host->address.port;
}

PeerStats NetHost::peerStats(PeerId id) const {
    PeerStats stats;
    if (id < m_impl->counters.size()) stats = m_impl->counters[id];
    if (ENetPeer* peer = m_impl->peer(id)) {
        stats.rttMs = peer->roundTripTime;
        stats.rttVarianceMs = peer->roundTripTimeVariance;
        stats.packetLoss = float(peer->packetLoss) / float(ENET_PEER_PACKET_LOSS_SCALE);
    }
    return stats;
}

// Sums command payloads in ENet's two per-peer queues; each fragment is one command.
static std::size_t channelBytes(ENetList& list, std::uint8_t channel) {
    std::size_t bytes = 0;
    for (ENetListIterator it = enet_list_begin(&list); it != enet_list_end(&list);
         it = enet_list_next(it)) {
        const auto* command = reinterpret_cast<const ENetOutgoingCommand*>(it);
        if (command->command.header.channelID == channel) bytes += command->fragmentLength;
    }
    return bytes;
}

std::size_t NetHost::queuedBytes(PeerId id, std::uint8_t channel) const {
    ENetPeer* peer = m_impl->peer(id);
    if (!peer) return 0;
    return channelBytes(peer->outgoingCommands, channel) +
           channelBytes(peer->sentReliableCommands, channel);
}

std::string NetHost::peerAddress(PeerId id) const {
    ENetPeer* peer = m_impl->peer(id);
    if (!peer) return {};
    char text[64] = {};
    if (enet_address_get_host_ip(&peer->address, text, sizeof text) != 0) return {};
    return text;
}

HostStats NetHost::stats() const {
    const ENetHost* h = m_impl->host;
    return HostStats{h->totalSentData, h->totalReceivedData, h->totalSentPackets,
                     h->totalReceivedPackets};
}

std::intptr_t NetHost::nativeSocket() const {
    return std::intptr_t(m_impl->host->socket);
}

std::size_t NetHost::connectedPeers() const {
    return m_impl->host->connectedPeers;
}

} // namespace fg::net
