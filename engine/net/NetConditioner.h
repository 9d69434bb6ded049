// Network conditioner: loss, latency, jitter, duplication and reordering applied to datagrams,
// plus a UDP relay that puts it between a client and a server in tests. Never used in production.
#pragma once

#include "engine/core/Result.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <vector>

namespace fg::net {

struct ConditionerConfig {
    float lossPercent = 0;      // each datagram dropped with this probability
    float latencyMs = 0;        // one-way base delay
    float jitterMs = 0;         // uniform extra delay in [0, jitterMs]
    float duplicatePercent = 0; // each kept datagram sent twice, each copy with its own delay
    float reorderPercent = 0;   // each kept datagram held back by an extra reorderDelayMs
    float reorderDelayMs = 30;
};

// Decides what happens to each datagram; deterministic for a given seed (tests rely on that).
class NetConditioner {
public:
    struct Datagram {
        double dueSeconds = 0;
        std::uint64_t order = 0;
        std::vector<std::uint8_t> bytes;
    };

    explicit NetConditioner(ConditionerConfig config = {}, std::uint32_t seed = 1);
    void setConfig(const ConditionerConfig& config) { m_config = config; }
    const ConditionerConfig& config() const { return m_config; }

    // Queues 0, 1 or 2 copies of `bytes` with their delivery times.
    void push(std::vector<std::uint8_t> bytes, double nowSeconds);
    // Moves every datagram due at `nowSeconds` into `out`, earliest first.
    void popDue(double nowSeconds, std::vector<std::vector<std::uint8_t>>& out);
    std::size_t pending() const { return m_queue.size(); }
    std::uint64_t dropped() const { return m_dropped; }
    std::uint64_t duplicated() const { return m_duplicated; }

private:
    double delaySeconds();
    bool chance(float percent);

    ConditionerConfig m_config;
    std::mt19937 m_rng;
    std::vector<Datagram> m_queue; // min-heap on (dueSeconds, order)
    std::uint64_t m_order = 0;
    std::uint64_t m_dropped = 0;
    std::uint64_t m_duplicated = 0;
};

// A UDP relay on 127.0.0.1: clients connect to port(); each client gets its own upstream socket
// to the target, and both directions pass through a NetConditioner. Runs on its own thread.
class ConditionerProxy {
public:
    static Result<std::unique_ptr<ConditionerProxy>>
    start(std::uint16_t targetPort, ConditionerConfig config, std::uint32_t seed = 1);
    ~ConditionerProxy();
    std::uint16_t port() const { return m_port; }
    std::uint64_t dropped() const { return m_dropped.load(); }
    // Largest datagram relayed so far, either direction (what a peer's MTU let through).
    std::size_t largestDatagram() const { return m_largest.load(); }
    // Datagrams received from clients so far, dropped ones included (each send or resend).
    std::uint64_t fromClients() const { return m_fromClients.load(); }
    // Applies to every datagram received from now on, both directions (e.g. an outage: 100 %
    // loss, then the old config again). Datagrams already queued keep their fate.
    void setConfig(const ConditionerConfig& config);
    // Sees (and may change) every datagram as it arrives, before the conditioner: a capture of
    // a session, or an attacker on the path. Runs on the relay's thread.
    using Tap = std::function<void(bool toServer, std::vector<std::uint8_t>& datagram)>;
    void setTap(Tap tap);

private:
    void tap(bool toServer, std::vector<std::uint8_t>& datagram);

    struct Impl;
    ConditionerProxy() = default;
    void run();
    void applyPendingConfig();

    std::unique_ptr<Impl> m_impl;
    std::uint16_t m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<std::uint64_t> m_dropped{0};
    std::atomic<std::size_t> m_largest{0};
    std::atomic<std::uint64_t> m_fromClients{0};
    std::mutex m_configMutex;
    std::optional<ConditionerConfig> m_pendingConfig; // guarded by m_configMutex
    Tap m_tap;                                        // guarded by m_configMutex
    std::thread m_thread;
};

} // namespace fg::net
