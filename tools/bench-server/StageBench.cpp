// StageBench: ServerApp stepping on its own thread, BotCrowd attending "bench-forum" over real
// sockets, and an organiser's NetClient paging it on this thread; prints nothing, asserts nothing.
#include "tools/bench-server/StageBench.h"

#include "engine/core/Time.h"
#include "game/expo/protocol/MessageCodec.h"
#include "server/ServerApp.h"
#include "server/store/Store.h"
#include "tools/bench-server/BenchServer.h"
#include "tools/bench-server/BenchWorld.h"

#include <algorithm>
#include <atomic>
#include <ctime>
#include <map>
#include <mutex>
#include <pthread.h>
#include <random>
#include <thread>

namespace fg::bench {
namespace {

namespace proto = expo::proto;
constexpr const char* kSession = "bench-forum";

// When each attendee was shown each page (from the bots' worker threads).
struct Receipts {
    std::mutex mutex;
    std::vector<std::pair<std::uint32_t, double>> shown; // page, monotonic seconds
    std::size_t updateBytes = 0;

    void add(const proto::StageUpdate& update) {
        const double now = monotonicSeconds();
        std::lock_guard lock(mutex);
        shown.emplace_back(update.page, now);
        if (updateBytes == 0)
            if (auto bytes = proto::encode(proto::StageUpdate(update))) updateBytes = bytes->size();
    }
};

// Times, CPU samples and pages of the presenter's thread while the bots run.
struct PagingRun {
    std::atomic<bool> windowOpen{false}, botsDone{false};
    std::map<std::uint32_t, double> sentAt; // page -> monotonic seconds
    double cpuOpen = 0, cpuMid = 0, cpuClose = 0, wallOpen = 0, wallMid = 0, wallClose = 0;
};

// Services the presenter until the bots finish: quiet half, paging half, then 0.5 s to deliver.
void presenterLoop(netclient::NetClient& presenter, std::thread& serverThread, PagingRun& run,
                   const StageOptions& options) {
    std::uint32_t page = 10; // pages the attendees were never shown before
    double nextPage = 0;
    while (!run.botsDone.load()) {
        presenter.update(1);
        (void)presenter.takeInbox();
        if (!run.windowOpen.load()) continue;
        const double now = monotonicSeconds();
        if (run.wallOpen == 0) {
            run.wallOpen = now;
            run.cpuOpen = threadCpuSeconds(serverThread);
            continue;
        }
        const double half = options.seconds / 2;
        if (run.wallMid == 0 && now >= run.wallOpen + half) {
            run.wallMid = nextPage = now;
            run.cpuMid = threadCpuSeconds(serverThread);
        }
        if (run.wallClose == 0 && now >= run.wallOpen + options.seconds) {
            run.wallClose = now;
            run.cpuClose = threadCpuSeconds(serverThread);
        }
        if (run.wallMid == 0 || run.wallClose != 0 || now < nextPage) continue;
        if (now > run.wallOpen + options.seconds - 0.5) continue; // the last ones must land
        run.sentAt[++page] = monotonicSeconds();
        presenter.request(proto::StagePage{0, kSession, page});
        presenter.flush();
        nextPage += 1.0 / options.pagesPerSecond;
    }
}

void summarise(StageResult& result, const PagingRun& run, Receipts& receipts) {
    std::vector<double> latencies;
    for (const auto& [page, at] : receipts.shown)
        if (auto sent = run.sentAt.find(page); sent != run.sentAt.end())
            latencies.push_back((at - sent->second) * 1000.0);
    result.pages = std::uint32_t(run.sentAt.size());
    result.delivered = latencies.size();
    result.expected = std::uint64_t(result.pages) * (result.bots.inVenue + result.bots.inOverflow);
    result.p50Ms = percentile(latencies, 0.50);
    result.p99Ms = percentile(latencies, 0.99);
    result.maxMs = latencies.empty() ? 0 : *std::max_element(latencies.begin(), latencies.end());
    const double quiet = run.wallMid - run.wallOpen, paging = run.wallClose - run.wallMid;
    const double quietCpu = run.cpuMid - run.cpuOpen, pagingCpu = run.cpuClose - run.cpuMid;
    result.quietCpuPercent = quiet > 0 ? quietCpu / quiet * 100 : 0;
    result.pagingCpuPercent = paging > 0 ? pagingCpu / paging * 100 : 0;
    if (result.pages > 0 && quiet > 0)
        result.cpuUsPerPageChange =
            (pagingCpu - quietCpu / quiet * paging) / double(result.pages) * 1e6;
    result.updateBytes = receipts.updateBytes;
}

} // namespace

Result<StageResult> runStageBench(std::uint32_t visitors, const StageOptions& options) {
    std::random_device rd;
    auto dir = std::filesystem::temp_directory_path() / ("fg-bench-stage-" + std::to_string(rd()));
    const expo::Exhibition ex = stageBenchExhibition(options.capacity);
    auto exhibition = writeBenchExhibition(dir, ex);
    if (!exhibition) return exhibition.error();
    server::ServerConfig config =
        loopbackServerConfig(*exhibition, dir, visitors, options.tickRate);
    auto app = server::ServerApp::create(config);
    if (!app) return app.error();
    server::ServerApp& server = **app;
    if (auto started = server.console().execute(std::string("session start ") + kSession);
        !started.ok)
        return makeError("stage bench: " + started.text);
    std::atomic<bool> stop{false};
    std::thread serverThread([&] {
        while (!stop)
            server.step(5);
    });
    auto presenter =
        connectBenchOrganiser(server, "Bench Presenter", "bench-presenter", "stage bench");
    StageResult result;
    result.visitors = visitors;
    if (presenter) {
        Receipts receipts;
        PagingRun run;
        bot::BotConfig bots;
        bots.port = server.port();
        bots.count = visitors;
        bots.connectSpread = std::max(2.0, double(visitors) / 400.0);
        bots.windowStart = bots.connectSpread + options.settleSeconds;
        bots.durationSeconds = bots.windowStart + options.seconds + 0.5;
        bots.exhibition = ex;
        bots.attend = kSession;
        bots.onPage = [&](const proto::StageUpdate& u) { receipts.add(u); };
        bots.onWindowStart = [&] { run.windowOpen = true; };
        std::thread botThread([&] {
            result.bots = bot::BotCrowd(bots).run();
            run.botsDone = true;
        });
        presenterLoop(**presenter, serverThread, run, options);
        botThread.join();
        (*presenter)->disconnect();
        summarise(result, run, receipts);
    }
    stop = true;
    serverThread.join();
    app->reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    if (!presenter) return presenter.error();
    return result;
}

} // namespace fg::bench
