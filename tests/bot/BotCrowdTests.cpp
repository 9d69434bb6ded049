// BotCrowd against a real ServerApp on 127.0.0.1: every bot joins, receives snapshots and gets
// answers to its actions, with socket polling and with the service-every-bot fallback.
#include "game/expo/ExhibitionJson.h"
#include "tests/server_net/TestWorld.h"
#include "tools/bot/BotCrowd.h"

#include <atomic>
#include <doctest/doctest.h>
#include <thread>

using namespace fg;

namespace {

// Runs the server on its own thread for the crowd's whole run; records the most connections
// the server saw (read on the server's thread, the only one that may touch it).
struct RunningServer {
    test::TestServer server;
    std::atomic<bool> stop{false};
    std::atomic<std::uint32_t> mostConnections{0};
    std::thread thread;

    RunningServer() {
        thread = std::thread([this] {
            while (!stop) {
                server.app->step(5);
                mostConnections = std::max(mostConnections.load(), server.app->stats().connections);
            }
        });
    }
    ~RunningServer() {
        stop = true;
        thread.join();
    }
};

bot::BotReport runCrowd(RunningServer& running, std::uint32_t count, bool poll) {
    auto ex = expo::loadExhibition(running.server.dir / "exhibition.json");
    REQUIRE(ex.ok());
    bot::BotConfig config;
    config.port = running.server.app->port();
    config.count = count;
    config.threads = 2;
    config.pollSockets = poll;
    config.connectSpread = 0.5;
    config.windowStart = 2.0;
    config.durationSeconds = 4.0;
    config.chatPerMinute = 30; // enough that every run has actions answered
    config.likePerMinute = 30;
    config.exhibition = std::move(*ex.exhibition);
    bool opened = false, closed = false;
    config.onWindowStart = [&] { opened = true; };
    config.onWindowEnd = [&] { closed = opened; }; // in order, on run()'s thread
    bot::BotReport report = bot::BotCrowd(config).run();
    CHECK(opened);
    CHECK(closed);
    return report;
}

void checkEveryoneServed(const bot::BotReport& r, std::uint32_t count) {
    CHECK(r.requested == count);
    CHECK(r.connected == count);
    CHECK(r.rejected == 0);
    CHECK(r.disconnected == 0);
    CHECK(r.connectFailures == 0);
    CHECK(r.badPackets == 0);
    CHECK(r.errors.empty());
    CHECK(r.threads == 2);
    CHECK(r.snapshotsPerSecond > 0); // every joined bot is counted in the window's rates
    CHECK(r.bytesDownPerSecond > 0);
    CHECK(r.bytesUpPerSecond > 0);
    CHECK(r.chats + r.likes > 0);
    CHECK(r.actionsOk + r.actionsFailed > 0);
    CHECK(r.windowSeconds > 0);
    CHECK(r.cpuSeconds > 0);
}

} // namespace

TEST_CASE("bots waiting on their sockets all join a real server and receive snapshots") {
    RunningServer running;
    const std::uint32_t count = 40;
    bot::BotReport r = runCrowd(running, count, /*poll=*/true);
    checkEveryoneServed(r, count);
    CHECK(running.mostConnections == count);
    CHECK(r.readyServices > 0); // snapshots arrive: sockets became readable
}

TEST_CASE("bots serviced on every pass (no polling) all join and receive snapshots") {
    RunningServer running;
    const std::uint32_t count = 12;
    bot::BotReport r = runCrowd(running, count, /*poll=*/false);
    checkEveryoneServed(r, count);
    CHECK(r.readyServices == 0);
    CHECK(r.sweepServices > 0);
    CHECK(running.mostConnections == count);
}
