// QnaBoard: the Q&A and poll rules over memory, written through QnaBook (questions, approval,
// polls and answers at once; upvotes queued for flush()). Must not send or check permissions.
#include "server/qna/QnaBoard.h"

#include <bit>
#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;

namespace {

// One line of text: control characters (newlines too) become spaces, ends trimmed.
std::string oneLine(std::string text) {
    for (char& c : text)
        if (std::uint8_t(c) < 0x20) c = ' ';
    const auto first = text.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

} // namespace

Result<std::unique_ptr<QnaBoard>> QnaBoard::open(store::Store& store) {
    auto book = store::QnaBook::open(store);
    if (!book) return book.error();
    std::unique_ptr<QnaBoard> board(new QnaBoard(**book));
    board->m_owned = std::move(*book);
    if (Status s = board->load(); !s) return s.error();
    return board;
}

Status QnaBoard::load() {
    auto questions = m_book.questions();
    auto votes = m_book.votes();
    auto approval = m_book.approvalSessions();
    auto polls = m_book.polls();
    auto answers = m_book.answers();
    if (!questions || !votes || !approval || !polls || !answers)
        return makeError("qna: cannot read the stored questions and polls");
    for (auto& q : *questions)
        m_questions[std::uint64_t(q.id)].rec = std::move(q);
    for (auto& v : *votes)
        if (auto it = m_questions.find(std::uint64_t(v.question)); it != m_questions.end())
            it->second.voters.insert(std::move(v.person));
    m_approval.insert(approval->begin(), approval->end());
    for (auto& p : *polls)
        m_polls[std::uint64_t(p.id)].rec = std::move(p);
    for (auto& a : *answers)
        if (auto it = m_polls.find(std::uint64_t(a.poll)); it != m_polls.end())
            it->second.answers[a.person] = a.choices;
    auto stage = m_book.stageCounts();
    if (!stage) return makeError("qna: cannot read the stored reactions: " + stage.error().message);
    for (auto& c : *stage)
        m_stageCounts[c.session] = {c.session, c.reactions, c.hands};
    return {};
}

void QnaBoard::countStage(std::string_view session, std::uint64_t reactions, std::uint64_t hands) {
    for (auto* counts : {&m_stageCounts, &m_pendingStage}) {
        auto it = counts->find(session);
        if (it == counts->end())
            it =
                counts->emplace(std::string(session), store::StoredStageCount{std::string(session)})
                    .first;
        it->second.reactions += reactions;
        it->second.hands += hands;
    }
}

QnaQuestion* QnaBoard::findQuestion(std::string_view session, std::uint64_t id) {
    auto it = m_questions.find(id);
    return it != m_questions.end() && it->second.rec.session == session ? &it->second : nullptr;
}

QnaPoll* QnaBoard::findPoll(std::string_view session, std::uint64_t id) {
    auto it = m_polls.find(id);
    return it != m_polls.end() && it->second.rec.session == session ? &it->second : nullptr;
}

Result<const QnaQuestion*> QnaBoard::ask(std::string_view session, std::string authorKey,
                                         std::string authorName, std::string text, bool anonymous) {
    text = oneLine(std::move(text));
    if (text.empty()) return makeError("question: empty");
    store::StoredQuestion rec{
        0,
        std::string(session),
        std::move(authorKey),
        std::move(authorName),
        anonymous,
        std::move(text),
        int(requiresApproval(session) ? QuestionState::Pending : QuestionState::Open),
        false,
        unixNow()};
    auto id = m_book.addQuestion(rec);
    if (!id) return id.error();
    rec.id = *id;
    QnaQuestion& q = m_questions[std::uint64_t(*id)];
    q.rec = std::move(rec);
    return &q;
}

Result<bool> QnaBoard::vote(std::string_view session, std::uint64_t id, const std::string& person) {
    QnaQuestion* q = findQuestion(session, id);
    if (!q || q->rec.state == int(QuestionState::Pending) ||
        q->rec.state == int(QuestionState::Hidden))
        return makeError(fmt::format("upvote: no question #{} in session {}", id, session));
    if (!q->voters.insert(person).second) return false;
    m_pendingVotes.push_back({std::int64_t(id), person});
    return true;
}

Status QnaBoard::flush() {
    Status s = m_book.addVotes(m_pendingVotes);
    m_pendingVotes.clear(); // on failure they stay counted in memory; the error is logged
    std::vector<store::StoredStageCount> stage;
    for (auto& [session, delta] : m_pendingStage)
        stage.push_back(delta);
    m_pendingStage.clear();
    Status written = m_book.addStageCounts(stage);
    return s ? written : s;
}

Result<const QnaQuestion*> QnaBoard::moderate(std::string_view session, std::uint64_t id,
                                              QnaAction action) {
    QnaQuestion* q = findQuestion(session, id);
    if (!q) return makeError(fmt::format("question #{}: not in session {}", id, session));
    store::StoredQuestion next = q->rec;
    switch (action) {
    case QnaAction::Approve:
        if (next.state != int(QuestionState::Pending))
            return makeError(fmt::format("question #{}: not waiting for approval", id));
        next.state = int(QuestionState::Open);
        break;
    case QnaAction::Pin:
    case QnaAction::Unpin:
        if (next.state == int(QuestionState::Hidden))
            return makeError(fmt::format("question #{}: hidden", id));
        next.pinned = action == QnaAction::Pin;
        if (next.pinned && next.state == int(QuestionState::Pending))
            next.state = int(QuestionState::Open);
        break;
    case QnaAction::Answered:
        next.state = int(QuestionState::Answered);
        next.pinned = false;
        break;
    case QnaAction::Hide:
        next.state = int(QuestionState::Hidden);
        next.pinned = false;
        break;
    default:
        return makeError("question: not a question action");
    }
    if (Status s = m_book.updateQuestion(next); !s) return s.error();
    q->rec = std::move(next);
    return q;
}

Status QnaBoard::setRequireApproval(std::string_view session, bool on) {
    if (Status s = m_book.setRequireApproval(session, on); !s) return s;
    if (on)
        m_approval.insert(std::string(session));
    else if (auto it = m_approval.find(session); it != m_approval.end())
        m_approval.erase(it);
    return {};
}

bool QnaBoard::requiresApproval(std::string_view session) const {
    return m_approval.find(session) != m_approval.end();
}

Result<const QnaPoll*> QnaBoard::createPoll(std::string_view session, std::string question,
                                            std::vector<std::string> options, bool multiple,
                                            bool open) {
    question = oneLine(std::move(question));
    if (question.empty()) return makeError("poll: the question is empty");
    for (std::string& o : options)
        if ((o = oneLine(std::move(o))).empty()) return makeError("poll: an option is empty");
    if (options.size() < 2 || options.size() > kMaxPollOptions)
        return makeError(
            fmt::format("poll: 2 to {} options, not {}", kMaxPollOptions, options.size()));
    store::StoredPoll rec{0,
                          std::string(session),
                          std::move(question),
                          std::move(options),
                          multiple,
                          int(open ? PollState::Open : PollState::Prepared),
                          false};
    auto id = m_book.addPoll(rec);
    if (!id) return id.error();
    rec.id = *id;
    QnaPoll& p = m_polls[std::uint64_t(*id)];
    p.rec = std::move(rec);
    return &p;
}

Result<const QnaPoll*> QnaBoard::controlPoll(std::string_view session, std::uint64_t id,
                                             PollAction action) {
    QnaPoll* p = findPoll(session, id);
    if (!p) return makeError(fmt::format("poll #{}: not in session {}", id, session));
    store::StoredPoll next = p->rec;
    if (action == PollAction::Open) {
        if (next.state != int(PollState::Prepared))
            return makeError(fmt::format("poll #{}: already opened", id));
        next.state = int(PollState::Open);
    } else if (action == PollAction::Close) {
        if (next.state != int(PollState::Open))
            return makeError(fmt::format("poll #{}: not open", id));
        next.state = int(PollState::Closed);
    } else {
        next.resultsShown = true;
    }
    if (Status s = m_book.updatePoll(next); !s) return s.error();
    p->rec = std::move(next);
    return p;
}

Result<const QnaPoll*> QnaBoard::answer(std::string_view session, std::uint64_t id,
                                        const std::string& person, std::uint32_t choices) {
    QnaPoll* p = findPoll(session, id);
    if (!p) return makeError(fmt::format("poll #{}: not in session {}", id, session));
    if (p->rec.state != int(PollState::Open))
        return makeError(fmt::format("poll #{}: not open", id));
    const int picked = std::popcount(choices);
    if (picked == 0 || choices >> p->rec.options.size() != 0 || (!p->rec.multiple && picked > 1))
        return makeError(fmt::format("poll #{}: choose {} of its {} options", id,
                                     p->rec.multiple ? "one or more" : "one",
                                     p->rec.options.size()));
    if (p->answers.count(person)) return makeError(fmt::format("poll #{}: already answered", id));
    if (Status s = m_book.addAnswer({std::int64_t(id), person, choices}); !s) return s.error();
    p->answers[person] = choices;
    return p;
}

std::vector<const QnaQuestion*> QnaBoard::questions(std::string_view session) const {
    std::vector<const QnaQuestion*> out;
    for (const auto& [id, q] : m_questions)
        if (q.rec.session == session) out.push_back(&q);
    return out;
}

std::vector<const QnaPoll*> QnaBoard::polls(std::string_view session) const {
    std::vector<const QnaPoll*> out;
    for (const auto& [id, p] : m_polls)
        if (p.rec.session == session) out.push_back(&p);
    return out;
}

const QnaQuestion* QnaBoard::question(std::uint64_t id) const {
    auto it = m_questions.find(id);
    return it != m_questions.end() ? &it->second : nullptr;
}

QnaCounts QnaBoard::counts(std::string_view session) const {
    QnaCounts c;
    for (const QnaQuestion* q : questions(session)) {
        ++c.questions;
        c.upvotes += q->voters.size();
    }
    for (const QnaPoll* p : polls(session)) {
        ++c.polls;
        c.pollAnswers += p->answers.size();
    }
    if (auto it = m_stageCounts.find(session); it != m_stageCounts.end()) {
        c.reactions = it->second.reactions;
        c.hands = it->second.hands;
    }
    return c;
}

QuestionInfo QnaBoard::info(const QnaQuestion& q, bool moderator) {
    const auto& r = q.rec;
    return QuestionInfo{std::uint64_t(r.id),
                        r.anonymous && !moderator ? std::string() : r.authorName,
                        r.anonymous,
                        r.state == int(QuestionState::Hidden) && !moderator ? "" : r.text,
                        std::uint32_t(q.voters.size()),
                        QuestionState(r.state),
                        r.pinned,
                        r.askedAt};
}

PollInfo QnaBoard::info(const QnaPoll& p, bool moderator, const std::string& person) {
    const auto& r = p.rec;
    PollInfo out{std::uint64_t(r.id),
                 r.question,
                 r.options,
                 r.multiple,
                 PollState(r.state),
                 r.resultsShown,
                 {},
                 std::uint32_t(p.answers.size()),
                 0};
    if (moderator || r.resultsShown) {
        out.counts.assign(r.options.size(), 0);
        for (const auto& [who, choices] : p.answers)
            for (std::size_t i = 0; i < r.options.size(); ++i)
                if (choices & (1u << i)) ++out.counts[i];
    }
    if (auto it = p.answers.find(person); it != p.answers.end()) out.mine = it->second;
    return out;
}

} // namespace fg::server
