// What the loopback benchmarks (socket, stage, reveal) share: the server's configuration on
// 127.0.0.1, an organiser signed in on it, and the CPU clock of a thread. Benchmark helpers only;
// no figures are computed here.
#pragma once

#include "engine/core/Time.h"
#include "game/netclient/NetClient.h"
#include "server/ServerApp.h"
#include "server/store/Store.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <pthread.h>
#include <thread>
#include <vector>

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

// An organiser (NAME, client key KEY) signed in on SERVER with a credential issued on its store;
// WHAT names the benchmark in the error when it does not join within 10 s.
inline Result<std::unique_ptr<netclient::NetClient>>
connectBenchOrganiser(server::ServerApp& server, const std::string& name, const std::string& key,
                      const std::string& what) {
    auto token = server.store().issueCredential(store::Role::Organiser, "", name);
    if (!token) return token.error();
    netclient::ClientConfig config;
    config.port = server.port();
    config.hello.role = expo::proto::Role::Organiser;
    config.hello.credential = token->token;
    config.hello.name = name;
    config.hello.country = "VN";
    config.hello.clientKey = key;
    auto client = netclient::NetClient::connect(config);
    if (!client) return client.error();
    const double until = monotonicSeconds() + 10;
    while ((*client)->state() == netclient::ClientState::Connecting && monotonicSeconds() < until)
        (*client)->update(5);
    if ((*client)->state() != netclient::ClientState::Joined)
        return makeError(what + ": the organiser did not join");
    return client;
}

// The P-quantile (0..1) of VALUES, 0 when empty (nearest rank, no interpolation).
inline double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    const std::size_t at = std::min(values.size() - 1, std::size_t(p * double(values.size())));
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(at), values.end());
    return values[at];
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
