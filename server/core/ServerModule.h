// One server capability (presence, interactions, content, publishing, ...) as ServerApp hosts it:
// message handlers on the router, console commands, join/leave/tick hooks and status figures.
// Must not reach ServerApp: a module gets a ServerContext and what it shares with others.
#pragma once

#include "game/expo/protocol/Messages.h"
#include "server/console/ConsoleHost.h"
#include "server/core/ServerRouter.h"
#include "server/presence/Session.h"

#include <cstdint>

namespace fg::console {
class ConsoleCommands;
}

namespace fg::server {

class ServerModule {
public:
    virtual ~ServerModule() = default;

    // After every module is composed, before the first message or tick: opens what the module
    // keeps (its store tables, files). A failure stops the server from starting, with its reason.
    virtual Status start() { return {}; }
    // Registers every client message the module answers, each with who may send it.
    virtual void registerHandlers(ServerRouter& router) = 0;
    // Registers the module's organiser console commands (if any).
    virtual void registerCommands(console::ConsoleCommands&) {}
    // After the Welcome and the person's own Join were sent.
    virtual void onJoin(presence::Session&) {}
    // Before the person's avatar leaves the world and others get Leave.
    virtual void onLeave(presence::Session&, expo::proto::LeaveReason) {}
    // Once per tick, in module order (TICK is the new tick number, NOW monotonic seconds).
    virtual void onTick(std::uint32_t /*tick*/, double /*now*/) {}
    // After every network service between ticks (flow-controlled transfers drain here).
    virtual void onStep(double /*now*/) {}
    // Figures the module adds to `status` and `status --json`.
    virtual void addStatus(std::vector<console::StatusFigure>&) const {}
};

} // namespace fg::server
