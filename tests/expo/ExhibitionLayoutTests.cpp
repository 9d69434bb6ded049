// Floor-plan rule tests: halls, entrances, spawn, venues, pavilions and booth footprints
// (inside their hall and pavilion, no forbidden overlaps; touching edges allowed).
#include "tests/expo/ExpoFixture.h"

#include <doctest/doctest.h>

using fg::expo::test::ExpoFixture;
using nlohmann::json;

TEST_CASE_FIXTURE(ExpoFixture, "hall size, wall height and placement in the world") {
    SUBCASE("size") {
        doc["halls"][1]["size"] = {5, 30};
        CHECK_ONE_PROBLEM(*this, "exhibition.json: halls[1].size: expected a width and depth each "
                                 "from 10 to 1000, found [5,30]");
    }
    SUBCASE("wall height") {
        doc["halls"][0]["wall_height"] = 2;
        CHECK_ONE_PROBLEM(*this, "exhibition.json: halls[0].wall_height: expected a height from 3 "
                                 "to 40, found 2");
    }
    SUBCASE("overlapping halls") {
        doc["halls"][1]["origin"] = {50, 0};
        CHECK_ONE_PROBLEM(*this, "exhibition.json: halls[1].origin: expected a hall not "
                                 "overlapping halls[0] \"hall-a\" in the world, found [50,0]");
    }
    SUBCASE("touching halls are fine") {
        doc["halls"][1]["origin"] = {60, 10};
        CHECK_NO_PROBLEMS(*this);
    }
}

TEST_CASE_FIXTURE(ExpoFixture, "entrances lie on their wall") {
    SUBCASE("past the corner") {
        doc["halls"][0]["entrances"][0]["offset"] = 59;
        CHECK_ONE_PROBLEM(*this, "exhibition.json: halls[0].entrances[0].offset: expected an "
                                 "offset from 3 to 57 (the opening must lie on the south wall), "
                                 "found 59");
    }
    SUBCASE("east wall is measured along z") {
        doc["halls"][0]["entrances"][0] = {{"wall", "east"}, {"offset", 38}, {"width", 6}};
        CHECK_ONE_PROBLEM(*this, "exhibition.json: halls[0].entrances[0].offset: expected an "
                                 "offset from 3 to 37 (the opening must lie on the east wall), "
                                 "found 38");
    }
    SUBCASE("width") {
        doc["halls"][0]["entrances"][0]["width"] = 60;
        CHECK_ONE_PROBLEM(*this, "exhibition.json: halls[0].entrances[0].width: expected a width "
                                 "from 1 to 50, found 60");
    }
    SUBCASE("wall name") {
        doc["halls"][0]["entrances"][0]["wall"] = "up";
        CHECK_ONE_PROBLEM(*this, "exhibition.json: halls[0].entrances[0].wall: expected one of "
                                 "north, south, east, west, found \"up\"");
    }
}

TEST_CASE_FIXTURE(ExpoFixture, "spawn inside the hall") {
    doc["halls"][0]["spawn"]["position"] = {61, 5};
    CHECK_ONE_PROBLEM(*this, "exhibition.json: halls[0].spawn.position: expected a point inside "
                             "the hall floor [0,0,60,40], found [61,5]");
}

TEST_CASE_FIXTURE(ExpoFixture, "venues: capacity, inside the hall, no overlaps") {
    SUBCASE("capacity") {
        doc["halls"][0]["venues"][0]["capacity"] = 0;
        CHECK_ONE_PROBLEM(*this, "exhibition.json: halls[0].venues[0].capacity: expected an "
                                 "integer from 1 to 100000, found 0");
    }
    SUBCASE("outside") {
        doc["halls"][0]["venues"][0]["rect"] = {50, 30, 16, 8};
        CHECK_ONE_PROBLEM(*this, "exhibition.json: halls[0].venues[0].rect: expected a rect inside "
                                 "the hall floor [0,0,60,40], found [50,30,16,8]");
    }
    SUBCASE("empty rect") {
        doc["halls"][0]["venues"][0]["rect"] = {40, 30, 0, 8};
        CHECK_ONE_PROBLEM(*this, "exhibition.json: halls[0].venues[0].rect: expected a rect with "
                                 "positive width and depth, found [40,30,0,8]");
    }
    SUBCASE("over a booth") {
        doc["halls"][0]["venues"][1]["rect"] = {30, 22, 3, 4};
        CHECK_ONE_PROBLEM(*this, "exhibition.json: halls[0].venues[1].rect: expected a rect not "
                                 "overlapping booths[2] \"b-3\", found [30,22,3,4]");
    }
    SUBCASE("over another venue") {
        doc["halls"][0]["venues"][1]["rect"] = {40, 26, 10, 8};
        CHECK_ONE_PROBLEM(*this, "exhibition.json: halls[0].venues[1].rect: expected a rect not "
                                 "overlapping halls[0].venues[0] \"main-stage\", found "
                                 "[40,26,10,8]");
    }
    SUBCASE("over a pavilion") {
        doc["halls"][0]["venues"][1]["rect"] = {30, 12, 4, 4};
        CHECK_ONE_PROBLEM(*this, "exhibition.json: halls[0].venues[1].rect: expected a rect not "
                                 "overlapping pavilions[1] \"kr\", found [30,12,4,4]");
    }
}

