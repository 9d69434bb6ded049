// Stage benchmark: a real ServerApp on 127.0.0.1 with N bots attending one live session (seats,
// then overflow) and an organiser paging its slides; how fast and at what cost a page reaches all.
#pragma once

#include "engine/core/Result.h"
#include "tools/bot/BotCrowd.h"

#include <cstdint>

namespace fg::bench {

struct StageOptions {
    double seconds = 10;          // the measured window: a quiet half, then a paging half
    double pagesPerSecond = 2;    // page changes in the paging half
    double settleSeconds = 3;     // after the last connection starts, before the window opens
    std::uint32_t capacity = 500; // seats in the venue; the rest watch from the overflow
    std::uint32_t tickRate = 20;
};

struct StageResult {
    std::uint32_t visitors = 0;
    bot::BotReport bots;
    std::uint32_t pages = 0;                // page changes the presenter sent
    std::uint64_t delivered = 0;            // (page, attendee) pairs that arrived
    std::uint64_t expected = 0;             // pages x attendees at the end
    double p50Ms = 0, p99Ms = 0, maxMs = 0; // page sent -> attendee shown it
    double quietCpuPercent = 0;             // server thread, quiet half
    double pagingCpuPercent = 0;            // server thread, paging half
    double cpuUsPerPageChange = 0;          // (paging - quiet CPU) / pages
    std::size_t updateBytes = 0;            // one encoded StageUpdate (payload per attendee)
};

Result<StageResult> runStageBench(std::uint32_t visitors, const StageOptions& options);

} // namespace fg::bench
