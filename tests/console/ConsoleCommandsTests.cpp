// Console registry and live commands against a fake host: parsing, help, unknown commands and
// options, status, who, find, kick, announce, hall, save, reload, shutdown, completion.
#include "tests/console/ConsoleFixture.h"

#include <nlohmann/json.hpp>

using namespace fg;
using test::contains;

TEST_CASE("console: empty lines do nothing and unknown commands say what to try") {
    test::ConsoleFixture f;
    CHECK(f.run("   ").empty());
    CHECK(f.run("frobnicate", false) == "unknown command \"frobnicate\" (try 'help')\n");
    CHECK(contains(f.run("ki", false), "did you mean: kick"));
    CHECK(contains(f.run("kick \"bob", false), "unterminated double quote"));
}

TEST_CASE("console: help lists every command and explains one") {
    test::ConsoleFixture f;
    std::string all = f.run("help");
    for (const std::string& name : f.console.commandNames())
        CHECK(contains(all, name));
    CHECK(contains(all, "ban WHO [DURATION] [REASON]"));
    std::string ban = f.run("help ban");
    CHECK(contains(ban, "usage: ban WHO [DURATION] [REASON]"));
    CHECK(contains(ban, "permanent."));
    for (std::size_t at = 0, next; at < ban.size(); at = next + 1) {
        next = ban.find('\n', at);
        CHECK(next - at <= 78); // details are wrapped
    }
    CHECK(f.run("help nope", false) == "help: unknown command \"nope\" (try 'help')\n");
    CHECK(contains(f.run("help a b", false), "too many arguments"));
}

TEST_CASE("console: status prints figures and halls as text or JSON") {
    test::ConsoleFixture f;
    f.host.serverStats = {3725, 0.8, 2.5, 2048, 1048576, 20, 3};
    f.host.hallList[0].visitors = 3;
    std::string text = f.run("status");
    CHECK(contains(text, "uptime 1h 02m 05s, 3 connected, tick 20 Hz (p50 0.80 ms, p99 2.50 ms)"));
    CHECK(contains(text, "traffic in 2.0 KiB/s, out 1.0 MiB/s"));
    CHECK(contains(text, "main  Main hall  open"));
    auto j = nlohmann::json::parse(f.run("status --json"));
    CHECK(j["connections"] == 3);
    CHECK(j["tick_p99_ms"] == 2.5);
    CHECK(j["halls"][0]["id"] == "main");
    CHECK(contains(f.run("status --xml", false), "unknown option \"--xml\""));
    CHECK(contains(f.run("status now", false), "too many arguments"));
}

TEST_CASE("console: who lists and filters by hall or booth") {
    test::ConsoleFixture f;
    std::string all = f.run("who");
    CHECK(contains(all, "3 connected"));
    CHECK(contains(all, "exhibitor:acme"));
    CHECK(contains(f.run("who main"), "3 connected"));
    std::string booth = f.run("who acme-1");
    CHECK(contains(booth, "2 connected"));
    CHECK_FALSE(contains(booth, "Minh"));
    CHECK(f.run("who lobby", false) == "who: \"lobby\" is neither a hall nor a booth id\n");
    auto j = nlohmann::json::parse(f.run("who acme-1 --json"));
    REQUIRE(j.size() == 2);
    CHECK(j[0]["name"] == "Vy");
    CHECK(j[0]["booth"] == "acme-1");
}

TEST_CASE("console: who aligns its columns") {
    test::ConsoleFixture f;
    std::string text = f.run("who");
    auto header = text.substr(0, text.find('\n'));
    auto firstRow =
        text.substr(header.size() + 1, text.find('\n', header.size() + 1) - header.size() - 1);
    CHECK(header.find("name") == firstRow.find("Vy"));
    CHECK(header.find("hall") == firstRow.find("main"));
}

TEST_CASE("console: find matches visitors and exhibitors by part of the name") {
    test::ConsoleFixture f;
    std::string hits = f.run("find acme");
    CHECK(contains(hits, "Acme staff"));
    CHECK(contains(hits, "acme-1"));
    CHECK(contains(f.run("find zzz"), "no connected visitor matches"));
    CHECK(contains(f.run("find", false), "missing argument (usage: find NAME)"));
}

