// NetHost's public calls and the inline host: ENet serviced on the caller's thread (clients, the
// embedded server, tests). Must not interpret payloads; messages are decoded above fg_net.
#include "engine/net/NetHost.h"

#include "engine/core/Log.h"
#include "engine/net/EnetSupport.h"
#include "engine/net/HostImpl.h"
#include "engine/net/SecurePeers.h"

#include <algorithm>
#include <chrono>
#include <fmt/format.h>

namespace fg::net {

namespace {

using namespace detail;

class InlineHost final : public NetHost::Impl {
public:
    InlineHost(ENetHost* host, HostConfig config, bool serverSide)
        : m_host(host), m_config(std::move(config)), m_counters(host->peerCount),
          m_secure(m_config, serverSide, host->peerCount), m_server(serverSide) {}
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
        ENetPacket* packet =
            SecurePeers::createPacket(m_secure.enabled(), bytes, packetFlags(channel));
        if (!packet || !m_secure.send(*peer, id, channel, packet)) return false;
        m_counters[id].bytesSent += bytes.size();
        return true;
    }

    // Waits up to timeoutMs for an event the application sees: key exchange packets and
    // dropped packets are handled here and the wait goes on.
    bool service(NetEvent& out, std::uint32_t timeoutMs) override {
        using Clock = std::chrono::steady_clock;
        const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
        guardPeers(*m_host, m_lastGuardMs);
        for (std::uint32_t wait = timeoutMs;;) {
            ENetEvent event{};
            if (enet_host_service(m_host, &event, wait) <= 0) return false;
            if (translate(event, out)) return true;
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            wait = std::uint32_t(std::max<std::int64_t>(0, left.count()));
        }
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
        HostStats stats{m_host->totalSentData, m_host->totalReceivedData, m_host->totalSentPackets,
                        m_host->totalReceivedPackets};
        m_secure.counters().addTo(stats);
        return stats;
    }
    std::size_t connectedPeers() const override { return m_host->connectedPeers; }
    std::size_t peerCapacity() const override { return m_host->peerCount; }
    std::intptr_t nativeSocket() const override { return std::intptr_t(m_host->socket); }
    std::optional<KeyBytes> peerKey(PeerId id) const override {
        if (m_server || id >= m_host->peerCount) return std::nullopt;
        return m_secure.serverKey(id);
    }

private:
    // One ENet event into OUT; false when the application has nothing to see.
    bool translate(ENetEvent& event, NetEvent& out) {
        out.peer = idOf(event.peer);
        out.channel = event.channelID;
        out.data = event.data;
        out.payload.clear(); // keeps its capacity: no allocation per event
        switch (event.type) {
        case ENET_EVENT_TYPE_CONNECT:
            out.type = NetEventType::Connect;
            applyTimeouts(*event.peer, m_config);
            m_counters[out.peer] = {};
            m_secure.connected(*event.peer, out.peer);
            return m_server || !m_secure.enabled(); // a client waits for the key exchange
        case ENET_EVENT_TYPE_DISCONNECT:
            out.type = NetEventType::Disconnect;
            m_secure.gone(out.peer);
            return true;
        case ENET_EVENT_TYPE_RECEIVE: {
            const bool wasOpen = m_server || m_secure.established(out.peer);
            const bool delivered = receive(event, out, wasOpen);
            enet_packet_destroy(event.packet);
            return delivered;
        }
        default:
            return false;
        }
    }

    bool receive(ENetEvent& event, NetEvent& out, bool wasOpen) {
        std::span<const std::uint8_t> plain;
        switch (m_secure.receive(*event.peer, out.peer, out.channel, *event.packet, plain)) {
        case SecurePeers::Verdict::Deliver:
            out.type = NetEventType::Receive;
            out.payload.assign(plain.begin(), plain.end());
            m_counters[out.peer].bytesReceived += plain.size();
            return true;
        case SecurePeers::Verdict::Established:
            out.type = NetEventType::Connect;
            return true;
        case SecurePeers::Verdict::Disconnected:
            // disconnect_now raises no event of its own; the application still has to know.
            m_secure.gone(out.peer);
            out.type = NetEventType::Disconnect;
            out.data = wasOpen ? m_config.securityFaultReason : kDisconnectKeyProof;
            return true;
        default:
            return false;
        }
    }

    ENetPeer* live(PeerId id) const {
        if (id >= m_host->peerCount) return nullptr;
        ENetPeer* p = &m_host->peers[id];
        return isLive(*p) ? p : nullptr;
    }
    PeerId idOf(const ENetPeer* p) const { return PeerId(p - m_host->peers); }

    ENetHost* m_host;
    HostConfig m_config;
    std::vector<PeerStats> m_counters; // by peer slot
    SecurePeers m_secure;
    bool m_server;                 // listening: answers key offers; else makes them
    enet_uint32 m_lastGuardMs = 0; // ENet time of the last guardPeers pass
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
    return std::unique_ptr<NetHost::Impl>(new InlineHost(*host, config, bind));
}

} // namespace

NetHost::NetHost(std::unique_ptr<Impl> impl, HostConfig config)
    : m_impl(std::move(impl)), m_config(std::move(config)) {}

NetHost::~NetHost() = default;

Result<std::unique_ptr<NetHost>> NetHost::listen(const HostConfig& given) {
    HostConfig config = given;
    if (config.security == Security::Encrypted && !config.serverKey)
        config.serverKey = std::make_shared<const ServerKeyPair>(generateServerKey());
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
std::optional<KeyBytes> NetHost::peerKey(PeerId peer) const {
    return m_impl->peerKey(peer);
}
std::optional<KeyBytes> NetHost::publicKey() const {
    if (m_config.security != Security::Encrypted || !m_config.serverKey) return std::nullopt;
    return m_config.serverKey->publicKey;
}

} // namespace fg::net
