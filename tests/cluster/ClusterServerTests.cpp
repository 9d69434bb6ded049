// Two fairground-server processes (ServerApps with --cluster) sharing one event through a real
// redis-server: hall chat and announcements cross processes, a ban on one process disconnects
// the person on the other, `cluster status --json` counts both processes and their visitors.
#include "server/ServerApp.h"
#include "server/console/ConsoleCommands.h"
#include "tests/cluster/RedisFixture.h"
#include "tests/server_net/TestWorld.h"

#include <nlohmann/json.hpp>

using namespace fg;
using namespace fg::test;
using namespace fg::expo::proto;

namespace {

struct TwoProcesses {
    RedisFixture redis;
    std::filesystem::path dir = makeTempDir("cluster");
    std::filesystem::path exhibition = writeTestExhibition(dir);
    std::unique_ptr<server::ServerApp> one = start("one");
    std::unique_ptr<server::ServerApp> two = start("two");

    std::unique_ptr<server::ServerApp> start(const std::string& name) {
        server::ServerConfig config;
        config.cluster = redis.url();
        return startServer(exhibition, dir / name, std::move(config));
    }
    ~TwoProcesses() {
        one.reset();
        two.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    // Steps both servers and every client until DONE or 5 s.
    bool pumpUntil(const Clients& clients, const std::function<bool()>& done) {
        const double deadline = monotonicSeconds() + 5.0;
        while (monotonicSeconds() < deadline) {
            one->step(1);
            two->step(1);
            for (auto* c : clients)
                c->update();
            if (done()) return true;
        }
        return done();
    }
    std::unique_ptr<TestClient> join(server::ServerApp& app, const std::string& name,
                                     Clients others) {
        auto c = netclient::NetClient::connect(visitor(app.port(), name));
        REQUIRE(c.ok());
        auto client = std::make_unique<TestClient>();
        client->net = std::move(*c);
        others.push_back(client.get());
        REQUIRE(pumpUntil(others,
                          [&] { return client->net->state() == netclient::ClientState::Joined; }));
        return client;
    }
};

} // namespace

TEST_CASE("cluster: hall chat and announcements reach visitors on the other process") {
    TwoProcesses cluster;
    auto xavier = cluster.join(*cluster.one, "Xavier", {});
    auto yen = cluster.join(*cluster.two, "Yen", {xavier.get()});
    Clients both{xavier.get(), yen.get()};
    // The listener threads subscribe asynchronously: send until the first line crosses.
    bool crossed = cluster.pumpUntil(both, [&] {
        if (yen->all<ChatReceived>().empty()) xavier->net->chat(ChatScope::Hall, "", 0, "xin chao");
        return !yen->all<ChatReceived>().empty();
    });
    REQUIRE(crossed);
    CHECK(yen->all<ChatReceived>()[0].text == "xin chao");
    CHECK(yen->all<ChatReceived>()[0].fromName == "Xavier");
    REQUIRE(cluster.one->announce("", "Doors close at 18:00").ok());
    REQUIRE(cluster.pumpUntil(both, [&] { return !yen->all<Announcement>().empty(); }));
    CHECK(yen->all<Announcement>()[0].text == "Doors close at 18:00");
    CHECK(xavier->all<Announcement>().size() == 1); // once, not echoed back through Redis
}

TEST_CASE("cluster: status counts both processes and their visitors, and a ban on one process "
          "disconnects the person on the other") {
    TwoProcesses cluster;
    auto xavier = cluster.join(*cluster.one, "Xavier", {});
    auto yen = cluster.join(*cluster.two, "Yen", {xavier.get()});
    Clients both{xavier.get(), yen.get()};
    nlohmann::json status;
    REQUIRE(cluster.pumpUntil(both, [&] {
        status =
            nlohmann::json::parse(cluster.one->console().execute("cluster status --json").text);
        return status["visitors"] == 2 && status["processes"].size() == 2;
    }));
    CHECK(status["mode"] == "cluster");
    CHECK(status["redis"]["connected"] == true);
    auto banned = cluster.one->console().execute("ban name:Yen 1h spam");
    REQUIRE_MESSAGE(banned.ok, banned.text);
    REQUIRE(cluster.pumpUntil(both, [&] {
        return yen->net->state() == netclient::ClientState::Rejected ||
               yen->net->state() == netclient::ClientState::Disconnected;
    }));
    CHECK(std::string(toString(xavier->net->state())) == "joined");
}
