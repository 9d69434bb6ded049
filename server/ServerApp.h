// The Fairground server: owns the ENet host, the presence world, the store and the console
// wiring; runs the fixed tick. Implements console::ConsoleHost for the organiser console.
// Must not render or touch GLFW/Vulkan; all third-party networking stays inside fg_net.
#pragma once

#include "engine/net/NetHost.h"
#include "game/expo/Exhibition.h"
#include "game/expo/protocol/MessageCodec.h"
#include "server/console/ConsoleHost.h"
#include "server/content/ContentServer.h"
#include "server/presence/PresenceWorld.h"
#include "server/presence/Session.h"
#include "server/publish/BundleBuildWorker.h"
#include "server/publish/SubmitWorker.h"

#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fg::store {
class Store;
}
namespace fg::content {
class ContentService;
}
namespace fg::interact {
class Interactions;
struct Actor;
} // namespace fg::interact

namespace fg::server {

struct ServerConfig {
    std::filesystem::path exhibitionPath;
    std::filesystem::path dataDir;
    std::string bindAddress = "0.0.0.0";
    std::uint16_t port = 7777;
    std::uint32_t tickRate = 20;
    std::uint32_t maxVisitors = 1000; // connections, clamped to ENet's 4,095
    // Network threads (net::HostConfig::threads): 0 = ENet on the tick thread; N = N threads
    // sharing the UDP port. The environment variable FG_NET_THREADS overrides it.
    std::uint32_t netThreads = 0;
    bool visitorsNeedTicket = false; // when true a visitor must present a visitor credential
    std::uint32_t maxBadPackets = 8; // faults tolerated before a peer is disconnected
    presence::PresenceConfig presence;
    // Cook the exhibition's files at start and answer ContentRequests (server/ServerAppContent).
    bool serveContent = false;
    std::filesystem::path contentDir; // default DATADIR/content
    content::ContentLimits contentLimits;
    // Booth publishing (server/ServerAppPublish.cpp): approve every bundle that passes the checks.
    bool autoApprove = false;
    std::filesystem::path publishDir; // default DATADIR/publish
};

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
    // Runs one tick now (presence snapshots, periodic work); step() calls it on schedule.
    void tick();

    std::uint16_t port() const;
    std::uint32_t currentTick() const { return m_tick; }
    // Benchmarks (server thread only): restart the tick-time window after a ramp, and the network
    // threads' CPU time so far (seconds; 0 without network threads).
    void clearTickTimes() { m_tickTimes.clear(); }
    double netThreadCpuSeconds() const { return m_host->stats().netThreadCpuSeconds; }
    store::Store& store() { return *m_store; }
    const presence::PresenceWorld& world() const { return *m_world; }
    // Serves assets by hash always, and the exhibition manifest with ServerConfig::serveContent.
    content::ContentService* contentService() { return m_content.get(); }
    // Published booth assets (store() holds them by hash) and the moderation queue.
    const publish::PublishService* publisher() const { return m_publish.get(); }
    // Runs "booth pending|approve|reject ..." (nullopt for any other line): the terminal and
    // remote consoles route these here before the ConsoleCommands registry.
    std::optional<Result<std::string>> runPublishCommand(std::string_view line);
    // Console wiring: the command runner for local and remote organiser commands.
    void setConsoleRunner(ConsoleRunner runner) { m_consoleRunner = std::move(runner); }
    // Called once per tick on the server thread (the terminal console pumps its input here).
    void setTickHook(std::function<void()> hook) { m_tickHook = std::move(hook); }

