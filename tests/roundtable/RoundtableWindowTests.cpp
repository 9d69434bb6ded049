// The moderator's client under Xvfb against a real in-process server: the sample's first
// ministerial roundtable moved to now with six named ministers; three of them (NetClients) take
// their seats and request the floor, the client gives it in order and takes a screenshot of the
// room, its table and the Speaking list panel (to $FG_ROUNDTABLE_SHOTS when set). Test only.
#include "engine/core/File.h"
#include "engine/core/Time.h"
#include "game/netclient/NetClient.h"
#include "server/ServerApp.h"
#include "server/console/ConsoleCommands.h"
#include "tests/client/ServerThread.h"

#include <chrono>
#include <cstdlib>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <thread>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
namespace proto = fg::expo::proto;
using fg::netclient::NetClient;

const fs::path kSampleDir = fs::path(FG_ASSETS_DIR) / "exhibitions/digital-world-2021";
constexpr const char* kSession = "rt-policy";
const char* const kMinisters[] = {"Ana Costa",   "Bo Lindqvist",  "Chen Wei",
                                  "Dara Okafor", "Elena Petrova", "Farid Haddad"};

// The sample copied to DIR with only its first roundtable, live from 10 minutes ago, its
// speakers six named ministers.
fs::path liveRoundtable(const fs::path& dir) {
    fs::copy(kSampleDir, dir / "sample", fs::copy_options::recursive);
    auto text = fg::readFileText(dir / "sample/exhibition.json");
    REQUIRE(text);
    auto j = nlohmann::json::parse(*text);
    const fg::UnixSeconds now = fg::unixNow();
    j["event"]["opens"] = fg::formatDate(now - 86400);
    j["event"]["closes"] = fg::formatDate(now + 86400);
    nlohmann::json rt;
    for (const auto& s : j["sessions"])
        if (s["id"] == kSession) rt = s;
    rt["start"] = fg::formatUtcTimestamp(now - 600);
    rt["end"] = fg::formatUtcTimestamp(now + 3600);
    rt["speakers"] = nlohmann::json::array();
    for (const char* name : kMinisters)
        rt["speakers"].push_back({{"name", name}, {"title", "Minister"}});
    j["sessions"] = nlohmann::json::array({rt});
    j["awards"] = nlohmann::json::array(); // their ceremony session is gone with the others
    for (auto& booth : j["booths"]) // meeting days name the 2021 dates: every event day instead
        if (booth.contains("meetings")) booth["meetings"].erase("days");
    REQUIRE(fg::writeFileAtomic(dir / "sample/exhibition.json", j.dump(2)));
    return dir / "sample/exhibition.json";
}

std::unique_ptr<NetClient> person(std::uint16_t port, const std::string& name,
                                  const std::string& token) {
    fg::netclient::ClientConfig cfg;
    cfg.port = port;
    cfg.hello.name = name;
    cfg.hello.country = "VN";
    cfg.hello.look = 0x2a9d8f;
    cfg.hello.clientKey = "key-" + name;
    cfg.hello.credential = token;
    auto c = NetClient::connect(cfg);
    REQUIRE(c);
    return std::move(*c);
}

// The token `invite speaker ARGS` printed.
std::string invite(fg::server::ServerApp& app, const std::string& args) {
    const auto r = app.console().execute("invite speaker " + args);
    REQUIRE_MESSAGE(r.ok, r.text);
    const std::string marker = "keep it safe): ";
    const auto at = r.text.find(marker);
    REQUIRE(at != std::string::npos);
    return r.text.substr(at + marker.size(), r.text.find('\n', at) - at - marker.size());
}

fs::path shotsDir(const fs::path& fallback) {
    const char* env = std::getenv("FG_ROUNDTABLE_SHOTS");
    return env && *env ? fs::absolute(env) : fallback;
}

} // namespace

