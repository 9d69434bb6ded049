// SocketBench: ServerApp stepping on a thread of its own while BotCrowd drives N real connections;
// CPU of the tick thread, the network threads, the bots and the process over a steady window.
#include "tools/bench-server/SocketBench.h"

#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "server/ServerApp.h"
#include "tools/bench-server/BenchServer.h"
#include "tools/bench-server/BenchWorld.h"

#include <atomic>
#include <ctime>
#include <pthread.h>
#include <random>
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>

namespace fg::bench {

namespace {
// Pins the calling thread to CPU (or, with `except`, to every CPU but that one); false if refused.
bool pinThread(int cpu, bool except) {
    cpu_set_t set;
    CPU_ZERO(&set);
    const int count = int(std::thread::hardware_concurrency());
    for (int c = 0; c < count; ++c)
        if ((c == cpu) != except) CPU_SET(c, &set);
    if (CPU_COUNT(&set) == 0) return false;
    return pthread_setaffinity_np(pthread_self(), sizeof set, &set) == 0;
}

// Sets the calling thread's nice value (threads it creates later inherit it).
void niceThread(int value, const char* who) {
    if (setpriority(PRIO_PROCESS, pid_t(syscall(SYS_gettid)), value) != 0)
        log::warn("bench: cannot set nice {} for the {}", value, who);
}

double processCpuSeconds() {
    timespec ts{};
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0) return 0;
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// Counters sampled when the window opens and closes.
struct Sample {
    double wall = 0, tickCpu = 0, processCpu = 0;
};

// The server's own thread: steps it, and on request restarts its tick statistics or captures
// them with the network threads' CPU (ServerApp is single-threaded: only this thread touches it).
struct ServerLoop {
    std::atomic<bool> stop{false}, open{false}, close{false};
    console::ServerStats captured;
    double netCpuOpen = 0, netCpuClose = 0, wallOpen = 0, wallClose = 0;

    void run(server::ServerApp& server) {
        while (!stop) {
            server.step(5);
            if (open.load() && wallOpen == 0) {
                server.clearTickTimes();
                netCpuOpen = server.netThreadCpuSeconds();
                wallOpen = monotonicSeconds();
            }
            if (close.load() && wallClose == 0) {
                captured = server.stats();
                netCpuClose = server.netThreadCpuSeconds();
                wallClose = monotonicSeconds();
            }
        }
    }
};

double percentOf(double cpu, double wall) {
    return wall > 0 ? cpu / wall * 100.0 : 0;
}
} // namespace

std::string SocketResult::fellBehind(std::uint32_t tickRate) const {
    const double periodMs = 1000.0 / double(tickRate);
    std::string who;
    auto add = [&](const char* name) { who += who.empty() ? name : std::string(", ") + name; };
    if (serverTickP99Ms > periodMs || tickCpuPercent > 90) add("server tick");
    if (netThreads > 0 && netCpuPercent > 90.0 * netThreads) add("server net");
    if (bots.inputLateP99Ms > periodMs) add("bots");
    if (processCpuPercent > 90.0 * std::thread::hardware_concurrency()) add("box");
    return who;
}

Result<SocketResult> runSocketBench(std::uint32_t visitors, const SocketOptions& options) {
    std::random_device rd;
    auto dir = std::filesystem::temp_directory_path() / ("fg-bench-" + std::to_string(rd()));
    auto exhibition = writeBenchExhibition(dir);
    if (!exhibition) return exhibition.error();
    server::ServerConfig config =
        loopbackServerConfig(*exhibition, dir, visitors, options.tickRate);
    config.netThreads = options.netThreads;
    config.encrypt = options.encrypt;
    // Network threads start inside create() and inherit this thread's nice value.
    if (options.serverNice != 0) niceThread(options.serverNice, "server network threads");
    auto app = server::ServerApp::create(config);
    if (options.serverNice != 0) niceThread(0, "benchmark");
    if (!app) return app.error();
    server::ServerApp& server = **app;
    ServerLoop loop;
    std::thread thread([&] {
        if (options.serverCpu >= 0 && !pinThread(options.serverCpu, false))
            log::warn("bench: cannot pin the server to CPU {}", options.serverCpu);
        if (options.serverNice != 0) niceThread(options.serverNice, "server");
        loop.run(server);
    });
    SocketResult result;
    result.visitors = visitors;
    result.rampSeconds =
        options.rampSeconds >= 0 ? options.rampSeconds : std::max(2.0, double(visitors) / 400.0);
    bot::BotConfig bots;
    bots.port = server.port();
    bots.count = visitors;
    bots.connectSpread = result.rampSeconds;
    bots.windowStart = result.rampSeconds + options.settleSeconds;
    bots.durationSeconds = bots.windowStart + options.seconds;
    bots.chatPerMinute = 0.5;
    bots.likePerMinute = 0.2;
    bots.cardPerMinute = 0.05;
    bots.exhibition = benchExhibition();
    bots.threads = options.botThreads;
    bots.pollMs = options.botPollMs;
    bots.pollSockets = options.botPoll;
    bots.security = options.encrypt ? net::Security::Encrypted : net::Security::Plain;
    Sample open, close;
    auto sample = [&](Sample& s) {
        s.wall = monotonicSeconds();
        s.tickCpu = threadCpuSeconds(thread);
        s.processCpu = processCpuSeconds();
    };
    bots.onWindowStart = [&] {
        sample(open);
        loop.open = true;
    };
    bots.onWindowEnd = [&] {
        sample(close);
        loop.close = true;
    };
    // Bot workers inherit this thread's affinity: every CPU but the server's.
    if (options.serverCpu >= 0) (void)pinThread(options.serverCpu, true);
    std::thread botThread([&] { // its own thread, so the nice value stays with the bots
        if (options.botNice != 0) niceThread(options.botNice, "bots");
        result.bots = bot::BotCrowd(bots).run();
    });
    botThread.join();
    if (options.serverCpu >= 0) (void)pinThread(-1, true); // back to every CPU
    loop.stop = true; // after its next step, which captures the window's statistics
    thread.join();
    const double wall = close.wall - open.wall;
    result.windowSeconds = wall;
    result.serverTickP50Ms = loop.captured.tickP50Ms;
    result.serverTickP99Ms = loop.captured.tickP99Ms;
    result.netThreads = loop.captured.netThreads; // what the server runs (FG_NET_THREADS wins)
    result.tickCpuPercent = percentOf(close.tickCpu - open.tickCpu, wall);
    result.netCpuPercent =
        percentOf(loop.netCpuClose - loop.netCpuOpen, loop.wallClose - loop.wallOpen);
    result.processCpuPercent = percentOf(close.processCpu - open.processCpu, wall);
    app->reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return result;
}

} // namespace fg::bench
