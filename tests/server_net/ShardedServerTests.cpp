// A real ServerApp with three network threads: visitors on different shards see each other
// join, move and leave, a kick reaches the right one, content downloads complete, and the
// server shuts down with traffic in flight. Real ENet on 127.0.0.1; never asserts on timing.
#include "game/netclient/ContentFetcher.h"
#include "tests/content/ContentTestWorld.h"

#include <algorithm>
#include <cstdlib>
#include <set>

using namespace fg;
using namespace fg::test;

namespace {

server::ServerConfig threaded(std::uint32_t threads) {
    server::ServerConfig config;
    config.netThreads = threads;
    return config;
}

bool sees(TestClient& c, std::uint16_t id) {
    const auto& view = c->latestView();
    return std::any_of(view.begin(), view.end(), [&](auto& a) { return a.id == id; });
}

struct Visitors {
    std::vector<std::unique_ptr<TestClient>> owned;
    Clients all;
    void join(server::ServerApp& app, int count) {
        for (int i = 0; i < count; ++i) {
            owned.push_back(connectClient(app, visitor(app.port(), "V" + std::to_string(i)), all));
            REQUIRE((owned.back()->net->state() == netclient::ClientState::Joined));
            all.push_back(owned.back().get());
        }
    }
    bool everyoneSeesEveryone() {
        for (auto* a : all)
            for (auto* b : all)
                if (a != b && !sees(*a, (*b)->id())) return false;
        return true;
    }
};

} // namespace

TEST_CASE(
    "sharded server: visitors see each other move and leave, and a kick reaches one visitor") {
    TestServer srv(threaded(3));
    Visitors v;
    v.join(*srv.app, 8); // 8 source ports over 3 shards: all on one shard has odds 3^-7
    std::set<std::uint16_t> ids;
    for (auto* c : v.all)
        ids.insert((*c)->id());
    CHECK(ids.size() == 8);
    REQUIRE(pumpUntil(
        *srv.app, v.all, [&] { return v.everyoneSeesEveryone(); }, 10.0));

    TestClient& walker = *v.all[0];
    const glm::vec2 target = walker->selfPosition() + glm::vec2(0.5f, 0.5f); // one step's reach
    REQUIRE(pumpUntil(
        *srv.app, v.all,
        [&] {
            walker->sendInput(target, 0.0f, expo::proto::Anim::Walk);
            for (auto* c : v.all) {
                if (c == &walker) continue;
                const auto& view = (*c)->latestView();
                auto it = std::find_if(view.begin(), view.end(),
                                       [&](auto& a) { return a.id == walker->id(); });
                if (it == view.end() || it->x != expo::proto::quantizePosition(target.x))
                    return false;
            }
            return true;
        },
        10.0));

    const std::uint16_t kickedId = (*v.all[1])->id();
    REQUIRE(srv.app->kick(kickedId, "test").ok());
    REQUIRE(pumpUntil(*srv.app, v.all, [&] {
        return (*v.all[1])->state() != netclient::ClientState::Joined &&
               !v.all[2]->all<expo::proto::Leave>().empty();
    }));
    CHECK(v.all[2]->all<expo::proto::Leave>().front().clientId == kickedId);
    CHECK(srv.app->world().count() == 7);
    for (std::size_t i = 0; i < v.all.size(); ++i)
        if (i != 1) CHECK(((*v.all[i])->state() == netclient::ClientState::Joined));
    // FG_NET_THREADS overrides any configuration (to run whole suites with N threads).
    const char* forced = std::getenv("FG_NET_THREADS");
    CHECK(srv.app->stats().netThreads ==
          (forced && *forced ? std::uint32_t(std::atoi(forced)) : 3u));
}

TEST_CASE("sharded server: content downloads complete for visitors on any shard") {
    ContentServerFixture server(threaded(3));
    for (const char* name : {"Ana", "Bea", "Cho"}) {
        auto client = joinVisitor(server.port(), name);
        netclient::ContentFetcher fetcher(server.dir / (std::string("cache-") + name));
        auto got = netclient::downloadExhibition(*client, fetcher, {}, 60.0);
        REQUIRE_MESSAGE(got.ok(), (got.ok() ? "" : got.error().message));
        CHECK(got->progress.failed == 0);
        CHECK(got->progress.bytesReceived > (3u << 20));
        CHECK(got->exhibition.booths.size() == 2);
    }
}

TEST_CASE("sharded server: shutting down with snapshots and downloads in flight") {
    ContentServerFixture server(threaded(3));
    std::vector<std::unique_ptr<netclient::NetClient>> clients;
    for (int i = 0; i < 6; ++i)
        clients.push_back(joinVisitor(server.port(), "S" + std::to_string(i)));
    for (auto& c : clients) // ask for the manifest and walk, then stop the server mid-transfer
        c->sendInput({51.0f, 6.0f}, 0.0f, expo::proto::Anim::Walk);
    netclient::ContentFetcher fetcher(server.dir / "cache");
    auto got = netclient::downloadExhibition(*clients[0], fetcher, {}, 0.05);
    (void)got; // may or may not finish in 50 ms: the point is what is still in flight
    server.stop = true;
    server.thread.join();
    server.app.reset(); // ServerApp disconnects everyone; the threads must flush and stop
    server.thread = std::thread([] {});
    const double deadline = monotonicSeconds() + 20.0;
    auto anyJoined = [&] {
        return std::any_of(clients.begin(), clients.end(),
                           [](auto& c) { return c->state() == netclient::ClientState::Joined; });
    };
    while (anyJoined() && monotonicSeconds() < deadline)
        for (auto& c : clients)
            c->update(1);
    CHECK_FALSE(anyJoined()); // the goodbye reached every shard's clients
}
