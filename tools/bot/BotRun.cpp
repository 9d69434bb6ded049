// BotCrowd's worker threads and report: each worker services its share of the bots, tracks joins
// and failures; the report merges them into per-visitor rates. Reads only NetClient state.
#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "tools/bot/BotCrowd.h"

#include <algorithm>
#include <chrono>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sys/resource.h>
#include <thread>

namespace fg::bot {

namespace proto = fg::expo::proto;

namespace {
double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5))];
}
} // namespace

namespace {
// Bots a worker thread services by default: ~500 ENet hosts polled in turn stay under 50 ms.
constexpr std::uint32_t kBotsPerThread = 500;
constexpr std::uint32_t kMaxThreads = 8;

// One socket per bot: lifts the soft descriptor limit to the hard one when N needs it.
void raiseFileLimit(std::uint32_t sockets) {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
    const rlim_t wanted = rlim_t(sockets) + 64;
    if (limit.rlim_cur >= wanted) return;
    limit.rlim_cur = std::min(limit.rlim_max, wanted);
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur < wanted)
        log::warn("bot: descriptor limit {} is below the {} sockets asked for", limit.rlim_cur,
                  wanted);
}
} // namespace

BotReport BotCrowd::run() {
    raiseFileLimit(m_config.count);
    m_bots.clear();
    m_bots.resize(m_config.count);
    std::uint32_t threads =
        m_config.threads != 0
            ? m_config.threads
            : std::min(kMaxThreads, (m_config.count + kBotsPerThread - 1) / kBotsPerThread);
    threads = std::clamp<std::uint32_t>(threads, 1, std::max(1u, m_config.count));
    std::vector<Worker> workers(threads);
    for (std::uint32_t t = 0; t < threads; ++t) {
        workers[t].first = std::size_t(m_config.count) * t / threads;
        workers[t].last = std::size_t(m_config.count) * (t + 1) / threads;
        workers[t].rng.seed(12345 + t);
    }
    const double begin = monotonicSeconds();
    const double end = begin + m_config.durationSeconds;
    std::vector<std::thread> pool;
    for (std::uint32_t t = 1; t < threads; ++t)
        pool.emplace_back([&, t] { runWorker(workers[t], begin, end); });
    runWorker(workers[0], begin, end);
    for (auto& thread : pool)
        thread.join();
    BotReport report = finish(workers);
    report.threads = threads;
    return report;
}

void BotCrowd::runWorker(Worker& w, double begin, double end) {
    std::size_t next = w.first; // next bot of this worker to start
    double last = begin;
    const double spread = std::max(m_config.connectSpread, 1e-9);
    while (true) {
        const double now = monotonicSeconds();
        if (now >= end) break;
        // Bot i starts at begin + spread * i / count, whichever worker owns it.
        while (next < w.last && (m_config.connectSpread <= 0 ||
                                 double(next) <= (now - begin) / spread * double(m_bots.size())))
            start(w, next++, now);
        const double dt = now - last;
        const bool inputTick = dt >= 0.05; // 20 inputs per second, like the visitor client
        for (std::size_t i = w.first; i < next; ++i)
            if (m_bots[i] && m_bots[i]->net) service(w, *m_bots[i], now, dt, inputTick);
        const double passEnd = monotonicSeconds();
        w.loopTimes.push_back(passEnd - now);
        if (inputTick) last = now;
        const double idle = now + std::max(m_config.pollMs, 0.1) / 1000.0 - passEnd;
        if (idle > 0) std::this_thread::sleep_for(std::chrono::duration<double>(idle));
    }
}

