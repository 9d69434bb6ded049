// The stage's boards as QnaFeature builds them: the second screen's questions (the pinned one
// first and highlighted, the open ones by votes, pending and hidden ones left out, long text
// cut) and a shown poll's percentages and bars for the main screen. Test only.
#include "game/client/qna/QnaFeature.h"

#include <doctest/doctest.h>

namespace {

namespace proto = fg::expo::proto;
using fg::client::pollResultsView;
using fg::client::questionBoardView;
using Questions = std::map<std::uint64_t, proto::QuestionInfo>;
using Polls = std::map<std::uint64_t, proto::PollInfo>;

proto::QuestionInfo question(std::uint64_t id, std::string text, std::uint32_t votes,
                             proto::QuestionState state = proto::QuestionState::Open,
                             bool pinned = false) {
    proto::QuestionInfo q;
    q.id = id;
    q.text = std::move(text);
    q.votes = votes;
    q.state = state;
    q.pinned = pinned;
    return q;
}

proto::PollInfo poll(std::uint64_t id, proto::PollState state, bool shown,
                     std::vector<std::uint32_t> counts) {
    proto::PollInfo p;
    p.id = id;
    p.question = "Which topic next?";
    p.options = {"Spectrum", "Roaming", "Rural coverage"};
    p.state = state;
    p.resultsShown = shown;
    p.counts = std::move(counts);
    return p;
}

} // namespace

TEST_CASE("the second screen lists the pinned question first then the open ones by votes") {
    Questions qs;
    for (auto q : {question(1, "Few votes", 1), question(2, "Most votes", 9),
                   question(3, "Pinned, answering now", 2, proto::QuestionState::Open, true),
                   question(4, "Not approved yet", 50, proto::QuestionState::Pending),
                   question(5, "Hidden", 40, proto::QuestionState::Hidden),
                   question(6, "Already answered", 30, proto::QuestionState::Answered),
                   question(7, "Middle", 4)})
        qs[q.id] = q;
    const auto view = questionBoardView(qs);
    CHECK(view.title == "Questions");
    REQUIRE(view.rows.size() == 4);
    CHECK(view.rows[0].text == "Pinned, answering now");
    CHECK(view.rows[0].highlighted);
    CHECK(view.rows[0].value == "2");
    CHECK(view.rows[1].text == "Most votes");
    CHECK(view.rows[1].value == "9");
    CHECK(view.rows[2].text == "Middle");
    CHECK(view.rows[3].text == "Few votes");
    for (std::size_t i = 1; i < view.rows.size(); ++i) {
        CHECK_FALSE(view.rows[i].highlighted);
        CHECK(view.rows[i].bar < 0);
    }
}

TEST_CASE("the second screen shows a few questions and cuts long ones") {
    Questions qs;
    for (std::uint64_t id = 1; id <= 12; ++id)
        qs[id] = question(id, std::string(200, char('a' + id)), std::uint32_t(id));
    qs[13] = question(13, std::string(61, 'x') + "\xc3\xa9\xc3\xa9\xc3\xa9", 100); // UTF-8 tail
    const auto view = questionBoardView(qs);
    REQUIRE(view.rows.size() == 5);
    CHECK(view.rows[0].value == "100");
    CHECK(view.rows[0].text == std::string(61, 'x') + "...");
    CHECK(view.rows[1].value == "12");
    CHECK(view.rows[4].value == "9");
    for (const auto& row : view.rows)
        CHECK(row.text.size() <= 64);
    CHECK(view.rows[1].text == std::string(61, char('a' + 12)) + "...");
}

TEST_CASE("a poll's shown results go to the main screen with percentages and bars") {
    Polls polls{{1, poll(1, proto::PollState::Closed, true, {1, 2, 1})}};
    auto view = pollResultsView(polls);
    REQUIRE(view);
    CHECK(view->title == "Which topic next?");
    REQUIRE(view->rows.size() == 3);
    CHECK(view->rows[0].text == "Spectrum");
    CHECK(view->rows[0].value == "25%");
    CHECK(view->rows[0].bar == doctest::Approx(0.25));
    CHECK(view->rows[1].value == "50%");
    CHECK(view->rows[1].bar == doctest::Approx(0.5));
    CHECK(view->rows[2].value == "25%");
    CHECK_FALSE(view->rows[1].highlighted);

    // Results not shown yet, or a newer poll opened: the main screen keeps its picture.
    polls[1].resultsShown = false;
    CHECK_FALSE(pollResultsView(polls));
    polls[1].resultsShown = true;
    polls[2] = poll(2, proto::PollState::Open, false, {0, 0, 0});
    CHECK_FALSE(pollResultsView(polls));
    // A poll only prepared does not hide the shown results.
    polls[2].state = proto::PollState::Prepared;
    REQUIRE(pollResultsView(polls));
    CHECK(pollResultsView(polls)->title == "Which topic next?");
    // No answers yet: 0 % each, empty bars.
    polls[1].counts = {0, 0, 0};
    view = pollResultsView(polls);
    REQUIRE(view);
    CHECK(view->rows[1].value == "0%");
    CHECK(view->rows[1].bar == doctest::Approx(0.0));
    CHECK_FALSE(pollResultsView({}));
}
