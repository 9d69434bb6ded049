// SocketBench: ServerApp stepping on a thread of its own (its CPU time measured with
// RUSAGE_THREAD) while BotCrowd drives N real connections from the calling thread.
#include "tools/bench-server/SocketBench.h"

#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "server/ServerApp.h"
#include "tools/bench-server/BenchWorld.h"

#include <atomic>
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
    if (value == 0) return;
    if (setpriority(PRIO_PROCESS, pid_t(syscall(SYS_gettid)), value) != 0)
        log::warn("bench: cannot set nice {} for the {}", value, who);
}

double threadCpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}
} // namespace

Result<SocketResult> runSocketBench(std::uint32_t visitors, const SocketOptions& options) {
    const double seconds = options.seconds;
    std::random_device rd;
    auto dir = std::filesystem::temp_directory_path() / ("fg-bench-" + std::to_string(rd()));
    auto exhibition = writeBenchExhibition(dir);
    if (!exhibition) return exhibition.error();
    server::ServerConfig config;
    config.exhibitionPath = *exhibition;
    config.dataDir = dir / "data";
    config.bindAddress = "127.0.0.1";
    config.port = 0;
    config.tickRate = options.tickRate;
    config.maxVisitors = std::min<std::uint32_t>(4000, visitors + 10);
    auto app = server::ServerApp::create(config);
    if (!app) return app.error();
    server::ServerApp& server = **app;
    std::atomic<bool> stop{false};
    double serverCpu = 0, serverWall = 0;
    std::thread thread([&] {
        if (options.serverCpu >= 0 && !pinThread(options.serverCpu, false))
            log::warn("bench: cannot pin the server to CPU {}", options.serverCpu);
        niceThread(options.serverNice, "server");
        const double cpu0 = threadCpuSeconds(), wall0 = monotonicSeconds();
        while (!stop)
            server.step(5);
        serverCpu = threadCpuSeconds() - cpu0;
        serverWall = monotonicSeconds() - wall0;
    });
    bot::BotConfig bots;
    bots.port = server.port();
    bots.count = visitors;
    bots.durationSeconds = seconds;
    bots.connectSpread = std::min(5.0, seconds / 4);
    bots.chatPerMinute = 0.5;
    bots.likePerMinute = 0.2;
    bots.cardPerMinute = 0.05;
    bots.exhibition = benchExhibition();
    bots.threads = options.botThreads;
    bots.pollMs = options.botPollMs;
    // Bot workers inherit this thread's affinity: every CPU but the server's.
    if (options.serverCpu >= 0) (void)pinThread(options.serverCpu, true);
    SocketResult result;
    result.visitors = visitors;
    std::thread botThread([&] { // its own thread, so the nice value stays with the bots
        niceThread(options.botNice, "bots");
        result.bots = bot::BotCrowd(bots).run();
    });
    botThread.join();
    if (options.serverCpu >= 0) (void)pinThread(-1, true); // back to every CPU
    stop = true;
    thread.join();
    console::ServerStats st = server.stats();
    result.serverTickP50Ms = st.tickP50Ms;
    result.serverTickP99Ms = st.tickP99Ms;
    result.serverCpuPercent = serverWall > 0 ? serverCpu / serverWall * 100.0 : 0;
    app->reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return result;
}

} // namespace fg::bench
