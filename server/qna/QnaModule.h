// The audience's voice in a programme session on the server: questions and upvotes, polls,
// reactions and raised hands, each checked against ProgrammeAccess (attends, moderates) and
// pushed to the session's attendees; console `qna questions|polls`. Never touches slides,
// attendance or registrations (other slices), nor ServerApp.
#pragma once

#include "server/core/ServerContext.h"
#include "server/core/ServerModule.h"
#include "server/programme/ProgrammeAccess.h"
#include "server/qna/QnaBoard.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace fg::console {
struct ConsoleResult;
}

namespace fg::server {

class QnaModule final : public ServerModule {
public:
    QnaModule(ServerContext& ctx, ProgrammeAccess& programme)
        : m_ctx(ctx), m_programme(programme) {}

    Status start() override; // opens the slice's tables and loads them
    void registerHandlers(ServerRouter& router) override;
    void registerCommands(console::ConsoleCommands& commands) override;
    void onLeave(presence::Session& s, proto::LeaveReason) override;
    void onTick(std::uint32_t tick, double now) override;
    void addStatus(std::vector<console::StatusFigure>& figures) const override;
    ~QnaModule() override;

    // A session's questions, upvotes, polls, poll answers and reactions (`session stats`).
    QnaCounts counts(std::string_view session) const;
    // `qna questions|polls SESSION [--json]` (VERB "questions" or "polls"), for the console.
    console::ConsoleResult listCommand(std::string_view verb, std::string_view session,
                                       bool json) const;

private:
    struct Hand {
        std::uint16_t id = 0;
        std::string name;
        bool onStage = false;
        std::uint32_t hall = 0; // where it stood before the stage
        glm::vec2 position{0.0f};
    };
    struct Bucket {
        float tokens = 0;
        double at = -1;
    };
    struct PendingVote {
        std::uint16_t id = 0;
        std::uint32_t requestId = 0;
        std::uint64_t questionId = 0;
        std::string session;
    };

    // QnaModule.cpp: questions and polls.
    void join(presence::Session& s, const proto::QnaJoin& m);
    void ask(presence::Session& s, const proto::QnaAsk& m);
    void vote(presence::Session& s, const proto::QnaVote& m);
    void moderate(presence::Session& s, const proto::QnaModerate& m);
    void createPoll(presence::Session& s, const proto::PollCreate& m);
    void controlPoll(presence::Session& s, const proto::PollControl& m);
    void answerPoll(presence::Session& s, const proto::PollAnswer& m);
    proto::QnaState stateFor(const presence::Session& s, const std::string& session) const;
    void pushQuestion(const std::string& session, const QnaQuestion& q);
    void pushPoll(const std::string& session, const QnaPoll& p);
    void pushState(const std::string& session);
    // Empty when S attends SESSION (or moderates it when MODERATOR), else the refusal.
    std::string refusal(const presence::Session& s, const std::string& session,
                        bool moderator) const;
    // Refuses S's request REQUESTID (a fault too when S claimed a moderator's right).
    void refuse(presence::Session& s, std::uint32_t requestId, std::string why, bool lying);
    void flushVotes();

    // QnaStage.cpp: reactions and raised hands.
    void react(presence::Session& s, const proto::ReactionSend& m);
    void raiseHand(presence::Session& s, const proto::HandRaise& m);
    void stageHand(presence::Session& s, const proto::HandStage& m);
    void pushHands(const std::string& session);
    proto::HandQueue handQueue(const std::string& session);
    Status moveToStage(Hand& hand, const std::string& session);
    glm::vec2 freeSpeakerSpot(const expo::Hall& hall, const expo::Venue& venue,
                              std::uint32_t hallIndex) const;
    bool allowReaction(const presence::Session& s, double now);

    ServerContext& m_ctx;
    ProgrammeAccess& m_programme;
    std::unique_ptr<QnaBoard> m_board;
    std::vector<PendingVote> m_pendingVotes;                 // answered after the next flush
    std::set<std::pair<std::string, std::uint64_t>> m_dirty; // questions whose votes changed
    std::map<std::string, std::vector<Hand>, std::less<>> m_hands;
    std::unordered_map<std::string, Bucket> m_reactionBuckets; // per person
    std::uint64_t m_refused = 0;
};

} // namespace fg::server
