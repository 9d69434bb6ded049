// Sessions' structured speakers, moderator and registration: read (old string lists too),
// checked with their paths, written and read back unchanged. Fixture's temp folder only.
#include "tests/expo/ExpoFixture.h"

#include <doctest/doctest.h>

using fg::expo::test::ExpoFixture;
using nlohmann::json;
namespace expo = fg::expo;

namespace {

json minister() {
    return {{"name", "Dr. Lan Tran"},
            {"title", "Minister of Information"},
            {"organisation", "Ministry of Information"},
            {"country", "VN"},
            {"photo", "logo.png"}};
}

} // namespace

TEST_CASE_FIXTURE(ExpoFixture, "old files with speakers as strings still load, as names") {
    auto report = parse();
    INFO(listProblems(report));
    REQUIRE(report.ok());
    const expo::Session& s = report.exhibition->sessions[0];
    REQUIRE(s.speakers.size() == 2);
    CHECK(s.speakers[0] == expo::Speaker{"Minister", "", "", "", ""});
    CHECK(!s.moderator);
    CHECK((s.registration.mode == expo::RegistrationMode::None));
}

TEST_CASE_FIXTURE(ExpoFixture, "structured speakers, a moderator and registration round trip") {
    doc["sessions"][1]["speakers"] = {minister(), "Plain Name"};
    doc["sessions"][1]["moderator"] = {{"name", "Mateo Alvarez"}, {"title", "Chair"}};
    doc["sessions"][1]["registration"] = {{"mode", "required"}, {"capacity", 12}};
    doc["sessions"][0]["registration"] = {{"mode", "optional"}};
    auto first = parse();
    INFO(listProblems(first));
    REQUIRE(first.ok());
    const expo::Session& s = first.exhibition->sessions[1];
    CHECK(s.speakers[0] == expo::Speaker{"Dr. Lan Tran", "Minister of Information",
                                         "Ministry of Information", "VN", "logo.png"});
    CHECK(s.speakers[1].name == "Plain Name");
    REQUIRE(s.moderator);
    CHECK(s.moderator->title == "Chair");
    CHECK(s.registration == expo::Registration{expo::RegistrationMode::Required, 12});
    CHECK(expo::registrationCapacity(*first.exhibition, s) == 12);
    // No capacity: the venue's.
    const expo::Session& open = first.exhibition->sessions[0];
    CHECK((open.registration.mode == expo::RegistrationMode::Optional));
    CHECK(expo::registrationCapacity(*first.exhibition, open) ==
          expo::findVenue(*first.exhibition, open.venue, nullptr)->capacity);

    const std::string written = expo::toJson(*first.exhibition);
    auto second = expo::parseExhibition(written, dir, "exhibition.json");
    INFO(listProblems(second));
    REQUIRE(second.ok());
    CHECK(*second.exhibition == *first.exhibition);
    CHECK(expo::toJson(*second.exhibition) == written);
    CHECK(written.find("\"registration\"") != std::string::npos);
}

TEST_CASE_FIXTURE(ExpoFixture, "a moderator given as a string is read as a name") {
    doc["sessions"][0]["moderator"] = "Kenji Mori";
    auto report = parse();
    INFO(listProblems(report));
    REQUIRE(report.ok());
    REQUIRE(report.exhibition->sessions[0].moderator);
    CHECK(report.exhibition->sessions[0].moderator->name == "Kenji Mori");
}

TEST_CASE_FIXTURE(ExpoFixture, "a speaker without a name is an error at its path") {
    doc["sessions"][0]["speakers"] = {{{"title", "CEO"}}};
    CHECK_ONE_PROBLEM(*this,
                      "exhibition.json: sessions[0].speakers[0].name: expected a string, found "
                      "nothing");
}

TEST_CASE_FIXTURE(ExpoFixture, "a speaker's country must be a country code") {
    json p = minister();
    p["country"] = "Vietnam";
    doc["sessions"][0]["speakers"] = {p};
    auto report = parse();
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].path == "sessions[0].speakers[0].country");
}

TEST_CASE_FIXTURE(ExpoFixture, "a speaker's photo must exist") {
    json p = minister();
    p["photo"] = "missing.png";
    doc["sessions"][0]["speakers"] = {p};
    auto report = parse();
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].path == "sessions[0].speakers[0].photo");
}

TEST_CASE_FIXTURE(ExpoFixture, "a registration mode outside none, optional, required is named") {
    doc["sessions"][0]["registration"] = {{"mode", "invite-only"}};
    CHECK_ONE_PROBLEM(*this,
                      "exhibition.json: sessions[0].registration.mode: expected one of none, "
                      "optional, required, found \"invite-only\"");
}

TEST_CASE_FIXTURE(ExpoFixture, "a registration capacity above 100000 is refused") {
    doc["sessions"][0]["registration"] = {{"mode", "optional"}, {"capacity", 100001}};
    CHECK_ONE_PROBLEM(*this, "exhibition.json: sessions[0].registration.capacity: expected an "
                             "integer from 1 to 100000, found 100001");
}
