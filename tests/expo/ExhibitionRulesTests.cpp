// Validator rule tests for ids, references, text, syntax, schedule and the host pavilion: each
// breaks the valid fixture in one way and checks the one exact problem.
#include "tests/expo/ExpoFixture.h"

#include <doctest/doctest.h>

using fg::expo::test::ExpoFixture;
using nlohmann::json;

TEST_CASE_FIXTURE(ExpoFixture, "ids must use a-z, 0-9 and - and be 1 to 64 long") {
    doc["booths"][1]["id"] = "B 2";
    CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[1].id: expected an id of 1 to 64 "
                             "characters from a-z, 0-9 and -, found \"B 2\"");
    doc["booths"][1]["id"] = std::string(65, 'a');
    CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[1].id: expected an id of 1 to 64 "
                             "characters from a-z, 0-9 and -, found "
                             "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...\" (65 characters)");
}

TEST_CASE_FIXTURE(ExpoFixture, "ids are unique within their kind") {
    doc["booths"][1]["id"] = "b-4";
    CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[3].id: expected an id not used by another "
                             "booth (booths[1] has it), found \"b-4\"");
}

TEST_CASE_FIXTURE(ExpoFixture, "venue ids are unique across halls") {
    doc["halls"][1]["venues"] = {{{"id", "room-1"},
                                  {"name", "Annex"},
                                  {"kind", "room"},
                                  {"rect", {1, 1, 5, 5}},
                                  {"capacity", 10}}};
    CHECK_ONE_PROBLEM(*this, "exhibition.json: halls[1].venues[0].id: expected an id not used by "
                             "another venue (halls[0].venues[1] has it), found \"room-1\"");
}

TEST_CASE_FIXTURE(ExpoFixture, "booth references resolve") {
    SUBCASE("exhibitor") {
        doc["booths"][3]["exhibitor"] = "nope";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[3].exhibitor: expected the id of an "
                                 "exhibitor, found \"nope\"");
    }
    SUBCASE("hall") {
        doc["booths"][3]["hall"] = "hall-z";
        CHECK_ONE_PROBLEM(
            *this, "exhibition.json: booths[3].hall: expected the id of a hall, found \"hall-z\"");
    }
    SUBCASE("pavilion") {
        doc["booths"][0]["pavilion"] = "xx";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[0].pavilion: expected the id of a "
                                 "pavilion, found \"xx\"");
    }
    SUBCASE("empty pavilion") {
        doc["booths"][2]["pavilion"] = "";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[2].pavilion: expected the id of a "
                                 "pavilion (or no pavilion key), found \"\"");
    }
    SUBCASE("pavilion in another hall") {
        doc["pavilions"].push_back({{"id", "us"},
                                    {"country", "US"},
                                    {"name", "USA"},
                                    {"hall", "hall-b"},
                                    {"rect", {0, 0, 10, 10}},
                                    {"colors", {{"floor", "#000000"}, {"accent", "#FFFFFF"}}}});
        doc["booths"][0]["pavilion"] = "us";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[0].pavilion: expected a pavilion in "
                                 "hall \"hall-a\" (\"us\" is in hall \"hall-b\"), found \"us\"");
    }
    SUBCASE("pavilion hall") {
        doc["pavilions"][1]["hall"] = "hall-z";
        doc["booths"][1].erase("pavilion");
        doc["booths"][1]["position"] = {55, 15}; // off the pavilion, on the open floor
        CHECK_ONE_PROBLEM(*this, "exhibition.json: pavilions[1].hall: expected the id of a hall, "
                                 "found \"hall-z\"");
    }
}

TEST_CASE_FIXTURE(ExpoFixture, "sessions name an existing venue") {
    doc["sessions"][1]["venue"] = "nowhere";
    CHECK_ONE_PROBLEM(*this, "exhibition.json: sessions[1].venue: expected the id of a venue in "
                             "some hall, found \"nowhere\"");
}

TEST_CASE_FIXTURE(ExpoFixture, "award finalists are 1 to 20 distinct booths") {
    SUBCASE("unknown booth") {
        doc["awards"][0]["finalists"][1] = "b-9";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: awards[0].finalists[1]: expected the id of a "
                                 "booth, found \"b-9\"");
    }
    SUBCASE("repeat") {
        doc["awards"][0]["finalists"][1] = "b-1";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: awards[0].finalists[1]: expected a booth not "
                                 "already listed (finalists[0]), found \"b-1\"");
    }
    SUBCASE("none") {
        doc["awards"][0]["finalists"] = json::array();
        CHECK_ONE_PROBLEM(*this, "exhibition.json: awards[0].finalists: expected 1 to 20 "
                                 "finalists, found 0");
    }
}

