// Tests for sessions[].deck and venues[].layout: round trip, every deck and layout problem with
// its path, and the default layout (inside the venue, seats up to capacity, screen facing in).
#include "engine/core/File.h"
#include "game/expo/VenueLayout.h"
#include "tests/expo/ExpoFixture.h"

#include <doctest/doctest.h>

using fg::expo::test::ExpoFixture;
using nlohmann::json;

namespace {

json stageLayout() {
    return {{"stage", {41, 35, 14, 3}},
            {"screen", {{"position", {48, 37.5}}, {"width", 6}, {"height", 3.4}, {"facing", 180}}},
            {"speaker_spots", {{46, 36}, {50, 36}}},
            {"seats", {{42, 31}}},
            {"seat_rows", {{{"from", {42, 32}}, {"to", {54, 32}}, {"count", 13}}}}};
}

bool inside(glm::vec2 p, const fg::expo::Rect& r) {
    return p.x >= r.x && p.x <= r.x + r.width && p.y >= r.z && p.y <= r.z + r.depth;
}

} // namespace

TEST_CASE_FIXTURE(ExpoFixture, "decks and layouts survive save and load") {
    REQUIRE(fg::writeFileAtomic(dir / "slides.pdf", std::string_view("%PDF-1.4\n%%EOF\n")));
    doc["sessions"][0]["deck"] = "slides.pdf";
    doc["sessions"][1]["deck"] = {"poster.png", "logo.png"};
    doc["halls"][0]["venues"][0]["layout"] = stageLayout();
    REQUIRE(fg::writeFileAtomic(dir / "exhibition.json", std::string_view(doc.dump())));
    auto first = fg::expo::loadExhibition(dir / "exhibition.json");
    INFO(listProblems(first));
    REQUIRE(first.ok());
    const auto& ex = *first.exhibition;
    CHECK(ex.sessions[0].deck == std::vector<std::string>{"slides.pdf"});
    CHECK(ex.sessions[1].deck.size() == 2);
    REQUIRE(ex.halls[0].venues[0].layout);
    CHECK(fg::expo::seatPositions(*ex.halls[0].venues[0].layout).size() == 14);
    CHECK_FALSE(ex.halls[0].venues[1].layout);
    REQUIRE(fg::expo::saveExhibition(ex, dir / "saved.json"));
    auto second = fg::expo::loadExhibition(dir / "saved.json");
    INFO(listProblems(second));
    REQUIRE(second.ok());
    CHECK(*second.exhibition == ex);
    auto text = fg::readFileText(dir / "saved.json");
    REQUIRE(text);
    CHECK(text->find("\"deck\": \"slides.pdf\"") != std::string::npos);
    CHECK(text->find("\"deck\": [\"poster.png\", \"logo.png\"]") != std::string::npos);
}

TEST_CASE_FIXTURE(ExpoFixture, "deck problems are reported at the deck's path") {
    const std::string p = "exhibition.json: sessions[0].deck";
    SUBCASE("missing page") {
        doc["sessions"][0]["deck"] = {"poster.png", "gone.png"};
        CHECK_ONE_PROBLEM(*this, p + "[1]: expected a file that exists in the exhibition "
                                     "folder, found \"gone.png\"");
    }
    SUBCASE("not an image") {
        doc["sessions"][0]["deck"] = {"model.obj"};
        CHECK_ONE_PROBLEM(*this, p + "[0]: expected an image file (.png, .jpg, .jpeg), found "
                                     "\"model.obj\"");
    }
    SUBCASE("a PDF among pages") {
        doc["sessions"][0]["deck"] = {"poster.png", "brochure.pdf"};
        CHECK_ONE_PROBLEM(*this, p + ": expected one PDF file, or PNG/JPEG page files (not "
                                     "both), found 2 files with a PDF among them");
    }
    SUBCASE("a PDF outside the folder") {
        doc["sessions"][0]["deck"] = "../brochure.pdf";
        CHECK_ONE_PROBLEM(*this, p + ": expected a relative path inside the exhibition folder "
                                     "(using /, no '..', not starting with /), found "
                                     "\"../brochure.pdf\"");
    }
    SUBCASE("too many pages") {
        doc["sessions"][0]["deck"] = json(std::vector<std::string>(101, "poster.png"));
        CHECK_ONE_PROBLEM(*this, p + ": expected at most 100 page files, found 101");
    }
    SUBCASE("not a string or list") {
        doc["sessions"][0]["deck"] = 7;
        CHECK_ONE_PROBLEM(*this, p + ": expected a string or an array of strings, found 7");
    }
    SUBCASE("a PDF over its size limit") {
        writeSparse("huge.pdf", 33ull << 20);
        doc["sessions"][0]["deck"] = "huge.pdf";
        CHECK_ONE_PROBLEM(*this, p + ": expected a PDF of at most 32 MiB, found \"huge.pdf\" "
                                     "(34603008 bytes)");
    }
}

