// One network thread of a sharded NetHost: an ENet host bound with SO_REUSEPORT, serviced only
// by its own thread; commands come in through an outbox, events go out through the shared Inbox.
// Internal to fg_net. Must not touch another shard's host or interpret payloads.
#pragma once

#include "engine/net/EnetSupport.h"
#include "engine/net/SecurePeers.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace fg::net::detail {

// An event on its way from a shard thread to the thread calling NetHost::service.
struct InboundEvent {
    NetEventType type = NetEventType::Receive;
    std::uint8_t channel = 0;
    PeerId peer = kNoPeer;        // host-wide id (shard's first id + slot)
    std::uint32_t data = 0;       // connect/disconnect user data
    std::uint32_t generation = 0; // which connection of the slot the event belongs to
    ENetAddress address{};        // Connect only
    ENetPacket* packet = nullptr; // Receive only; the receiving thread copies and destroys it
    std::uint32_t offset = 0;     // Receive only: the message's bytes in packet (opened in place)
    std::uint32_t length = 0;
};

// Every shard's events for the application thread, in arrival order per shard.
class Inbox {
public:
    ~Inbox();
    void push(std::vector<InboundEvent>& batch);
    // Moves every queued event into `out` (empty on entry), waiting until `deadline` for one.
    bool take(std::vector<InboundEvent>& out, std::chrono::steady_clock::time_point deadline);

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::vector<InboundEvent> m_events;
};

// A command from the application thread, applied by the shard thread before its next pass.
struct OutCommand {
    enum class Kind : std::uint8_t { Send, Disconnect, DisconnectNow };
    Kind kind = Kind::Send;
    std::uint8_t channel = 0;
    std::uint32_t slot = 0;
    std::uint32_t generation = 0;
    std::uint32_t data = 0;       // disconnect reason
    ENetPacket* packet = nullptr; // Send only
};

struct ShardSetup {
    HostConfig config;
    std::size_t slots = 0;
    PeerId firstPeer = 0;
    std::uint16_t port = 0;
    Inbox* inbox = nullptr;
};

class NetShard {
public:
    static Result<std::unique_ptr<NetShard>> create(const ShardSetup& setup);
    ~NetShard(); // applies the commands posted so far, sends them, stops the thread
    NetShard(const NetShard&) = delete;
    NetShard& operator=(const NetShard&) = delete;

    // Appends the commands (clearing `commands`) and wakes the thread.
    void post(std::vector<OutCommand>& commands);
    // Runs f(ENetPeer&) under the host lock if SLOT still holds connection GENERATION.
    template <typename F>
    void withPeer(std::uint32_t slot, std::uint32_t generation, F&& f) {
        std::lock_guard lock(m_hostMutex);
        if (slot >= m_generation.size() || m_generation[slot] != generation) return;
        ENetPeer& peer = m_host->peers[slot];
        if (isLive(peer)) f(peer);
    }

    std::uint16_t port() const { return m_port; }
    HostStats stats() const;
    std::size_t connectedPeers() const { return m_connected.load(std::memory_order_relaxed); }
    double cpuSeconds() const;
    PeerId firstPeer() const { return m_setup.firstPeer; }

private:
    explicit NetShard(const ShardSetup& setup)
        : m_setup(setup), m_secure(setup.config, true, setup.slots) {}
    void run();
    void pass();
    void applyCommands();
    void apply(const OutCommand& command);
    void collectEvent(ENetEvent& event);
    bool receive(ENetEvent& event, std::uint32_t slot, InboundEvent& out);
    void publishCounters();
    void waitForWork(int timeoutMs);

    ShardSetup m_setup;
    ENetHost* m_host = nullptr;
    std::uint16_t m_port = 0;
    int m_wakeFd = -1;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};

    std::mutex m_hostMutex; // the ENet host and m_generation: the shard thread, or withPeer
    std::vector<std::uint32_t> m_generation; // by slot, bumped at each Connect
    SecurePeers m_secure; // encryption, on this thread: the tick thread never seals or opens
    enet_uint32 m_lastGuardMs = 0;

    std::mutex m_outMutex;
    std::vector<OutCommand> m_outbox;
    std::vector<OutCommand> m_applying;   // shard thread only
    std::vector<InboundEvent> m_outgoing; // shard thread only: events of the current pass

    std::atomic<std::uint64_t> m_bytesSent{0}, m_bytesReceived{0};
    std::atomic<std::uint64_t> m_packetsSent{0}, m_packetsReceived{0};
    std::atomic<std::size_t> m_connected{0};
    std::atomic<std::uint64_t> m_cpuNanos{0};
};

} // namespace fg::net::detail
