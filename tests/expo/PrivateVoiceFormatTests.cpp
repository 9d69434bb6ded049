// booths[].private_voice in the exhibition file: read (default false), validated as a boolean with
// its JSON path, written back only when true, and round-tripped.
#include "tests/expo/ExpoFixture.h"

#include <doctest/doctest.h>

using namespace fg;
using namespace fg::expo;
using fg::expo::test::ExpoFixture;

TEST_CASE_FIXTURE(ExpoFixture, "private voice: read, default, written back only when set") {
    doc["booths"][1]["private_voice"] = true;
    doc["booths"][2]["private_voice"] = false;
    auto report = parse();
    INFO(listProblems(report));
    REQUIRE(report.ok());
    const Exhibition& ex = *report.exhibition;
    CHECK_FALSE(ex.booths[0].privateVoice);
    CHECK(ex.booths[1].privateVoice);
    CHECK_FALSE(ex.booths[2].privateVoice);
    const std::string written = toJson(ex);
    const auto j = nlohmann::json::parse(written);
    CHECK(j["booths"][1]["private_voice"] == true);
    CHECK_FALSE(j["booths"][0].contains("private_voice"));
    CHECK_FALSE(j["booths"][2].contains("private_voice")); // files without it stay as they were
    auto again = parseExhibition(written, dir, "again.json");
    INFO(listProblems(again));
    REQUIRE(again.ok());
    CHECK(again.exhibition->booths == ex.booths);
}

TEST_CASE_FIXTURE(ExpoFixture, "private voice: anything but true or false is one problem") {
    doc["booths"][1]["private_voice"] = "yes";
    CHECK_ONE_PROBLEM(*this,
                      "exhibition.json: booths[1].private_voice: expected true or false, found "
                      "\"yes\"");
}
