// NetHost's public calls and the inline host: ENet serviced on the caller's thread (clients, the
// embedded server, tests). Must not interpret payloads; messages are decoded above fg_net.
#include "engine/net/NetHost.h"

#include "engine/core/Log.h"
#include "engine/net/EnetSupport.h"
#include "engine/net/HostImpl.h"

#include <algorithm>
#include <fmt/format.h>

namespace fg::net {

namespace {

using namespace detail;

class InlineHost final : public NetHost::Impl {
public:
    InlineHost(ENetHost* host, HostConfig config)
        : m_host(host), m_config(std::move(config)), m_counters(host->peerCount) {}
    ~InlineHost() override { destroyEnetHost(m_host); }

    Result<PeerId> connect(const std::string& host, std::uint16_t port,
                           std::uint32_t data) override {
        ENetAddress address{};
        if (enet_address_set_host(&address, host.c_str()) != 0)
            return makeError(fmt::format("ENet: cannot resolve host '{}'", host));
        address.port = port;
        ENetPeer* peer = enet_host_connect(m_host, &address, kChannelCount, data);
        if (!peer) return makeError("ENet: no free peer slot for a new connection");
        applyTimeouts(*peer, m_config);
        PeerId id = idOf(peer);
        m_counters[id] = {};
        return id;
    }

    bool send(PeerId id, std::uint8_t channel, std::span<const std::uint8_t> bytes) override {
        ENetPeer* peer = live(id);
        if (!peer || peer->state != ENET_PEER_STATE_CONNECTED || channel >= kChannelCount)
            return false;
        if (bytes.size() > m_config.maxPacketSize) return false;
        ENetPacket* packet = enet_packet_create(bytes.data(), bytes.size(), packetFlags(channel));
        if (!packet) return false;
        if (enet_peer_send(peer, channel, packet) != 0) {
            enet_packet_destroy(packet);
            return false;
        }
        m_counters[id].bytesSent += bytes.size();
        return true;
    }

    bool service(NetEvent& out, std::uint32_t timeoutMs) override {
        ENetEvent event{};
        guardPeers(*m_host, m_lastGuardMs);
        if (enet_host_service(m_host, &event, timeoutMs) <= 0) return false;
        out.peer = idOf(event.peer);
        out.channel = event.channelID;
        out.data = event.data;
        out.payload.clear(); // keeps its capacity: no allocation per event
        switch (event.type) {
        case ENET_EVENT_TYPE_CONNECT:
            out.type = NetEventType::Connect;
            applyTimeouts(*event.peer, m_config);
            m_counters[out.peer] = {};
            break;
        case ENET_EVENT_TYPE_DISCONNECT:
            out.type = NetEventType::Disconnect;
            break;
        case ENET_EVENT_TYPE_RECEIVE:
            out.type = NetEventType::Receive;
            out.payload.assign(event.packet->data, event.packet->data + event.packet->dataLength);
            m_counters[out.peer].bytesReceived += event.packet->dataLength;
            enet_packet_destroy(event.packet);
            break;
        default:
            return false;
        }
        return true;
    }

    void flush() override { enet_host_flush(m_host); }

    void disconnect(PeerId id, std::uint32_t reason, bool now) override {
        ENetPeer* peer = live(id);
        if (!peer) return;
        if (now)
            enet_peer_disconnect_now(peer, reason);
        else
            enet_peer_disconnect_later(peer, reason);
    }

    std::uint16_t port() const override { return boundPort(*m_host); }

    PeerStats peerStats(PeerId id) const override {
        PeerStats stats;
        if (id < m_counters.size()) stats = m_counters[id];
        if (ENetPeer* peer = live(id)) readPeerLink(*peer, stats);
        return stats;
    }

    std::size_t queuedBytes(PeerId id, std::uint8_t channel) const override {
        ENetPeer* peer = live(id);
        return peer ? queuedChannelBytes(*peer, channel) : 0;
    }

    std::string peerAddress(PeerId id) const override {
        ENetPeer* peer = live(id);
        if (!peer) return {};
        char text[64] = {};
        if (enet_address_get_host_ip(&peer->address, text, sizeof text) != 0) return {};
        return text;
    }

