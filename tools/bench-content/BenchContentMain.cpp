// fairground-bench-content: hosts an exhibition in-process (serveContent) and measures how long
// visitors take to download its manifest and cooked assets over loopback ENet. Prints figures;
// asserts nothing. Writes only inside a temporary folder it removes.
#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "game/netclient/ContentFetcher.h"
#include "game/netclient/NetClient.h"
#include "server/ServerApp.h"
#include "server/content/ContentService.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fmt/format.h>
#include <memory>
#include <random>
#include <thread>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using namespace fg;

struct Served {
    std::unique_ptr<server::ServerApp> app;
    std::atomic<bool> stop{false};
    std::thread thread;
    double readySeconds = 0;
    ~Served() {
        stop = true;
        if (thread.joinable()) thread.join();
    }
};

std::unique_ptr<Served> serve(const fs::path& exhibition, const fs::path& data) {
    server::ServerConfig config;
    config.exhibitionPath = exhibition;
    config.dataDir = data;
    config.bindAddress = "127.0.0.1";
    config.port = 0;
    config.serveContent = true;
    const double t0 = monotonicSeconds();
    auto app = server::ServerApp::create(config);
    if (!app) {
        fmt::print(stderr, "bench-content: {}\n", app.error().message);
        return nullptr;
    }
    auto s = std::make_unique<Served>();
    s->app = std::move(*app);
    s->app->contentService()->waitReady();
    s->readySeconds = monotonicSeconds() - t0;
    s->thread = std::thread([p = s.get()] {
        while (!p->stop)
            p->app->step(5);
    });
    return s;
}

std::unique_ptr<netclient::NetClient> join(std::uint16_t port, const std::string& name) {
    netclient::ClientConfig config;
    config.port = port;
    config.hello.name = name;
    auto c = netclient::NetClient::connect(config);
    if (!c) return nullptr;
    const double deadline = monotonicSeconds() + 10;
    while ((*c)->state() == netclient::ClientState::Connecting && monotonicSeconds() < deadline)
        (*c)->update(5);
    if ((*c)->state() != netclient::ClientState::Joined) return nullptr;
    return std::move(*c);
}

// N visitors download at once, each into CACHE/<i>; returns false on any failure.
bool downloadRound(std::uint16_t port, const fs::path& cache, int visitors, const char* label) {
    std::vector<std::unique_ptr<netclient::NetClient>> clients;
    std::vector<std::unique_ptr<netclient::ContentFetcher>> fetchers;
    for (int i = 0; i < visitors; ++i) {
        auto c = join(port, fmt::format("{}-{}", label, i));
        if (!c) return false;
        fetchers.push_back(std::make_unique<netclient::ContentFetcher>(cache / std::to_string(i)));
        fetchers.back()->attach(*c);
        fetchers.back()->requestManifest();
        clients.push_back(std::move(c));
    }
    const double t0 = monotonicSeconds();
    std::vector<bool> listed(std::size_t(visitors), false);
    std::vector<double> done(std::size_t(visitors), 0.0);
    for (std::size_t finished = 0; finished < clients.size();) {
        finished = 0;
        for (std::size_t i = 0; i < clients.size(); ++i) {
            clients[i]->update(visitors == 1 ? 5 : 1);
            fetchers[i]->update();
            if (auto json = fetchers[i]->takeManifest()) {
                auto ex = netclient::readManifest(*json);
                if (!ex) return false;
                for (const auto& name : netclient::assetNamesOf(*ex))
                    (void)fetchers[i]->want(name);
                listed[i] = true;
            }
            if (listed[i] && !fetchers[i]->busy() && done[i] == 0)
                done[i] = monotonicSeconds() - t0;
            finished += done[i] > 0;
            if (!fetchers[i]->errors().empty()) return false;
        }
        if (monotonicSeconds() - t0 > 600) return false;
    }
    const auto& p = fetchers.front()->progress();
    double slowest = *std::max_element(done.begin(), done.end());
    fmt::print("| {} | {} | {:.2f} | {} | {} | {:.1f} | {} |\n", label, visitors, slowest,
               p.filesTotal, p.filesCached, double(p.bytesReceived) / 1048576.0, p.requests);
    return true;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App cli{"fairground-bench-content: exhibition download over loopback"};
    std::string exhibition =
        std::string(FG_ASSETS_DIR) + "/exhibitions/digital-world-2021/exhibition.json";
    int visitors = 8;
    cli.add_option("--exhibition", exhibition, "exhibition.json to serve");
    cli.add_option("--visitors", visitors, "visitors downloading at once in the last round");
    CLI11_PARSE(cli, argc, argv);
    log::setLevel(log::Level::Warn);
    std::random_device rd;
    const fs::path dir = fs::temp_directory_path() / fmt::format("fg-bench-content-{}", rd());
    auto served = serve(exhibition, dir / "server");
    if (!served) return 1;
    const auto& stats = served->app->contentService()->catalog().stats();
    fmt::print("server: {} files cooked and stored in {:.2f} s ({:.1f} MiB)\n", stats.files,
               served->readySeconds, double(stats.bytes) / 1048576.0);
    fmt::print("| round | visitors | seconds (slowest) | files | cached | MiB received (first "
               "visitor) | requests |\n| --- | --- | --- | --- | --- | --- | --- |\n");
    const std::uint16_t port = served->app->port();
    bool ok = downloadRound(port, dir / "cache", 1, "cold") &&
              downloadRound(port, dir / "cache", 1, "warm") &&
              downloadRound(port, dir / "parallel", visitors, "cold-parallel");
    served.reset();
    auto again = serve(exhibition, dir / "server");
    if (again)
        fmt::print("server restart with its cook cache: ready in {:.2f} s\n", again->readySeconds);
    again.reset();
    std::error_code ec;
    fs::remove_all(dir, ec);
    return ok ? 0 : 1;
}
