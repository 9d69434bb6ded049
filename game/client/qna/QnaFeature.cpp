// QnaFeature's state: the attended session's questions, polls and raised hands as the server
// pushes them, the requests it sends, floating reactions. Panels are in QnaPanel.cpp, script
// actions in QnaActions.cpp. Must not decide permissions (the server does).
#include "game/client/qna/QnaFeature.h"

#include "engine/core/Translate.h"
#include "game/client/ClientFeatures.h"
#include "game/client/LocalText.h"
#include "game/client/programme/StageFeature.h"

#include <algorithm>
#include <fmt/format.h>

namespace fg::client {

using namespace fg::expo::proto;

namespace {

constexpr double kFloatSeconds = 3.0; // a reaction floats this long above its sender

} // namespace

QnaFeature::QnaFeature(Session& s, ClientFeatures& host) : m_s(s) {
    m_stage = host.find<StageFeature>();
}

void QnaFeature::registerHandlers(netclient::ClientRouter& router, PendingRequests& pending) {
    router.on<QnaState>([this](QnaState& st) {
        (void)m_s.pending.take(st.requestId); // answered by the state, not an ActionResult
        if (st.sessionId != m_session) return;
        m_requireApproval = st.requireApproval;
        m_moderator = st.moderator;
        m_questions.clear();
        for (QuestionInfo& q : st.questions)
            m_questions[q.id] = std::move(q);
        m_polls.clear();
        for (PollInfo& p : st.polls)
            m_polls[p.id] = std::move(p);
        m_myVotes = {st.myVotes.begin(), st.myVotes.end()};
        m_loaded = true;
    });
    router.on<QnaQuestionUpdate>([this](QnaQuestionUpdate& u) {
        if (u.sessionId != m_session) return;
        if (u.question.state == QuestionState::Hidden && !m_moderator)
            m_questions.erase(u.question.id);
        else
            m_questions[u.question.id] = std::move(u.question);
    });
    router.on<PollUpdate>([this](PollUpdate& u) {
        if (u.sessionId != m_session) return;
        auto it = m_polls.find(u.poll.id);
        if (it != m_polls.end()) u.poll.mine = it->second.mine; // pushes do not carry mine
        m_polls[u.poll.id] = std::move(u.poll);
    });
    router.on<ReactionShown>([this](ReactionShown& r) {
        if (r.sessionId != m_session) return;
        m_floating.push_back({r.clientId, r.kind, m_s.now});
        if (m_floating.size() > 64) m_floating.pop_front();
    });
    router.on<HandQueue>([this](HandQueue& q) {
        if (q.sessionId != m_session) return;
        m_hands = std::move(q.hands);
        const netclient::NetClient* c = joinedClient(m_s);
        m_handRaised = c && std::any_of(m_hands.begin(), m_hands.end(),
                                        [&](const HandEntry& h) { return h.clientId == c->id(); });
    });
    pending.on<QnaPending>([this](const QnaPending& p, const ActionResult& r) {
        if (!r.ok) return; // the core's toast names the refusal
        if (p.what == "question") {
            m_text.clear();
            toast(m_s, serverText(r.text));
        } else if (p.what == "upvote") {
            // The pushed update brings the count; the mark is ours.
        } else if (p.what == "poll") {
            toast(m_s, serverText(r.text));
        }
    });
}

void QnaFeature::onJoined() {
    m_session.clear(); // ask again: the server's state may have changed while away
}

void QnaFeature::update() {
    const expo::Session* attended = m_stage ? m_stage->attending() : nullptr;
    const std::string id = attended ? attended->id : "";
    while (!m_floating.empty() && m_s.now - m_floating.front().at > kFloatSeconds)
        m_floating.pop_front();
    netclient::NetClient* c = joinedClient(m_s);
    if (id == m_session || !c) return;
    m_session = id;
    m_loaded = m_requireApproval = m_moderator = m_handRaised = false;
    m_questions.clear();
    m_polls.clear();
    m_myVotes.clear();
    m_hands.clear();
    m_floating.clear();
    if (!id.empty()) m_s.pending.add(c->request(QnaJoin{0, id}), QnaPending{"questions"});
}

std::vector<const QuestionInfo*> QnaFeature::listed() const {
    std::vector<const QuestionInfo*> out;
    for (const auto& [id, q] : m_questions)
        if (q.state != QuestionState::Hidden) out.push_back(&q);
    std::stable_sort(out.begin(), out.end(), [&](const QuestionInfo* a, const QuestionInfo* b) {
        if (a->pinned != b->pinned) return a->pinned;
        if (m_byVotes && a->votes != b->votes) return a->votes > b->votes;
        return m_byVotes ? a->id < b->id : a->id > b->id; // by time: newest first
    });
    return out;
}

bool QnaFeature::ask(const std::string& text, bool anonymous) {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c || m_session.empty()) return false;
    m_s.pending.add(c->request(QnaAsk{0, m_session, text.substr(0, kMaxQuestionLength), anonymous}),
                    QnaPending{"question"});
    return true;
}

bool QnaFeature::upvote(std::uint64_t id) {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c || m_session.empty()) return false;
    m_s.pending.add(c->request(QnaVote{0, m_session, id}), QnaPending{"upvote"});
    m_myVotes.insert(id);
    return true;
}

bool QnaFeature::moderate(std::uint64_t id, QnaAction action) {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c || m_session.empty()) return false;
    m_s.pending.add(c->request(QnaModerate{0, m_session, id, action}), QnaPending{"moderation"});
    return true;
}

bool QnaFeature::createPoll(const std::string& question, std::vector<std::string> options,
                            bool multiple, bool openNow) {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c || m_session.empty()) return false;
    for (std::string& o : options)
        o = o.substr(0, kMaxPollOptionLength);
    if (options.size() > kMaxPollOptions) options.resize(kMaxPollOptions);
    m_s.pending.add(c->request(PollCreate{0, m_session, question.substr(0, kMaxQuestionLength),
                                          std::move(options), multiple, openNow}),
                    QnaPending{"poll"});
    return true;
}

bool QnaFeature::controlPoll(std::uint64_t id, PollAction action) {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c || m_session.empty()) return false;
    m_s.pending.add(c->request(PollControl{0, m_session, id, action}), QnaPending{"poll"});
    return true;
}

bool QnaFeature::answerPoll(std::uint64_t id, std::uint32_t choices) {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c || m_session.empty()) return false;
    m_s.pending.add(c->request(PollAnswer{0, m_session, id, choices}), QnaPending{"poll answer"});
    if (auto it = m_polls.find(id); it != m_polls.end()) it->second.mine = choices;
    return true;
}

bool QnaFeature::react(ReactionKind kind) {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c || m_session.empty()) return false;
    return c->sendRaw(ReactionSend{m_session, kind});
}

bool QnaFeature::raiseHand(bool raised) {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c || m_session.empty()) return false;
    m_s.pending.add(c->request(HandRaise{0, m_session, raised}), QnaPending{"hand"});
    m_handRaised = raised;
    return true;
}

bool QnaFeature::stageHand(std::uint16_t id, bool onStage) {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c || m_session.empty()) return false;
    m_s.pending.add(c->request(HandStage{0, m_session, id, onStage}), QnaPending{"hand"});
    return true;
}

} // namespace fg::client
