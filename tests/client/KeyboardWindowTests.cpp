// Keys only: the real client under Xvfb against a real in-process server walks to the nearest
// booth (N), opens it (O), drops a business card with ImGui's keyboard navigation (arrows,
// Space) and opens the agenda (F3). The lead is read back from the server's store.
#include "engine/core/File.h"
#include "game/client/WalkArea.h"
#include "game/expo/ExhibitionJson.h"
#include "server/ServerApp.h"
#include "server/store/Store.h"
#include "tests/client/ServerThread.h"

#include <cstdlib>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <glm/geometric.hpp>
#include <unistd.h>

namespace {

const std::filesystem::path kSample =
    std::filesystem::path(FG_ASSETS_DIR) / "exhibitions/digital-world-2021/exhibition.json";

// The booth of the spawn hall nearest to the spawn: where the first N walks.
std::string nearestBooth(const fg::expo::Exhibition& ex) {
    const fg::expo::Hall& hall = ex.halls.front();
    std::string best;
    float bestDistance = 1e9f;
    for (const auto& b : ex.booths) {
        if (b.hall != hall.id) continue;
        const float d = glm::distance(b.position, hall.spawn.position);
        if (d < bestDistance) bestDistance = d, best = b.id;
    }
    return best;
}

// Keys only (and wait-walk, which stops the script's clock while the avatar walks). The booth
// panel opens on "Drop business card" (its default focus); right and left wake the focus
// frame, Space presses; five downs pass Name, Company, E-mail and Note to the consent box,
// Space ticks it, one more down reaches "Drop my card".
constexpr const char* kScript = R"(0 key n
1 wait-walk
5 key o
12 key right
14 key left
16 key space
22 key down
24 key down
26 key down
28 key down
30 key down
32 key space
34 key down
36 key space
42 key esc
44 key f3
52 screenshot {}
54 quit
)";

} // namespace

TEST_CASE("keyboard only: walk to a booth, drop a card, open the agenda") {
    const auto dir = std::filesystem::temp_directory_path() / fmt::format("fg-keys-{}", ::getpid());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    auto report = fg::expo::loadExhibition(kSample);
    REQUIRE(report.ok());
    const std::string booth = nearestBooth(*report.exhibition);

    fg::server::ServerConfig config;
    config.exhibitionPath = kSample;
    config.dataDir = dir / "server";
    config.bindAddress = "127.0.0.1";
    config.port = 0;
    auto server = std::make_unique<fg::test::ServerThread>();
    auto app = fg::server::ServerApp::create(config);
    REQUIRE_MESSAGE(app, (app ? "" : app.error().message));
    server->app = std::move(*app);
    const std::uint16_t port = server->app->port();
    server->start();

    const char* shots = std::getenv("FG_KEYS_SHOT");
    const std::string shot = shots ? shots : (dir / "agenda.png").string();
    REQUIRE(fg::writeFileAtomic(dir / "script.txt", fmt::format(kScript, shot)));
    REQUIRE(fg::writeFileAtomic(
        dir / "client.json", std::string_view(R"({"settings": {"msaa": 1, "shadows": false}})")));
    const std::string command = fmt::format(
        "timeout -k 5 240 xvfb-run -a -s '-screen 0 1024x640x24' '{}' --connect 127.0.0.1:{} "
        "--exhibition '{}' --name 'Nguyễn Văn An' --organisation 'Hanoi Telecom' --email "
        "an@example.vn --country VN --config '{}' --cache '{}' --script '{}' --width 1024 "
        "--height 640 --no-vsync --exit-after 4000 > '{}' 2>&1",
        FG_CLIENT_EXE, port, kSample.string(), (dir / "client.json").string(),
        (dir / "cache").string(), (dir / "script.txt").string(), (dir / "client.log").string());
    const int rc = std::system(command.c_str());
    auto log = fg::readFileText(dir / "client.log");
    INFO("client log:\n" << (log ? *log : std::string("(none)")));
    REQUIRE(log);
    CHECK(WIFEXITED(rc));
    CHECK(WEXITSTATUS(rc) == 0);
    CHECK(log->find("your card was left at booth " + booth) != std::string::npos);
    CHECK(log->find("client: shortcut next-booth") != std::string::npos);
    CHECK(log->find("client: shortcut open-focused-booth") != std::string::npos);
    CHECK(log->find("client: shortcut agenda") != std::string::npos);

    server.reset();
    auto store = fg::store::Store::open(dir / "server");
    REQUIRE(store);
    auto leads = (*store)->leadsForBooth(booth);
    REQUIRE(leads);
    REQUIRE(leads->size() == 1);
    CHECK(leads->front().visitorName == "Nguyễn Văn An");
    CHECK(leads->front().consent);
    std::filesystem::remove_all(dir);
}
