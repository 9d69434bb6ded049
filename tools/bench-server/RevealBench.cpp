// RevealBench: ServerApp stepping on its own thread, BotCrowd walking over real sockets, and an
// organiser's NetClient sending AwardRevealRequest (countdown 0) on this thread; each bot's
// AwardRevealed with the winner is timed. Prints nothing, asserts nothing.
#include "tools/bench-server/RevealBench.h"

#include "engine/core/Time.h"
#include "server/ServerApp.h"
#include "server/store/Store.h"
#include "tools/bench-server/BenchServer.h"
#include "tools/bench-server/BenchWorld.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <random>
#include <thread>

namespace fg::bench {
namespace {

namespace proto = expo::proto;

// benchExhibition with COUNT award categories ("award-0", ...), each with three finalists and a
// jury share, so a category with no ballot yet can still be revealed (by the finalists' order).
expo::Exhibition revealBenchExhibition(std::uint32_t count) {
    expo::Exhibition ex = benchExhibition();
    for (std::uint32_t i = 0; i < count; ++i) {
        expo::AwardCategory a;
        a.id = fmt::format("award-{}", i);
        a.name = fmt::format("Bench Award {}", i);
        for (std::uint32_t k = 0; k < 3; ++k)
            a.finalists.push_back(ex.booths[(i * 3 + k) % ex.booths.size()].id);
        a.rubric.push_back({"Impact", 1});
        a.juryWeight = 50;
        a.publicWeight = 50;
        ex.awards.push_back(a);
    }
    return ex;
}

// When each bot had each category's winner (from the bots' worker threads).
struct Receipts {
    std::mutex mutex;
    std::vector<std::pair<std::string, double>> arrived; // category, monotonic seconds
    void add(const proto::Message& m) {
        const auto* r = std::get_if<proto::AwardRevealed>(&m);
        if (!r || r->winner.empty()) return;
        const double now = monotonicSeconds();
        std::lock_guard lock(mutex);
        arrived.emplace_back(r->category, now);
    }
};

// Services the organiser until the bots finish; once the window opens, one reveal per GAP.
std::map<std::string, double> revealLoop(netclient::NetClient& organiser,
                                         std::atomic<bool>& windowOpen, std::atomic<bool>& botsDone,
                                         const RevealOptions& options,
                                         std::vector<std::string>& problems) {
    std::map<std::string, double> sentAt;
    double next = 0;
    std::uint32_t sent = 0;
    while (!botsDone.load()) {
        organiser.update(1);
        for (auto& m : organiser.takeInbox())
            if (auto* r = std::get_if<proto::ActionResult>(&m); r && !r->ok)
                problems.push_back("refused: " + r->text);
        const double now = monotonicSeconds();
        if (!windowOpen.load() || sent >= options.categories || now < next) continue;
        const std::string category = fmt::format("award-{}", sent++);
        sentAt[category] = monotonicSeconds();
        if (organiser.request(proto::AwardRevealRequest{0, category, 0}) == 0)
            problems.push_back("the organiser's link was down for " + category);
        organiser.flush();
        next = now + options.gapSeconds;
    }
    return sentAt;
}

void summarise(RevealResult& result, const std::map<std::string, double>& sentAt,
               Receipts& receipts) {
    std::vector<double> latencies;
    std::map<std::string, double> last; // category -> the slowest bot's latency
    for (const auto& [category, at] : receipts.arrived)
        if (auto sent = sentAt.find(category); sent != sentAt.end()) {
            const double ms = (at - sent->second) * 1000.0;
            latencies.push_back(ms);
            last[category] = std::max(last[category], ms);
        }
    result.reveals = std::uint32_t(sentAt.size());
    result.delivered = latencies.size();
    result.expected = std::uint64_t(result.reveals) * result.bots.connected;
    result.p50Ms = percentile(latencies, 0.50);
    result.p99Ms = percentile(latencies, 0.99);
    result.maxMs = latencies.empty() ? 0 : *std::max_element(latencies.begin(), latencies.end());
    std::vector<double> lasts;
    for (const auto& [category, ms] : last)
        lasts.push_back(ms);
    result.lastMsP50 = percentile(lasts, 0.50);
}

} // namespace

Result<RevealResult> runRevealBench(std::uint32_t visitors, const RevealOptions& options) {
    std::random_device rd;
    auto dir = std::filesystem::temp_directory_path() / ("fg-bench-reveal-" + std::to_string(rd()));
    const expo::Exhibition ex = revealBenchExhibition(options.categories);
    auto exhibition = writeBenchExhibition(dir, ex);
    if (!exhibition) return exhibition.error();
    auto app = server::ServerApp::create(
        loopbackServerConfig(*exhibition, dir, visitors, options.tickRate));
    if (!app) return app.error();
    server::ServerApp& server = **app;
    std::atomic<bool> stop{false}, windowOpen{false}, botsDone{false};
    std::thread serverThread([&] {
        while (!stop)
            server.step(5);
    });
    auto organiser =
        connectBenchOrganiser(server, "Bench Organiser", "bench-organiser", "reveal bench");
    RevealResult result;
    result.visitors = visitors;
    if (organiser) {
        Receipts receipts;
        bot::BotConfig bots;
        bots.port = server.port();
        bots.count = visitors;
        bots.connectSpread = std::max(2.0, double(visitors) / 400.0);
        bots.windowStart = bots.connectSpread + options.settleSeconds;
        bots.durationSeconds =
            bots.windowStart + double(options.categories) * options.gapSeconds + 1.5;
        bots.exhibition = ex;
        bots.likePerMinute = bots.cardPerMinute = bots.chatPerMinute = 0; // only the reveal
        bots.onMessage = [&](const proto::Message& m) { receipts.add(m); };
        bots.onWindowStart = [&] { windowOpen = true; };
        std::thread botThread([&] {
            result.bots = bot::BotCrowd(bots).run();
            botsDone = true;
        });
        const auto sentAt = revealLoop(**organiser, windowOpen, botsDone, options, result.problems);
        botThread.join();
        (*organiser)->disconnect();
        summarise(result, sentAt, receipts);
    }
    stop = true;
    serverThread.join();
    app->reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    if (!organiser) return organiser.error();
    return result;
}

} // namespace fg::bench
