// What the loopback benchmarks (socket, stage) share: the server's configuration on 127.0.0.1
// and the CPU clock of a thread. Benchmark helpers only; no figures are computed here.
#pragma once

#include "server/ServerApp.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <pthread.h>
#include <thread>

namespace fg::bench {

// A server for VISITORS bots on a free port of 127.0.0.1, its data in DIR/data.
inline server::ServerConfig loopbackServerConfig(const std::filesystem::path& exhibition,
                                                 const std::filesystem::path& dir,
                                                 std::uint32_t visitors, std::uint32_t tickRate) {
    server::ServerConfig config;
    config.exhibitionPath = exhibition;
    config.dataDir = dir / "data";
    config.bindAddress = "127.0.0.1";
    config.port = 0;
    config.tickRate = tickRate;
    config.maxVisitors = std::min<std::uint32_t>(4000, visitors + 10);
    return config;
}

// CPU seconds THREAD has used (0 when the clock cannot be read).
inline double threadCpuSeconds(std::thread& thread) {
    clockid_t clock{};
    timespec ts{};
    if (pthread_getcpuclockid(thread.native_handle(), &clock) != 0) return 0;
    if (clock_gettime(clock, &ts) != 0) return 0;
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

} // namespace fg::bench
