// Cluster mode as the console sees it: `cluster status [--json]` (processes, visitors each and in
// total, Redis and PostgreSQL health) and this process's visitor count kept in the shared
// counters. Works in a single process too (then it reports one process). Must not reach sockets
// or Redis except through RedisBus.
#pragma once

#include "server/core/ServerContext.h"
#include "server/console/ConsoleCommands.h"
#include "server/core/ServerModule.h"

namespace fg::server {

class RedisBus;

class ClusterModule final : public ServerModule {
public:
    // BUS: the cluster's bus, or null for a single process.
    ClusterModule(ServerContext& ctx, RedisBus* bus) : m_ctx(ctx), m_bus(bus) {}
    void registerHandlers(ServerRouter&) override {}
    void registerCommands(console::ConsoleCommands& commands) override;
    void onTick(std::uint32_t tick, double now) override;
    void addStatus(std::vector<console::StatusFigure>& figures) const override;

private:
    std::int64_t visitorsHere() const;
    console::ConsoleResult status(bool json) const;

    ServerContext& m_ctx;
    RedisBus* m_bus = nullptr;
    std::int64_t m_counted = 0; // this process's part of the shared visitor count
};

// The shared counter of visitors in the whole event (each process adds its own).
inline constexpr std::string_view kVisitorsCounter = "visitors/event";

} // namespace fg::server
