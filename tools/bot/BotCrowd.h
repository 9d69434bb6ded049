// Headless simulated visitors for load, soak and fault tests: N NetClients in one process (one
// ENet connection each, shared out over worker threads), each walking between booths, chatting,
// liking and dropping cards at configured rates, or attending a programme session (the venue
// until it is full, then its overflow).
// Drives only the public client library; never reaches into server internals.
#pragma once

#include "game/expo/Exhibition.h"
#include "game/netclient/NetClient.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace fg::net {
class NetPoll;
}

namespace fg::bot {

struct BotConfig {
    std::string host = "127.0.0.1";
    std::uint16_t port = 7777;
    std::uint32_t count = 10;
    double durationSeconds = 10;
    double chatPerMinute = 1; // per bot
    double likePerMinute = 0.5;
    double cardPerMinute = 0.2;
    float walkSpeed = 1.4f;   // m/s
    double connectSpread = 0; // seconds over which connections are started (0: all at once)
    std::string namePrefix = "bot";
    std::uint32_t threads = 0; // worker threads servicing the bots; 0: one per 500 bots, max 8
    // Shortest time between two passes of a worker: waking for every datagram of the server's
    // snapshot burst costs more than it gains (RTT figures gain up to this much).
    double pollMs = 5;
    // true: a worker waits on its bots' sockets (epoll) and services only bots with datagrams
    // waiting, plus every bot every 100 ms for ENet's timers. false: services every bot on every
    // pass (one receive syscall per bot per pass; kept to measure the difference).
    bool pollSockets = true;
    // Seconds after the start when the steady-state window opens: per-visitor rates and CPU
    // figures cover [windowStart, durationSeconds]. 0: the whole run.
    double windowStart = 0;
    // Called on run()'s thread when the window opens and when it closes (the benchmark samples
    // the server's CPU there).
    std::function<void()> onWindowStart, onWindowEnd;
    std::optional<expo::Exhibition> exhibition; // booth fronts as waypoints when known
    // Visitor ticket codes (readTicketCodes): bot i signs in with tickets[i], so the same bots
    // come back as the same people (counts follow tickets). Empty: the bots are guests.
    std::vector<std::string> tickets;
    // A programme session id (needs the exhibition): bots go into its venue and sit; those the
    // full venue refuses watch from its overflow. Empty: they walk between booths.
    std::string attend;
    // --vote CATEGORY[:BOOTH]: each bot casts one ballot in CATEGORY once it has joined, for
    // BOOTH or (empty) a finalist picked at random (needs the exhibition). Empty: no vote.
    std::string voteCategory, voteBooth;
    // --attend: called on a worker thread when a bot is shown a new page of that session (the
    // stage benchmark times page changes with it). Must be thread-safe.
    std::function<void(const expo::proto::StageUpdate& update)> onPage;
    // Called on a worker thread with every message a bot receives (the reveal benchmark times
    // AwardRevealed with it). Must be thread-safe. Empty: nothing.
    std::function<void(const expo::proto::Message& message)> onMessage;
    // Plain: unencrypted links, for the benchmark's "before" figures against a plain server.
    net::Security security = net::Security::Encrypted;
};

struct BotReport {
    std::uint32_t requested = 0;
    std::uint32_t connected = 0;
    double connectP50Ms = 0, connectP99Ms = 0;
    double rttP50Ms = 0, rttP99Ms = 0;
    double snapshotsPerSecond = 0; // per connected bot
    double bytesDownPerSecond = 0; // per connected bot
    double bytesUpPerSecond = 0;   // per connected bot
    std::uint64_t chats = 0, likes = 0, cards = 0, actionsOk = 0, actionsFailed = 0;
    std::uint64_t ballots = 0; // --vote: ballots cast (their answers count in actionsOk/Failed)
    std::uint32_t inVenue = 0, inOverflow = 0; // --attend: where the bots watched from at the end
    std::uint32_t lastPage = 0;                // --attend: the newest page any bot was shown
    std::uint64_t corrections = 0;
    std::uint64_t rejected = 0, disconnected = 0, badPackets = 0, connectFailures = 0;
    std::vector<std::string> errors;     // first few distinct error texts
    std::uint32_t threads = 0;           // worker threads that serviced the bots
    double loopP50Ms = 0, loopP99Ms = 0; // one worker pass over its bots (falling behind shows)
    // How late the 20 Hz input passes ran against their schedule: bots falling behind.
    double inputLateP50Ms = 0, inputLateP99Ms = 0;
    std::uint32_t joinedInWindow = 0; // bots that joined only after the window opened
    // Times a bot was serviced because its socket was readable, and by the 100 ms sweep (every
    // pass without polling): what polling saved shows here.
    std::uint64_t readyServices = 0, sweepServices = 0;
    double windowSeconds = 0;
    double cpuSeconds = 0;            // CPU time of the worker threads within the window
    double cpuPercent = 0;            // of one core: cpuSeconds / windowSeconds
    double cpuUsPerVisitorSecond = 0; // cpuSeconds per connected bot per window second, in µs
    std::string toJson() const;
};

class BotCrowd {
public:
    explicit BotCrowd(BotConfig config);
    ~BotCrowd();
    // Connects, runs for the configured duration, disconnects; returns the figures.
    BotReport run();

private:
    struct Bot {
        std::unique_ptr<netclient::NetClient> net;
        std::string name;
        double startedAt = 0;
        double joinedAt = -1;
        glm::vec2 position{0.0f};
        glm::vec2 target{0.0f};
        std::string targetBooth;
        expo::proto::StagePlaceKind place = expo::proto::StagePlaceKind::None; // --attend
        std::uint32_t page = 0;                                                // --attend
        double pauseUntil = 0;
        double lastService = 0; // when ENet last ran for this bot (timers need it every 100 ms)
        // Counters when the bot entered the window (or joined, if later): rates start here.
        bool inWindow = false;
        double windowFrom = 0;
        std::uint64_t baseSnapshots = 0, baseDown = 0, baseUp = 0;
    };

