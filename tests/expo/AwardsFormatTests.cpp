// Tests for awards[] past id, name and finalists: pitches, rubric, weights, tie-break, voting
// window, guests and ceremony; round trip, defaults, and each problem at its JSON path.
#include "engine/core/File.h"
#include "tests/expo/ExpoFixture.h"

#include <doctest/doctest.h>

using fg::expo::test::ExpoFixture;
using nlohmann::json;

namespace {

json fullAward() {
    return {
        {"id", "best-sme"},
        {"name", "Best SME"},
        {"finalists", {"b-1", "b-3"}},
        {"pitches",
         {{{"booth", "b-1"},
           {"text", "We connect farmers."},
           {"poster", "poster.png"},
           {"video", "https://example.org/pitch"}},
          {{"booth", "b-3"}, {"text", "We teach coding."}}}},
        {"rubric", {{{"name", "Impact"}, {"weight", 60}}, {{"name", "Innovation"}}}},
        {"jury_weight", 60},
        {"public_weight", 40},
        {"tie_break", "public"},
        {"voting",
         {{"opens", "2021-10-12T00:00:00Z"}, {"closes", "2021-10-15T08:00:00Z"}, {"guests", true}}},
        {"ceremony", "s-3"}};
}

} // namespace

TEST_CASE_FIXTURE(ExpoFixture,
                  "an award's pitches - rubric - weights and window survive save and load") {
    doc["awards"][0] = fullAward();
    REQUIRE(fg::writeFileAtomic(dir / "exhibition.json", std::string_view(doc.dump())));
    auto first = fg::expo::loadExhibition(dir / "exhibition.json");
    INFO(listProblems(first));
    REQUIRE(first.ok());
    const fg::expo::AwardCategory& a = first.exhibition->awards[0];
    REQUIRE(a.pitches.size() == 2);
    CHECK(a.pitches[0].poster == "poster.png");
    CHECK(a.pitches[0].video == "https://example.org/pitch");
    CHECK(a.pitches[1].poster.empty());
    REQUIRE(a.rubric.size() == 2);
    CHECK(a.rubric[0].weight == 60);
    CHECK(a.rubric[1].weight == 1);
    CHECK(a.juryWeight == 60);
    CHECK(a.publicWeight == 40);
    CHECK((a.tieBreak == fg::expo::TieBreak::Public));
    CHECK(a.guestsVote);
    CHECK(a.ceremony == "s-3");
    auto [opens, closes] = fg::expo::votingWindow(*first.exhibition, a);
    CHECK(opens == a.votingOpens);
    CHECK(closes == a.votingCloses);
    REQUIRE(fg::expo::saveExhibition(*first.exhibition, dir / "saved.json"));
    auto second = fg::expo::loadExhibition(dir / "saved.json");
    INFO(listProblems(second));
    REQUIRE(second.ok());
    CHECK(*second.exhibition == *first.exhibition);
}

TEST_CASE_FIXTURE(ExpoFixture,
                  "an award without the new keys reads with defaults and is written as it was") {
    auto report = parse();
    REQUIRE(report.ok());
    const fg::expo::AwardCategory& a = report.exhibition->awards[0];
    CHECK(a.publicWeight == 100);
    CHECK(a.juryWeight == 0);
    CHECK_FALSE(a.guestsVote);
    CHECK((a.tieBreak == fg::expo::TieBreak::Jury));
    auto [opens, closes] = fg::expo::votingWindow(*report.exhibition, a);
    CHECK(opens == report.exhibition->event.opens);
    CHECK(closes == report.exhibition->event.closes + 24 * 3600);
    const std::string text = fg::expo::toJson(*report.exhibition);
    CHECK(text.find("\"pitches\"") == std::string::npos);
    CHECK(text.find("\"voting\"") == std::string::npos);
    CHECK(text.find("\"jury_weight\"") == std::string::npos);
}

TEST_CASE_FIXTURE(ExpoFixture, "award problems are reported at their path") {
    doc["awards"][0] = fullAward();
    const std::string p = "exhibition.json: awards[0].";
    SUBCASE("pitch for a booth that is not a finalist") {
        doc["awards"][0]["pitches"][1]["booth"] = "b-2";
        CHECK_ONE_PROBLEM(*this, p + "pitches[1].booth: expected one of the category's "
                                     "finalists, found \"b-2\"");
    }
    SUBCASE("two pitches for one finalist") {
        doc["awards"][0]["pitches"][1]["booth"] = "b-1";
        CHECK_ONE_PROBLEM(*this, p + "pitches[1].booth: expected a finalist without a pitch "
                                     "(pitches[0]), found \"b-1\"");
    }
    SUBCASE("empty pitch") {
        doc["awards"][0]["pitches"][0]["text"] = "";
        CHECK_ONE_PROBLEM(*this, p + "pitches[0].text: expected 1 to 2000 characters, found \"\"");
    }
    SUBCASE("missing poster") {
        doc["awards"][0]["pitches"][0]["poster"] = "gone.png";
        CHECK_ONE_PROBLEM(*this, p + "pitches[0].poster: expected a file that exists in the "
                                     "exhibition folder, found \"gone.png\"");
    }
    SUBCASE("video not a link") {
        doc["awards"][0]["pitches"][0]["video"] = "pitch.mp4";
        CHECK_ONE_PROBLEM(*this, p + "pitches[0].video: expected an http:// or https:// URL of "
                                     "at most 300 characters, found \"pitch.mp4\"");
    }
    SUBCASE("criterion weight") {
        doc["awards"][0]["rubric"][0]["weight"] = 0;
        CHECK_ONE_PROBLEM(*this,
                          p + "rubric[0].weight: expected an integer from 1 to 100, found 0");
    }
    SUBCASE("jury weight without a rubric") {
        doc["awards"][0].erase("rubric");
        CHECK_ONE_PROBLEM(*this, p + "rubric: expected at least one criterion (jury_weight is "
                                     "above 0), found none");
    }
    SUBCASE("weights both zero") {
        doc["awards"][0]["jury_weight"] = 0;
        doc["awards"][0]["public_weight"] = 0;
        CHECK_ONE_PROBLEM(*this, p + "public_weight: expected a jury or public weight above 0, "
                                     "found both 0");
    }
    SUBCASE("weight over 100") {
        doc["awards"][0]["public_weight"] = 101;
        CHECK_ONE_PROBLEM(*this, p + "public_weight: expected an integer from 0 to 100, found 101");
    }
    SUBCASE("unknown tie-break") {
        doc["awards"][0]["tie_break"] = "coin";
        CHECK_ONE_PROBLEM(*this, p + "tie_break: expected one of jury, public, found \"coin\"");
    }
    SUBCASE("window closes before it opens") {
        doc["awards"][0]["voting"]["closes"] = "2021-10-11T00:00:00Z";
        CHECK_ONE_PROBLEM(*this, p + "voting.closes: expected a time after voting opens, found "
                                     "2021-10-11T00:00:00Z");
    }
    SUBCASE("ceremony not an awards session") {
        doc["awards"][0]["ceremony"] = "s-1";
        CHECK_ONE_PROBLEM(*this,
                          p + "ceremony: expected the id of an awards session, found \"s-1\"");
    }
    SUBCASE("unknown key") {
        doc["awards"][0]["voting"]["anyone"] = true;
        auto report = parse();
        INFO(listProblems(report));
        REQUIRE(report.problems.size() == 1);
        CHECK(report.problems[0].path == "awards[0].voting.anyone");
    }
}
