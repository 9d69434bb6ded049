// BotCrowd's main loop and report: services every bot, tracks joins and failures, and turns the
// counters into per-visitor rates. Reads only NetClient state; no sockets of its own.
#include "engine/core/Time.h"
#include "tools/bot/BotCrowd.h"

#include <algorithm>
#include <chrono>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
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

BotReport BotCrowd::run() {
    m_report = BotReport{};
    m_report.requested = m_config.count;
    m_bots.clear();
    m_bots.resize(m_config.count);
    const double begin = monotonicSeconds();
    const double end = begin + m_config.durationSeconds;
    std::size_t started = 0;
    double last = begin;
    while (true) {
        const double now = monotonicSeconds();
        if (now >= end) break;
        const double spread = std::max(m_config.connectSpread, 1e-9);
        while (started < m_bots.size() &&
               (m_config.connectSpread <= 0 ||
                double(started) <= (now - begin) / spread * double(m_bots.size())))
            start(started++, now);
        const double dt = now - last;
        const bool inputTick = dt >= 0.05; // 20 inputs per second, like the visitor client
        for (auto& bot : m_bots) {
            if (!bot || !bot->net) continue;
            bot->net->update(0);
            for (auto& m : bot->net->takeInbox()) {
                if (auto* r = std::get_if<proto::ActionResult>(&m)) {
                    r->ok ? ++m_report.actionsOk : ++m_report.actionsFailed;
                    if (!r->ok) noteError(r->text);
                } else if (auto* j = std::get_if<proto::Reject>(&m)) {
                    noteError(j->text);
                }
            }
            auto state = bot->net->state();
            if (state == netclient::ClientState::Joined && bot->joinedAt < 0) {
                bot->joinedAt = now;
                bot->position = bot->net->selfPosition();
                pickWaypoint(*bot);
            }
            if (state != netclient::ClientState::Joined || !inputTick) continue;
            if (bot->net->stats().corrections > 0) bot->position = bot->net->selfPosition();
            drive(*bot, now, dt);
            act(*bot, dt);
        }
        if (inputTick) last = now;
        // Sleep a little between input ticks so bots do not starve a server on the same machine.
        if (!inputTick) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return finish(monotonicSeconds() - begin);
}

BotReport BotCrowd::finish(double seconds) {
    std::vector<double> connectMs, rttMs;
    double snapshots = 0, down = 0, up = 0, activeSeconds = 0;
    const double now = monotonicSeconds();
    for (auto& bot : m_bots) {
        if (!bot || !bot->net) continue;
        auto st = bot->net->stats();
        m_report.badPackets += st.badPackets;
        m_report.corrections += st.corrections;
        auto state = bot->net->state();
        if (state == netclient::ClientState::Rejected) ++m_report.rejected;
        if (bot->joinedAt < 0) continue;
        if (state == netclient::ClientState::Disconnected) ++m_report.disconnected;
        ++m_report.connected;
        connectMs.push_back((bot->joinedAt - bot->startedAt) * 1000.0);
        rttMs.push_back(st.rttMs);
        const double alive = std::max(1e-3, now - bot->joinedAt);
        activeSeconds += alive;
        snapshots += double(st.snapshots);
        down += double(st.bytesDown);
        up += double(st.bytesUp);
        bot->net->disconnect();
    }
    m_report.connectP50Ms = percentile(connectMs, 0.5);
    m_report.connectP99Ms = percentile(connectMs, 0.99);
    m_report.rttP50Ms = percentile(rttMs, 0.5);
    m_report.rttP99Ms = percentile(rttMs, 0.99);
    if (activeSeconds > 0) {
        m_report.snapshotsPerSecond = snapshots / activeSeconds;
        m_report.bytesDownPerSecond = down / activeSeconds;
        m_report.bytesUpPerSecond = up / activeSeconds;
    }
    (void)seconds;
    return m_report;
}

std::string BotReport::toJson() const {
    nlohmann::json j;
    j["requested"] = requested;
    j["connected"] = connected;
    j["connect_ms"] = {{"p50", connectP50Ms}, {"p99", connectP99Ms}};
    j["rtt_ms"] = {{"p50", rttP50Ms}, {"p99", rttP99Ms}};
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
