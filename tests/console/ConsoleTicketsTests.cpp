// Console `tickets` (issue to CSV, list, revoke) and moderation of a verified person: a ban or
// mute of someone signed in with a ticket also covers the ticket.
#include "engine/core/File.h"
#include "tests/console/ConsoleFixture.h"

#include <nlohmann/json.hpp>
#include <sstream>

using namespace fg;
using test::contains;

namespace {

// The code column of the tickets CSV (codes never contain a comma or a quote).
std::vector<std::string> codesIn(const std::string& csv) {
    std::vector<std::string> codes;
    std::istringstream lines(csv);
    std::string line;
    std::getline(lines, line);
    CHECK(line == "code,label,issued\r");
    while (std::getline(lines, line)) {
        CHECK(line.ends_with('\r'));
        codes.push_back(line.substr(0, line.find(',')));
    }
    return codes;
}

} // namespace

TEST_CASE("console: tickets issue writes the codes to a new CSV file and nowhere else") {
    test::ConsoleFixture f;
    const std::string file = (f.dir.path() / "press.csv").string();
    std::string out = f.run("tickets issue 3 --label \"press day 1\" --csv " + file);
    CHECK(contains(out, "issued 3 tickets #1-#3 labelled \"press day 1\""));
    CHECK_FALSE(contains(out, "fgt_"));
    auto csv = readFileText(file);
    REQUIRE(csv);
    auto codes = codesIn(*csv);
    REQUIRE(codes.size() == 3);
    CHECK(contains(*csv, ",press day 1,"));
    for (const std::string& code : codes)
        CHECK(f.db->verifyTicket(code));
    // The codes exist only in that file: it is never overwritten.
    CHECK(contains(f.run("tickets issue 2 --csv " + file, false), "exists"));
    CHECK(*readFileText(file) == *csv);
    CHECK(contains(f.run("tickets issue 2", false), "--csv FILE is required"));
    CHECK(contains(f.run("tickets issue many --csv x.csv", false), "is not a number"));
    CHECK(contains(f.run("tickets issue 0 --csv " + file + ".2", false), "1 to 100000"));
    CHECK(contains(f.run("tickets frobnicate", false), "unknown sub-command"));

    std::string list = f.run("tickets list");
    CHECK(contains(list, "press day 1"));
    CHECK(contains(list, codes[0].substr(0, 12) + "..."));
    CHECK_FALSE(contains(list, codes[0]));
    CHECK(contains(list, "3 tickets, 0 used, 0 revoked"));
    auto json = nlohmann::json::parse(f.run("tickets list --json --label \"press day 1\""));
    REQUIRE(json.size() == 3);
    CHECK(json[0]["label"] == "press day 1");
    CHECK(json[0]["first_used"] == "");
}

TEST_CASE("console: tickets revoke by prefix, by label, and through revoke") {
    test::ConsoleFixture f;
    const std::string day1 = (f.dir.path() / "day1.csv").string();
    const std::string day2 = (f.dir.path() / "day2.csv").string();
    f.run("tickets issue 2 --label day1 --csv " + day1);
    f.run("tickets issue 2 --label day2 --csv " + day2);
    auto codes1 = codesIn(*readFileText(day1));
    auto codes2 = codesIn(*readFileText(day2));
    CHECK(contains(f.run("tickets revoke " + codes1[0].substr(0, 10)), "revoked ticket #1 (day1)"));
    CHECK(contains(f.run("revoke " + codes1[1]), "revoked ticket #2"));
    CHECK(contains(f.run("tickets revoke --label day2"), "revoked 2 tickets labelled \"day2\""));
    CHECK(contains(f.run("tickets revoke --label day2", false), "no active ticket"));
    CHECK(contains(f.run("tickets revoke", false), "give one code"));
    for (const auto& code : {codes1[0], codes1[1], codes2[0], codes2[1]})
        CHECK_FALSE(f.db->verifyTicket(code));
    CHECK(contains(f.run("tickets list"), "4 tickets, 0 used, 4 revoked"));
}

TEST_CASE("console: banning or muting a person signed in with a ticket covers the ticket") {
    test::ConsoleFixture f;
    f.host.people[0].personKey = "ticket:7"; // Vy
    f.host.people[1].personKey = "ticket:8"; // Minh
    std::string out = f.run("ban Vy 1h spam");
    CHECK(contains(out, "person \"ticket:7\""));
    auto hit = f.db->findActiveBan("Someone Else", "10.9.9.9", "new-key",
                                   test::ConsoleFixture::kNow, "ticket:7");
    REQUIRE(hit);
    CHECK(hit->has_value());
    CHECK(contains(f.run("bans"), "ticket:7"));
    CHECK(contains(f.run("unban ticket:7"), "removed 1 ban"));
    f.run("mute Minh");
    CHECK(*f.db->isMuted("Other Name", "other-key", "ticket:8"));
    f.run("unmute ticket:8");
    CHECK_FALSE(*f.db->isMuted("Other Name", "other-key", "ticket:8"));
    CHECK(contains(f.run("ban cred:3"), "person \"cred:3\""));
}
