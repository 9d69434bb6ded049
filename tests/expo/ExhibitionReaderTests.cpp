// Reader tests: JSON syntax errors, types, missing and unknown keys, enums, several faults at
// once, and the save-load-compare round trip. Works only in the fixture's temp folder.
#include "engine/core/File.h"
#include "tests/expo/ExpoFixture.h"

#include <cstring>
#include <doctest/doctest.h>
#include <random>

using fg::expo::test::ExpoFixture;
using nlohmann::json;

TEST_CASE_FIXTURE(ExpoFixture, "the base document is valid") {
    auto report = parse();
    INFO(listProblems(report));
    CHECK(report.ok());
    REQUIRE(report.exhibition);
    CHECK(report.exhibition->booths.size() == 4);
    CHECK(report.exhibition->booths[1].rotation == 90);
    CHECK(report.exhibition->pavilions[1].colors.accent == fg::expo::Color{0x00, 0x34, 0x78});
}

TEST_CASE_FIXTURE(ExpoFixture, "a wrong enum value names the choices and the value found") {
    doc["booths"][0]["size"] = "XL";
    CHECK_ONE_PROBLEM(*this,
                      "exhibition.json: booths[0].size: expected one of S, M, L, found \"XL\"");
}

TEST_CASE_FIXTURE(ExpoFixture, "a booth's style is optional (wall), read, checked and kept") {
    doc["booths"][1]["style"] = "island";
    auto report = parse();
    INFO(listProblems(report));
    REQUIRE(report.ok());
    CHECK((report.exhibition->booths[0].style == fg::expo::BoothStyle::Wall));
    CHECK((report.exhibition->booths[1].style == fg::expo::BoothStyle::Island));
    const std::string written = fg::expo::toJson(*report.exhibition);
    CHECK(written.find("\"style\": \"island\"") != std::string::npos);
    CHECK(written.find("\"style\": \"wall\"") == std::string::npos); // defaults are not written
    doc["booths"][1]["style"] = "pagoda";
    CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[1].style: expected one of wall, corner, "
                             "island, found \"pagoda\"");
}

TEST_CASE_FIXTURE(ExpoFixture, "a missing key is found nothing") {
    doc["booths"][2].erase("hall");
    CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[2].hall: expected a string, found nothing");
}

TEST_CASE_FIXTURE(ExpoFixture, "a wrong type prints the JSON value found") {
    doc["halls"][0]["wall_height"] = "high";
    CHECK_ONE_PROBLEM(*this,
                      "exhibition.json: halls[0].wall_height: expected a number, found \"high\"");
}

TEST_CASE_FIXTURE(ExpoFixture, "an unknown key is an error naming the known keys") {
    doc["booths"][0]["colour"] = "red";
    CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[0].colour: expected one of the keys id, "
                             "exhibitor, hall, pavilion, kind, size, style, position, rotation, "
                             "content, meetings, private_voice, "
                             "found unknown key \"colour\"");
}

TEST_CASE_FIXTURE(ExpoFixture, "a key given twice in one object is an error") {
    std::string text = doc.dump();
    std::string booth2 = "{\"content\"";
    auto at = text.find(booth2, text.find("\"booths\""));
    at = text.find(booth2, at + 1); // the second booth's object
    REQUIRE(at != std::string::npos);
    text.insert(at + 1, "\"size\":\"L\",");
    auto report = fg::expo::parseExhibition(text, dir, "exhibition.json");
    INFO(listProblems(report));
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].toString() ==
          "exhibition.json: booths[1].size: expected each key once in an object, found \"size\" "
          "again (the last one would win)");
}

TEST_CASE_FIXTURE(ExpoFixture, "an integer field rejects a fraction") {
    doc["halls"][0]["venues"][0]["capacity"] = 3.5;
    CHECK_ONE_PROBLEM(*this, "exhibition.json: halls[0].venues[0].capacity: expected an integer "
                             "from 1 to 100000, found 3.5");
}

TEST_CASE_FIXTURE(ExpoFixture, "format must be 1") {
    doc["format"] = 2;
    CHECK_ONE_PROBLEM(*this, "exhibition.json: format: expected 1, found 2");
    doc["format"] = "1";
    CHECK_ONE_PROBLEM(*this, "exhibition.json: format: expected 1, found \"1\"");
}

TEST_CASE_FIXTURE(ExpoFixture, "an array element that is not an object keeps later indices") {
    doc["booths"][1] = "b-2";
    doc["booths"][3]["size"] = "XXL";
    auto report = parse();
    INFO(listProblems(report));
    REQUIRE(report.problems.size() == 2);
    CHECK(report.problems[0].toString() ==
          "exhibition.json: booths[1]: expected an object, found \"b-2\"");
    CHECK(report.problems[1].toString() ==
          "exhibition.json: booths[3].size: expected one of S, M, L, found \"XXL\"");
}

