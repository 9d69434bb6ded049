// Socket benchmark: a real ServerApp on 127.0.0.1 in its own thread and N bot visitors (real
// ENet connections) in this process. Prints figures; asserts nothing.
#pragma once

#include "tools/bot/BotCrowd.h"

#include <cstdint>
#include <string>

namespace fg::bench {

// Figures of the steady-state window (everyone joined), except `bots.connected` and errors.
struct SocketResult {
    std::uint32_t visitors = 0;
    double rampSeconds = 0, windowSeconds = 0;
    double serverTickP50Ms = 0, serverTickP99Ms = 0; // ticks within the window
    double tickCpuPercent = 0;    // the server's tick thread: CPU time / wall time
    std::uint32_t netThreads = 0; // the server's network threads (0: the tick thread does it)
    double netCpuPercent = 0;     // all network threads together, of one core
    double processCpuPercent = 0; // the whole process (server, bots, this harness), of one core
    bot::BotReport bots;
    // Who ran out of time in the window: "server tick", "server net", "bots", "box"; empty: nobody.
    std::string fellBehind(std::uint32_t tickRate) const;
};

struct SocketOptions {
    double seconds = 10;      // the steady-state window, after the ramp and the settling time
    double rampSeconds = -1;  // connections spread over this; < 0: max(2, visitors / 400)
    double settleSeconds = 3; // after the last connection starts, before the window opens
    std::uint32_t tickRate = 20;
    std::uint32_t netThreads = 0; // ServerConfig's network threads
    std::uint32_t botThreads = 0; // 0: BotCrowd's default (one per 500 bots)
    bool botPoll = true;          // BotConfig::pollSockets
    int serverCpu = -1;           // >= 0: pin the server thread there and the bots elsewhere
    // Nice values (Linux, per thread; negative needs CAP_SYS_NICE): on a shared box the server
    // thread must win the CPU over its own load generators to be measured at all.
    int serverNice = 0;
    int botNice = 0;
    double botPollMs = 5; // BotConfig::pollMs
    bool encrypt = true;  // false: server and bots with plain ENet packets (the "before")
};

Result<SocketResult> runSocketBench(std::uint32_t visitors, const SocketOptions& options);

} // namespace fg::bench
