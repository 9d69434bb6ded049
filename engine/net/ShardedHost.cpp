// The sharded NetHost: N NetShard threads on one SO_REUSEPORT port; the application thread
// queues sends per shard and pops events from one Inbox. Must not touch a shard's ENet host
// except through NetShard::withPeer (its lock).
#include "engine/net/HostImpl.h"
#include "engine/net/NetShard.h"

#include <algorithm>
#include <fmt/format.h>

namespace fg::net::detail {

namespace {

// The most network threads a host starts; beyond the cores they only add wake-ups.
constexpr std::uint32_t kMaxThreads = 16;

// ENetPacket::freeCallback of every packet the application sends: runs on whichever thread
// destroys it (a shard thread after the send or acknowledgement, or the owner at shutdown).
void releaseLiveBytes(ENetPacket* packet) {
    static_cast<std::atomic<std::uint64_t>*>(packet->userData)
        ->fetch_sub(packet->dataLength, std::memory_order_relaxed);
}

class ShardedHost final : public NetHost::Impl {
public:
    explicit ShardedHost(HostConfig config) : m_config(std::move(config)) {}
    ~ShardedHost() override;
    Status start();

    Result<PeerId> connect(const std::string&, std::uint16_t, std::uint32_t) override {
        return makeError("net: a host with network threads only accepts connections");
    }
    bool send(PeerId id, std::uint8_t channel, std::span<const std::uint8_t> bytes) override;
    bool service(NetEvent& out, std::uint32_t timeoutMs) override;
    void flush() override;
    void disconnect(PeerId id, std::uint32_t reason, bool now) override;
    std::uint16_t port() const override { return m_shards.front()->port(); }
    PeerStats peerStats(PeerId id) const override;
    std::size_t queuedBytes(PeerId id, std::uint8_t channel) const override;
    std::string peerAddress(PeerId id) const override;
    HostStats stats() const override;
    std::size_t connectedPeers() const override;
    std::size_t peerCapacity() const override { return m_peers.size(); }
    std::intptr_t nativeSocket() const override { return -1; }
    std::optional<KeyBytes> peerKey(PeerId) const override { return std::nullopt; }

private:
    // What the application thread knows of each PeerId, from the events it has popped.
    struct AppPeer {
        std::uint32_t generation = 0;
        bool open = false;    // Connect popped, no Disconnect popped nor disconnect(now) called
        bool closing = false; // disconnect() called: no more sends
        ENetAddress address{};
        PeerStats counters;
    };
    bool deliver(InboundEvent& event, NetEvent& out);
    NetShard& shardOf(PeerId id) const { return *m_shards[m_peerShard[id]]; }
    std::uint32_t slotOf(PeerId id) const { return id - shardOf(id).firstPeer(); }
    const AppPeer* openPeer(PeerId id) const {
        return id < m_peers.size() && m_peers[id].open ? &m_peers[id] : nullptr;
    }

