// Tests for the synthetic exhibition generator: valid by construction (including 5,000 booths),
// deterministic per seed, and clean failure when the options cannot fit. No timing asserts.
#include "tests/expo/ExpoFixture.h"
#include "tools/gen-exhibition/ExhibitionGenerator.h"

#include <doctest/doctest.h>

using namespace fg::expo;

namespace {
std::string listProblems(const LoadReport& report) {
    return test::ExpoFixture::listProblems(report);
}
} // namespace

TEST_CASE("a generated 5,000-booth exhibition validates with no problems") {
    auto dir = test::freshTempDir("gen5000");
    REQUIRE(writeGeneratedExhibition({5000, 12, 2, 42}, dir));
    auto report = loadExhibition(dir / "exhibition.json");
    INFO(listProblems(report));
    CHECK(report.problems.empty());
    REQUIRE(report.exhibition);
    CHECK(report.exhibition->booths.size() == 5000);
    CHECK(report.exhibition->exhibitors.size() == 5000);
    CHECK(report.exhibition->pavilions.size() == 12);
    CHECK(report.exhibition->halls.size() == 2);
    std::filesystem::remove_all(dir);
}

TEST_CASE("small and odd generator options are valid too") {
    for (GenOptions o : {GenOptions{0, 0, 1, 1}, GenOptions{1, 0, 1, 2}, GenOptions{7, 9, 3, 3},
                         GenOptions{100, 4, 1, 4}, GenOptions{1000, 30, 5, 5}}) {
        auto dir = test::freshTempDir("gen");
        REQUIRE(writeGeneratedExhibition(o, dir));
        auto report = loadExhibition(dir / "exhibition.json");
        INFO(o.booths, " booths ", o.pavilions, " pavilions ", o.halls, " halls\n",
             listProblems(report));
        CHECK(report.ok());
        std::filesystem::remove_all(dir);
    }
}

TEST_CASE("the same seed gives the same exhibition, another seed a different one") {
    auto a = generateExhibition({200, 3, 1, 7});
    auto b = generateExhibition({200, 3, 1, 7});
    auto c = generateExhibition({200, 3, 1, 8});
    REQUIRE(a);
    REQUIRE(b);
    REQUIRE(c);
    CHECK(toJson(*a) == toJson(*b));
    CHECK(toJson(*a) != toJson(*c));
}

TEST_CASE("a generated exhibition survives save and load unchanged") {
    auto dir = test::freshTempDir("genroundtrip");
    auto ex = generateExhibition({300, 5, 2, 9});
    REQUIRE(ex);
    REQUIRE(writeGeneratedMedia(dir));
    REQUIRE(saveExhibition(*ex, dir / "exhibition.json"));
    auto report = loadExhibition(dir / "exhibition.json");
    INFO(listProblems(report));
    REQUIRE(report.ok());
    CHECK(*report.exhibition == *ex);
    std::filesystem::remove_all(dir);
}

TEST_CASE("options that cannot fit fail with a message") {
    auto tooMany = generateExhibition({20000, 0, 1, 1});
    REQUIRE_FALSE(tooMany);
    CHECK(tooMany.error().message.find("use more --halls") != std::string::npos);
    CHECK_FALSE(generateExhibition({10, 0, 0, 1}));
    CHECK_FALSE(generateExhibition({-1, 0, 1, 1}));
}

TEST_CASE("generated PNG has a PNG signature and the requested size") {
    auto png = makeSolidPng(3, 2, Color{1, 2, 3});
    REQUIRE(png.size() > 33);
    const std::uint8_t signature[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    CHECK(std::equal(std::begin(signature), std::end(signature), png.begin()));
    CHECK(png[19] == 3); // IHDR width, big-endian, low byte
    CHECK(png[23] == 2); // IHDR height
    CHECK(makeCubeObj().find("f 1 2 3 4") != std::string::npos);
}
