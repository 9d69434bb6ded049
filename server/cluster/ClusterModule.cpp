// ClusterModule: the visitor count each process adds to the shared counter once a second, and
// `cluster status`. Must not change what a process serves (placement is the directory's).
#include "server/cluster/ClusterModule.h"

#include "server/cluster/RedisBus.h"
#include "server/console/ConsoleCommands.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace fg::server {

namespace {

nlohmann::json redisJson(const RedisBus* bus) {
    if (!bus) return "not configured (single process)";
    const RedisBusHealth h = bus->health();
    return {{"address", bus->address().text()}, {"connected", h.connected},
            {"published", h.published},         {"received", h.received},
            {"reconnects", h.reconnects},       {"last_error", h.lastError}};
}

} // namespace

std::int64_t ClusterModule::visitorsHere() const {
    std::int64_t count = 0;
    for (const presence::Session& s : m_ctx.sessions())
        if (s.joined && s.present) ++count;
    return count;
}

void ClusterModule::onTick(std::uint32_t tick, double) {
    if (!m_bus || tick % m_ctx.config().tickRate != 0) return;
    const std::int64_t here = visitorsHere();
    if (here != m_counted) m_bus->add(kVisitorsCounter, here - std::exchange(m_counted, here));
}

void ClusterModule::addStatus(std::vector<console::StatusFigure>& figures) const {
    if (!m_bus) return;
    figures.push_back(
        {"cluster_processes", "processes in the cluster", double(m_bus->processes().size())});
    figures.push_back({"cluster_visitors", "visitors in the whole event",
                       double(m_bus->counter(kVisitorsCounter))});
}

console::ConsoleResult ClusterModule::status(bool json) const {
    nlohmann::json processes = nlohmann::json::array();
    std::int64_t total = visitorsHere();
    if (m_bus) {
        const auto parts = m_bus->parts(kVisitorsCounter);
        total = 0;
        for (const auto& [id, info] : m_bus->processes()) {
            auto part = parts.find(id);
            const std::int64_t visitors = part == parts.end() ? 0 : part->second;
            total += visitors;
            processes.push_back({{"id", fmt::format("{:016x}", id)},
                                 {"info", info},
                                 {"visitors", visitors},
                                 {"this", id == m_bus->processId()}});
        }
    } else {
        processes.push_back(
            {{"id", "local"}, {"info", "single process"}, {"visitors", total}, {"this", true}});
    }
    nlohmann::json doc{{"mode", m_bus ? "cluster" : "single"},
                       {"processes", processes},
                       {"visitors", total},
                       {"redis", redisJson(m_bus)},
                       {"postgresql", "not configured (records in this process's SQLite)"}};
    if (json) return {doc.dump(2) + "\n", true};
    std::string out = fmt::format("{} mode: {} process(es), {} visitor(s)\n",
                                  m_bus ? "cluster" : "single", processes.size(), total);
    for (const auto& p : processes)
        out += fmt::format("  {} {}: {} visitor(s){}\n", p["id"].get<std::string>(),
                           p["info"].get<std::string>(), p["visitors"].get<std::int64_t>(),
                           p["this"].get<bool>() ? " (this process)" : "");
    if (m_bus) {
        const RedisBusHealth h = m_bus->health();
        out += fmt::format("redis: {}{}, {} published, {} received, {} reconnect(s)\n",
                           h.connected ? "connected" : "NOT CONNECTED",
                           h.lastError.empty() ? "" : " (last error: " + h.lastError + ")",
                           h.published, h.received, h.reconnects);
    } else {
        out += "redis: not configured (start with --cluster redis://HOST:PORT)\n";
    }
    out += "postgresql: not configured (records in this process's SQLite)\n";
    return {out, true};
}

void ClusterModule::registerCommands(console::ConsoleCommands& commands) {
    commands.add({"cluster",
                  "cluster status [--json]",
                  "the processes of this event, their visitors, Redis health",
                  "status [--json]: every live process in the directory (its id, address and "
                  "visitors), the visitors in total, and the health of Redis (connected, "
                  "messages published and received, reconnects, the last error).",
                  1,
                  1,
                  {"json"},
                  {"status"},
                  [this](const console::CommandArgs& a) -> console::ConsoleResult {
                      if (a.words[0] != "status")
                          return {"usage: cluster status [--json]\n", false};
                      return status(a.json);
                  }});
}

} // namespace fg::server