TEST_CASE_FIXTURE(ExpoFixture, "points, rects and vectors need the right count of numbers") {
    doc["booths"][0]["position"] = {1};
    CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[0].position: expected a point [x, z] of two "
                             "numbers, found [1]");
}

TEST_CASE_FIXTURE(ExpoFixture, "a rect with a string in it is reported whole") {
    doc["pavilions"][1]["rect"] = {20, "10", 15, 10};
    CHECK_ONE_PROBLEM(*this, "exhibition.json: pavilions[1].rect: expected a rect [x, z, width, "
                             "depth] of four numbers, found [20,\"10\",15,10]");
}

TEST_CASE_FIXTURE(ExpoFixture, "numbers beyond float range are rejected") {
    doc["halls"][0]["wall_height"] = 1e39;
    CHECK_ONE_PROBLEM(*this,
                      "exhibition.json: halls[0].wall_height: expected a number, found 1e+39");
}

TEST_CASE_FIXTURE(ExpoFixture, "dates, times, colours, booleans and rotations are checked") {
    SUBCASE("date") {
        doc["event"]["opens"] = "2021-13-01";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: event.opens: expected a date YYYY-MM-DD, "
                                 "found \"2021-13-01\"");
    }
    SUBCASE("time") {
        doc["sessions"][0]["start"] = "2021-10-12 02:00";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: sessions[0].start: expected a UTC time "
                                 "YYYY-MM-DDTHH:MM:SSZ, found \"2021-10-12 02:00\"");
    }
    SUBCASE("colour") {
        doc["pavilions"][0]["colors"]["floor"] = "red";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: pavilions[0].colors.floor: expected a colour "
                                 "\"#rrggbb\", found \"red\"");
    }
    SUBCASE("bool") {
        doc["pavilions"][0]["host"] = "yes";
        CHECK_ONE_PROBLEM(
            *this, "exhibition.json: pavilions[0].host: expected true or false, found \"yes\"");
    }
    SUBCASE("rotation") {
        doc["booths"][0]["rotation"] = 45;
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[0].rotation: expected one of 0, 90, "
                                 "180, 270, found 45");
    }
}

TEST_CASE_FIXTURE(ExpoFixture, "top-level shape problems") {
    SUBCASE("not an object") {
        auto report = fg::expo::parseExhibition("[1,2]", dir, "exhibition.json");
        REQUIRE(report.problems.size() == 1);
        CHECK(report.problems[0].toString() == "exhibition.json: expected an object, found [1,2]");
        CHECK_FALSE(report.ok());
    }
    SUBCASE("missing section") {
        doc.erase("awards");
        CHECK_ONE_PROBLEM(*this, "exhibition.json: awards: expected an array, found nothing");
    }
    SUBCASE("no halls") {
        doc["halls"] = json::array();
        doc["pavilions"] = json::array();
        doc["booths"] = json::array();
        doc["sessions"] = json::array();
        doc["awards"] = json::array();
        CHECK_ONE_PROBLEM(*this, "exhibition.json: halls: expected at least one hall, found []");
    }
}

TEST_CASE_FIXTURE(ExpoFixture, "truncated JSON names the line and column") {
    std::string text = doc.dump(2);
    std::string cut = text.substr(0, text.find("\"hall-b\""));
    auto report = fg::expo::parseExhibition(cut, dir, "exhibition.json");
    REQUIRE(report.problems.size() == 1);
    CHECK_FALSE(report.exhibition.has_value());
    int lines = static_cast<int>(std::count(cut.begin(), cut.end(), '\n')) + 1;
    const auto& p = report.problems[0];
    CHECK(p.path.starts_with("line " + std::to_string(lines) + ", column "));
    CHECK(p.message.starts_with("expected valid JSON, found syntax error"));
    CHECK(p.toString().starts_with("exhibition.json: line "));
}

TEST_CASE_FIXTURE(ExpoFixture, "garbage, empty input and bad UTF-8 are syntax problems") {
    for (std::string text :
         {std::string("\x01\x02garbage"), std::string(""),
          std::string("{\"format\": \"\xff\xfe\"}"), std::string("{\"a\":1,}")}) {
        auto report = fg::expo::parseExhibition(text, dir, "exhibition.json");
        REQUIRE(report.problems.size() == 1);
        CHECK(report.problems[0].path.starts_with("line 1, column "));
        CHECK(report.problems[0].message.starts_with("expected valid JSON, found "));
    }
}

