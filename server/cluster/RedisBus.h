// The Bus of cluster mode: topics published through Redis pub/sub to every process of the event,
// counters kept in Redis as one part per process. Local subscribers get local publications at
// once (as with InProcessBus) and other processes' at the next pump(). Must not know sessions,
// ENet or messages; Redis is reached only through engine/redis.
#pragma once

#include "engine/redis/RedisConnection.h"
#include "server/core/InProcessBus.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace fg::server {

struct RedisBusConfig {
    redis::RedisAddress address;
    std::string prefix = "fg"; // key and channel prefix: several events can share one Redis
    int timeoutMs = 250;       // a command's wait for its reply; a lost Redis costs one such wait
    std::string processInfo;   // what the directory says of this process ("host:port halls")
};

// What `cluster status` shows of the bus.
struct RedisBusHealth {
    bool connected = false;
    std::uint64_t published = 0, received = 0, reconnects = 0;
    std::string lastError;
};

class RedisBus final : public Bus {
public:
    // Fails when Redis cannot be reached at start (a later loss is survived: see pump()).
    static Result<std::unique_ptr<RedisBus>> open(RedisBusConfig config);
    ~RedisBus() override;

    void publish(std::string_view topic, std::span<const std::uint8_t> bytes) override;
    SubscriptionId subscribe(std::string topic, Handler handler) override;
    void unsubscribe(SubscriptionId id) override;
    std::int64_t add(std::string_view counter, std::int64_t delta) override;
    std::int64_t counter(std::string_view counter) const override;
    void pump() override;

    std::uint64_t processId() const { return m_processId; }
    const redis::RedisAddress& address() const { return m_config.address; }
    RedisBusHealth health() const;
    // Every live process's directory entry (processInfo), by process id.
    std::map<std::uint64_t, std::string> processes() const;
    // Each process's part of COUNTER, by process id (empty when Redis is out of reach).
    std::map<std::uint64_t, std::int64_t> parts(std::string_view counter) const;

private:
    struct Remote {
        std::string topic;
        std::vector<std::uint8_t> bytes;
    };
    explicit RedisBus(RedisBusConfig config);
    bool ensureConnected() const;
    bool drainPending() const;
    void lost(const Error& error) const;
    void restoreAfterReconnect() const;
    void heartbeat(double now);
    void reapDeadProcesses();
    void listen();
    bool listenOnce(redis::RedisConnection& connection);
    std::string key(std::string_view kind, std::string_view name) const;

    RedisBusConfig m_config;
    std::uint64_t m_processId = 0;
    InProcessBus m_local;
    // The command connection: used on the tick thread only (counter() is const, hence mutable).
    mutable std::optional<redis::RedisConnection> m_commands;
    mutable std::size_t m_pendingReplies = 0;
    mutable double m_nextReconnect = 0;
    mutable RedisBusHealth m_health;
    mutable bool m_everConnected = false;
    // This process's part of each counter: written again to Redis after a reconnect.
    std::map<std::string, std::int64_t, std::less<>> m_parts;
    double m_nextHeartbeat = 0;
    std::uint32_t m_heartbeats = 0;
    // Other processes' publications, from the listener thread to pump().
    std::mutex m_queueMutex;
    std::vector<Remote> m_queue;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_listening{false};
    std::thread m_listener;
};

} // namespace fg::server