TEST_CASE("console: kick names unknown visitors and passes the reason on") {
    test::ConsoleFixture f;
    CHECK(f.run("kick bob", false) == "kick: unknown visitor \"bob\" (try 'who')\n");
    CHECK(contains(f.run("kick", false), "missing argument (usage: kick WHO [REASON])"));
    CHECK(contains(f.run("kick #2 please stop shouting"), "kicked #2 Minh (please stop shouting)"));
    CHECK(f.host.calls.back() == "kick 2 please stop shouting");
    CHECK(contains(f.run("kick vy"), "kicked #1 Vy"));
    CHECK(f.host.people.size() == 1);
    f.host.people.push_back(test::person(8, "Twin", store::Role::Visitor, "", ""));
    f.host.people.push_back(test::person(9, "twin", store::Role::Visitor, "", ""));
    CHECK(contains(f.run("kick twin", false), "ambiguous, use an id: #8 #9"));
}

TEST_CASE("console: announce goes to a hall or everyone") {
    test::ConsoleFixture f;
    f.run("announce main Keynote starts in 5 minutes");
    CHECK(f.host.calls.back() == "announce [main] Keynote starts in 5 minutes");
    f.run("announce Welcome to the fair");
    CHECK(f.host.calls.back() == "announce [] Welcome to the fair");
    f.run("announce main");
    CHECK(f.host.calls.back() == "announce [] main");
    CHECK(contains(f.run("announce", false), "missing argument"));
}

TEST_CASE("console: hall open and close check the verb and the hall") {
    test::ConsoleFixture f;
    CHECK(contains(f.run("hall close main"), "hall main is now closed"));
    CHECK_FALSE(f.host.hallList[0].open);
    CHECK(contains(f.run("status"), "closed"));
    f.run("hall open main");
    CHECK(f.host.hallList[0].open);
    CHECK(contains(f.run("hall shut main", false), "expected open or close, found \"shut\""));
    CHECK(contains(f.run("hall close lobby", false), "unknown hall \"lobby\""));
    CHECK(contains(f.run("hall close", false), "missing argument"));
}

TEST_CASE("console: save, reload and shutdown reach the host") {
    test::ConsoleFixture f;
    f.db->recordVisit("acme-1", "v");
    CHECK(contains(f.run("save"), "saved (1 analytics events written)"));
    CHECK(f.host.calls.back() == "save");
    CHECK(contains(f.run("reload"), "revision 2"));
    f.host.reloadError = "exhibition.json: booths[0].size: expected one of S, M, L, found \"XL\"";
    std::string rejected = f.run("reload", false);
    CHECK(contains(rejected, "reload rejected, nothing changed"));
    CHECK(contains(rejected, "booths[0].size"));
    CHECK(contains(f.run("shutdown"), "in 60 s"));
    CHECK(f.host.calls.back() == "shutdown 60");
    f.run("shutdown 0");
    CHECK(f.host.calls.back() == "shutdown 0");
    CHECK(contains(f.run("shutdown soon", false), "SECONDS must be 0-99999, found \"soon\""));
    CHECK(contains(f.run("shutdown 1 2", false), "too many arguments"));
    CHECK(contains(f.run("save now", false), "too many arguments, unexpected \"now\""));
    CHECK(contains(f.run("reload please", false), "usage: reload"));
}

TEST_CASE("console: tab completion offers commands, sub-commands and ids") {
    test::ConsoleFixture f;
    CHECK(f.console.complete("ki") == std::vector<std::string>{"kick"});
    auto hall = f.console.complete("hall ");
    CHECK(std::find(hall.begin(), hall.end(), "open") != hall.end());
    CHECK(std::find(hall.begin(), hall.end(), "main") != hall.end());
    auto who = f.console.complete("who ac");
    CHECK(std::find(who.begin(), who.end(), "acme-1") != who.end());
    CHECK(std::find(who.begin(), who.end(), "main") == who.end());
    auto names = f.console.complete("kick M");
    CHECK(names == std::vector<std::string>{"Minh"});
}
