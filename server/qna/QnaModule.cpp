// QnaModule: questions and polls of programme sessions through QnaBoard, checked against
// ProgrammeAccess, pushed to attendees; upvotes answered after their tick's flush. Must not
// decide Q&A rules (QnaBoard does) nor reach beyond ServerContext and ProgrammeAccess.
#include "server/qna/QnaModule.h"

#include "engine/core/Log.h"

#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

namespace {

std::string personOf(const Session& s) {
    return s.verified() ? s.personKey : "guest:" + s.clientKey;
}

} // namespace

Status QnaModule::start() {
    auto board = QnaBoard::open(m_ctx.store());
    if (!board) return board.error();
    m_board = std::move(*board);
    return {};
}

QnaModule::~QnaModule() {
    if (m_board) flushVotes(); // a clean shutdown keeps the last tick's upvotes
}

void QnaModule::registerHandlers(ServerRouter& router) {
    router.on<QnaJoin>(Permit::joined(), [this](Session& s, const QnaJoin& m) { join(s, m); });
    router.on<QnaAsk>(Permit::joined().budget(5, 0.5),
                      [this](Session& s, const QnaAsk& m) { ask(s, m); });
    // One upvote per person: guests could come back under fresh client keys.
    router.on<QnaVote>(
        Permit::joined().verifiedOnly(), [this](Session& s, const QnaVote& m) { vote(s, m); },
        [this](Session& s, const QnaVote& m, std::string_view why) {
            m_ctx.reply(s, m.requestId, makeError("upvote: " + std::string(why)));
        });
    // Moderation is per session: ProgrammeAccess::moderates decides in the handlers.
    router.on<QnaModerate>(Permit::joined(),
                           [this](Session& s, const QnaModerate& m) { moderate(s, m); });
    router.on<PollCreate>(Permit::joined(),
                          [this](Session& s, const PollCreate& m) { createPoll(s, m); });
    router.on<PollControl>(Permit::joined(),
                           [this](Session& s, const PollControl& m) { controlPoll(s, m); });
    router.on<PollAnswer>(
        Permit::joined().verifiedOnly(),
        [this](Session& s, const PollAnswer& m) { answerPoll(s, m); },
        [this](Session& s, const PollAnswer& m, std::string_view why) {
            m_ctx.reply(s, m.requestId, makeError("poll: " + std::string(why)));
        });
    router.on<ReactionSend>(Permit::joined(),
                            [this](Session& s, const ReactionSend& m) { react(s, m); });
    router.on<HandRaise>(Permit::joined(),
                         [this](Session& s, const HandRaise& m) { raiseHand(s, m); });
    router.on<HandStage>(Permit::joined(),
                         [this](Session& s, const HandStage& m) { stageHand(s, m); });
}

std::string QnaModule::refusal(const Session& s, const std::string& session, bool moderator) const {
    if (moderator)
        return m_programme.moderates(s, session)
                   ? ""
                   : fmt::format("only the moderator of session {} may do that", session);
    if (m_programme.attends(s, session) || m_programme.moderates(s, session)) return "";
    return fmt::format("you do not attend session {}", session);
}

void QnaModule::refuse(Session& s, std::uint32_t requestId, std::string why, bool lying) {
    ++m_refused;
    m_ctx.reply(s, requestId, makeError(std::move(why)));
    if (lying) m_ctx.fault(s, "qna: a moderator's action from a non-moderator");
}

QnaState QnaModule::stateFor(const Session& s, const std::string& session) const {
    const bool mod = m_programme.moderates(s, session);
    const std::string person = personOf(s);
    QnaState out{0, session, m_board->requiresApproval(session), mod, {}, {}, {}};
    for (const QnaQuestion* q : m_board->questions(session)) {
        const auto state = QuestionState(q->rec.state);
        if (!mod && (state == QuestionState::Pending || state == QuestionState::Hidden)) continue;
        if (out.questions.size() == kMaxQnaQuestions) out.questions.erase(out.questions.begin());
        out.questions.push_back(QnaBoard::info(*q, mod));
        if (q->voters.count(person) && out.myVotes.size() < kMaxQnaQuestions)
            out.myVotes.push_back(std::uint64_t(q->rec.id));
    }
    for (const QnaPoll* p : m_board->polls(session)) {
        if (out.polls.size() == kMaxPolls) out.polls.erase(out.polls.begin());
        out.polls.push_back(QnaBoard::info(*p, mod, person));
    }
    return out;
}

void QnaModule::join(Session& s, const QnaJoin& m) {
    if (auto why = refusal(s, m.sessionId, false); !why.empty())
        return refuse(s, m.requestId, "questions: " + why, false);
    QnaState state = stateFor(s, m.sessionId);
    state.requestId = m.requestId;
    m_ctx.send(s, std::move(state));
    if (auto it = m_hands.find(m.sessionId); it != m_hands.end()) // a late joiner's queue
        m_ctx.send(s, handQueue(m.sessionId));
}

void QnaModule::ask(Session& s, const QnaAsk& m) {
    if (auto why = refusal(s, m.sessionId, false); !why.empty())
        return refuse(s, m.requestId, "question: " + why, false);
    auto q = m_board->ask(m.sessionId, personOf(s), s.name, m.text, m.anonymous);
    if (!q) return refuse(s, m.requestId, q.error().message, false);
    const bool pending = (*q)->rec.state == int(QuestionState::Pending);
    m_ctx.reply(s, m.requestId, {}, std::uint32_t((*q)->rec.id),
                pending ? "question sent to the moderator" : "question asked");
    pushQuestion(m.sessionId, **q);
}

