// Reveal benchmark: a real ServerApp on 127.0.0.1 with N bots connected and an organiser
// revealing award winners one category after another; how long until every bot has the winner.
#pragma once

#include "engine/core/Result.h"
#include "tools/bot/BotCrowd.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fg::bench {

struct RevealOptions {
    std::uint32_t categories = 5; // reveals, one per category (a category is revealed once)
    double gapSeconds = 1.0;      // between two reveals
    double settleSeconds = 3;     // after the last connection starts, before the first reveal
    std::uint32_t tickRate = 20;
};

struct RevealResult {
    std::uint32_t visitors = 0;
    bot::BotReport bots;
    std::uint32_t reveals = 0;              // AwardRevealRequests the organiser sent
    std::uint64_t delivered = 0;            // (reveal, bot) pairs whose winner arrived
    std::uint64_t expected = 0;             // reveals x bots connected
    double p50Ms = 0, p99Ms = 0, maxMs = 0; // request sent -> that bot has the winner
    double lastMsP50 = 0;                   // per reveal: request -> the last bot has it (p50)
    std::vector<std::string> problems;      // the organiser's refusals or lost link, if any
};

Result<RevealResult> runRevealBench(std::uint32_t visitors, const RevealOptions& options);

} // namespace fg::bench
