// fairground-bench-publish: one exhibitor uploads a large bundle over loopback while visitors
// stay connected; prints upload throughput and the visitors' snapshot gaps with and without it.
// A benchmark only: asserts nothing; the server runs on its own thread, clients on this one.
#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "game/netclient/PublishClient.h"
#include "server/ServerApp.h"
#include "server/store/Store.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <random>
#include <thread>

using namespace fg;
using netclient::ClientState;
namespace proto = fg::expo::proto;

namespace {

struct Gaps {
    double p50 = 0, p99 = 0, max = 0;
    std::size_t snapshots = 0;
};

Gaps gapsOf(std::vector<double> gaps) {
    Gaps g;
    g.snapshots = gaps.size();
    if (gaps.empty()) return g;
    std::sort(gaps.begin(), gaps.end());
    g.p50 = gaps[gaps.size() / 2] * 1000.0;
    g.p99 = gaps[std::min(gaps.size() - 1, gaps.size() * 99 / 100)] * 1000.0;
    g.max = gaps.back() * 1000.0;
    return g;
}

std::unique_ptr<netclient::NetClient> join(std::uint16_t port, const std::string& name,
                                           proto::Role role = proto::Role::Visitor,
                                           const std::string& token = {}) {
    netclient::ClientConfig c;
    c.port = port;
    c.hello.name = name;
    c.hello.role = role;
    c.hello.credential = token;
    auto net = netclient::NetClient::connect(c);
    if (!net) return nullptr;
    const double deadline = monotonicSeconds() + 5;
    while ((*net)->state() == ClientState::Connecting && monotonicSeconds() < deadline)
        (*net)->update(5);
    return (*net)->state() == ClientState::Joined ? std::move(*net) : nullptr;
}

// Pumps every client until DONE or SECONDS; records the gaps between new snapshot ticks.
void pump(std::vector<std::unique_ptr<netclient::NetClient>>& visitors, std::vector<double>& gaps,
          double seconds, const std::function<bool()>& done) {
    std::vector<std::uint32_t> last(visitors.size(), 0);
    std::vector<double> at(visitors.size(), monotonicSeconds());
    const double end = monotonicSeconds() + seconds;
    while (monotonicSeconds() < end && !done()) {
        for (std::size_t i = 0; i < visitors.size(); ++i) {
            visitors[i]->update(0);
            (void)visitors[i]->takeInbox();
            const double now = monotonicSeconds();
            if (visitors[i]->latestTick() != last[i]) {
                if (last[i] != 0) gaps.push_back(now - at[i]);
                last[i] = visitors[i]->latestTick();
                at[i] = now;
            }
        }
        std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
}

} // namespace

int main(int argc, char** argv) {
    CLI::App cli{"fairground-bench-publish: bundle upload over loopback next to live presence"};
    std::uint32_t mib = 32, visitorCount = 8;
    std::string exhibition =
        std::string(FG_SOURCE_DIR) + "/assets/exhibitions/digital-world-2021/exhibition.json";
    cli.add_option("--mib", mib, "upload size in MiB")->check(CLI::Range(1, 95));
    cli.add_option("--visitors", visitorCount, "visitors connected meanwhile");
    cli.add_option("--exhibition", exhibition, "exhibition to host");
    CLI11_PARSE(cli, argc, argv);
    log::setLevel(log::Level::Warn);

    server::ServerConfig config;
    config.exhibitionPath = exhibition;
    config.dataDir = std::filesystem::temp_directory_path() /
                     ("fg-bench-publish-" + std::to_string(std::random_device{}()));
    config.bindAddress = "127.0.0.1";
    config.port = 0;
    auto created = server::ServerApp::create(config);
    if (!created) return std::fprintf(stderr, "%s\n", created.error().message.c_str()), 1;
    server::ServerApp& app = **created;
    const auto& booth = app.exhibition().booths.at(0);
    auto token = app.store().issueCredential(store::Role::Exhibitor, booth.exhibitor, "bench");
    if (!token) return std::fprintf(stderr, "%s\n", token.error().message.c_str()), 1;
    std::atomic<bool> stop{false};
    std::thread serverThread([&] {
        while (!stop)
            app.step(5);
    });

    std::vector<std::unique_ptr<netclient::NetClient>> visitors;
    for (std::uint32_t i = 0; i < visitorCount; ++i)
        if (auto v = join(app.port(), "visitor-" + std::to_string(i)))
            visitors.push_back(std::move(v));
    auto ex = join(app.port(), "exhibitor", proto::Role::Exhibitor, token->token);
    if (!ex || visitors.size() != visitorCount) return std::fprintf(stderr, "join failed\n"), 1;

    Bytes bundle(std::size_t(mib) << 20);
    std::mt19937_64 rng(1);
    for (auto& b : bundle)
        b = std::uint8_t(rng());
    std::vector<double> idle, busy;
    pump(visitors, idle, 3.0, [] { return false; });
    netclient::PublishClient pc(*ex, booth.id, bundle);
    const double t0 = monotonicSeconds();
    pump(visitors, busy, 600.0, [&] {
        ex->update(0);
        for (const auto& m : ex->takeInbox())
            pc.handle(m);
        pc.pump();
        return pc.upload().complete() || pc.finished();
    });
    const double seconds = monotonicSeconds() - t0;
    stop = true;
    serverThread.join();
    Gaps a = gapsOf(idle), b = gapsOf(busy);
    std::printf("upload: %u MiB in %.2f s = %.1f MiB/s (%s), %zu visitors at 20 Hz\n", mib, seconds,
                double(mib) / seconds, pc.statusText().c_str(), visitors.size());
    std::printf(
        "| phase | snapshots | gap p50 ms | gap p99 ms | gap max ms |\n|---|---|---|---|---|\n");
    std::printf("| idle (3 s) | %zu | %.1f | %.1f | %.1f |\n", a.snapshots, a.p50, a.p99, a.max);
    std::printf("| during upload | %zu | %.1f | %.1f | %.1f |\n", b.snapshots, b.p50, b.p99, b.max);
    std::filesystem::remove_all(config.dataDir);
    return 0;
}