TEST_CASE_FIXTURE(ExpoFixture, "pavilions inside their hall and not overlapping") {
    SUBCASE("outside") {
        doc["pavilions"][1]["rect"] = {50, 10, 15, 10};
        CHECK_ONE_PROBLEM(*this, "exhibition.json: pavilions[1].rect: expected a rect inside hall "
                                 "\"hall-a\" [0,0,60,40], found [50,10,15,10]");
    }
    SUBCASE("overlap") {
        doc["pavilions"][1]["rect"] = {15, 10, 15, 10};
        CHECK_ONE_PROBLEM(*this, "exhibition.json: pavilions[1].rect: expected a rect not "
                                 "overlapping pavilions[0] \"vn\", found [15,10,15,10]");
    }
}

TEST_CASE_FIXTURE(ExpoFixture, "booth footprints") {
    SUBCASE("outside the hall") {
        doc["booths"][2]["position"] = {58, 26};
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[2].position: expected a footprint "
                                 "inside hall \"hall-a\" [0,0,60,40], found [58,26] (footprint "
                                 "[55,23,6,6])");
    }
    SUBCASE("outside its pavilion") {
        doc["booths"][0]["position"] = {5, 29.5};
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[0].position: expected a footprint "
                                 "inside pavilion \"vn\" [0,10,20,20], found [5,29.5] (footprint "
                                 "[3.5,28,3,3])");
    }
    SUBCASE("overlapping another booth") {
        doc["booths"][3]["position"] = {33, 26};
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[3].position: expected a footprint not "
                                 "overlapping booths[2] \"b-3\", found [33,26] (footprint "
                                 "[31.5,24.5,3,3])");
    }
    SUBCASE("touching edges are fine") {
        doc["booths"][3]["position"] = {34.5, 26};
        CHECK_NO_PROBLEMS(*this);
    }
    SUBCASE("rotation swaps width and depth") {
        doc["booths"][1]["rotation"] = 0; // 6 x 3 now, still inside kr
        CHECK_NO_PROBLEMS(*this);
        doc["booths"][1]["position"] = {32.5, 15};
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[1].position: expected a footprint "
                                 "inside pavilion \"kr\" [20,10,15,10], found [32.5,15] "
                                 "(footprint [29.5,13.5,6,3])");
    }
    SUBCASE("in a pavilion it does not belong to") {
        doc["booths"][3]["position"] = {22, 12};
        CHECK_ONE_PROBLEM(*this, "exhibition.json: booths[3].position: expected a footprint not "
                                 "overlapping pavilions[1] \"kr\" (the booth is not part of that "
                                 "pavilion), found [22,12] (footprint [20.5,10.5,3,3])");
    }
    SUBCASE("one problem per booth, counting the rest") {
        doc["booths"][3]["position"] = {30, 26}; // same place as b-3
        doc["booths"].push_back(doc["booths"][3]);
        doc["booths"][4]["id"] = "b-5";
        auto report = parse();
        INFO(listProblems(report));
        REQUIRE(report.problems.size() == 2);
        CHECK(report.problems[0].toString() ==
              "exhibition.json: booths[3].position: expected a footprint not overlapping "
              "booths[2] \"b-3\", found [30,26] (footprint [28.5,24.5,3,3])");
        CHECK(report.problems[1].toString() ==
              "exhibition.json: booths[4].position: expected a footprint not overlapping "
              "booths[2] \"b-3\" and 1 more, found [30,26] (footprint [28.5,24.5,3,3])");
    }
}
