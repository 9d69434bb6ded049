// Unit tests of the client's input-facing logic: command line, profile file, script parser,
// connection backoff and script actions on a session without a network.
// No window, GPU or sockets are used here.
#include "engine/core/File.h"
#include "game/client/ClientFeatures.h"
#include "game/client/ClientOptions.h"
#include "game/client/ClientState.h"
#include "game/client/Connection.h"
#include "game/client/InputScript.h"
#include "game/client/VisitorProfile.h"
#include "game/client/booth/BoothFeature.h"
#include "game/client/directory/DirectoryFeature.h"

#include <cmath>
#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>
#include <unistd.h>

using namespace fg::client;

namespace {

std::filesystem::path tempDir(const char* name) {
    auto dir =
        std::filesystem::temp_directory_path() / fmt::format("fg-client-{}-{}", name, ::getpid());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

ParsedOptions parse(std::vector<const char*> args) {
    args.insert(args.begin(), "fairground");
    return parseClientOptions(int(args.size()), args.data());
}

} // namespace

TEST_CASE("options: connect, repeatable screenshots, exit-after") {
    auto p = parse({"--connect", "example.org:7000", "--ticket", "T-1", "--screenshot-at", "5",
                    "a.png", "--screenshot-at", "9", "b.png", "--exit-after", "12"});
    REQUIRE(p.exitCode == -1);
    CHECK(p.options.connectHost == "example.org");
    CHECK(p.options.connectPort == 7000);
    CHECK(p.options.ticket == "T-1");
    REQUIRE(p.options.shots.size() == 2);
    CHECK(p.options.shots[1].frame == 9);
    CHECK(p.options.shots[1].file == "b.png");
    CHECK(p.options.exitAfter == 12);
}

TEST_CASE("options: a bad address is refused with a readable message") {
    for (const char* bad : {"nohost", "host:", "host:99999", "host:12ab", ":80"}) {
        auto p = parse({"--connect", bad});
        CHECK(p.exitCode == 2);
        CHECK(p.message.find("address") != std::string::npos);
    }
    auto frame = parse({"--screenshot-at", "x", "a.png"});
    CHECK(frame.exitCode == 2);
}

TEST_CASE("options: no arguments hosts the bundled sample") {
    auto p = parse({});
    REQUIRE(p.exitCode == -1);
    CHECK(p.options.connectHost.empty());
    CHECK(p.options.exhibition.filename() == "exhibition.json");
    CHECK(p.options.exhibition.parent_path().filename() == "digital-world-2021");
}

TEST_CASE("profile: save and load round trip, first run when incomplete") {
    const auto dir = tempDir("profile");
    const auto file = dir / "fairground/client.json";
    auto fresh = loadProfile(file);
    REQUIRE(fresh);
    CHECK_FALSE(fresh->complete());
    VisitorProfile p;
    p.name = "Linh";
    p.organisation = "Hanoi Telecom";
    p.email = "linh@example.vn";
    p.country = "VN";
    p.color = 0x12ab34;
    p.clientKey = makeClientKey();
    p.settings.mouseSensitivity = 0.3f;
    p.settings.uiScale = 150;
    p.settings.highContrast = true;
    REQUIRE(saveProfile(p, file));
    auto back = loadProfile(file);
    REQUIRE(back);
    CHECK(back->complete());
    CHECK(back->name == "Linh");
    CHECK(back->color == 0x12ab34);
    CHECK(back->clientKey == p.clientKey);
    CHECK(back->settings.mouseSensitivity == doctest::Approx(0.3f));
    CHECK(back->settings.uiScale == 150);
    CHECK(back->settings.highContrast);
    std::filesystem::remove_all(dir);
}

TEST_CASE("profile: the invitation code is kept in a file only its owner may read") {
    const auto dir = tempDir("profile-token");
    const auto file = dir / "client.json";
    auto opts = parse({"--token", "fgx_0123"});
    REQUIRE(opts.exitCode == -1);
    CHECK(opts.options.token == "fgx_0123");
    VisitorProfile p;
    p.name = "Lan";
    p.token = opts.options.token;
    REQUIRE(saveProfile(p, file));
    namespace fs = std::filesystem;
    CHECK((fs::status(file).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));
    auto back = loadProfile(file);
    REQUIRE(back);
    CHECK(back->token == "fgx_0123");
    p.token.clear(); // Sign out
    REQUIRE(saveProfile(p, file));
    CHECK(fg::readFileText(file)->find("token") == std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("profile: malformed file and bad fields are errors, not crashes") {
    const auto dir = tempDir("badprofile");
    REQUIRE(fg::writeFileAtomic(dir / "a.json", std::string_view("{ not json")));
    auto bad = loadProfile(dir / "a.json");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.find("a.json") != std::string::npos);
    REQUIRE(fg::writeFileAtomic(dir / "b.json", std::string_view(R"({"color": "blue"})")));
    CHECK_FALSE(loadProfile(dir / "b.json"));
    VisitorProfile p;
    p.name = "A"; // the server refuses names shorter than 2 characters, so the form does too
    p.organisation = "B";
    p.country = "VN";
    CHECK(checkProfile(p).find("name") != std::string::npos);
    p.name = "Al";
    p.country = "vn";
    CHECK(checkProfile(p).find("country") != std::string::npos);
    p.country = "VN";
    CHECK(checkProfile(p).empty());
    CHECK_FALSE(parseColor("#12345"));
    CHECK(*parseColor("#FF0080") == 0xff0080u);
    CHECK(formatColor(0xff0080) == "#ff0080");
    std::filesystem::remove_all(dir);
}

TEST_CASE("script: keys, mouse, clicks and named actions") {
    auto events =
        parseInputScript("# walk then open\n0 key w down\n10 key w up\n12 mouse 40 -5\n"
                         "15 click 320 180\n20 open-booth b-001\n21 drop-card hello there\n",
                         "s.txt");
    REQUIRE(events);
    REQUIRE(events->size() == 6);
    CHECK((*events)[0].kind == ScriptEventKind::KeyDown);
    CHECK((*events)[2].kind == ScriptEventKind::MouseMove);
    CHECK((*events)[2].y == doctest::Approx(-5));
    CHECK((*events)[3].kind == ScriptEventKind::Click);
    CHECK((*events)[4].name == "open-booth");
    CHECK((*events)[5].args == std::vector<std::string>{"hello", "there"});
    ScriptPlayer player(std::move(*events));
    CHECK(player.due(0).size() == 1);
    CHECK(player.due(14).size() == 2);
    CHECK(player.due(100).size() == 3);
    CHECK(player.finished());
}

TEST_CASE("script: a bare 'key NAME' is one press, shortcut keys are known") {
    auto events = parseInputScript("0 key n\n1 key tab\n2 key f3\n3 key space down\n", "k.txt");
    REQUIRE(events);
    REQUIRE(events->size() == 4);
    CHECK((*events)[0].kind == ScriptEventKind::KeyPress);
    CHECK((*events)[0].name == "n");
    CHECK((*events)[2].name == "f3");
    CHECK((*events)[3].kind == ScriptEventKind::KeyDown);
    auto bad = parseInputScript("0 key n sideways\n", "k.txt");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message ==
          "k.txt: line 1: expected 'key NAME [down|up]' with a known key name");
}

TEST_CASE("settings: the UI scale follows the monitor unless set, within 75-200 %") {
    CHECK(effectiveUiScale(0, 1.0f) == 100);
    CHECK(effectiveUiScale(0, 1.5f) == 150);
    CHECK(effectiveUiScale(0, 3.0f) == 200);
    CHECK(effectiveUiScale(0, 0.5f) == 75);
    CHECK(effectiveUiScale(125, 2.0f) == 125);
    CHECK(effectiveUiScale(0, std::nanf("")) == 100);
    auto parsed = parse({"--ui-scale", "150", "--high-contrast"});
    CHECK(parsed.exitCode < 0);
    CHECK(parsed.options.uiScale == 150);
    CHECK(parsed.options.highContrast);
    auto tooBig = parse({"--ui-scale", "300"});
    CHECK(tooBig.exitCode > 0);
}

TEST_CASE("script: errors name the file and line") {
    auto order = parseInputScript("5 key w down\n3 key w up\n", "s.txt");
    REQUIRE_FALSE(order);
    CHECK(order.error().message.find("s.txt: line 2") != std::string::npos);
    CHECK_FALSE(parseInputScript("x key w down\n", "s"));
    CHECK_FALSE(parseInputScript("1 key nosuchkey down\n", "s"));
    CHECK_FALSE(parseInputScript("1 click 10\n", "s"));
    CHECK_FALSE(parseInputScript("1\n", "s"));
}

TEST_CASE("connection: backoff doubles and is capped") {
    CHECK(backoffSeconds(1) == 1.0);
    CHECK(backoffSeconds(2) == 2.0);
    CHECK(backoffSeconds(4) == 8.0);
    CHECK(backoffSeconds(30) == 15.0);
}

TEST_CASE("connection: an unreachable server is reported and retried, not fatal") {
    fg::netclient::ClientConfig config;
    config.host = "127.0.0.1";
    config.port = 9; // discard port: nothing answers ENet there
    config.hello.name = "T";
    Connection link(config);
    link.update(0.0);
    link.update(7.0); // past the handshake deadline
    const bool reconnecting = link.state() == LinkState::Reconnecting;
    CHECK(reconnecting);
    CHECK(link.message().find("127.0.0.1:9") != std::string::npos);
    CHECK(link.nextAttemptAt() > 7.0);
}

TEST_CASE("session actions: booth panel and card form without a connection") {
    fg::expo::Exhibition ex;
    ex.booths.push_back({});
    ex.booths.back().id = "b-001";
    Session s;
    s.ex = &ex;
    s.profile.name = "Linh";
    s.profile.organisation = "Org";
    s.profile.email = "l@example.vn";
    ClientFeatures features(s);
    BoothFeature* booth = features.find<BoothFeature>();
    REQUIRE(booth);
    REQUIRE(features.runAction("open-booth", {"b-001"}));
    CHECK(s.selection.booth == 0);
    CHECK(booth->forms().card.name == "Linh");
    CHECK(booth->forms().card.email == "l@example.vn");
    CHECK_FALSE(features.runAction("open-booth", {"nope"}));
    CHECK_FALSE(features.runAction("drop-card", {})); // not connected: refused, not crashed
    CHECK_FALSE(features.runAction("no-such-action", {}));
    CHECK_FALSE(features.runAction("open-booth", {}));
    REQUIRE(features.runAction("directory", {}));
    CHECK(features.find<DirectoryFeature>()->shown());
    REQUIRE(features.runAction("close-panel", {}));
    CHECK(s.selection.booth == -1);
}

TEST_CASE("feature actions: every documented script action has an owner") {
    fg::expo::Exhibition ex;
    ex.booths.push_back({});
    ex.booths.back().id = "b-001";
    Session s;
    s.ex = &ex;
    ClientFeatures features(s);
    // docs/CLIENT.md's script actions (wait-walk and screenshot are the app's own clock).
    const char* names[] = {"walk-to",
                           "open-booth",
                           "close-panel",
                           "card-form",
                           "card-note",
                           "consent",
                           "drop-card",
                           "like",
                           "request-meeting",
                           "open-document",
                           "zoom-poster",
                           "teleport",
                           "chat",
                           "search",
                           "directory",
                           "map",
                           "agenda",
                           "agenda-day",
                           "event-time",
                           "chat-window",
                           "people",
                           "settings",
                           "help",
                           "on-duty",
                           "answer-meeting",
                           "sign-in",
                           "sign-out",
                           "continue-as-visitor",
                           "propose-meeting",
                           "accept-proposal",
                           "decline-proposal",
                           "cancel-meeting",
                           "set-meeting-hours",
                           "meeting-slots",
                           "meetings-window",
                           "meetings-section",
                           "quit"};
    for (const char* name : names) {
        fg::Status st = features.runAction(name, {"1"});
        INFO(name);
        CHECK((st || st.error().message.find("unknown action") == std::string::npos));
    }
    CHECK(s.quit);
    CHECK(s.help);
}
