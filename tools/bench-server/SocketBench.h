// Socket benchmark: a real ServerApp on 127.0.0.1 in its own thread and N bot visitors (real
// ENet connections) in this process. Prints figures; asserts nothing.
#pragma once

#include "tools/bot/BotCrowd.h"

#include <cstdint>

namespace fg::bench {

struct SocketResult {
    std::uint32_t visitors = 0;
    double serverTickP50Ms = 0, serverTickP99Ms = 0;
    double serverCpuPercent = 0; // server thread CPU time / wall time
    bot::BotReport bots;
};

struct SocketOptions {
    double seconds = 15;
    std::uint32_t tickRate = 20;
    std::uint32_t botThreads = 0; // 0: BotCrowd's default (one per 500 bots)
    int serverCpu = -1;           // >= 0: pin the server thread there and the bots elsewhere
    // Nice values (Linux, per thread; negative needs CAP_SYS_NICE): on a shared box the server
    // thread must win the CPU over its own load generators to be measured at all.
    int serverNice = 0;
    int botNice = 0;
    double botPollMs = 10; // BotConfig::pollMs
};

Result<SocketResult> runSocketBench(std::uint32_t visitors, const SocketOptions& options);

} // namespace fg::bench
