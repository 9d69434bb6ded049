// A shard's thread: waits on its socket and a wake-up eventfd, applies posted commands, runs one
// ENet receive/send pass and hands the events to the Inbox. Must not call back into the app.
#include "engine/net/NetShard.h"

#include <cerrno>
#include <ctime>
#include <fmt/format.h>
#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace fg::net::detail {

namespace {
// ENet's timers (acks are sent in the same pass; resends, pings, timeouts) need a pass this often
// when nothing arrives.
constexpr int kIdleWaitMs = 5;
// Passes at least this far apart: at 80,000 datagrams a second one pass per datagram would walk
// every peer slot for each; coalescing a millisecond's worth costs at most a millisecond.
constexpr std::chrono::microseconds kMinPassInterval{1000};
// The retransmission guard walks every slot; a capped resend waits at most this much longer.
constexpr enet_uint32 kGuardIntervalMs = 5;
// One ENet pass reads at most 256 datagrams; a few more while the socket still has some.
constexpr int kMaxReceiveRounds = 16;

bool socketReadable(ENetSocket socket) {
    pollfd fd{socket, POLLIN, 0};
    return poll(&fd, 1, 0) > 0 && (fd.revents & POLLIN) != 0;
}

std::uint64_t threadCpuNanos() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::uint64_t(ts.tv_sec) * 1000000000u + std::uint64_t(ts.tv_nsec);
}
} // namespace

Inbox::~Inbox() {
    for (InboundEvent& e : m_events)
        if (e.packet) enet_packet_destroy(e.packet);
}

void Inbox::push(std::vector<InboundEvent>& batch) {
    {
        std::lock_guard lock(m_mutex);
        if (m_events.empty())
            m_events.swap(batch);
        else
            m_events.insert(m_events.end(), batch.begin(), batch.end());
    }
    batch.clear();
    m_ready.notify_one();
}

bool Inbox::take(std::vector<InboundEvent>& out, std::chrono::steady_clock::time_point deadline) {
    std::unique_lock lock(m_mutex);
    if (m_events.empty() && !m_ready.wait_until(lock, deadline, [&] { return !m_events.empty(); }))
        return false;
    out.swap(m_events);
    return true;
}

Result<std::unique_ptr<NetShard>> NetShard::create(const ShardSetup& setup) {
    std::unique_ptr<NetShard> shard(new NetShard(setup));
    auto host = createEnetHost(setup.config, setup.slots, BindMode::SharedPort, setup.port);
    if (!host) return host.error();
    shard->m_host = *host;
    shard->m_port = boundPort(**host);
    shard->m_generation.assign(setup.slots, 0);
    shard->m_wakeFd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (shard->m_wakeFd < 0) return makeError("net: eventfd failed for a network thread");
    shard->m_thread = std::thread([s = shard.get()] { s->run(); });
    // Named for perf and top: "fg-net-0", "fg-net-1", ...
    const std::string name = fmt::format("fg-net-{}", setup.firstPeer / setup.slots);
    pthread_setname_np(shard->m_thread.native_handle(), name.c_str());
    return shard;
}

NetShard::~NetShard() {
    if (m_thread.joinable()) {
        m_stop.store(true, std::memory_order_release);
        const std::uint64_t one = 1;
        (void)!write(m_wakeFd, &one, sizeof one);
        m_thread.join();
    }
    for (OutCommand& c : m_outbox) // posted after the thread's last pass
        if (c.packet) enet_packet_destroy(c.packet);
    if (m_wakeFd >= 0) close(m_wakeFd);
    if (m_host) destroyEnetHost(m_host);
}

void NetShard::post(std::vector<OutCommand>& commands) {
    if (commands.empty()) return;
    {
        std::lock_guard lock(m_outMutex);
        if (m_outbox.empty())
            m_outbox.swap(commands);
        else
            m_outbox.insert(m_outbox.end(), commands.begin(), commands.end());
    }
    commands.clear();
    const std::uint64_t one = 1;
    (void)!write(m_wakeFd, &one, sizeof one);
}

void NetShard::run() {
    using Clock = std::chrono::steady_clock;
    for (;;) {
        waitForWork(kIdleWaitMs);
        const bool stopping = m_stop.load(std::memory_order_acquire);
        const Clock::time_point start = Clock::now();
        pass();
        if (stopping) return;
        std::this_thread::sleep_until(start + kMinPassInterval);
    }
}

void NetShard::waitForWork(int timeoutMs) {
    pollfd fds[2] = {{m_host->socket, POLLIN, 0}, {m_wakeFd, POLLIN, 0}};
    if (poll(fds, 2, timeoutMs) > 0 && (fds[1].revents & POLLIN)) {
        std::uint64_t count = 0;
        (void)!read(m_wakeFd, &count, sizeof count);
    }
}

