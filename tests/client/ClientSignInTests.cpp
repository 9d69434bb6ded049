// Windowed sign-in tests: the real `fairground` under Xvfb against a real in-process server.
// `--token` joins as the exhibitor the server's `invite` named, goes on duty at its own booth
// (a watching visitor sees the booth staffed); a revoked code is refused
// and the script continues as a visitor. Screenshots go to $FG_SIGNIN_SHOTS when set.
#include "engine/core/File.h"
#include "engine/core/Time.h"
#include "game/expo/ExhibitionJson.h"
#include "game/netclient/NetClient.h"
#include "server/ServerApp.h"
#include "server/store/Store.h"
#include "tests/client/ServerThread.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <thread>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
namespace proto = fg::expo::proto;

const fs::path kSample = fs::path(FG_ASSETS_DIR) / "exhibitions/digital-world-2021/exhibition.json";
constexpr const char* kBooth = "vn-01";
constexpr const char* kExhibitor = "lotus-bay-telecom";

using fg::test::ServerThread;

struct Fixture {
    fs::path dir;
    ServerThread server;
    std::uint16_t port = 0;

    explicit Fixture(const std::string& tag) {
        dir = fs::temp_directory_path() / fmt::format("fg-client-{}-{}", tag, ::getpid());
        fs::remove_all(dir);
        fs::create_directories(dir);
        fg::server::ServerConfig config;
        config.exhibitionPath = kSample;
        config.dataDir = dir / "server";
        config.bindAddress = "127.0.0.1";
        config.port = 0;
        auto app = fg::server::ServerApp::create(config);
        REQUIRE_MESSAGE(app, (app ? "" : app.error().message));
        server.app = std::move(*app);
        port = server.app->port();
        // Issued before the server thread runs: the console is the server thread's.
        REQUIRE(fg::writeFileAtomic(
            dir / "client.json",
            std::string_view(R"({"settings": {"msaa": 1, "shadows": false}})")));
    }
    ~Fixture() {
        server.stop = true;
        if (server.thread.joinable()) server.thread.join();
        fs::remove_all(dir);
    }
    std::string invite(const std::string& line) {
        auto out = server.app->console().execute(line);
        REQUIRE_MESSAGE(out.ok, out.text);
        auto at = out.text.find("fgx_");
        REQUIRE(at != std::string::npos);
        return out.text.substr(at, 44);
    }
    // The client's command line (the screenshot folder is where SHOTS go).
    std::string command(const std::string& token, const std::string& script) {
        REQUIRE(fg::writeFileAtomic(dir / "script.txt", script));
        return fmt::format(
            "timeout -k 5 200 xvfb-run -a -s '-screen 0 1024x640x24' '{}' --connect 127.0.0.1:{} "
            "--exhibition '{}' --token '{}' --name 'Lan Pham' --organisation 'Lotus Bay' --email "
            "lan@lotus.example --country VN --config '{}' --cache '{}' --script '{}' --width 1024 "
            "--height 640 --no-vsync --exit-after 6000 > '{}' 2>&1",
            FG_CLIENT_EXE, port, kSample.string(), token, (dir / "client.json").string(),
            (dir / "cache").string(), (dir / "script.txt").string(), (dir / "client.log").string());
    }
    std::string log() const {
        auto text = fg::readFileText(dir / "client.log");
        return text ? *text : std::string("(no log)");
    }
};

fs::path shotsDir(const fs::path& fallback) {
    const char* env = std::getenv("FG_SIGNIN_SHOTS");
    return env && *env ? fs::absolute(env) : fallback;
}

} // namespace

TEST_CASE("fairground --token joins as the exhibitor and goes on duty") {
    Fixture f("signin");
    const std::string token = f.invite(std::string("invite exhibitor ") + kExhibitor);
    f.server.start();
    const fs::path shots = shotsDir(f.dir);
    const std::string script =
        fmt::format("1 teleport {0}\n4 open-booth {0}\n8 on-duty {0} on\n140 screenshot {1}\n"
                    "180 quit\n",
                    kBooth, (shots / "exhibitor-on-duty.png").string());
    int rc = -1;
    std::thread client([&] { rc = std::system(f.command(token, script).c_str()); });

    // A visitor watches: the booth becomes staffed (meetings: tests/meetings).
    fg::netclient::ClientConfig cfg;
    cfg.port = f.port;
    cfg.hello.name = "Watcher";
    cfg.hello.country = "FR";
    auto watcher = fg::netclient::NetClient::connect(cfg);
    REQUIRE(watcher);
    bool staffed = false;
    const double end = fg::monotonicSeconds() + 190;
    while (fg::monotonicSeconds() < end && !staffed) {
        (*watcher)->update(0);
        for (auto& m : (*watcher)->takeInbox()) {
            if (auto* sp = std::get_if<proto::StaffPresence>(&m); sp && sp->boothId == kBooth)
                staffed = sp->onDuty;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    client.join();
    const std::string log = f.log();
    INFO("client log:\n" << log);
    CHECK(WIFEXITED(rc));
    CHECK(WEXITSTATUS(rc) == 0);
    CHECK(log.find(fmt::format("as exhibitor")) != std::string::npos);
    CHECK(log.find(std::string("for exhibitor ") + kExhibitor) != std::string::npos);
    CHECK(staffed);
    CHECK(fs::exists(shots / "exhibitor-on-duty.png"));
}

TEST_CASE(
    "a revoked invitation code is refused with the reason and the script goes on as a visitor") {
    Fixture f("revoked");
    const std::string token = f.invite("invite exhibitor lotus-bay-telecom");
    REQUIRE(f.server.app->store().revokeCredential(token).ok());
    f.server.start();
    const int rc = std::system(
        f.command(token, "0 continue-as-visitor\n5 open-booth vn-01\n20 quit\n").c_str());
    const std::string log = f.log();
    INFO("client log:\n" << log);
    CHECK(WIFEXITED(rc));
    CHECK(WEXITSTATUS(rc) == 0);
    CHECK(log.find("sign-in refused") != std::string::npos);
    CHECK(log.find("revoked") != std::string::npos);
    CHECK(log.find("continuing as a visitor") != std::string::npos);
    CHECK(log.find("as visitor") != std::string::npos);
}