    // One thread's share of the bots (indices first..last-1) and what it counted.
    struct Worker {
        std::size_t first = 0, last = 0;
        std::mt19937 rng;
        BotReport report;              // counters and error texts of this worker's bots
        std::vector<double> loopTimes; // seconds per pass over its bots
        std::vector<double> inputLate; // seconds each input pass ran after its due time
        std::size_t next = 0;          // next of its bots to start
        double phase = 0;              // 0..1: when in the input period this worker sends
        std::unique_ptr<net::NetPoll> poll;
    };

    void runWorker(Worker& w, double begin, double end);
    void startDue(Worker& w, double now, double begin);
    void serviceNet(Worker& w, Bot& bot, double now);
    void serviceReady(Worker& w, const std::vector<std::uint64_t>& ready, double now);
    void sweep(Worker& w, double now);
    void inputPass(Worker& w, double now, double dt);
    void start(Worker& w, std::size_t index, double now);
    void drive(Worker& w, Bot& bot, double now, double dt);
    void pickWaypoint(Worker& w, Bot& bot);
    void vote(Worker& w, Bot& bot); // --vote: the bot's one ballot
    void act(Worker& w, Bot& bot, double dt);
    // --attend: what the server says about the session (the full venue's refusal -> overflow).
    void onStage(Bot& bot, const expo::proto::Message& m);
    static void noteError(BotReport& report, const std::string& text);
    BotReport finish(std::vector<Worker>& workers, double end);

    BotConfig m_config;
    double m_windowAt = 0;                   // monotonic time the window opens
    std::atomic<bool> m_windowClosed{false}; // set by run() once it has read the workers' CPU
    std::vector<std::unique_ptr<Bot>> m_bots;
    std::vector<glm::vec2> m_waypoints;
    std::vector<std::string> m_boothIds;
    std::string m_venue; // --attend: the session's venue
};

} // namespace fg::bot
