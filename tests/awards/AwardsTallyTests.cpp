// The awards' arithmetic without a server: weighted rubric means, the jury/public mix, and the
// stated tie-break (jury or public first, then the finalists' order).
#include "server/awards/AwardsTally.h"

#include <doctest/doctest.h>

using namespace fg;

namespace {

expo::AwardCategory category(expo::TieBreak tieBreak) {
    expo::AwardCategory a;
    a.id = "best";
    a.finalists = {"a", "b", "c"};
    a.rubric = {{"Impact", 3}, {"Innovation", 1}};
    a.juryWeight = 50;
    a.publicWeight = 50;
    a.tieBreak = tieBreak;
    return a;
}

std::vector<store::StoredBallot> ballots(std::initializer_list<std::pair<const char*, int>> per) {
    std::vector<store::StoredBallot> out;
    int n = 0;
    for (auto [booth, count] : per)
        for (int i = 0; i < count; ++i)
            out.push_back({"best", "p" + std::to_string(n++), booth, 0});
    return out;
}

} // namespace

TEST_CASE("awards tally: the rubric's weighted mean - averaged over jurors - mixed with the "
          "public share by the category's weights") {
    auto a = category(expo::TieBreak::Jury);
    CHECK(server::weightedScore(a, {10, 2}) == doctest::Approx(8.0)); // (30 + 2) / 4
    CHECK(server::weightedScore(a, {10}) < 0);                        // wrong length
    CHECK(server::weightedScore(a, {11, 1}) < 0);                     // out of range
    std::vector<store::StoredScore> scores = {{"best", "a", "j1", {10, 2}, 0},
                                              {"best", "a", "j2", {6, 6}, 0},
                                              {"best", "b", "j1", {4, 4}, 0},
                                              {"other", "c", "j1", {10, 10}, 0}};
    auto r = server::tally(a, ballots({{"a", 1}, {"b", 3}}), scores);
    REQUIRE(r.size() == 3);
    // a: jury (8 + 6) / 2 / 10 = 0.7, public 0.25 -> 0.475; b: 0.4, 0.75 -> 0.575; c: 0.
    CHECK(r[0].booth == "b");
    CHECK(r[0].combined == doctest::Approx(0.575));
    CHECK(r[1].booth == "a");
    CHECK(r[1].jury == doctest::Approx(0.7));
    CHECK(r[1].jurors == 2);
    CHECK(r[1].combined == doctest::Approx(0.475));
    CHECK(r[2].booth == "c");
    CHECK(r[2].jurors == 0); // the other category's score is not counted
}

TEST_CASE("awards tally: equal combined scores are ordered by the stated tie-break") {
    // a: jury 0.8, public 0.2 -> 0.5; b: jury 0.2, public 0.8 -> 0.5; c: nothing -> 0.
    std::vector<store::StoredScore> scores = {{"best", "a", "j1", {8, 8}, 0},
                                              {"best", "b", "j1", {2, 2}, 0}};
    auto votes = ballots({{"a", 1}, {"b", 4}});
    auto byJury = server::tally(category(expo::TieBreak::Jury), votes, scores);
    CHECK(byJury[0].combined == doctest::Approx(byJury[1].combined));
    CHECK(byJury[0].booth == "a");
    auto byPublic = server::tally(category(expo::TieBreak::Public), votes, scores);
    CHECK(byPublic[0].booth == "b");
    // Equal in everything: the order of `finalists`.
    auto none = server::tally(category(expo::TieBreak::Public), {}, {});
    CHECK(none[0].booth == "a");
    CHECK(none[1].booth == "b");
    CHECK(none[2].booth == "c");
}