    HostStats stats() const override {
        return HostStats{m_host->totalSentData, m_host->totalReceivedData, m_host->totalSentPackets,
                         m_host->totalReceivedPackets, 0.0};
    }
    std::size_t connectedPeers() const override { return m_host->connectedPeers; }
    std::size_t peerCapacity() const override { return m_host->peerCount; }
    std::intptr_t nativeSocket() const override { return std::intptr_t(m_host->socket); }

private:
    ENetPeer* live(PeerId id) const {
        if (id >= m_host->peerCount) return nullptr;
        ENetPeer* p = &m_host->peers[id];
        return isLive(*p) ? p : nullptr;
    }
    PeerId idOf(const ENetPeer* p) const { return PeerId(p - m_host->peers); }

    ENetHost* m_host;
    HostConfig m_config;
    std::vector<PeerStats> m_counters; // by peer slot
    enet_uint32 m_lastGuardMs = 0;     // ENet time of the last guardPeers pass
};

Result<std::unique_ptr<NetHost::Impl>> createInline(const HostConfig& config, bool bind) {
    const std::size_t peers = std::clamp<std::size_t>(config.peerLimit, 1, kEnetMaxPeers);
    // A client sending from a chosen local address (port picked by the OS): loopback tests
    // stand for many senders with 127.0.0.x.
    const bool local = !bind && !config.clientBindAddress.empty();
    HostConfig chosen = config;
    if (local) chosen.bindAddress = config.clientBindAddress;
    auto host = createEnetHost(chosen, peers, bind || local ? BindMode::Exclusive : BindMode::None,
                               local ? std::uint16_t(0) : config.port);
    if (!host) return host.error();
    return std::unique_ptr<NetHost::Impl>(new InlineHost(*host, config));
}

} // namespace

NetHost::NetHost(std::unique_ptr<Impl> impl, HostConfig config)
    : m_impl(std::move(impl)), m_config(std::move(config)) {}

NetHost::~NetHost() = default;

Result<std::unique_ptr<NetHost>> NetHost::listen(const HostConfig& config) {
    auto impl = config.threads > 0 ? detail::createShardedHost(config) : createInline(config, true);
    if (!impl) return impl.error();
    return std::unique_ptr<NetHost>(new NetHost(std::move(*impl), config));
}

Result<std::unique_ptr<NetHost>> NetHost::client(const HostConfig& config) {
    HostConfig inlineConfig = config;
    inlineConfig.threads = 0; // a client's few peers do not need threads
    auto impl = createInline(inlineConfig, false);
    if (!impl) return impl.error();
    return std::unique_ptr<NetHost>(new NetHost(std::move(*impl), inlineConfig));
}

Result<PeerId> NetHost::connect(const std::string& host, std::uint16_t port, std::uint32_t data) {
    return m_impl->connect(host, port, data);
}
bool NetHost::send(PeerId peer, std::uint8_t channel, std::span<const std::uint8_t> bytes) {
    return m_impl->send(peer, channel, bytes);
}
bool NetHost::service(NetEvent& event, std::uint32_t timeoutMs) {
    return m_impl->service(event, timeoutMs);
}
void NetHost::flush() {
    m_impl->flush();
}
void NetHost::disconnect(PeerId peer, std::uint32_t reason, bool now) {
    m_impl->disconnect(peer, reason, now);
}
std::uint16_t NetHost::port() const {
    return m_impl->port();
}
PeerStats NetHost::peerStats(PeerId peer) const {
    return m_impl->peerStats(peer);
}
std::size_t NetHost::queuedBytes(PeerId peer, std::uint8_t channel) const {
    return m_impl->queuedBytes(peer, channel);
}
std::string NetHost::peerAddress(PeerId peer) const {
    return m_impl->peerAddress(peer);
}
HostStats NetHost::stats() const {
    return m_impl->stats();
}
std::size_t NetHost::connectedPeers() const {
    return m_impl->connectedPeers();
}
std::size_t NetHost::peerCapacity() const {
    return m_impl->peerCapacity();
}
std::intptr_t NetHost::nativeSocket() const {
    return m_impl->nativeSocket();
}

} // namespace fg::net
