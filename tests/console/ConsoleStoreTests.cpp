// Console commands over the store: invite/credentials/revoke, booth stats, top booths, leads
// CSV export and exhibition export, with good and bad arguments.
#include "engine/core/File.h"
#include "tests/console/ConsoleFixture.h"

#include <nlohmann/json.hpp>

using namespace fg;
using test::contains;

namespace {
std::string tokenIn(const std::string& text) {
    auto at = text.find("fgx_");
    REQUIRE(at != std::string::npos);
    return text.substr(at, 44);
}
} // namespace

TEST_CASE("console: invite prints a working token once and credentials never show it") {
    test::ConsoleFixture f;
    std::string out = f.run("invite exhibitor acme Acme booth team");
    std::string token = tokenIn(out);
    auto cred = f.db->verifyToken(token);
    REQUIRE(cred);
    CHECK(cred->exhibitorId == "acme");
    CHECK(cred->label == "Acme booth team");
    std::string organiser = tokenIn(f.run("invite organiser"));
    CHECK((f.db->verifyToken(organiser)->role == store::Role::Organiser));
    std::string list = f.run("credentials");
    CHECK(contains(list, "Acme booth team"));
    CHECK_FALSE(contains(list, token));
    CHECK(contains(list, token.substr(0, 12) + "..."));
    CHECK(contains(f.run("invite exhibitor nope", false), "unknown exhibitor \"nope\""));
    CHECK(contains(f.run("invite exhibitor", false), "missing EXHIBITOR_ID"));
    CHECK(contains(f.run("invite wizard", false), "expected exhibitor, organiser or visitor"));
}

TEST_CASE("console: revoke by prefix or id stops the token") {
    test::ConsoleFixture f;
    std::string token = tokenIn(f.run("invite exhibitor acme"));
    std::string second = tokenIn(f.run("invite organiser"));
    CHECK(
        contains(f.run("revoke " + token.substr(0, 10)), "revoked credential #1 (exhibitor acme)"));
    CHECK_FALSE(f.db->verifyToken(token));
    CHECK(contains(f.run("credentials"), "revoked"));
    CHECK(contains(f.run("revoke #1", false), "already revoked"));
    CHECK(contains(f.run("revoke #2"), "revoked credential #2"));
    CHECK_FALSE(f.db->verifyToken(second));
    CHECK(contains(f.run("revoke xyz!", false), "not a token, #id or token prefix"));
}

TEST_CASE("console: booth stats and top booths read the store") {
    test::ConsoleFixture f;
    f.db->recordVisit("acme-1", "a");
    f.db->recordVisit("acme-1", "b");
    f.db->recordDwell("acme-1", 95);
    f.db->recordVisit("beta-1", "a");
    REQUIRE(f.db->addLike("beta-1", "a"));
    REQUIRE(f.db->addLike("beta-1", "b"));
    std::string one = f.run("booth stats acme-1");
    CHECK(contains(one, "acme-1"));
    CHECK(contains(one, "1m 35s"));
    auto j = nlohmann::json::parse(f.run("booth stats acme-1 --json"));
    CHECK(j[0]["visits"] == 2);
    CHECK(j[0]["unique_visitors"] == 2);
    CHECK(j[0]["dwell_s"] == 95.0);
    auto all = nlohmann::json::parse(f.run("booth stats --json"));
    CHECK(all.size() == 2);
    CHECK(contains(f.run("booth stats nope", false), "unknown booth \"nope\""));
    CHECK(contains(f.run("booth visits", false), "unknown sub-command \"visits\""));
    auto top = nlohmann::json::parse(f.run("top booths 1 --json"));
    REQUIRE(top.size() == 1);
    CHECK(top[0]["booth"] == "acme-1");
    auto byLikes = nlohmann::json::parse(f.run("top booths --by likes --json"));
    CHECK(byLikes[0]["booth"] == "beta-1");
    CHECK(contains(f.run("top booths 0", false), "N must be 1-9999"));
    CHECK(contains(f.run("top booths --by fame", false), "found \"fame\""));
    CHECK(contains(f.run("top booths --by", false), "--by needs a value"));
    CHECK(contains(f.run("top halls", false), "unknown list \"halls\""));
}

TEST_CASE("console: leads print as a table or go to a CSV file") {
    test::ConsoleFixture f;
    REQUIRE(f.db->addLead({0, "acme-1", "acme", "Nguyen, Van A", "VNPT", "a@vnpt.vn", "Call \"me\"",
                           true, 1634029200}));
    CHECK(contains(f.run("leads acme-1"), "Nguyen, Van A"));
    auto file = f.dir.path() / "out" / "leads.csv";
    std::filesystem::create_directories(file.parent_path());
    CHECK(contains(f.run("leads acme-1 --csv " + file.string()), "wrote 1 leads"));
    auto text = readFileText(file);
    REQUIRE(text);
    CHECK(*text == *f.db->leadsCsv("acme-1"));
    CHECK(contains(*text, "\"Nguyen, Van A\""));
    CHECK(contains(f.run("leads nope --csv x.csv", false), "unknown booth \"nope\""));
    CHECK(contains(f.run("leads acme-1 --csv", false), "--csv needs a value"));
    CHECK(contains(f.run("leads acme-1 --csv /nonexistent-dir/x.csv", false), "leads:"));
}

TEST_CASE("console: export writes the served exhibition as JSON") {
    test::ConsoleFixture f;
    auto file = f.dir.path() / "export.json";
    CHECK(contains(f.run("export " + file.string()), "1 halls, 2 booths"));
    auto text = readFileText(file);
    REQUIRE(text);
    auto j = nlohmann::json::parse(*text);
    CHECK(j["event"]["name"] == "Test Fair");
    CHECK(j["booths"].size() == 2);
    CHECK(contains(f.run("export", false), "missing argument (usage: export FILE)"));
    CHECK(contains(f.run("export /nonexistent-dir/x.json", false), "export: "));
    CHECK(contains(f.run("credentials all", false), "too many arguments"));
}
