// In-process presence benchmark: the server's tick work (input validation, grid, nearest-K
// views, delta snapshots, encoding) for N simulated visitors, no sockets; and the naive
// full-state float snapshot to everyone for comparison. Prints figures; asserts nothing.
#pragma once

#include <cstdint>
#include <string>

namespace fg::bench {

struct SimResult {
    std::uint32_t visitors = 0;
    double tickP50Ms = 0, tickP99Ms = 0;
    double cpuPercentOfOneCore = 0; // CPU time / (ticks * tick period)
    double downBytesPerSecond = 0;  // per visitor, message payload
    double upBytesPerSecond = 0;
    double avgInView = 0;
    double totalEgressBytesPerSecond = 0;
    // Naive full-state float snapshots to everyone.
    double naiveTickP50Ms = 0, naiveTickP99Ms = 0;
    double naiveDownBytesPerSecond = 0;
};

SimResult runSimBench(std::uint32_t visitors, std::uint32_t ticks, std::uint32_t tickRate,
                      std::uint32_t maxInView, std::uint32_t ackDelayTicks);

} // namespace fg::bench