TEST_CASE_FIXTURE(ExpoFixture, "layout problems name the venue and the thing outside it") {
    auto& layout = doc["halls"][0]["venues"][0]["layout"];
    layout = stageLayout();
    const std::string p = "exhibition.json: halls[0].venues[0].layout";
    SUBCASE("valid") {
        CHECK_NO_PROBLEMS(*this);
    }
    SUBCASE("stage outside") {
        layout["stage"] = {41, 35, 14, 30};
        CHECK_ONE_PROBLEM(*this, p + ".stage: expected a rect at least 0.5 m wide and deep "
                                     "inside the venue [40,30,16,8], found [41,35,14,30]");
    }
    SUBCASE("seat outside") {
        layout["seats"] = {{42, 31}, {10, 10}};
        CHECK_ONE_PROBLEM(*this, p + ".seats[1]: expected a point inside the venue [40,30,16,8], "
                                     "found [10,10]");
    }
    SUBCASE("screen too wide") {
        layout["screen"]["width"] = 100;
        CHECK_ONE_PROBLEM(*this, p + ".screen.width: expected a width from 0.5 to 30, found 100");
    }
    SUBCASE("facing") {
        layout["screen"]["facing"] = 360;
        CHECK_ONE_PROBLEM(*this, p + ".screen.facing: expected degrees from 0 to less than 360, "
                                     "found 360");
    }
    SUBCASE("empty row") {
        layout["seat_rows"][0]["count"] = 0;
        CHECK_ONE_PROBLEM(*this, p + ".seat_rows[0].count: expected a count from 1 to 500, "
                                     "found 0");
    }
    SUBCASE("too many spots") {
        layout["speaker_spots"] = json(std::vector<json>(33, json{48, 36}));
        CHECK_ONE_PROBLEM(*this, p + ".speaker_spots: expected at most 32 points, found 33");
    }
    SUBCASE("too many seats") {
        layout["seat_rows"] =
            json(std::vector<json>(11, json{{"from", {42, 32}}, {"to", {54, 32}}, {"count", 500}}));
        CHECK_ONE_PROBLEM(*this, p + ": expected at most 5000 seats (points and rows together), "
                                     "found 5501");
    }
    SUBCASE("unknown key") {
        layout["chairs"] = 3;
        CHECK_ONE_PROBLEM(*this, p + ".chairs: expected one of the keys stage, screen, "
                                     "speaker_spots, seats, seat_rows, found unknown key "
                                     "\"chairs\"");
    }
}

TEST_CASE_FIXTURE(ExpoFixture, "a venue without a layout gets one inside it, facing its seats") {
    auto report = parse();
    REQUIRE(report.ok());
    const auto& hall = report.exhibition->halls[0];
    for (const auto& venue : hall.venues) {
        INFO(venue.id);
        auto l = fg::expo::venueLayout(hall, venue);
        CHECK_FALSE(venue.layout);
        CHECK(inside({l.stage.x, l.stage.z}, venue.rect));
        CHECK(inside({l.stage.x + l.stage.width, l.stage.z + l.stage.depth}, venue.rect));
        CHECK(inside(l.screen.position, venue.rect));
        auto seats = fg::expo::seatPositions(l);
        CHECK_FALSE(seats.empty());
        CHECK(seats.size() <= venue.capacity);
        for (glm::vec2 s : seats)
            CHECK(inside(s, venue.rect));
        for (glm::vec2 s : l.speakerSpots)
            CHECK(inside(s, venue.rect));
        // The screen faces the seats: they lie in front of it.
        glm::vec2 towardSeats = seats.front() - l.screen.position;
        CHECK(glm::dot(towardSeats, fg::expo::facingDirection(l.screen.facing)) > 0);
    }
    // main-stage [40, 30, 16, 8], spawn (30, 5): its far side is the south one (z = 38).
    auto main = fg::expo::venueLayout(hall, hall.venues[0]);
    CHECK(main.screen.position.y > 37.0f);
    CHECK(main.screen.facing == doctest::Approx(180));
}