void QnaModule::vote(Session& s, const QnaVote& m) {
    if (auto why = refusal(s, m.sessionId, false); !why.empty())
        return refuse(s, m.requestId, "upvote: " + why, false);
    auto counted = m_board->vote(m.sessionId, m.questionId, s.personKey);
    if (!counted) return refuse(s, m.requestId, counted.error().message, false);
    if (!*counted) return m_ctx.reply(s, m.requestId, {}, 0, "already upvoted");
    // Told once the upvote is on disk: the next tick writes every queued one in one commit.
    m_pendingVotes.push_back({s.id, m.requestId, m.questionId, m.sessionId});
    m_dirty.insert({m.sessionId, m.questionId});
}

void QnaModule::flushVotes() {
    if (!m_board->flushPending()) return;
    if (Status st = m_board->flush(); !st)
        log::error("server: qna: upvotes: {}", st.error().message);
    for (const PendingVote& v : m_pendingVotes)
        if (const Session* s = m_ctx.session(v.id)) m_ctx.reply(*s, v.requestId, {}, 1, "upvoted");
    m_pendingVotes.clear();
    for (const auto& [session, id] : m_dirty)
        if (const QnaQuestion* q = m_board->question(id)) pushQuestion(session, *q);
    m_dirty.clear();
}

void QnaModule::onTick(std::uint32_t, double) {
    flushVotes();
}

void QnaModule::moderate(Session& s, const QnaModerate& m) {
    if (auto why = refusal(s, m.sessionId, true); !why.empty())
        return refuse(s, m.requestId, "question: " + why, true);
    if (m.action == QnaAction::RequireApproval || m.action == QnaAction::AllowAll) {
        const bool on = m.action == QnaAction::RequireApproval;
        if (Status st = m_board->setRequireApproval(m.sessionId, on); !st)
            return refuse(s, m.requestId, st.error().message, false);
        m_ctx.reply(s, m.requestId, {}, 0, on ? "approval required" : "questions go straight up");
        return pushState(m.sessionId);
    }
    auto q = m_board->moderate(m.sessionId, m.questionId, m.action);
    if (!q) return refuse(s, m.requestId, q.error().message, false);
    m_ctx.reply(s, m.requestId, {}, std::uint32_t(m.questionId), "done");
    if (m.action == QnaAction::Pin) // one question is answered at a time
        for (const QnaQuestion* other : m_board->questions(m.sessionId))
            if (other != *q && other->rec.pinned) {
                auto unpinned =
                    m_board->moderate(m.sessionId, std::uint64_t(other->rec.id), QnaAction::Unpin);
                if (unpinned) pushQuestion(m.sessionId, **unpinned);
            }
    pushQuestion(m.sessionId, **q);
}

void QnaModule::createPoll(Session& s, const PollCreate& m) {
    if (auto why = refusal(s, m.sessionId, true); !why.empty())
        return refuse(s, m.requestId, "poll: " + why, true);
    auto p = m_board->createPoll(m.sessionId, m.question, m.options, m.multiple, m.openNow);
    if (!p) return refuse(s, m.requestId, p.error().message, false);
    m_ctx.reply(s, m.requestId, {}, std::uint32_t((*p)->rec.id),
                m.openNow ? "poll opened" : "poll prepared");
    pushPoll(m.sessionId, **p);
}

void QnaModule::controlPoll(Session& s, const PollControl& m) {
    if (auto why = refusal(s, m.sessionId, true); !why.empty())
        return refuse(s, m.requestId, "poll: " + why, true);
    auto p = m_board->controlPoll(m.sessionId, m.pollId, m.action);
    if (!p) return refuse(s, m.requestId, p.error().message, false);
    m_ctx.reply(s, m.requestId, {}, std::uint32_t(m.pollId), "done");
    pushPoll(m.sessionId, **p);
}

void QnaModule::answerPoll(Session& s, const PollAnswer& m) {
    if (auto why = refusal(s, m.sessionId, false); !why.empty())
        return refuse(s, m.requestId, "poll: " + why, false);
    auto p = m_board->answer(m.sessionId, m.pollId, s.personKey, m.choices);
    if (!p) return refuse(s, m.requestId, p.error().message, false);
    m_ctx.reply(s, m.requestId, {}, m.choices, "answered");
    pushPoll(m.sessionId, **p);
}

void QnaModule::pushQuestion(const std::string& session, const QnaQuestion& q) {
    const bool pending = q.rec.state == int(QuestionState::Pending);
    const QnaQuestionUpdate forAll{session, QnaBoard::info(q, false)};
    const QnaQuestionUpdate forModerators{session, QnaBoard::info(q, true)};
    for (std::uint16_t id : m_programme.attendees(session)) {
        const Session* s = m_ctx.session(id);
        if (!s) continue;
        if (m_programme.moderates(*s, session))
            m_ctx.send(*s, forModerators);
        else if (!pending)
            m_ctx.send(*s, forAll);
    }
}

void QnaModule::pushPoll(const std::string& session, const QnaPoll& p) {
    for (std::uint16_t id : m_programme.attendees(session))
        if (const Session* s = m_ctx.session(id))
            m_ctx.send(*s, PollUpdate{session, QnaBoard::info(p, m_programme.moderates(*s, session),
                                                              personOf(*s))});
}

void QnaModule::pushState(const std::string& session) {
    for (std::uint16_t id : m_programme.attendees(session))
        if (const Session* s = m_ctx.session(id)) m_ctx.send(*s, stateFor(*s, session));
}

QnaCounts QnaModule::counts(std::string_view session) const {
    return m_board->counts(session);
}

void QnaModule::addStatus(std::vector<console::StatusFigure>& figures) const {
    figures.push_back({"qna_refusals", "questions/polls/hands refused", double(m_refused)});
}

} // namespace fg::server