TEST_CASE("a moderator's client runs a roundtable's speaking list and draws the room and panel") {
    const fs::path dir = fs::temp_directory_path() / fmt::format("fg-rt-window-{}", ::getpid());
    fs::remove_all(dir);
    fs::create_directories(dir);
    fg::server::ServerConfig config;
    config.exhibitionPath = liveRoundtable(dir);
    config.dataDir = dir / "server";
    config.bindAddress = "127.0.0.1";
    config.port = 0;
    auto app = fg::server::ServerApp::create(config);
    REQUIRE_MESSAGE(app, (app ? "" : app.error().message));
    fg::test::ServerThread server;
    server.app = std::move(*app);
    const std::uint16_t port = server.app->port();
    const std::string modToken = invite(*server.app, "rt-policy --moderator Dr. Lan Tran");
    std::vector<std::string> tokens;
    for (int i = 0; i < 3; ++i)
        tokens.push_back(invite(*server.app, fmt::format("rt-policy {}", kMinisters[i])));
    server.start();

    std::vector<std::unique_ptr<NetClient>> people;
    for (int i = 0; i < 3; ++i)
        people.push_back(person(port, kMinisters[i], tokens[std::size_t(i)]));
    auto pumpFor = [&](double seconds) {
        const double until = fg::monotonicSeconds() + seconds;
        while (fg::monotonicSeconds() < until) {
            for (auto& p : people)
                p->update(0);
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    };
    pumpFor(2);
    for (auto& p : people) {
        REQUIRE((p->state() == fg::netclient::ClientState::Joined));
        p->teleport(proto::TeleportKind::Venue, 0, "h1-roundtable-room");
    }
    pumpFor(1);
    for (auto& p : people) { // in this order: Ana, Bo, Chen
        p->request(proto::FloorRequest{0, kSession, true});
        pumpFor(0.3);
    }

    const fs::path shots = shotsDir(dir);
    // Frames are few: lavapipe on a busy 2-core box draws about one a second.
    const std::string script = fmt::format(
        "10 teleport h1-roundtable-room\n12 wait-walk\n13 qna-window off\n14 poll-window off\n"
        "15 stage\n16 floor-time 150\n17 floor-next\n30 screenshot {0}\n32 quit\n",
        (shots / "roundtable.png").string());
    REQUIRE(fg::writeFileAtomic(dir / "script.txt", script));
    REQUIRE(fg::writeFileAtomic(
        dir / "client.json", std::string_view(R"({"settings": {"msaa": 1, "shadows": false}})")));
    const std::string command = fmt::format(
        "timeout -k 5 400 xvfb-run -a -s '-screen 0 1280x720x24' '{}' --connect 127.0.0.1:{} "
        "--exhibition '{}' --token '{}' --name 'Dr. Lan Tran' --organisation 'Fair HQ' --email "
        "lan@fair.example --country VN --config '{}' --cache '{}' --script '{}' --width 1280 "
        "--height 720 --no-vsync --exit-after 6000 > '{}' 2>&1",
        FG_CLIENT_EXE, port, config.exhibitionPath.string(), modToken,
        (dir / "client.json").string(), (dir / "cache").string(), (dir / "script.txt").string(),
        (dir / "client.log").string());
    int rc = -1;
    std::atomic<bool> clientDone{false};
    std::thread client([&] {
        rc = std::system(command.c_str());
        clientDone = true;
    });
    while (!clientDone)
        pumpFor(0.05);
    client.join();
    auto logText = fg::readFileText(dir / "client.log");
    INFO("client log:\n" << (logText ? *logText : std::string("(no log)")));
    CHECK(WIFEXITED(rc));
    CHECK(WEXITSTATUS(rc) == 0);
    CHECK(fs::exists(shots / "roundtable.png"));
    auto floor = server.app->console().execute("session floor rt-policy --json");
    server.stop = true;
    if (server.thread.joinable()) server.thread.join();
    REQUIRE_MESSAGE(floor.ok, floor.text);
    auto j = nlohmann::json::parse(floor.text);
    CHECK(j["speaker"] == "Ana Costa"); // the client gave the floor to the first who asked
    CHECK(j["seconds_per_turn"] == 150);
    CHECK(j["queue"].size() == 2);
    CHECK(j["queue"][0]["name"] == "Bo Lindqvist");
    fs::remove_all(dir);
}