TEST_CASE_FIXTURE(ExpoFixture, "several faults in different places are all reported") {
    doc["booths"][0]["size"] = "XL";
    doc["booths"][3]["exhibitor"] = "nope";
    doc["exhibitors"][1]["email"] = "x";
    doc["sessions"][0]["venue"] = "nowhere";
    doc["halls"][1]["extra"] = true;
    auto report = parse();
    INFO(listProblems(report));
    std::vector<std::string> lines;
    for (const auto& p : report.problems)
        lines.push_back(p.toString());
    REQUIRE(lines.size() == 5);
    auto has = [&](const std::string& s) {
        return std::find(lines.begin(), lines.end(), s) != lines.end();
    };
    CHECK(has("exhibition.json: booths[0].size: expected one of S, M, L, found \"XL\""));
    CHECK(has("exhibition.json: booths[3].exhibitor: expected the id of an exhibitor, found "
              "\"nope\""));
    CHECK(has("exhibition.json: exhibitors[1].email: expected an e-mail address "
              "local@domain.tld of at most 254 characters, found \"x\""));
    CHECK(has("exhibition.json: sessions[0].venue: expected the id of a venue in some hall, "
              "found \"nowhere\""));
    CHECK(has("exhibition.json: halls[1].extra: expected one of the keys id, name, name_i18n, "
              "origin, size, "
              "wall_height, entrances, spawn, venues, found unknown key \"extra\""));
}

TEST_CASE_FIXTURE(ExpoFixture, "load -> save -> load gives an identical exhibition") {
    doc["booths"][0]["position"] = {5.1, 15.3};
    doc["booths"][1]["content"]["models"][0]["rotation"] = {0.1, 33.333333, -12.75};
    doc["booths"][1]["content"]["models"][0]["scale"] = {0.013, 1.0 / 3.0, 99.99};
    doc["halls"][0]["spawn"]["yaw"] = -123.456;
    REQUIRE(fg::writeFileAtomic(dir / "exhibition.json", std::string_view(doc.dump())));
    auto first = fg::expo::loadExhibition(dir / "exhibition.json");
    INFO(listProblems(first));
    REQUIRE(first.ok());
    REQUIRE(fg::expo::saveExhibition(*first.exhibition, dir / "saved.json"));
    auto second = fg::expo::loadExhibition(dir / "saved.json");
    INFO(listProblems(second));
    REQUIRE(second.ok());
    CHECK(*second.exhibition == *first.exhibition);
    CHECK(fg::expo::toJson(*second.exhibition) == fg::expo::toJson(*first.exhibition));
    auto text = fg::readFileText(dir / "saved.json");
    REQUIRE(text);
    CHECK(text->find("\"position\": [5.1, 15.3]") != std::string::npos); // shortest form
    CHECK(text->find("\"scale\": [0.013, 0.33333334, 99.99]") != std::string::npos);
}

TEST_CASE("any finite float survives toJson -> parse bit for bit") {
    auto dir = fg::expo::test::freshTempDir("floats");
    fg::expo::Exhibition ex;
    fg::expo::Hall hall;
    hall.id = "h";
    ex.halls.push_back(hall);
    fg::expo::Booth booth;
    std::mt19937 rng(7);
    std::vector<float> values;
    while (values.size() < 30000) {
        std::uint32_t bits = rng();
        float f;
        std::memcpy(&f, &bits, sizeof f);
        if (std::isfinite(f)) values.push_back(f);
    }
    for (std::size_t i = 0; i + 3 <= values.size(); i += 3)
        booth.content.models.push_back(
            {"m.obj", {values[i], values[i + 1], values[i + 2]}, {0, 0, 0}, {1, 1, 1}});
    ex.booths.push_back(booth);
    auto back = fg::expo::parseExhibition(fg::expo::toJson(ex), dir, "floats.json");
    REQUIRE(back.exhibition);
    CHECK(back.exhibition->booths == ex.booths);
    std::filesystem::remove_all(dir);
}

TEST_CASE("loadExhibition reports a missing file by name") {
    auto report = fg::expo::loadExhibition("/nonexistent-fg-expo/exhibition.json");
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].file == "exhibition.json");
    CHECK(report.problems[0].message.starts_with("expected a readable exhibition file, found "));
    CHECK_FALSE(report.ok());
}

TEST_CASE("a model with invalid UTF-8 still writes valid JSON, and the text is reported") {
    auto dir = fg::expo::test::freshTempDir("utf8");
    fg::expo::Exhibition ex;
    ex.event.name = "Expo \xff\xfe";
    std::string text = fg::expo::toJson(ex);
    CHECK(json::accept(text));
    auto problems = fg::expo::validateExhibition(ex, dir, "built.json");
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0].toString() ==
          "built.json: event.name: expected valid UTF-8 text, found text that is not valid UTF-8");
    std::filesystem::remove_all(dir);
}
