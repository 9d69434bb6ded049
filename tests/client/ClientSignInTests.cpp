// Windowed sign-in tests: the real `fairground` under Xvfb against a real in-process server.
// `--token` joins as the exhibitor the server's `invite` named, goes on duty at its own booth
// (a watching visitor sees the booth staffed); a revoked code is refused and the script
// continues as a visitor; a visitor ticket from two installs is one person.
// Screenshots go to $FG_SIGNIN_SHOTS when set.
#include "engine/core/File.h"
#include "engine/core/Time.h"
#include "game/expo/ExhibitionJson.h"
#include "game/netclient/NetClient.h"
#include "server/ServerApp.h"
#include "server/store/Store.h"
#include "tests/client/ClientFixture.h"

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

// The signed-in client's fixture on the bundled sample.
struct Fixture : fg::test::ClientFixture {
    explicit Fixture(const std::string& tag, bool guests = true)
        : ClientFixture(tag, kSample, guests) {}
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

TEST_CASE("a visitor ticket signs in on a server without guests, and two installs are one person") {
    Fixture f("ticket", /*guests=*/false);
    auto issued = f.server.app->store().issueTickets(1, "registered");
    REQUIRE(issued);
    const std::string code = issued->front().code;
    f.server.start();
    for (int install = 0; install < 2; ++install) {
        // A fresh client.json each time: a new install with its own client key.
        REQUIRE(fg::writeFileAtomic(
            f.dir / "client.json",
            std::string_view(R"({"settings": {"msaa": 1, "shadows": false}})")));
        const int rc = std::system(
            f.command(code, "1 teleport vn-01\n4 open-booth vn-01\n8 like\n40 quit\n").c_str());
        const std::string log = f.log();
        INFO("client log:\n" << log);
        CHECK(WIFEXITED(rc));
        CHECK(WEXITSTATUS(rc) == 0);
        CHECK(log.find("as visitor") != std::string::npos);
        CHECK(log.find("sign-in refused") == std::string::npos);
    }
    f.server.stop = true;
    f.server.thread.join();
    auto stats = f.server.app->store().boothStats("vn-01");
    REQUIRE(stats);
    CHECK(stats->likes == 1);
    CHECK(stats->uniqueVisitors == 1);
    auto tickets = f.server.app->store().listTickets();
    REQUIRE(tickets);
    CHECK(tickets->front().firstUsedAt.has_value());
}
