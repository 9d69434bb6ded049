// The Fairground server host: sessions, the handshake, the fixed tick, transport, store and
// console; composes the capability modules (server/<capability>/) on one typed router.
// Must not handle any capability's messages itself, render, or touch GLFW/Vulkan/ENet directly.
#pragma once

#include "engine/net/NetHost.h"
#include "game/expo/Exhibition.h"
#include "game/expo/protocol/MessageCodec.h"
#include "server/console/ConsoleCommands.h"
#include "server/console/ConsoleHost.h"
#include "server/core/HandshakeGuard.h"
#include "server/core/ServerConfig.h"
#include "server/core/ServerContext.h"
#include "server/core/ServerModule.h"
#include "server/core/ServerRouter.h"

#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fg::content {
class ContentService;
}
namespace fg::interact {
class Interactions;
}
namespace fg::publish {
class PublishService;
}

namespace fg::server {

class ContentModule;
struct ModerationEvent;

// Loads and validates an exhibition file; the error lists every problem, one per line.
Result<std::unique_ptr<expo::Exhibition>> loadValidExhibition(const std::filesystem::path& path);

// Runs a console command line for a session with the given role; returns the printed output.
using ConsoleRunner = std::function<Result<std::string>(std::string_view line)>;

class ServerApp : public console::ConsoleHost {
public:
    // Loads and validates the exhibition (every problem in the error), opens the store, binds.
    static Result<std::unique_ptr<ServerApp>> create(ServerConfig config);
    ~ServerApp() override;

    // Services the network until the next tick is due (at most maxWaitMs), then ticks if due.
    void step(std::uint32_t maxWaitMs);
    // Steps until shutdown() or requestStop().
    void run();
    void requestStop() { m_stopAt = 0; }
    bool stopping() const;
    // Runs one tick now (every module's onTick, the console, store flush); step() calls it.
    void tick();

    std::uint16_t port() const;
    std::uint32_t currentTick() const { return m_state.tick; }
    // Benchmarks (server thread only): restart the tick-time window after a ramp, and the network
    // threads' CPU time so far (seconds; 0 without network threads).
    void clearTickTimes() { m_tickTimes.clear(); }
    double netThreadCpuSeconds() const { return m_state.host->stats().netThreadCpuSeconds; }
    store::Store& store() { return *m_state.store; }
    const presence::PresenceWorld& world() const { return *m_state.world; }
    // Serves assets by hash always, and the exhibition manifest with ServerConfig::serveContent.
    content::ContentService* contentService();
    // Published booth assets (store() holds them by hash) and the moderation queue.
    const publish::PublishService* publisher() const { return m_state.publish.get(); }
    // The organiser console: every command, the modules' included (terminal and remote).
    console::ConsoleCommands& console() { return *m_console; }
    // Runs "booth pending|approve|reject ..." through console() (nullopt for any other line).
    std::optional<Result<std::string>> runPublishCommand(std::string_view line);
    // Tests: remote ConsoleCommands run here instead of console().
    void setConsoleRunner(ConsoleRunner runner) { m_consoleRunner = std::move(runner); }
    // Called once per tick on the server thread (the terminal console pumps its input here).
    void setTickHook(std::function<void()> hook) { m_tickHook = std::move(hook); }

    // ConsoleHost
    console::ServerStats stats() const override;
    // The public half of the key this server proves it holds (what clients pin).
    std::optional<net::KeyBytes> publicKey() const { return m_state.host->publicKey(); }
    std::vector<console::HallStatus> halls() const override;
    std::vector<console::VisitorInfo> visitors() const override;
    const expo::Exhibition& exhibition() const override { return *m_state.exhibition; }
    Status kick(std::uint32_t visitorId, std::string_view reason) override;
    Status disconnectBanned(std::uint32_t visitorId, std::string_view reason) override;
    void banElsewhere(std::string_view name, std::string_view reason) override;
    Status setMuted(std::uint32_t visitorId, bool muted) override;
    Status announce(std::string_view hallId, std::string_view text) override;
    Status setHallOpen(std::string_view hallId, bool open) override;
    Status requestSave() override;
    Result<std::string> reloadExhibition() override;
    Status shutdown(std::uint32_t seconds) override;

private:
    ServerApp() = default;
    Status open(); // ServerApp.cpp: the state after the store and the host
    Status composeModules();
    Status openBus();
    void subscribeBus(); // ServerAppConsole.cpp: broadcasts and moderation from the bus
    void deliverBroadcast(std::string_view topic, std::span<const std::uint8_t> bytes);
    void applyModeration(const ModerationEvent& event);
    void handleEvent(net::NetEvent& event);
    void onConnect(presence::Session& session, net::PeerId peer);
    void applyDrops(); // drops m_drops' peers at once (no linger): they never joined
    void logGuard(double now);
    void addSecurityStatus(console::ServerStats& st) const;
    void handlePacket(presence::Session& session, std::span<const std::uint8_t> bytes);
    void admit(presence::Session& session, expo::proto::Hello& hello); // the handshake
    bool acceptHello(presence::Session& session, const expo::proto::Hello& hello);
    bool acceptCredential(presence::Session& session, const expo::proto::Hello& hello);
    void onDisconnect(presence::Session& session, expo::proto::LeaveReason reason);
    void reject(presence::Session& session, expo::proto::RejectReason reason, std::string text);
    presence::Session* joinedSession(std::uint32_t id);
    void recordTickTime(double seconds);

    ServerState m_state; // before the modules: they stop first
    std::unique_ptr<ServerContext> m_ctx;
    std::unique_ptr<ServerRouter> m_router;
    std::unique_ptr<interact::Interactions> m_interactions;
    std::unique_ptr<console::ConsoleCommands> m_console;
    std::vector<std::unique_ptr<ServerModule>> m_modules; // in tick order
    ContentModule* m_contentModule = nullptr;             // one of m_modules
    std::unique_ptr<HandshakeGuard> m_guard;              // who may keep a slot unjoined
    std::shared_ptr<net::ConnectGate> m_connectGate;      // who may get a slot (net threads too)
    std::vector<GuardDrop> m_drops;                       // reused: the guard's verdicts
    GuardCounters m_loggedGuard;                          // counters at the last log line
    std::uint64_t m_loggedGated = 0;                      // connect gate refusals, likewise
    double m_lastGuardLog = 0;
    ConsoleRunner m_consoleRunner;
    std::function<void()> m_tickHook;

    double m_startTime = 0;
    double m_nextTick = 0;
    double m_stopAt = -1;           // server clock time to stop at; < 0: not stopping
    std::deque<double> m_tickTimes; // recent tick durations, seconds
    net::HostStats m_lastHostStats;
    double m_netCpuPercent = 0; // network threads' CPU over the last second, % of one core
    net::NetEvent m_netEvent;   // reused by every step: the payload keeps its capacity
    double m_lastRateTime = 0;
    double m_bytesInPerSecond = 0, m_bytesOutPerSecond = 0;
};

} // namespace fg::server
