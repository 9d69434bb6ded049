// fairground-bench-server: presence benchmark. `sim` drives the server's tick with simulated
// visitors (no sockets); `socket` runs a real server and bots on loopback; `stage` and `reveal`
// time a page change and an award reveal reaching every bot. Prints a table.
#include "engine/core/File.h"
#include "engine/core/Log.h"
#include "tools/bench-server/BenchWorld.h"
#include "tools/bench-server/RevealBench.h"
#include "tools/bench-server/SimBench.h"
#include "tools/bench-server/SocketBench.h"
#include "tools/bench-server/StageBench.h"
#include "tools/bench-server/VoiceBench.h"

#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <string>
#include <sys/resource.h>
#include <vector>

namespace {
// Naive full-state float snapshots (id + 3 floats + anim = 15 bytes per avatar, everyone to
// everyone), computed like the bots count: 1,200-byte datagrams with ~12 bytes of ENet headers.
double naiveDownPerVisitor(std::uint32_t visitors, std::uint32_t tickRate) {
    const double payload = 15.0 * visitors;
    const double datagrams = std::ceil(payload / 1200.0);
    return (payload + datagrams * 12.0) * tickRate;
}

// /proc/loadavg as is ("1.02 0.87 0.60 2/130 4242\n"): the box is shared, so say how busy it was.
std::string loadAverage() {
    auto text = fg::readFileText("/proc/loadavg");
    return text ? *text : std::string("unknown\n");
}

unsigned long long count(std::uint64_t v) {
    return static_cast<unsigned long long>(v);
}

void printSocketRow(const fg::bench::SocketResult& r, std::uint32_t tickRate) {
    const auto& b = r.bots;
    const std::string behind = r.fellBehind(tickRate);
    std::printf("| %u | %u | %.2f / %.2f | %.1f | %u | %.1f | %.1f (%.0f) | %.0f | %.0f | %.0f | "
                "%.1f | %.0f / %.0f | %llu | %.0f / %.0f | %.0f | %s |\n",
                r.visitors, b.connected, r.serverTickP50Ms, r.serverTickP99Ms, r.tickCpuPercent,
                r.netThreads, r.netCpuPercent, b.cpuPercent, b.cpuUsPerVisitorSecond,
                r.processCpuPercent, b.bytesDownPerSecond, b.bytesUpPerSecond, b.snapshotsPerSecond,
                b.rttP50Ms, b.rttP99Ms,
                count(b.rejected + b.disconnected + b.connectFailures + b.badPackets),
                b.inputLateP50Ms, b.inputLateP99Ms, naiveDownPerVisitor(r.visitors, tickRate),
                behind.empty() ? "nobody" : behind.c_str());
    std::fflush(stdout);
    std::fprintf(stderr,
                 "socket %u: window %.1f s after a %.1f s ramp; %u joined in the window; "
                 "rejected %llu, disconnected %llu, connect failures %llu, bad packets %llu; "
                 "bot threads %u, pass p50/p99 %.1f/%.1f ms\n",
                 r.visitors, r.windowSeconds, r.rampSeconds, b.joinedInWindow, count(b.rejected),
                 count(b.disconnected), count(b.connectFailures), count(b.badPackets), b.threads,
                 b.loopP50Ms, b.loopP99Ms);
    for (const auto& e : b.errors)
        std::fprintf(stderr, "  %s\n", e.c_str());
}

int printSocketTable(const std::vector<std::uint32_t>& counts,
                     const fg::bench::SocketOptions& socket) {
    std::printf("socket: %u Hz, one hall, server and bots in one process; ramp %s, settle %.0f s, "
                "window %.0f s; bots %s\n",
                socket.tickRate, socket.rampSeconds < 0 ? "visitors/400 s (>= 2 s)" : "fixed",
                socket.settleSeconds, socket.seconds,
                socket.botPoll ? "wait on their sockets" : "serviced every pass");
    std::printf("| visitors | joined | tick p50 / p99 ms | tick thread CPU %% | net threads | net "
                "CPU %% | bot CPU %% (µs/visitor/s) | process CPU %% | down B/s/visitor | up "
                "B/s/visitor | snapshots/s/visitor | RTT p50 / p99 ms | errors | bot input late "
                "p50 / p99 ms | naive down B/s/visitor | fell behind |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (std::uint32_t n : counts) {
        std::fprintf(stderr, "socket %u: load average before the run: %s", n,
                     loadAverage().c_str());
        auto r = fg::bench::runSocketBench(n, socket);
        if (!r) {
            std::fprintf(stderr, "socket bench %u: %s\n", n, r.error().message.c_str());
            return 1;
        }
        printSocketRow(*r, socket.tickRate);
    }
    return 0;
}
// Encryption's cost: for each count, REPEATS pairs of runs, plain then encrypted, alternating so
// that the shared box's load hits both alike. Server CPU = tick thread + network threads.
int printEncryptionComparison(const std::vector<std::uint32_t>& counts,
                              fg::bench::SocketOptions socket, std::uint32_t repeats) {
    std::printf(
        "| visitors | run | encrypted | joined | errors | tick p50 / p99 ms | tick thread CPU "
        "%% | net CPU %% | server CPU %% | down B/s/visitor | RTT p50 / p99 ms |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (std::uint32_t n : counts) {
        double sum[2] = {0, 0};
        for (std::uint32_t run = 1; run <= repeats; ++run) {
            for (int encrypted = 0; encrypted < 2; ++encrypted) {
                socket.encrypt = encrypted == 1;
                std::fprintf(stderr, "compare %u run %u %s: load average %s", n, run,
                             encrypted ? "encrypted" : "plain", loadAverage().c_str());
                auto r = fg::bench::runSocketBench(n, socket);
                if (!r) {
                    std::fprintf(stderr, "socket bench %u: %s\n", n, r.error().message.c_str());
                    return 1;
                }
                const auto& b = r->bots;
                const double server = r->tickCpuPercent + r->netCpuPercent;
                sum[encrypted] += server;
                std::printf(
                    "| %u | %u | %s | %u | %llu | %.2f / %.2f | %.1f | %.1f | %.1f | %.0f | "
                    "%.0f / %.0f |\n",
                    n, run, encrypted ? "yes" : "no", b.connected,
                    count(b.rejected + b.disconnected + b.connectFailures + b.badPackets),
                    r->serverTickP50Ms, r->serverTickP99Ms, r->tickCpuPercent, r->netCpuPercent,
                    server, b.bytesDownPerSecond, b.rttP50Ms, b.rttP99Ms);
                std::fflush(stdout);
            }
        }
        std::printf("| %u | mean | plain %.1f, encrypted %.1f | | | | | | %+.1f %% | | |\n", n,
                    sum[0] / repeats, sum[1] / repeats,
                    sum[0] > 0 ? (sum[1] - sum[0]) / sum[0] * 100.0 : 0.0);
        std::fflush(stdout);
    }
    return 0;
}

// One row per count: N attendees of one live session, an organiser paging it.
int printStageTable(const std::vector<std::uint32_t>& counts, const fg::bench::StageOptions& o) {
    std::printf("stage: %u Hz, one venue of %u seats (the rest in its overflow), window %.0f s "
                "(quiet half, then %.1f page changes/s), server and bots in one process\n",
                o.tickRate, o.capacity, o.seconds, o.pagesPerSecond);
    std::printf("| attendees | joined | seated / overflow | page changes | delivered / expected | "
                "page -> shown p50 / p99 / max ms | server CPU %% quiet / paging | µs CPU per "
                "page change | StageUpdate bytes per attendee | RTT p50 / p99 ms | errors |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (std::uint32_t n : counts) {
        std::fprintf(stderr, "stage %u: load average before the run: %s", n, loadAverage().c_str());
        auto r = fg::bench::runStageBench(n, o);
        if (!r) {
            std::fprintf(stderr, "stage bench %u: %s\n", n, r.error().message.c_str());
            return 1;
        }
        const auto& b = r->bots;
        std::printf("| %u | %u | %u / %u | %u | %llu / %llu | %.1f / %.1f / %.1f | %.1f / %.1f | "
                    "%.0f | %zu | %.0f / %.0f | %llu |\n",
                    n, b.connected, b.inVenue, b.inOverflow, r->pages, count(r->delivered),
                    count(r->expected), r->p50Ms, r->p99Ms, r->maxMs, r->quietCpuPercent,
                    r->pagingCpuPercent, r->cpuUsPerPageChange, r->updateBytes, b.rttP50Ms,
                    b.rttP99Ms,
                    count(b.rejected + b.disconnected + b.connectFailures + b.badPackets));
        std::fflush(stdout);
        for (const auto& e : b.errors)
            std::fprintf(stderr, "  %s\n", e.c_str());
    }
    return 0;
}

// One row per count: N connected visitors, an organiser revealing one category after another.
int printRevealTable(const std::vector<std::uint32_t>& counts, const fg::bench::RevealOptions& o) {
    std::printf("reveal: %u Hz, %u reveals (countdown 0) %.1f s apart, server and bots in one "
                "process\n",
                o.tickRate, o.categories, o.gapSeconds);
    std::printf("| visitors | joined | reveals | delivered / expected | request -> winner shown "
                "p50 / p99 / max ms | last visitor per reveal p50 ms | RTT p50 / p99 ms | "
                "errors |\n");
    std::printf("|---|---|---|---|---|---|---|---|\n");
    for (std::uint32_t n : counts) {
        std::fprintf(stderr, "reveal %u: load average before the run: %s", n,
                     loadAverage().c_str());
        auto r = fg::bench::runRevealBench(n, o);
        if (!r) {
            std::fprintf(stderr, "reveal bench %u: %s\n", n, r.error().message.c_str());
            return 1;
        }
        const auto& b = r->bots;
        std::printf("| %u | %u | %u | %llu / %llu | %.1f / %.1f / %.1f | %.1f | %.0f / %.0f | "
                    "%llu |\n",
                    n, b.connected, r->reveals, count(r->delivered), count(r->expected), r->p50Ms,
                    r->p99Ms, r->maxMs, r->lastMsP50, b.rttP50Ms, b.rttP99Ms,
                    count(b.rejected + b.disconnected + b.connectFailures + b.badPackets));
        std::fflush(stdout);
        for (const auto& e : b.errors)
            std::fprintf(stderr, "  %s\n", e.c_str());
        for (const auto& p : r->problems)
            std::fprintf(stderr, "  organiser: %s\n", p.c_str());
    }
    return 0;
}

int printVoiceTable(const std::vector<std::uint32_t>& counts, const fg::bench::VoiceOptions& o) {
    std::printf("voice: %u Hz, %u talking at once in %u groups at booth fronts, %u-byte frames "
                "every 20 ms, window %.0f s, server and visitors (%u threads) in one process\n",
                o.tickRate, o.talkers, o.groups, o.payloadBytes, o.seconds, o.threads);
    std::printf("| visitors | joined | frames in/s | frames out/s | dropped/s | voices per "
                "listener | server CPU %% | µs CPU per forwarded frame | down kbit/s per "
                "listener | network p50 / p99 ms | encode / decode µs | jitter target ms | "
                "mouth-to-ear ms |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (std::uint32_t n : counts) {
        std::fprintf(stderr, "voice %u: load average before the run: %s", n, loadAverage().c_str());
        auto r = fg::bench::runVoiceBench(n, o);
        if (!r) {
            std::fprintf(stderr, "voice bench %u: %s\n", n, r.error().message.c_str());
            return 1;
        }
        // Capture frame + encode + network + jitter buffer + decode (the device's own not in).
        const double mouthToEar =
            20 + r->encodeUs / 1000 + r->networkP50Ms + r->jitterTargetMs + r->decodeUs / 1000;
        std::printf("| %u | %u | %.0f | %.0f | %.0f | %.2f | %.1f | %.2f | %.1f | %.1f / %.1f | "
                    "%.0f / %.0f | %.0f | %.0f |\n",
                    n, r->connected, r->framesInPerSecond, r->framesOutPerSecond,
                    r->droppedPerSecond, r->voicesPerListener, r->serverCpuPercent,
                    r->cpuUsPerForwardedFrame, r->downKbitPerListener, r->networkP50Ms,
                    r->networkP99Ms, r->encodeUs, r->decodeUs, r->jitterTargetMs, mouthToEar);
        std::fflush(stdout);
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App cli{"fairground-bench-server: server presence benchmark"};
    std::string mode = "sim";
    std::vector<std::uint32_t> counts{100, 500, 1000, 2000, 4000};
    std::uint32_t ticks = 200, tickRate = 20, maxInView = 64, ackDelay = 3;
    fg::bench::SocketOptions socket;
    cli.add_option("--mode", mode,
                   "sim (no sockets), socket (server + bots on loopback), stage (bots attend "
                   "one live session on loopback; an organiser pages it), reveal (bots "
                   "connected; an organiser reveals award winners) or voice (visitors in groups "
                   "at booths, --talkers of them talking, on loopback)")
        ->check(CLI::IsMember({"sim", "socket", "stage", "reveal", "voice"}));
    fg::bench::RevealOptions reveal;
    cli.add_option("--reveals", reveal.categories, "reveal: categories revealed, one per gap")
        ->check(CLI::Range(1, 50));
    fg::bench::VoiceOptions voice;
    cli.add_option("--talkers", voice.talkers, "voice: visitors talking at once");
    cli.add_option("--groups", voice.groups, "voice: booth fronts the visitors stand at (1-36)")
        ->check(CLI::Range(1, 36));
    cli.add_option("--client-threads", voice.threads, "voice: threads running the visitors")
        ->check(CLI::Range(1, 16));
    fg::bench::StageOptions stage;
    cli.add_option("--pages-per-second", stage.pagesPerSecond, "stage: page changes per second")
        ->check(CLI::Range(0.1, 20.0));
    cli.add_option("--capacity", stage.capacity, "stage: seats in the venue")
        ->check(CLI::Range(1, 5000));
    std::string writeDir;
    cli.add_option("--write-exhibition", writeDir,
                   "write the benchmark's exhibition (one hall, 36 booths) into this folder and "
                   "exit: for fairground-server and fairground-bot in separate processes");
    cli.add_option("--visitors", counts, "visitor counts to run")->delimiter(',');
    cli.add_option("--ticks", ticks, "sim: ticks per run");
    cli.add_option("--tick-rate", tickRate, "ticks per second")->check(CLI::Range(1, 120));
    cli.add_option("--max-in-view", maxInView, "sim: K nearest avatars per snapshot");
    cli.add_option("--ack-delay", ackDelay, "sim: ticks between a snapshot and its ack");
    cli.add_option("--seconds", socket.seconds,
                   "socket: seconds of the steady window measured after everyone joined");
    cli.add_option("--ramp", socket.rampSeconds,
                   "socket: seconds the connections are spread over (default visitors/400, "
                   "at least 2)");
    cli.add_option("--settle", socket.settleSeconds,
                   "socket: seconds between the last connection and the window");
    cli.add_option("--net-threads", socket.netThreads,
                   "socket: the server's network threads (0: its tick thread does ENet's work)")
        ->check(CLI::Range(0, 16));
    bool noBotPoll = false;
    cli.add_flag("--no-bot-poll", noBotPoll,
                 "socket: service every bot on every pass instead of waiting on their sockets");
    cli.add_option("--bot-threads", socket.botThreads, "socket: bot worker threads (0: auto)");
    cli.add_option("--server-cpu", socket.serverCpu,
                   "socket: pin the server thread to this CPU and the bots to the others");
    cli.add_option("--server-nice", socket.serverNice,
                   "nice value of the server thread (sim: of the simulating thread)");
    cli.add_option("--bot-nice", socket.botNice, "socket: nice value of the bot threads");
    cli.add_option("--bot-poll-ms", socket.botPollMs, "socket: shortest time between bot passes");
    std::uint32_t compareRepeats = 0;
    cli.add_option("--compare-encryption", compareRepeats,
                   "socket: N pairs of runs per count, plain then encrypted, alternating");
    bool plain = false;
    cli.add_flag("--plain", plain, "socket: server and bots without encryption");
    CLI11_PARSE(cli, argc, argv);
    socket.botPoll = !noBotPoll;
    fg::log::setLevel(fg::log::Level::Warn);

    if (!writeDir.empty()) {
        auto written = fg::bench::writeBenchExhibition(writeDir);
        if (!written) {
            std::fprintf(stderr, "%s\n", written.error().message.c_str());
            return 1;
        }
        std::printf("%s\n", written->string().c_str());
        return 0;
    }
    if (mode == "sim") {
        if (socket.serverNice != 0 && setpriority(PRIO_PROCESS, 0, socket.serverNice) != 0)
            std::fprintf(stderr, "sim: cannot set nice %d\n", socket.serverNice);
        std::printf("sim: %u ticks at %u Hz, K=%u, ack delay %u ticks, one thread\n", ticks,
                    tickRate, maxInView, ackDelay);
        std::printf("| visitors | tick p50 ms | tick p99 ms | CPU %% of 1 core | in view | "
                    "down B/s/visitor | up B/s/visitor | egress total kB/s | naive tick p50 ms "
                    "| naive tick p99 ms | naive down B/s/visitor |\n");
        std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (std::uint32_t n : counts) {
            auto r = fg::bench::runSimBench(n, ticks, tickRate, maxInView, ackDelay);
            std::printf("| %u | %.2f | %.2f | %.1f | %.1f | %.0f | %.0f | %.0f | %.2f | %.2f | "
                        "%.0f |\n",
                        n, r.tickP50Ms, r.tickP99Ms, r.cpuPercentOfOneCore, r.avgInView,
                        r.downBytesPerSecond, r.upBytesPerSecond,
                        r.totalEgressBytesPerSecond / 1000.0, r.naiveTickP50Ms, r.naiveTickP99Ms,
                        r.naiveDownBytesPerSecond);
            std::fflush(stdout);
        }
        return 0;
    }
    if (mode == "voice") {
        voice.seconds = socket.seconds;
        voice.tickRate = tickRate;
        return printVoiceTable(counts, voice);
    }
    if (mode == "stage") {
        stage.seconds = socket.seconds;
        stage.settleSeconds = socket.settleSeconds;
        stage.tickRate = tickRate;
        return printStageTable(counts, stage);
    }
    if (mode == "reveal") {
        reveal.settleSeconds = socket.settleSeconds;
        reveal.tickRate = tickRate;
        return printRevealTable(counts, reveal);
    }
    socket.tickRate = tickRate;
    socket.encrypt = !plain;
    if (compareRepeats > 0) return printEncryptionComparison(counts, socket, compareRepeats);
    return printSocketTable(counts, socket);
}
