// BotCrowd against a real ServerApp on 127.0.0.1: every bot joins, receives snapshots and gets
// answers to its actions, with socket polling and with the service-every-bot fallback.
#include "game/expo/ExhibitionJson.h"
#include "server/store/Store.h"
#include "tests/server_net/TestWorld.h"
#include "tools/bot/BotCrowd.h"
#include "tools/bot/TicketFile.h"

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

    // BEFORE runs on this thread before the server's own starts (console set-up, tickets).
    explicit RunningServer(server::ServerConfig config = {},
                           const std::function<void(server::ServerApp&)>& before = {})
        : server(std::move(config)) {
        if (before) before(*server.app);
        thread = std::thread([this] {
            while (!stop) {
                server.app->step(5);
                mostConnections = std::max(mostConnections.load(), server.app->stats().connections);
            }
        });
    }
    // Stops the server's thread; the test may then look at the server.
    void finish() {
        stop = true;
        if (thread.joinable()) thread.join();
    }
    ~RunningServer() { finish(); }
};

bot::BotReport runCrowd(RunningServer& running, std::uint32_t count, bool poll,
                        std::vector<std::string> tickets = {}) {
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
    config.tickets = std::move(tickets);
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

TEST_CASE("bots with --tickets sign in with one ticket each on a server without guests") {
    std::vector<std::string> codes;
    server::ServerConfig config;
    config.guests = false;
    RunningServer running(config, [&](server::ServerApp& app) {
        const auto csv = app.store().dataDir() / "bots.csv";
        auto out = app.console().execute("tickets issue 3 --label bots --csv " + csv.string());
        REQUIRE_MESSAGE(out.ok, out.text);
        auto text = readFileText(csv);
        REQUIRE(text);
        auto read = bot::readTicketCodes(*text);
        REQUIRE_MESSAGE(read.ok(), (read.ok() ? "" : read.error().message));
        codes = *read;
    });
    REQUIRE(codes.size() == 3);
    bot::BotReport r = runCrowd(running, 3, /*poll=*/true, codes);
    checkEveryoneServed(r, 3);
    running.finish();
    auto tickets = running.server.app->store().listTickets(std::string("bots"));
    REQUIRE(tickets);
    REQUIRE(tickets->size() == 3);
    for (const store::Ticket& t : *tickets)
        CHECK(t.firstUsedAt.has_value()); // each bot came in on its own ticket
}

TEST_CASE("the tickets CSV reader takes the code column and names the line of a bad row") {
    auto codes = bot::readTicketCodes("label,code\r\n\"a, \"\"b\"\"\",fgt_1\r\n\r\nx,fgt_2\n");
    REQUIRE(codes.ok());
    CHECK(*codes == std::vector<std::string>{"fgt_1", "fgt_2"});
    auto noColumn = bot::readTicketCodes("name,label\r\nx,y\r\n");
    REQUIRE_FALSE(noColumn.ok());
    CHECK(noColumn.error().message.find("line 1: no \"code\" column") != std::string::npos);
    auto noCode = bot::readTicketCodes("code,label\r\nfgt_1,a\r\n,b\r\n");
    REQUIRE_FALSE(noCode.ok());
    CHECK(noCode.error().message == "tickets CSV line 3: no code");
    auto open = bot::readTicketCodes("code\r\n\"fgt_1");
    REQUIRE_FALSE(open.ok());
    CHECK(open.error().message == "tickets CSV line 2: unterminated quote");
    CHECK_FALSE(bot::readTicketCodes("code,label,issued\r\n").ok());
}