void NetShard::pass() {
    {
        std::lock_guard lock(m_hostMutex);
        applyCommands();
        guardPeers(*m_host, m_lastGuardMs, kGuardIntervalMs);
        for (int round = 0; round < kMaxReceiveRounds; ++round) {
            // Each call sends, receives up to 256 datagrams and sends, then hands out the queued
            // events one per call. With an event structure a completed connection is CONNECTED
            // at once; without one it stays pending until dispatched, and ENet drops the reliable
            // packet that came in the same datagram as the connect's acknowledgement (a client's
            // first message: its KeyOffer), which then waits for a resend (0.5 s).
            ENetEvent event{};
            int rc = 0;
            while ((rc = enet_host_service(m_host, &event, 0)) > 0)
                collectEvent(event);
            if (rc < 0 || !socketReadable(m_host->socket)) break;
        }
        publishCounters();
    }
    if (!m_outgoing.empty()) m_setup.inbox->push(m_outgoing);
}

void NetShard::applyCommands() {
    {
        std::lock_guard lock(m_outMutex);
        m_applying.swap(m_outbox);
    }
    for (const OutCommand& c : m_applying)
        apply(c);
    m_applying.clear();
}

void NetShard::apply(const OutCommand& c) {
    ENetPeer* peer = c.slot < m_generation.size() && m_generation[c.slot] == c.generation
                         ? &m_host->peers[c.slot]
                         : nullptr;
    if (c.kind == OutCommand::Kind::Send) {
        if (!peer || peer->state != ENET_PEER_STATE_CONNECTED)
            enet_packet_destroy(c.packet);
        else
            m_secure.send(*peer, c.slot, c.channel, c.packet); // destroys it when not queued
        return;
    }
    if (!peer || !isLive(*peer)) return;
    if (c.kind == OutCommand::Kind::DisconnectNow)
        enet_peer_disconnect_now(peer, c.data);
    else
        enet_peer_disconnect_later(peer, c.data);
}

void NetShard::collectEvent(ENetEvent& event) {
    {
        const auto slot = std::uint32_t(event.peer - m_host->peers);
        InboundEvent out;
        out.peer = m_setup.firstPeer + slot;
        out.channel = event.channelID;
        out.data = event.data;
        switch (event.type) {
        case ENET_EVENT_TYPE_CONNECT:
            out.type = NetEventType::Connect;
            out.address = event.peer->address;
            ++m_generation[slot];
            applyTimeouts(*event.peer, m_setup.config);
            m_secure.connected(*event.peer, slot);
            break;
        case ENET_EVENT_TYPE_DISCONNECT:
            out.type = NetEventType::Disconnect;
            m_secure.gone(slot);
            break;
        case ENET_EVENT_TYPE_RECEIVE:
            if (!receive(event, slot, out)) return;
            break;
        default:
            return;
        }
        out.generation = m_generation[slot];
        m_outgoing.push_back(out);
    }
}

// Opens a received packet on this thread; false when the application has nothing to see (a key
// exchange packet, a dropped one). A peer dropped for its faults becomes a Disconnect event.
bool NetShard::receive(ENetEvent& event, std::uint32_t slot, InboundEvent& out) {
    std::span<const std::uint8_t> plain;
    const auto verdict = m_secure.receive(*event.peer, slot, event.channelID, *event.packet, plain);
    if (verdict == SecurePeers::Verdict::Deliver) {
        out.type = NetEventType::Receive;
        out.packet = event.packet;
        out.offset = std::uint32_t(plain.data() - event.packet->data);
        out.length = std::uint32_t(plain.size());
        return true;
    }
    enet_packet_destroy(event.packet);
    if (verdict != SecurePeers::Verdict::Disconnected) return false;
    m_secure.gone(slot);
    out.type = NetEventType::Disconnect;
    out.data = m_setup.config.securityFaultReason;
    return true;
}

void NetShard::publishCounters() {
    m_bytesSent.store(m_host->totalSentData, std::memory_order_relaxed);
    m_bytesReceived.store(m_host->totalReceivedData, std::memory_order_relaxed);
    m_packetsSent.store(m_host->totalSentPackets, std::memory_order_relaxed);
    m_packetsReceived.store(m_host->totalReceivedPackets, std::memory_order_relaxed);
    m_connected.store(m_host->connectedPeers, std::memory_order_relaxed);
    m_cpuNanos.store(threadCpuNanos(), std::memory_order_relaxed);
}

HostStats NetShard::stats() const {
    HostStats stats{m_bytesSent.load(std::memory_order_relaxed),
                    m_bytesReceived.load(std::memory_order_relaxed),
                    m_packetsSent.load(std::memory_order_relaxed),
                    m_packetsReceived.load(std::memory_order_relaxed)};
    m_secure.counters().addTo(stats);
    return stats;
}

double NetShard::cpuSeconds() const {
    return double(m_cpuNanos.load(std::memory_order_relaxed)) / 1e9;
}

} // namespace fg::net::detail
