// What the stage shows for the attended session: the second screen's questions (pinned first,
// then the open ones by votes) and a shown poll's results on the main screen. Pure views over
// QnaFeature's state; drawing is ExhibitionScene's (StageBoards.cpp); must not send anything.
#include "engine/core/Translate.h"
#include "game/client/qna/QnaFeature.h"

#include <algorithm>
#include <fmt/format.h>

namespace fg::client {

using namespace fg::expo::proto;

namespace {

constexpr std::size_t kBoardQuestions = 5;  // the pinned one and the top open ones
constexpr std::size_t kBoardTextBytes = 64; // a question is cut to this (labels stay small)

// TEXT cut to kBoardTextBytes, at a UTF-8 character's start, with an ellipsis when cut.
std::string cut(const std::string& text) {
    if (text.size() <= kBoardTextBytes) return text;
    std::size_t end = kBoardTextBytes - 3;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return text.substr(0, end) + "...";
}

// The newest poll past preparation, when the moderator has shown its results (a newer poll
// opening takes the screen back for the questions).
const PollInfo* shownPoll(const std::map<std::uint64_t, PollInfo>& polls) {
    for (auto it = polls.rbegin(); it != polls.rend(); ++it)
        if (it->second.state != PollState::Prepared)
            return it->second.resultsShown ? &it->second : nullptr;
    return nullptr;
}

scene::ExhibitionScene::BoardView pollView(const PollInfo& p) {
    scene::ExhibitionScene::BoardView view{cut(p.question), {}};
    std::uint32_t total = 0; // shares of all choices made, as the poll panel's chart
    for (std::uint32_t c : p.counts)
        total += c;
    for (std::size_t i = 0; i < p.options.size(); ++i) {
        const std::uint32_t n = i < p.counts.size() ? p.counts[i] : 0;
        const float share = total ? float(n) / float(total) : 0.0f;
        view.rows.push_back({cut(p.options[i]), fmt::format("{:.0f}%", share * 100.0f), share});
    }
    return view;
}

} // namespace

std::optional<scene::ExhibitionScene::BoardView>
pollResultsView(const std::map<std::uint64_t, PollInfo>& polls) {
    if (const PollInfo* p = shownPoll(polls)) return pollView(*p);
    return std::nullopt;
}

scene::ExhibitionScene::BoardView
questionBoardView(const std::map<std::uint64_t, QuestionInfo>& questions) {
    std::vector<const QuestionInfo*> shown;
    for (const auto& [id, q] : questions) // pending (unapproved), answered, hidden: not shown
        if (q.state == QuestionState::Open || (q.pinned && q.state != QuestionState::Hidden))
            shown.push_back(&q);
    std::stable_sort(shown.begin(), shown.end(), [](const QuestionInfo* a, const QuestionInfo* b) {
        if (a->pinned != b->pinned) return a->pinned;
        return a->votes > b->votes; // ties: asked first
    });
    if (shown.size() > kBoardQuestions) shown.resize(kBoardQuestions);
    scene::ExhibitionScene::BoardView view{tr("Questions"), {}};
    for (const QuestionInfo* q : shown)
        view.rows.push_back({cut(q->text), fmt::format("{}", q->votes), -1.0f, q->pinned});
    return view;
}

std::optional<ShownBoard> QnaFeature::board() const {
    if (!m_loaded || m_session.empty() || !m_s.ex) return std::nullopt;
    const expo::Session* e = expo::findSession(*m_s.ex, m_session);
    std::uint32_t hall = 0;
    const expo::Venue* venue = e ? expo::findVenue(*m_s.ex, e->venue, &hall) : nullptr;
    if (!venue || hall != m_s.hall || hall >= m_s.ex->halls.size()) return std::nullopt;
    return ShownBoard{&m_s.ex->halls[hall], venue, questionBoardView(m_questions),
                      pollResultsView(m_polls)};
}

} // namespace fg::client
