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

Result<SocketResult> runSocketBench(std::uint32_t visitors, double seconds, std::uint32_t tickRate);

} // namespace fg::bench
