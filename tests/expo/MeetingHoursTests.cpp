// booths[].meetings in the exhibition file: read, written back, and every broken rule reported
// once with its JSON path (the same rules the server applies to an exhibitor's own setting).
#include "game/expo/MeetingHours.h"
#include "tests/expo/ExpoFixture.h"

#include <doctest/doctest.h>

using namespace fg;
using namespace fg::expo;
using fg::expo::test::ExpoFixture;

namespace {

nlohmann::json hours() {
    return {{"days", {"2021-10-12", "2021-10-13"}},
            {"from", "09:00"},
            {"to", "12:00"},
            {"slot_minutes", 30},
            {"tables", 2}};
}

} // namespace

TEST_CASE_FIXTURE(ExpoFixture, "meeting hours: read, defaults, slots and the writer round trip") {
    doc["booths"][0]["meetings"] = hours();
    doc["booths"][1]["meetings"] = {{"from", "10:00"}, {"to", "11:00"}, {"slot_minutes", 15}};
    auto report = parse();
    INFO(listProblems(report));
    REQUIRE(report.ok());
    const Exhibition& ex = *report.exhibition;
    REQUIRE(ex.booths[0].meetings);
    const UnixSeconds oct12 = *parseDate("2021-10-12");
    CHECK(ex.booths[0].meetings->days == std::vector<UnixSeconds>{oct12, oct12 + 86400});
    CHECK(ex.booths[0].meetings->tables == 2);
    CHECK(meetingSlotStarts(*ex.booths[0].meetings, ex.event).size() == 12);
    // No days: every day of the event (4 days, 4 slots each); tables default to 1.
    REQUIRE(ex.booths[1].meetings);
    CHECK(ex.booths[1].meetings->tables == 1);
    CHECK(meetingSlotStarts(*ex.booths[1].meetings, ex.event).size() == 16);
    CHECK(isMeetingSlot(*ex.booths[1].meetings, ex.event, oct12 + 10 * 3600 + 45 * 60));
    CHECK_FALSE(isMeetingSlot(*ex.booths[1].meetings, ex.event, oct12 + 11 * 3600));
    CHECK_FALSE(isMeetingSlot(*ex.booths[1].meetings, ex.event, oct12 + 10 * 3600 + 5 * 60));
    CHECK_FALSE(ex.booths[2].meetings);
    auto again = parseExhibition(toJson(ex), dir, "again.json");
    INFO(listProblems(again));
    REQUIRE(again.ok());
    CHECK(again.exhibition->booths == ex.booths);
}

TEST_CASE_FIXTURE(ExpoFixture, "meeting hours: each broken rule is one problem at its path") {
    const std::string at = "exhibition.json: booths[0].meetings.";
    SUBCASE("slot length") {
        doc["booths"][0]["meetings"] = hours();
        doc["booths"][0]["meetings"]["slot_minutes"] = 20;
        CHECK_ONE_PROBLEM(*this, at + "slot_minutes: expected 15, 30, 45 or 60, found 20");
    }
    SUBCASE("tables") {
        doc["booths"][0]["meetings"] = hours();
        doc["booths"][0]["meetings"]["tables"] = 0;
        CHECK_ONE_PROBLEM(*this, at + "tables: expected 1 to 20, found 0");
    }
    SUBCASE("a time of day that is not HH:MM") {
        doc["booths"][0]["meetings"] = hours();
        doc["booths"][0]["meetings"]["from"] = "9:00";
        CHECK_ONE_PROBLEM(*this, at + "from: expected a time of day HH:MM (00:00 to 24:00), found "
                                      "\"9:00\"");
    }
    SUBCASE("to before one slot after from") {
        doc["booths"][0]["meetings"] = hours();
        doc["booths"][0]["meetings"]["to"] = "09:15";
        CHECK_ONE_PROBLEM(*this, at + "to: expected a time at least one slot (30 min) after from "
                                      "\"09:00\", at most 24:00, found \"09:15\"");
    }
    SUBCASE("a day outside the event") {
        doc["booths"][0]["meetings"] = hours();
        doc["booths"][0]["meetings"]["days"][1] = "2021-10-20";
        CHECK_ONE_PROBLEM(*this, at + "days[1]: expected a day of the event, 2021-10-12 to "
                                      "2021-10-15, found \"2021-10-20\"");
    }
    SUBCASE("a day listed twice") {
        doc["booths"][0]["meetings"] = hours();
        doc["booths"][0]["meetings"]["days"][1] = "2021-10-12";
        CHECK_ONE_PROBLEM(*this, at + "days[1]: expected a day not already listed, found "
                                      "\"2021-10-12\"");
    }
    SUBCASE("a day that is not a date") {
        doc["booths"][0]["meetings"] = hours();
        doc["booths"][0]["meetings"]["days"][0] = "tomorrow";
        CHECK_ONE_PROBLEM(*this, at + "days[0]: expected a date YYYY-MM-DD, found \"tomorrow\"");
    }
    SUBCASE("an unknown key") {
        doc["booths"][0]["meetings"] = hours();
        doc["booths"][0]["meetings"]["length"] = 30;
        auto report = parse();
        INFO(listProblems(report));
        REQUIRE(report.problems.size() == 1);
        CHECK(report.problems[0].path == "booths[0].meetings.length");
    }
}

TEST_CASE("meeting hours: clock text and the wire form") {
    CHECK(*parseClock("00:00") == 0);
    CHECK(*parseClock("24:00") == 1440);
    CHECK_FALSE(parseClock("24:01"));
    CHECK_FALSE(parseClock("12:60"));
    CHECK_FALSE(parseClock("1200"));
    CHECK(clockText(570) == "09:30");
    MeetingHours h{{1634083200}, 540, 600, 15, 3};
    CHECK(meetingHoursFrom(meetingHoursInfo(h)) == h);
    CHECK_FALSE(meetingHoursFrom(meetingHoursInfo(std::nullopt)));
}