    HostConfig m_config;
    Inbox m_inbox; // declared before the shards: they push into it until they stop
    // Bytes of packets sent and still alive (queued, in flight or unacknowledged), by PeerId x
    // channel: each packet's free callback takes its bytes off when ENet lets go of it.
    std::unique_ptr<std::atomic<std::uint64_t>[]> m_liveBytes;
    std::vector<std::unique_ptr<NetShard>> m_shards;
    std::vector<std::uint8_t> m_peerShard;         // by PeerId
    std::vector<AppPeer> m_peers;                  // by PeerId
    std::vector<std::vector<OutCommand>> m_staged; // by shard, until flush/service
    std::vector<InboundEvent> m_ready;             // popped from the inbox, not yet delivered
    std::size_t m_readPos = 0;
};

ShardedHost::~ShardedHost() {
    flush();          // disconnects queued by the owner still go out
    m_shards.clear(); // each applies its outbox, sends, and joins
    for (std::size_t i = m_readPos; i < m_ready.size(); ++i)
        if (m_ready[i].packet) enet_packet_destroy(m_ready[i].packet);
}

Status ShardedHost::start() {
    const std::uint32_t threads = std::clamp<std::uint32_t>(m_config.threads, 1, kMaxThreads);
    const std::size_t limit = std::clamp<std::size_t>(m_config.peerLimit, threads, kEnetMaxPeers);
    // The kernel's hash never splits clients exactly evenly: with several shards each gets an
    // eighth more than its share, within ENet's ceiling for all of them together.
    std::size_t slots = (limit + threads - 1) / threads;
    if (threads > 1) slots = std::min<std::size_t>(slots + slots / 8 + 1, kEnetMaxPeers / threads);
    if (Status st = checkPortFree(m_config.bindAddress, m_config.port); !st) return st;
    const std::size_t capacity = slots * threads;
    m_liveBytes = std::make_unique<std::atomic<std::uint64_t>[]>(capacity * kChannelCount);
    m_peers.resize(capacity);
    m_peerShard.resize(capacity);
    m_staged.resize(threads);
    std::uint16_t port = m_config.port;
    for (std::uint32_t i = 0; i < threads; ++i) {
        ShardSetup setup{m_config, slots, PeerId(i * slots), port, &m_inbox};
        auto shard = NetShard::create(setup);
        if (!shard) return shard.error();
        port = (*shard)->port(); // port 0: every later shard joins the port the first one got
        m_shards.push_back(std::move(*shard));
        std::fill_n(m_peerShard.begin() + std::ptrdiff_t(i * slots), slots, std::uint8_t(i));
    }
    return {};
}

bool ShardedHost::send(PeerId id, std::uint8_t channel, std::span<const std::uint8_t> bytes) {
    if (id >= m_peers.size() || channel >= kChannelCount) return false;
    AppPeer& peer = m_peers[id];
    if (!peer.open || peer.closing || bytes.size() > m_config.maxPacketSize) return false;
    // Room for the seal only: the network thread seals it, the tick thread only copies.
    ENetPacket* packet = SecurePeers::createPacket(m_config.security == Security::Encrypted, bytes,
                                                   packetFlags(channel));
    if (!packet) return false;
    std::atomic<std::uint64_t>& live = m_liveBytes[std::size_t(id) * kChannelCount + channel];
    live.fetch_add(packet->dataLength, std::memory_order_relaxed);
    packet->userData = &live;
    packet->freeCallback = releaseLiveBytes;
    m_staged[m_peerShard[id]].push_back(
        {OutCommand::Kind::Send, channel, slotOf(id), peer.generation, 0, packet});
    peer.counters.bytesSent += bytes.size();
    return true;
}

void ShardedHost::disconnect(PeerId id, std::uint32_t reason, bool now) {
    if (id >= m_peers.size() || !m_peers[id].open) return;
    AppPeer& peer = m_peers[id];
    const auto kind = now ? OutCommand::Kind::DisconnectNow : OutCommand::Kind::Disconnect;
    m_staged[m_peerShard[id]].push_back({kind, 0, slotOf(id), peer.generation, reason, nullptr});
    // As with ENet's own disconnect_now, no Disconnect event follows; later ones of this
    // connection are dropped by deliver().
    if (now) peer.open = false;
    peer.closing = true;
}

void ShardedHost::flush() {
    for (std::size_t i = 0; i < m_shards.size(); ++i)
        m_shards[i]->post(m_staged[i]);
}

bool ShardedHost::service(NetEvent& out, std::uint32_t timeoutMs) {
    flush();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        while (m_readPos < m_ready.size())
            if (deliver(m_ready[m_readPos++], out)) return true;
        m_ready.clear();
        m_readPos = 0;
        if (!m_inbox.take(m_ready, deadline)) return false;
    }
}

bool ShardedHost::deliver(InboundEvent& e, NetEvent& out) {
    AppPeer& peer = m_peers[e.peer];
    const bool current = peer.open && peer.generation == e.generation;
    switch (e.type) {
    case NetEventType::Connect:
        peer = AppPeer{e.generation, true, false, e.address, {}};
        break;
    case NetEventType::Disconnect:
        if (!current) return false;
        peer.open = false;
        break;
    case NetEventType::Receive:
        if (current) {
            out.payload.assign(e.packet->data + e.offset, e.packet->data + e.offset + e.length);
            peer.counters.bytesReceived += e.length;
        }
        enet_packet_destroy(e.packet); // allocated by the shard; malloc'ed, any thread frees it
        e.packet = nullptr;
        if (!current) return false;
        break;
    }
    if (e.type != NetEventType::Receive) out.payload.clear();
    out.type = e.type;
    out.peer = e.peer;
    out.channel = e.channel;
    out.data = e.data;
    return true;
}

PeerStats ShardedHost::peerStats(PeerId id) const {
    const AppPeer* peer = openPeer(id);
    if (!peer) return id < m_peers.size() ? m_peers[id].counters : PeerStats{};
    PeerStats stats = peer->counters;
    shardOf(id).withPeer(slotOf(id), peer->generation,
                         [&](ENetPeer& p) { readPeerLink(p, stats); });
    return stats;
}

// ENet destroys a reliable packet once every fragment is acknowledged (an unreliable one once
// sent), and every packet of a connection when it resets: the counter is exactly the bytes of
// CHANNEL's messages not yet delivered, read without the shard's lock (the content pump asks
// for every downloading peer on every step).
std::size_t ShardedHost::queuedBytes(PeerId id, std::uint8_t channel) const {
    if (!openPeer(id) || channel >= kChannelCount) return 0;
    return std::size_t(
        m_liveBytes[std::size_t(id) * kChannelCount + channel].load(std::memory_order_relaxed));
}

std::string ShardedHost::peerAddress(PeerId id) const {
    const AppPeer* peer = openPeer(id);
    if (!peer) return {};
    char text[64] = {};
    if (enet_address_get_host_ip(&peer->address, text, sizeof text) != 0) return {};
    return text;
}

HostStats ShardedHost::stats() const {
    HostStats total;
    for (const auto& shard : m_shards) {
        const HostStats s = shard->stats();
        total.bytesSent += s.bytesSent;
        total.bytesReceived += s.bytesReceived;
        total.packetsSent += s.packetsSent;
        total.packetsReceived += s.packetsReceived;
        total.secureSessions += s.secureSessions;
        total.forgedPackets += s.forgedPackets;
        total.replayedPackets += s.replayedPackets;
        total.malformedPackets += s.malformedPackets;
        total.securityDisconnects += s.securityDisconnects;
        total.netThreadCpuSeconds += shard->cpuSeconds();
    }
    return total;
}

std::size_t ShardedHost::connectedPeers() const {
    std::size_t n = 0;
    for (const auto& shard : m_shards)
        n += shard->connectedPeers();
    return n;
}

} // namespace

Result<std::unique_ptr<NetHost::Impl>> createShardedHost(const HostConfig& config) {
    auto host = std::make_unique<ShardedHost>(config);
    if (Status st = host->start(); !st) return st.error();
    return std::unique_ptr<NetHost::Impl>(std::move(host));
}

} // namespace fg::net::detail