TEST_CASE_FIXTURE(ExpoFixture, "text lengths count characters, not bytes") {
    SUBCASE("empty name") {
        doc["exhibitors"][0]["name"] = "";
        CHECK_ONE_PROBLEM(
            *this, "exhibition.json: exhibitors[0].name: expected 1 to 120 characters, found \"\"");
    }
    SUBCASE("long description") {
        doc["exhibitors"][0]["description"] = std::string(2001, 'x');
        CHECK_ONE_PROBLEM(*this, "exhibition.json: exhibitors[0].description: expected at most "
                                 "2000 characters, found "
                                 "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...\" (2001 "
                                 "characters)");
    }
    SUBCASE("120 two-byte characters are fine") {
        std::string name;
        for (int i = 0; i < 120; ++i)
            name += "\xc3\xa9"; // é
        doc["exhibitors"][0]["name"] = name;
        CHECK_NO_PROBLEMS(*this);
    }
    SUBCASE("sign") {
        doc["booths"][0]["content"]["signs"][0] = std::string(49, 's');
        CHECK_ONE_PROBLEM(*this,
                          "exhibition.json: booths[0].content.signs[0]: expected 1 to 48 "
                          "characters, found \"ssssssssssssssssssssssssssssssssssssssss...\" "
                          "(49 characters)");
    }
    SUBCASE("event name") {
        doc["event"]["name"] = std::string(121, 'n');
        CHECK_ONE_PROBLEM(*this, "exhibition.json: event.name: expected 1 to 120 characters, "
                                 "found \"nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...\" (121 "
                                 "characters)");
    }
    SUBCASE("session title") {
        doc["sessions"][0]["title"] = "";
        CHECK_ONE_PROBLEM(
            *this, "exhibition.json: sessions[0].title: expected 1 to 160 characters, found \"\"");
    }
    SUBCASE("too many speakers") {
        doc["sessions"][0]["speakers"] = std::vector<std::string>(21, "Speaker");
        CHECK_ONE_PROBLEM(*this, "exhibition.json: sessions[0].speakers: expected at most 20 "
                                 "speakers, found 21");
    }
    SUBCASE("document title") {
        doc["booths"][2]["content"]["documents"][0]["title"] = "";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[2].content.documents[0].title: expected "
                                 "1 to 120 characters, found \"\"");
    }
}

TEST_CASE_FIXTURE(ExpoFixture, "URL, e-mail, country and time zone syntax") {
    SUBCASE("website") {
        doc["exhibitors"][0]["website"] = "ftp://example.com";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: exhibitors[0].website: expected an http:// or "
                                 "https:// URL of at most 300 characters, found "
                                 "\"ftp://example.com\"");
    }
    SUBCASE("link url") {
        doc["booths"][0]["content"]["links"][0]["url"] = "https://exa mple.com";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[0].content.links[0].url: expected an "
                                 "http:// or https:// URL of at most 300 characters, found "
                                 "\"https://exa mple.com\"");
    }
    SUBCASE("email") {
        doc["exhibitors"][2]["email"] = "info@localhost";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: exhibitors[2].email: expected an e-mail address "
                                 "local@domain.tld of at most 254 characters, found "
                                 "\"info@localhost\"");
    }
    SUBCASE("country") {
        doc["exhibitors"][2]["country"] = "XX";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: exhibitors[2].country: expected an ISO 3166-1 "
                                 "alpha-2 country code such as \"VN\", found \"XX\"");
    }
    SUBCASE("time zone") {
        doc["event"]["time_zone"] = "Saigon";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: event.time_zone: expected an IANA time zone "
                                 "name such as \"Asia/Ho_Chi_Minh\" or \"UTC\", found \"Saigon\"");
    }
    SUBCASE("time zone not in the TZ database") {
        doc["event"]["time_zone"] = "Mars/Olympus_Mons";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: event.time_zone: expected a time zone of the TZ "
                                 "database (/usr/share/zoneinfo), found \"Mars/Olympus_Mons\"");
    }
}

TEST_CASE_FIXTURE(ExpoFixture, "event dates and session times") {
    SUBCASE("closes before opens") {
        doc["event"]["closes"] = "2021-10-10";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: event.closes: expected a date not before opens "
                                 "\"2021-10-12\", found \"2021-10-10\"");
    }
    SUBCASE("end not after start") {
        doc["sessions"][0]["end"] = "2021-10-12T02:00:00Z";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: sessions[0].end: expected a time after start "
                                 "\"2021-10-12T02:00:00Z\", found \"2021-10-12T02:00:00Z\"");
    }
    SUBCASE("start before the event") {
        doc["sessions"][0]["start"] = "2021-10-11T23:00:00Z";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: sessions[0].start: expected a time within the "
                                 "event, 2021-10-12T00:00:00Z to 2021-10-16T00:00:00Z, found "
                                 "\"2021-10-11T23:00:00Z\"");
    }
    SUBCASE("end after the event") {
        doc["sessions"][2]["end"] = "2021-10-16T00:30:00Z";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: sessions[2].end: expected a time within the "
                                 "event, 2021-10-12T00:00:00Z to 2021-10-16T00:00:00Z, found "
                                 "\"2021-10-16T00:30:00Z\"");
    }
    SUBCASE("ending exactly at the close is fine") {
        doc["sessions"][2]["end"] = "2021-10-16T00:00:00Z";
        CHECK_NO_PROBLEMS(*this);
    }
}

