// The script of a scripted session: when the speaker pages, who in the audience asks and upvotes,
// how the moderator approves, pins, answers and runs a poll, in a loop. Sends requests only;
// the server decides, and what it refuses is counted in figures().
#include "engine/core/Log.h"
#include "game/netclient/ScriptedSession.h"

#include <algorithm>

namespace fg::netclient {
namespace {

namespace proto = fg::expo::proto;

constexpr const char* kQuestions[] = {
    "How will this reach schools outside the big cities?",
    "What should a small operator do first?",
    "Which regulator moves fastest on this, and why?",
    "How do you measure whether it worked?",
    "What would you do differently if you started again today?",
    "Where does the money for the first mile come from?",
};

struct ScriptedPoll {
    const char* question;
    std::vector<std::string> options;
};

const ScriptedPoll kPolls[] = {
    {"Where is your organisation on this?", {"Planning", "Piloting", "Deployed", "Not yet"}},
    {"What holds you back most?", {"Funding", "Regulation", "Skills", "Partners"}},
    {"Would you join a follow-up working group?", {"Yes", "Maybe", "No"}},
};

bool live(const proto::QuestionInfo& q) {
    return q.state == proto::QuestionState::Open || q.state == proto::QuestionState::Pending;
}

} // namespace

void ScriptedSession::speakerStep(double now) {
    if (m_nextPage == 0) m_nextPage = now + m_config.pageSeconds;
    if (now < m_nextPage || !m_speaker.entered) return;
    m_nextPage = now + m_config.pageSeconds;
    const std::uint32_t next = (m_stage.page + 1) % std::max<std::uint32_t>(m_pages, 1);
    send(m_speaker, proto::StagePage{0, m_config.sessionId, next});
    std::lock_guard lock(m_figuresMutex);
    ++m_figures.pagesTurned;
}

void ScriptedSession::moderatorStep(double now) {
    if (!m_moderator.entered || !m_haveStage) return;
    if (m_stage.state != proto::StageWireState::Live) {
        // Not live (yet, or ended by someone): the moderator (re)starts it, once in a while.
        if (m_config.startSession && now >= m_nextStart) {
            send(m_moderator,
                 proto::StageCommand{0, m_config.sessionId, proto::StageAction::Start});
            m_nextStart = now + 10;
        }
        return;
    }
    moderateQuestions(now);
    runPoll(now);
}

// Require approval, approve what waits, pin the most upvoted open question, mark it answered after
// a while.
void ScriptedSession::moderateQuestions(double now) {
    auto moderate = [&](std::uint64_t id, proto::QnaAction action) {
        send(m_moderator, proto::QnaModerate{0, m_config.sessionId, id, action});
    };
    if (!m_approvalOn) { // questions wait for the moderator, who approves them as they come
        moderate(0, proto::QnaAction::RequireApproval);
        m_approvalOn = true;
    }
    const proto::QuestionInfo* best = nullptr;
    for (auto& [id, q] : m_moderator.questions) {
        if (q.state == proto::QuestionState::Pending && id != m_pinned) {
            moderate(id, proto::QnaAction::Approve);
            q.state = proto::QuestionState::Open; // asked once; the update confirms it
            std::lock_guard lock(m_figuresMutex);
            ++m_figures.approved;
        }
        if (q.state == proto::QuestionState::Open && !q.pinned && (!best || q.votes > best->votes))
            best = &q;
    }
    auto pinned = m_moderator.questions.find(m_pinned);
    if (m_pinned && pinned != m_moderator.questions.end() && live(pinned->second)) {
        if (now - m_pinnedAt < m_config.answerSeconds) return;
        moderate(m_pinned, proto::QnaAction::Answered);
        pinned->second.state = proto::QuestionState::Answered;
        m_pinned = 0;
        std::lock_guard lock(m_figuresMutex);
        ++m_figures.answered;
        return;
    }
    if (!best) return;
    m_pinned = best->id;
    m_pinnedAt = now;
    moderate(m_pinned, proto::QnaAction::Pin);
}

// Waiting -> create and open -> open for a while -> close -> show results -> wait, again.
void ScriptedSession::runPoll(double now) {
    auto control = [&](proto::PollAction action) {
        send(m_moderator, proto::PollControl{0, m_config.sessionId, m_poll, action});
    };
    auto it = m_moderator.polls.find(m_poll);
    const proto::PollInfo* poll = it == m_moderator.polls.end() ? nullptr : &it->second;
    switch (m_pollPhase) {
    case PollPhase::Waiting:
        if (m_pollAt == 0) m_pollAt = now + m_config.pollEverySeconds / 2;
        if (now < m_pollAt) return;
        {
            const ScriptedPoll& p = kPolls[m_pollText++ % std::size(kPolls)];
            send(m_moderator,
                 proto::PollCreate{0, m_config.sessionId, p.question, p.options, false, true});
            m_pollPhase = PollPhase::Opening;
            m_pollAt = now;
        }
        return;
    case PollPhase::Opening: { // the newest open poll is ours
        for (const auto& [id, p] : m_moderator.polls)
            if (p.state == proto::PollState::Open && id > m_poll) m_poll = id;
        if (m_moderator.polls.count(m_poll) == 0 ||
            m_moderator.polls[m_poll].state != proto::PollState::Open) {
            if (now - m_pollAt > 10) m_pollPhase = PollPhase::Waiting; // refused: try later
            return;
        }
        m_pollPhase = PollPhase::Open;
        m_pollAt = now + m_config.pollOpenSeconds;
        std::lock_guard lock(m_figuresMutex);
        ++m_figures.pollsOpened;
        return;
    }
    case PollPhase::Open:
        if (now < m_pollAt) return;
        control(proto::PollAction::Close);
        m_pollPhase = PollPhase::Closing;
        return;
    case PollPhase::Closing:
        if (!poll || poll->state != proto::PollState::Closed) return;
        control(proto::PollAction::ShowResults);
        m_pollPhase = PollPhase::Shown;
        m_pollAt = now + m_config.resultsSeconds;
        {
            std::lock_guard lock(m_figuresMutex);
            ++m_figures.pollsClosed;
        }
        return;
    case PollPhase::Shown:
        if (now < m_pollAt) return;
        m_pollPhase = PollPhase::Waiting;
        m_pollAt = now + m_config.pollEverySeconds;
        return;
    }
}

// One of the audience asks now and then; everyone upvotes what they like and answers open polls.
void ScriptedSession::audienceStep(double now) {
    if (m_audience.empty()) return;
    if (m_nextQuestion == 0) m_nextQuestion = now + m_config.questionSeconds / 3;
    if (now >= m_nextQuestion) {
        m_nextQuestion = now + m_config.questionSeconds;
        Actor& asker = m_audience[m_nextAsker++ % m_audience.size()];
        const bool anonymous = m_questionText % 3 == 2;
        send(asker, proto::QnaAsk{0, m_config.sessionId,
                                  kQuestions[m_questionText++ % std::size(kQuestions)], anonymous});
        std::lock_guard lock(m_figuresMutex);
        ++m_figures.questionsAsked;
    }
    for (Actor& a : m_audience)
        audienceReacts(a);
}

void ScriptedSession::audienceReacts(Actor& a) {
    for (const auto& [id, q] : a.questions) {
        if (q.state != proto::QuestionState::Open ||
            std::find(a.voted.begin(), a.voted.end(), id) != a.voted.end())
            continue;
        a.voted.push_back(id); // decided once per question: about half upvote it
        if (m_rng() % 2) continue;
        send(a, proto::QnaVote{0, m_config.sessionId, id});
        std::lock_guard lock(m_figuresMutex);
        ++m_figures.upvotes;
    }
    for (const auto& [id, p] : a.polls) {
        if (p.state != proto::PollState::Open ||
            std::find(a.answeredPolls.begin(), a.answeredPolls.end(), id) != a.answeredPolls.end())
            continue;
        a.answeredPolls.push_back(id);
        const std::uint32_t choice =
            std::uint32_t(m_rng() % std::max<std::size_t>(p.options.size(), 1));
        send(a, proto::PollAnswer{0, m_config.sessionId, id, 1u << choice});
    }
    // Applause when a question has just been answered (now and then, not the whole room).
    for (auto& [id, q] : a.questions) {
        if (q.state != proto::QuestionState::Answered || q.askedUnix < 0) continue;
        q.askedUnix = -1; // considered once
        if (m_rng() % 3 == 0 && a.net && a.net->state() == ClientState::Joined)
            a.net->sendRaw(proto::ReactionSend{m_config.sessionId, proto::ReactionKind::Applause});
    }
}

} // namespace fg::netclient
