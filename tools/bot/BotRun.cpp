// BotCrowd's worker threads and report: each worker services its share of the bots, tracks joins
// and failures; the report merges them into per-visitor rates. Reads only NetClient state.
#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "engine/net/NetPoll.h"
#include "tools/bot/BotCrowd.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <pthread.h>
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

namespace {
constexpr double kInputPeriod = 0.05; // 20 inputs per second, like the visitor client
// ENet resends, pings and notices timeouts only while serviced: a bot with nothing arriving
// (still connecting, or starved) is serviced at least this often.
constexpr double kSweepPeriod = 0.1;

double cpuClockSeconds(clockid_t clock) {
    timespec ts{};
    if (clock_gettime(clock, &ts) != 0) return 0;
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// CPU time of the given threads so far (seconds), summed.
double threadsCpuSeconds(std::vector<std::thread>& threads) {
    double sum = 0;
    for (auto& t : threads) {
        clockid_t clock{};
        if (pthread_getcpuclockid(t.native_handle(), &clock) == 0) sum += cpuClockSeconds(clock);
    }
    return sum;
}

void sleepUntil(double when) {
    const double left = when - monotonicSeconds();
    if (left > 0) std::this_thread::sleep_for(std::chrono::duration<double>(left));
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
        workers[t].next = workers[t].first;
        workers[t].phase = double(t) / double(threads);
        workers[t].rng.seed(12345 + t);
    }
    const double begin = monotonicSeconds();
    const double end = begin + m_config.durationSeconds;
    m_windowClosed = false;
    m_windowAt = begin + std::clamp(m_config.windowStart, 0.0, m_config.durationSeconds);
    std::vector<std::thread> pool;
    for (std::uint32_t t = 0; t < threads; ++t)
        pool.emplace_back([&, t] { runWorker(workers[t], begin, end); });
    // This thread only watches the clock: the window's CPU figures are the workers' alone.
    sleepUntil(m_windowAt);
    const double cpu0 = threadsCpuSeconds(pool), wall0 = monotonicSeconds();
    if (m_config.onWindowStart) m_config.onWindowStart();
    sleepUntil(end);
    const double cpu1 = threadsCpuSeconds(pool), wall1 = monotonicSeconds();
    m_windowClosed = true; // workers wait for this: an exited thread has no CPU clock to read
    if (m_config.onWindowEnd) m_config.onWindowEnd();
    for (auto& thread : pool)
        thread.join();
    BotReport report = finish(workers, end);
    report.threads = threads;
    report.windowSeconds = wall1 - wall0;
    report.cpuSeconds = cpu1 - cpu0;
    if (report.windowSeconds > 0) {
        report.cpuPercent = report.cpuSeconds / report.windowSeconds * 100.0;
        if (report.connected > 0)
            report.cpuUsPerVisitorSecond =
                report.cpuSeconds / report.windowSeconds / report.connected * 1e6;
    }
    return report;
}

void BotCrowd::runWorker(Worker& w, double begin, double end) {
    if (m_config.pollSockets) {
        auto poll = net::NetPoll::create();
        if (poll)
            w.poll = std::move(*poll);
        else
            noteError(w.report, poll.error().message); // falls back to servicing every bot
    }
    const double minPass = std::max(m_config.pollMs, 0.1) / 1000.0;
    // Workers send at different phases of the 50 ms input period, as independent clients would,
    // rather than all their inputs in one burst.
    double lastInput = begin, nextInput = begin + kInputPeriod * (1.0 + w.phase);
    double nextSweep = begin + kSweepPeriod;
    std::vector<std::uint64_t> ready;
    while (true) {
        double now = monotonicSeconds();
        if (now >= end) {
            while (!m_windowClosed)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            break;
        }
        startDue(w, now, begin);
        if (w.poll) {
            const double due = std::min({nextInput, nextSweep, end});
            const int waitMs = int(std::ceil(std::max(0.0, due - now) * 1000.0));
            if (auto n = w.poll->wait(ready, waitMs); !n) noteError(w.report, n.error().message);
        }
        const double pass = monotonicSeconds();
        if (w.poll) serviceReady(w, ready, pass);
        if (!w.poll || pass >= nextSweep) {
            sweep(w, pass);
            nextSweep = pass + kSweepPeriod;
        }
        if (pass >= nextInput) {
            w.inputLate.push_back(pass - nextInput);
            inputPass(w, pass, pass - lastInput);
            lastInput = pass;
            nextInput = std::max(nextInput + kInputPeriod, pass); // fell behind: do not burst
        }
        const double passEnd = monotonicSeconds();
        w.loopTimes.push_back(passEnd - pass);
        sleepUntil(now + minPass);
    }
}

void BotCrowd::startDue(Worker& w, double now, double begin) {
    const double spread = std::max(m_config.connectSpread, 1e-9);
    // Bot i starts at begin + spread * i / count, whichever worker owns it.
    while (w.next < w.last && (m_config.connectSpread <= 0 ||
                               double(w.next) <= (now - begin) / spread * double(m_bots.size()))) {
        const std::size_t index = w.next++;
        start(w, index, now);
        Bot& bot = *m_bots[index];
        if (!bot.net || !w.poll) continue;
        if (auto st = w.poll->add(bot.net->host(), index); !st)
            noteError(w.report, st.error().message);
    }
}

void BotCrowd::serviceReady(Worker& w, const std::vector<std::uint64_t>& ready, double now) {
    for (std::uint64_t index : ready)
        if (index >= w.first && index < w.next && m_bots[index] && m_bots[index]->net) {
            serviceNet(w, *m_bots[index], now);
            ++w.report.readyServices;
        }
}

// Services every started bot that ENet has not run for a sweep period (all of them without poll).
void BotCrowd::sweep(Worker& w, double now) {
    for (std::size_t i = w.first; i < w.next; ++i) {
        Bot* bot = m_bots[i].get();
        if (!bot || !bot->net) continue;
        if (w.poll && now - bot->lastService < kSweepPeriod) continue;
        serviceNet(w, *bot, now);
        ++w.report.sweepServices;
    }
}

void BotCrowd::serviceNet(Worker& w, Bot& bot, double now) {
    bot.lastService = now;
    bot.net->update(0);
    for (auto& m : bot.net->takeInbox()) {
        if (auto* r = std::get_if<proto::ActionResult>(&m)) {
            r->ok ? ++w.report.actionsOk : ++w.report.actionsFailed;
            if (!r->ok) noteError(w.report, r->text);
        } else if (auto* j = std::get_if<proto::Reject>(&m)) {
            noteError(w.report, j->text);
        }
        if (!m_venue.empty()) onStage(bot, m);
        if (m_config.onMessage) m_config.onMessage(m);
    }
    if (bot.net->state() != netclient::ClientState::Joined) return;
    if (bot.joinedAt < 0) {
        bot.joinedAt = now;
        bot.position = bot.net->selfPosition();
        pickWaypoint(w, bot);
        if (!m_venue.empty()) bot.net->teleport(proto::TeleportKind::Venue, 0, m_venue);
        if (!m_config.voteCategory.empty()) vote(w, bot);
    }
    if (!bot.inWindow && now >= m_windowAt) {
        const auto st = bot.net->stats();
        bot.inWindow = true;
        bot.windowFrom = now;
        bot.baseSnapshots = st.snapshots;
        bot.baseDown = st.bytesDown;
        bot.baseUp = st.bytesUp;
        if (bot.joinedAt > m_windowAt) ++w.report.joinedInWindow;
    }
}

// The 20 Hz pass: every joined bot walks, maybe acts, and its input leaves at once.
void BotCrowd::inputPass(Worker& w, double now, double dt) {
    for (std::size_t i = w.first; i < w.next; ++i) {
        Bot* bot = m_bots[i].get();
        if (!bot || !bot->net || bot->net->state() != netclient::ClientState::Joined ||
            bot->joinedAt < 0)
            continue;
        // The last position sent, or where the server corrected the bot to since.
        bot->position = bot->net->selfPosition();
        drive(w, *bot, now, dt);
        act(w, *bot, dt);
        bot->net->flush();
    }
}

BotReport BotCrowd::finish(std::vector<Worker>& workers, double end) {
    BotReport report;
    report.requested = m_config.count;
    std::vector<double> loops, late;
    for (auto& w : workers) {
        const BotReport& r = w.report;
        report.chats += r.chats;
        report.ballots += r.ballots;
        report.likes += r.likes;
        report.cards += r.cards;
        report.actionsOk += r.actionsOk;
        report.actionsFailed += r.actionsFailed;
        report.connectFailures += r.connectFailures;
        report.joinedInWindow += r.joinedInWindow;
        report.readyServices += r.readyServices;
        report.sweepServices += r.sweepServices;
        for (const auto& e : r.errors)
            noteError(report, e);
        loops.insert(loops.end(), w.loopTimes.begin(), w.loopTimes.end());
        late.insert(late.end(), w.inputLate.begin(), w.inputLate.end());
    }
    report.loopP50Ms = percentile(loops, 0.5) * 1000.0;
    report.loopP99Ms = percentile(loops, 0.99) * 1000.0;
    report.inputLateP50Ms = percentile(late, 0.5) * 1000.0;
    report.inputLateP99Ms = percentile(late, 0.99) * 1000.0;
    std::vector<double> connectMs, rttMs;
    double snapshots = 0, down = 0, up = 0, activeSeconds = 0;
    const double now = end; // nobody services the bots after it: their counters stop there
    for (auto& bot : m_bots) {
        if (!bot || !bot->net) continue;
        auto st = bot->net->stats();
        report.badPackets += st.badPackets;
        report.corrections += st.corrections;
        report.inVenue += bot->place == proto::StagePlaceKind::Venue;
        report.inOverflow += bot->place == proto::StagePlaceKind::Overflow;
        report.lastPage = std::max(report.lastPage, bot->page);
        auto state = bot->net->state();
        if (state == netclient::ClientState::Rejected) ++report.rejected;
        if (bot->joinedAt < 0) continue;
        if (state == netclient::ClientState::Disconnected) ++report.disconnected;
        ++report.connected;
        connectMs.push_back((bot->joinedAt - bot->startedAt) * 1000.0);
        // A dropped connection has no round trip left to report (ENet says 0).
        if (state == netclient::ClientState::Joined) rttMs.push_back(st.rttMs);
        if (bot->inWindow) { // rates over the window only (joining is not the test)
            activeSeconds += std::max(1e-3, now - bot->windowFrom);
            snapshots += double(st.snapshots - bot->baseSnapshots);
            down += double(st.bytesDown - bot->baseDown);
            up += double(st.bytesUp - bot->baseUp);
        }
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
    j["input_late_ms"] = {{"p50", inputLateP50Ms}, {"p99", inputLateP99Ms}};
    j["window"] = {{"seconds", windowSeconds}, {"joined_in_window", joinedInWindow}};
    j["services"] = {{"socket_ready", readyServices}, {"sweep", sweepServices}};
    j["cpu"] = {{"seconds", cpuSeconds},
                {"percent_of_one_core", cpuPercent},
                {"us_per_visitor_second", cpuUsPerVisitorSecond}};
    j["per_visitor"] = {{"snapshots_per_s", snapshotsPerSecond},
                        {"bytes_down_per_s", bytesDownPerSecond},
                        {"bytes_up_per_s", bytesUpPerSecond}};
    j["actions"] = {{"chats", chats},     {"likes", likes},  {"cards", cards},
                    {"ballots", ballots}, {"ok", actionsOk}, {"failed", actionsFailed}};
    j["attend"] = {{"in_venue", inVenue}, {"in_overflow", inOverflow}, {"page", lastPage + 1}};
    j["errors"] = {{"rejected", rejected},
                   {"disconnected", disconnected},
                   {"connect_failures", connectFailures},
                   {"bad_packets", badPackets},
                   {"corrections", corrections},
                   {"messages", errors}};
    return j.dump(2);
}

} // namespace fg::bot