TEST_CASE_FIXTURE(ExpoFixture, "sessions in one venue must not overlap") {
    doc["sessions"][1]["venue"] = "main-stage";
    CHECK_ONE_PROBLEM(*this, "exhibition.json: sessions[1].start: expected a time when venue "
                             "\"main-stage\" is free (sessions[0] \"s-1\" runs "
                             "2021-10-12T02:00:00Z to 2021-10-12T03:00:00Z), found "
                             "\"2021-10-12T02:30:00Z\"");
    doc["sessions"][1]["start"] = "2021-10-12T03:00:00Z"; // back to back is fine
    doc["sessions"][1]["end"] = "2021-10-12T04:00:00Z";
    CHECK_NO_PROBLEMS(*this);
}

TEST_CASE_FIXTURE(ExpoFixture, "at most one host pavilion, of the host country") {
    SUBCASE("two hosts") {
        doc["pavilions"][1]["host"] = true;
        CHECK_ONE_PROBLEM(*this, "exhibition.json: pavilions[1].host: expected at most one host "
                                 "pavilion (pavilions[0] \"vn\" is already the host), found true");
    }
    SUBCASE("wrong country") {
        doc["event"]["host_country"] = "KR";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: pavilions[0].country: expected the event's "
                                 "host_country \"KR\" for the host pavilion, found \"VN\"");
    }
}

TEST_CASE("validateExhibition checks a model built in code") {
    fg::expo::Exhibition ex;
    auto problems = fg::expo::validateExhibition(ex, ".", "built.json");
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0].toString() ==
          "built.json: event.name: expected 1 to 120 characters, found \"\"");
}

TEST_CASE_FIXTURE(ExpoFixture, "more text and code rules, one each") {
    SUBCASE("hall name") {
        doc["halls"][1]["name"] = std::string(81, 'h');
        CHECK_ONE_PROBLEM(*this, "exhibition.json: halls[1].name: expected 1 to 80 characters, "
                                 "found \"hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh...\" (81 "
                                 "characters)");
    }
    SUBCASE("pavilion country") {
        doc["pavilions"][1]["country"] = "kr";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: pavilions[1].country: expected an ISO 3166-1 "
                                 "alpha-2 country code such as \"VN\", found \"kr\"");
    }
    SUBCASE("award name") {
        doc["awards"][0]["name"] = "";
        CHECK_ONE_PROBLEM(
            *this, "exhibition.json: awards[0].name: expected 1 to 120 characters, found \"\"");
    }
    SUBCASE("sector") {
        doc["exhibitors"][1]["sector"] = std::string(61, 's');
        CHECK_ONE_PROBLEM(*this,
                          "exhibition.json: exhibitors[1].sector: expected 1 to 60 "
                          "characters, found \"ssssssssssssssssssssssssssssssssssssssss...\" "
                          "(61 characters)");
    }
    SUBCASE("invalid UTF-8 is caught before it reaches the model") {
        std::string text = doc.dump();
        auto at = text.find("Viettel");
        text.replace(at, 7, "Viet\xc3(");
        auto report = fg::expo::parseExhibition(text, dir, "exhibition.json");
        REQUIRE(report.problems.size() == 1);
        CHECK(report.problems[0].message.starts_with("expected valid JSON, found "));
    }
    SUBCASE("a hall id used twice") {
        doc["halls"][1]["id"] = "hall-a";
        auto report = parse();
        INFO(listProblems(report));
        REQUIRE_FALSE(report.problems.empty());
        CHECK(report.problems[0].toString() ==
              "exhibition.json: halls[1].id: expected an id not used by another hall (halls[0] "
              "has it), found \"hall-a\"");
    }
}

TEST_CASE_FIXTURE(ExpoFixture, "pavilion rects need a positive size") {
    doc["pavilions"][1]["rect"] = {20, 10, 15, -1};
    doc["booths"][1].erase("pavilion");
    doc["booths"][1]["position"] = {55, 15};
    CHECK_ONE_PROBLEM(*this, "exhibition.json: pavilions[1].rect: expected a rect with positive "
                             "width and depth, found [20,10,15,-1]");
}
