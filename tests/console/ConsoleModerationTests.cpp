// ban/unban/mute/unmute: stored first (checked in the store), then applied to connected people
// through the host; durations, offline targets and bad arguments.
#include "tests/console/ConsoleFixture.h"

using namespace fg;
using test::contains;

TEST_CASE("console: ban with a duration stores name and key bans and disconnects") {
    test::ConsoleFixture f;
    std::string out = f.run("ban Vy 2h spamming the hall");
    CHECK(contains(out, "name \"Vy\" until"));
    CHECK(contains(out, "key \"key-vy\""));
    CHECK(contains(out, "disconnected #1 Vy"));
    CHECK(contains(out, "reason: spamming the hall"));
    CHECK(f.host.calls.back() == "ban 1 spamming the hall");
    auto active = f.db->findActiveBan("vy", "", "", f.kNow + 7199);
    REQUIRE(active);
    REQUIRE(active->has_value());
    CHECK((*active)->expiresAt == f.kNow + 7200);
    CHECK_FALSE(f.db->findActiveBan("vy", "", "", f.kNow + 7200)->has_value());
    CHECK(f.db->findActiveBan("new-name", "", "key-vy", f.kNow)->has_value());
}

TEST_CASE("console: ban without a duration is permanent and offline targets need a prefix") {
    test::ConsoleFixture f;
    f.run("ban Minh flooding");
    auto ban = f.db->findActiveBan("minh", "", "", f.kNow + 100000000);
    REQUIRE(ban->has_value());
    CHECK((*ban)->reason == "flooding");
    CHECK_FALSE((*ban)->expiresAt.has_value());
    std::string unknown = f.run("ban bob", false);
    CHECK(contains(unknown, "ban: unknown visitor \"bob\" (try 'who')"));
    CHECK(contains(unknown, "name:NAME"));
    CHECK(contains(f.run("ban name:bob 7d"), "name \"bob\" until"));
    CHECK(contains(f.run("ban ip:10.0.0.3 30m"), "disconnected #3 Acme staff"));
    CHECK(contains(f.run("ban #1 5x", false), "bad duration \"5x\""));
    CHECK(contains(f.run("ban ip:", false), "empty value"));
    CHECK(contains(f.run("bans"), "10.0.0.3"));
}

TEST_CASE("console: unban by id, prefix or name and says when nothing matched") {
    test::ConsoleFixture f;
    f.run("ban Vy");
    f.run("ban ip:10.9.9.9");
    CHECK(contains(f.run("unban vy"), "removed 1 ban"));
    CHECK(f.db->findActiveBan("", "", "key-vy", f.kNow)->has_value());
    CHECK(contains(f.run("unban key:key-vy"), "removed 1 ban"));
    CHECK(contains(f.run("unban #3"), "removed 1 ban"));
    CHECK(f.db->listBans(f.kNow)->empty());
    CHECK(f.run("unban vy", false) == "unban: no ban matches \"vy\" (see 'bans')\n");
    CHECK(contains(f.run("unban #999", false), "no ban matches"));
}

TEST_CASE("console: mute and unmute are stored and told to the live session") {
    test::ConsoleFixture f;
    CHECK(contains(f.run("mute #1"), "told #1 Vy"));
    CHECK(f.host.people[0].muted);
    CHECK(*f.db->isMuted("Vy", ""));
    CHECK(*f.db->isMuted("", "key-vy"));
    CHECK(contains(f.run("who"), "(muted)"));
    f.run("unmute vy");
    CHECK_FALSE(f.host.people[0].muted);
    CHECK_FALSE(*f.db->isMuted("Vy", "key-vy"));
    CHECK(contains(f.run("mute ghost", false), "unknown visitor \"ghost\""));
    std::string timed = f.run("mute #1 30m flooding the hall");
    CHECK(contains(timed, "muted \"Vy\" until "));
    CHECK(contains(timed, ": flooding the hall"));
    CHECK(contains(f.run("mute #1 5x", false), "bad duration \"5x\""));
    auto mute = f.db->findActiveMute("vy", "", f.kNow + 29 * 60);
    REQUIRE(mute);
    REQUIRE(mute->has_value());
    CHECK((*mute)->reason == "flooding the hall");
    CHECK_FALSE(f.db->findActiveMute("vy", "", f.kNow + 31 * 60)->has_value());
    std::string offline = f.run("mute name:ghost");
    CHECK(contains(offline, "muted \"ghost\""));
    CHECK_FALSE(contains(offline, "told"));
    CHECK(*f.db->isMuted("GHOST", ""));
    CHECK(contains(f.run("unmute nobody", false), "unmute: unknown visitor \"nobody\""));
    CHECK(contains(f.run("unmute name:", false), "empty name"));
    f.run("unmute name:ghost");
    CHECK_FALSE(*f.db->isMuted("ghost", ""));
}