void BotCrowd::service(Worker& w, Bot& bot, double now, double dt, bool inputTick) {
    bot.net->update(0);
    for (auto& m : bot.net->takeInbox()) {
        if (auto* r = std::get_if<proto::ActionResult>(&m)) {
            r->ok ? ++w.report.actionsOk : ++w.report.actionsFailed;
            if (!r->ok) noteError(w.report, r->text);
        } else if (auto* j = std::get_if<proto::Reject>(&m)) {
            noteError(w.report, j->text);
        }
    }
    auto state = bot.net->state();
    if (state == netclient::ClientState::Joined && bot.joinedAt < 0) {
        bot.joinedAt = now;
        bot.position = bot.net->selfPosition();
        pickWaypoint(w, bot);
    }
    if (state != netclient::ClientState::Joined || !inputTick) return;
    if (bot.net->stats().corrections > 0) bot.position = bot.net->selfPosition();
    drive(w, bot, now, dt);
    act(w, bot, dt);
}

BotReport BotCrowd::finish(std::vector<Worker>& workers) {
    BotReport report;
    report.requested = m_config.count;
    std::vector<double> loops;
    for (auto& w : workers) {
        const BotReport& r = w.report;
        report.chats += r.chats;
        report.likes += r.likes;
        report.cards += r.cards;
        report.actionsOk += r.actionsOk;
        report.actionsFailed += r.actionsFailed;
        report.connectFailures += r.connectFailures;
        for (const auto& e : r.errors)
            noteError(report, e);
        loops.insert(loops.end(), w.loopTimes.begin(), w.loopTimes.end());
    }
    report.loopP50Ms = percentile(loops, 0.5) * 1000.0;
    report.loopP99Ms = percentile(loops, 0.99) * 1000.0;
    std::vector<double> connectMs, rttMs;
    double snapshots = 0, down = 0, up = 0, activeSeconds = 0;
    const double now = monotonicSeconds();
    for (auto& bot : m_bots) {
        if (!bot || !bot->net) continue;
        auto st = bot->net->stats();
        report.badPackets += st.badPackets;
        report.corrections += st.corrections;
        auto state = bot->net->state();
        if (state == netclient::ClientState::Rejected) ++report.rejected;
        if (bot->joinedAt < 0) continue;
        if (state == netclient::ClientState::Disconnected) ++report.disconnected;
        ++report.connected;
        connectMs.push_back((bot->joinedAt - bot->startedAt) * 1000.0);
        rttMs.push_back(st.rttMs);
        const double alive = std::max(1e-3, now - bot->joinedAt);
        activeSeconds += alive;
        snapshots += double(st.snapshots);
        down += double(st.bytesDown);
        up += double(st.bytesUp);
        bot->net->disconnect();
    }
    report.connectP50Ms = percentile(connectMs, 0.5);
    report.connectP99Ms = percentile(connectMs, 0.99);
    report.rttP50Ms = percentile(rttMs, 0.5);
    report.rttP99Ms = percentile(rttMs, 0.99);
    if (activeSeconds > 0) {
        report.snapshotsPerSecond = snapshots / activeSeconds;
        report.bytesDownPerSecond = down / activeSeconds;
        report.bytesUpPerSecond = up / activeSeconds;
    }
    return report;
}

std::string BotReport::toJson() const {
    nlohmann::json j;
    j["requested"] = requested;
    j["connected"] = connected;
    j["connect_ms"] = {{"p50", connectP50Ms}, {"p99", connectP99Ms}};
    j["rtt_ms"] = {{"p50", rttP50Ms}, {"p99", rttP99Ms}};
    j["threads"] = threads;
    j["worker_pass_ms"] = {{"p50", loopP50Ms}, {"p99", loopP99Ms}};
    j["per_visitor"] = {{"snapshots_per_s", snapshotsPerSecond},
                        {"bytes_down_per_s", bytesDownPerSecond},
                        {"bytes_up_per_s", bytesUpPerSecond}};
    j["actions"] = {{"chats", chats},
                    {"likes", likes},
                    {"cards", cards},
                    {"ok", actionsOk},
                    {"failed", actionsFailed}};
    j["errors"] = {{"rejected", rejected},
                   {"disconnected", disconnected},
                   {"connect_failures", connectFailures},
                   {"bad_packets", badPackets},
                   {"corrections", corrections},
                   {"messages", errors}};
    return j.dump(2);
}

} // namespace fg::bot