    // ConsoleHost
    console::ServerStats stats() const override;
    std::vector<console::HallStatus> halls() const override;
    std::vector<console::VisitorInfo> visitors() const override;
    const expo::Exhibition& exhibition() const override { return *m_exhibition; }
    Status kick(std::uint32_t visitorId, std::string_view reason) override;
    Status disconnectBanned(std::uint32_t visitorId, std::string_view reason) override;
    Status setMuted(std::uint32_t visitorId, bool muted) override;
    Status announce(std::string_view hallId, std::string_view text) override;
    Status setHallOpen(std::string_view hallId, bool open) override;
    Status requestSave() override;
    Result<std::string> reloadExhibition() override;
    Status shutdown(std::uint32_t seconds) override;

private:
    ServerApp() = default;
    void handleEvent(net::NetEvent& event);
    void handlePacket(presence::Session& session, std::span<const std::uint8_t> bytes);
    void handleHello(presence::Session& session, expo::proto::Hello& hello);
    void handleInput(presence::Session& session, const expo::proto::Input& input);
    void handleTeleport(presence::Session& session, const expo::proto::Teleport& teleport);
    void handleInteraction(presence::Session& session, expo::proto::Message& message);
    void handleConsole(presence::Session& session, const expo::proto::ConsoleCommand& command);
    void onDisconnect(presence::Session& session, expo::proto::LeaveReason reason);
    void reject(presence::Session& session, expo::proto::RejectReason reason, std::string text);
    void fault(presence::Session& session, std::string_view what);
    void sendSnapshots();
    void sendCorrection(presence::Session& session, std::uint32_t sequence);
    bool send(const presence::Session& session, expo::proto::Message message);
    presence::Session* session(std::uint32_t id);
    std::uint32_t hallIndex(std::string_view hallId) const;
    void recordTickTime(double seconds);
    void updateVisits();
    bool handleExhibitorMessage(presence::Session& s,
                                expo::proto::Message& m); // ServerAppExhibitor
    void updateStaffPresence();
    void sendStaffPresence(const presence::Session& s);
    interact::Actor actor(const presence::Session& session) const;
    void reply(const presence::Session& session, std::uint32_t requestId, const Status& status,
               std::uint32_t value = 0, std::string text = {});
    void deliverChat(presence::Session& from, const expo::proto::ChatSend& chat);
    void handleMeetingRequest(presence::Session& s, const expo::proto::MeetingRequest& m);
    void handleMeetingReply(presence::Session& s, const expo::proto::MeetingReply& m);
    Status startContent(); // ServerAppContent.cpp
    void handleContentRequest(presence::Session& s, const expo::proto::ContentRequest& request);
    // Every step: queued bytes drain fast; the byte budget is per tick (newTick refills it).
    void pumpContent(bool newTick);
    void dropContent(const presence::Session& s);
    Status startPublish(); // ServerAppPublish.cpp
    bool handlePublishMessage(presence::Session& s, expo::proto::Message& m);
    void handleUploadBegin(presence::Session& s, const expo::proto::UploadBegin& m);
    void handleUploadChunk(presence::Session& s, const expo::proto::UploadChunk& m);
    void handleUploadFinish(presence::Session& s, const expo::proto::UploadFinish& m);
    void pumpPublish();
    void onBoothPublished(const publish::PublishedRevision& rev);
    void tellExhibitorRejected(const publish::Submission& sub);
    void sendPublishedBooths(const presence::Session& s);
    void dropUpload(const presence::Session& s);
    void applyPublishedBooths();
    // ServerAppBoothFetch.cpp: the editor opens a booth from the server; bundle bytes by hash
    // only for the booth's exhibitor or an organiser.
    bool handleBoothFetchMessage(presence::Session& s, expo::proto::Message& m);
    void handleBoothFetch(presence::Session& s, const expo::proto::BoothFetchRequest& m,
                          bool buildNow = false);
    void pumpBoothFetch(); // answers requests whose bundles the build worker finished
    bool refuseBundleContent(presence::Session& s, const expo::proto::ContentRequest& m);
    Status addBoothFetchEntries(const expo::Booth& booth, expo::proto::BoothFetchReply& reply);
    std::string boothAccessRefusal(const presence::Session& s, const std::string& boothId) const;
    std::string boothsToOffer(const presence::Session& s, const std::string& boothId,
                              std::vector<const expo::Booth*>& out) const;

    ServerConfig m_config;
    std::unique_ptr<expo::Exhibition> m_exhibition;
    std::uint64_t m_revision = 0;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<net::NetHost> m_host;
    std::unique_ptr<presence::PresenceWorld> m_world;
    std::vector<presence::Session> m_sessions; // by ENet peer slot
    std::unique_ptr<interact::Interactions> m_interactions;
    std::set<std::string> m_staffOnline; // booths announced as staffed
    std::unique_ptr<content::ContentService> m_content;
    // An exhibitor's upload in progress on one connection.
    struct UploadLink {
        std::uint32_t requestId = 0;
        std::string boothId;
        std::uint64_t totalBytes = 0;
        std::uint32_t chunksSinceStatus = 0;
    };
    std::unique_ptr<publish::PublishService> m_publish;
    std::unique_ptr<publish::SubmitWorker> m_submitWorker;     // after m_publish: stops first
    std::map<std::uint16_t, UploadLink> m_uploadLinks;         // by session id
    std::unique_ptr<publish::BundleBuildWorker> m_buildWorker; // after m_publish; made on use
    ConsoleRunner m_consoleRunner;
    std::function<void()> m_tickHook;

    std::uint32_t m_tick = 0;
    double m_startTime = 0;
    double m_nextTick = 0;
    double m_stopAt = -1;           // server clock time to stop at; < 0: not stopping
    std::deque<double> m_tickTimes; // recent tick durations, seconds
    net::HostStats m_lastHostStats;
    double m_netCpuPercent = 0; // network threads' CPU over the last second, % of one core
    net::NetEvent m_netEvent;   // reused by every step: the payload keeps its capacity
    double m_lastRateTime = 0;
    double m_bytesInPerSecond = 0, m_bytesOutPerSecond = 0;
    presence::ViewIds m_viewScratch;
    std::vector<std::uint8_t> m_snapshotPacket; // reused by every client's snapshot each tick
};

} // namespace fg::server
