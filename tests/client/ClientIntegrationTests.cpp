// Integration test: a real server (ServerApp in this process, sample exhibition, fresh store)
// and the real `fairground` client under Xvfb on lavapipe, driven by a script that walks to the
// booth nearest the spawn, opens its panel and drops a business card; the lead is then read
// back from the server's store with the visitor's details.
#include "engine/core/File.h"
#include "engine/core/Time.h"
#include "game/client/Connection.h"
#include "game/client/WalkArea.h"
#include "game/expo/ExhibitionJson.h"
#include "server/ServerApp.h"
#include "server/store/Store.h"
#include "tests/client/ServerThread.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <glm/geometric.hpp>
#include <thread>
#include <unistd.h>

namespace {

const std::filesystem::path kSample =
    std::filesystem::path(FG_ASSETS_DIR) / "exhibitions/digital-world-2021/exhibition.json";

// The booth in the spawn hall whose front is nearest to the spawn point.
std::string nearestBooth(const fg::expo::Exhibition& ex) {
    const fg::expo::Hall& hall = ex.halls.front();
    fg::client::WalkArea area(ex, 0);
    std::string best;
    float bestDistance = 1e9f;
    for (const auto& b : ex.booths) {
        if (b.hall != hall.id) continue;
        auto front = area.boothFront(b);
        if (!front) continue;
        const float d = glm::distance(*front, hall.spawn.position);
        if (d < bestDistance) bestDistance = d, best = b.id;
    }
    return best;
}

using fg::test::ServerThread;

} // namespace

TEST_CASE("client walks to a booth, opens it and drops a card that the server records as a lead") {
    const auto dir =
        std::filesystem::temp_directory_path() / fmt::format("fg-client-it-{}", ::getpid());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    auto report = fg::expo::loadExhibition(kSample);
    REQUIRE(report.ok());
    const std::string booth = nearestBooth(*report.exhibition);
    REQUIRE_FALSE(booth.empty());

    fg::server::ServerConfig config;
    config.exhibitionPath = kSample;
    config.dataDir = dir / "server";
    config.bindAddress = "127.0.0.1";
    config.port = 0;
    auto server = std::make_unique<ServerThread>();
    auto app = fg::server::ServerApp::create(config);
    REQUIRE_MESSAGE(app, (app ? "" : app.error().message));
    server->app = std::move(*app);
    const std::uint16_t port = server->app->port();
    server->start();

    const std::string script =
        fmt::format("0 key shift down\n1 walk-to {0}\n2 wait-walk\n3 key shift up\n"
                    "4 open-booth {0}\n8 card-form\n10 drop-card Interested in 5G testbeds\n"
                    "40 quit\n",
                    booth);
    REQUIRE(fg::writeFileAtomic(dir / "script.txt", script));
    // A lighter frame on lavapipe: no MSAA, no shadows (a visitor's own settings file).
    REQUIRE(fg::writeFileAtomic(
        dir / "client.json", std::string_view(R"({"settings": {"msaa": 1, "shadows": false}})")));
    auto commandFor = [&](const std::string& name) {
        return fmt::format(
            "timeout -k 5 150 xvfb-run -a -s '-screen 0 640x360x24' '{}' --connect 127.0.0.1:{} "
            "--exhibition '{}' --name '{}' --organisation 'Hanoi Telecom' --email "
            "linh@example.vn "
            "--country VN --color '#22aa66' --config '{}' --cache '{}' --script '{}' --width 640 "
            "--height 360 "
            "--no-vsync --exit-after 4000 > '{}' 2>&1",
            FG_CLIENT_EXE, port, kSample.string(), name, (dir / "client.json").string(),
            (dir / "cache").string(), (dir / "script.txt").string(), (dir / "client.log").string());
    };
    // Once in about seven clean CI runs the client stalled after "walk-to" until `timeout` ended
    // it (open in issue #5). Until that is found, a run that timed out (exit 124) is tried once
    // more as a second visitor (the first may still hold its name on the server) and reported.
    std::string name;
    int rc = 0;
    for (int attempt = 0; attempt < 2; ++attempt) {
        name = attempt == 0 ? "Linh Tran" : "Linh Tran B";
        rc = std::system(commandFor(name).c_str());
        if (!(WIFEXITED(rc) && WEXITSTATUS(rc) == 124)) break;
        auto stalled = fg::readFileText(dir / "client.log");
        MESSAGE("client run timed out; retrying once. Its log:\n"
                << (stalled ? *stalled : std::string("(none)")));
    }
    auto log = fg::readFileText(dir / "client.log");
    INFO("client log:\n" << (log ? *log : std::string("(none)")));
    CHECK(WIFEXITED(rc));
    CHECK(WEXITSTATUS(rc) == 0);
    CHECK(log->find("joined 127.0.0.1") != std::string::npos);
    CHECK(log->find("your card was left at booth " + booth) != std::string::npos);

    server.reset(); // stops the thread and closes the store
    auto store = fg::store::Store::open(dir / "server");
    REQUIRE(store);
    auto leads = (*store)->leadsForBooth(booth);
    REQUIRE(leads);
    REQUIRE(leads->size() == 1);
    const auto& lead = leads->front();
    CHECK(lead.visitorName == name);
    CHECK(lead.organisation == "Hanoi Telecom");
    CHECK(lead.email == "linh@example.vn");
    CHECK(lead.message == "Interested in 5G testbeds");
    CHECK(lead.consent);
    std::filesystem::remove_all(dir);
}

namespace {

// Drives LINK with real time until PREDICATE holds or SECONDS pass.
template <class P>
bool pump(fg::client::Connection& link, double seconds, P predicate) {
    const double end = fg::monotonicSeconds() + seconds;
    while (fg::monotonicSeconds() < end) {
        link.update(fg::monotonicSeconds());
        if (predicate()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

} // namespace

TEST_CASE("connection: a refused handshake and a lost server give readable messages") {
    const auto dir =
        std::filesystem::temp_directory_path() / fmt::format("fg-client-link-{}", ::getpid());
    std::filesystem::remove_all(dir);
    fg::server::ServerConfig config;
    config.exhibitionPath = kSample;
    config.dataDir = dir / "server";
    config.bindAddress = "127.0.0.1";
    config.port = 0;
    auto server = std::make_unique<ServerThread>();
    auto app = fg::server::ServerApp::create(config);
    REQUIRE(app);
    server->app = std::move(*app);
    const std::uint16_t port = server->app->port();
    server->start();

    fg::netclient::ClientConfig bad;
    bad.port = port;
    bad.hello.name = "B"; // too short for the server
    fg::client::Connection refused(bad);
    CHECK(pump(refused, 10.0, [&] { return refused.state() == fg::client::LinkState::Failed; }));
    CHECK(refused.message().find("refused") != std::string::npos);
    CHECK(refused.message().find("name") != std::string::npos);

    fg::netclient::ClientConfig good = bad;
    good.hello.name = "Linh Tran";
    good.timeoutMs = 2000;
    fg::client::Connection link(good);
    REQUIRE(pump(link, 10.0, [&] { return link.state() == fg::client::LinkState::Joined; }));
    CHECK(link.takeJoined());
    server.reset(); // the server goes away
    CHECK(pump(link, 15.0, [&] { return link.state() == fg::client::LinkState::Reconnecting; }));
    CHECK(link.message().find("lost the connection") != std::string::npos);
    std::filesystem::remove_all(dir);
}
