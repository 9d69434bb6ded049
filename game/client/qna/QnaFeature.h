// The audience's voice in the client, for the session StageFeature::attending() returns: the
// Q&A panel (ask, anonymous, upvote, sort; moderator: approve, pin, answered, hide, approval),
// the poll panel (answer, results chart; moderator: create, open, close, show results),
// reactions floating above avatars, raise hand and the moderator's hand queue; script actions.
// The server checks every request; nothing here decides who may do what.
#pragma once

#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"
#include "game/scene/ExhibitionScene.h"

#include <deque>
#include <map>
#include <set>

namespace fg::client {

class ClientFeatures;
class StageFeature;

// The attended session's venue, in the visitor's hall: what its second screen shows, and the
// poll results its main screen shows instead of its picture (none: the picture).
struct ShownBoard {
    const expo::Hall* hall = nullptr;
    const expo::Venue* venue = nullptr;
    scene::ExhibitionScene::BoardView questions;
    std::optional<scene::ExhibitionScene::BoardView> poll;
};

// The second screen for a session's QUESTIONS: "Questions", the pinned one (highlighted) then the
// open ones by votes, a few, cut to fit (QnaBoard.cpp).
scene::ExhibitionScene::BoardView
questionBoardView(const std::map<std::uint64_t, expo::proto::QuestionInfo>& questions);
// The main screen while the newest poll past preparation has its results shown: its question and
// each option's share of the choices with a bar; none otherwise.
std::optional<scene::ExhibitionScene::BoardView>
pollResultsView(const std::map<std::uint64_t, expo::proto::PollInfo>& polls);

class QnaFeature : public ClientFeature {
public:
    QnaFeature(Session& s, ClientFeatures& host);
    void registerHandlers(netclient::ClientRouter& router, PendingRequests& pending) override;
    void drawPanels(const UiFrame& f) override;
    std::optional<Status> runAction(const std::string& name,
                                    const std::vector<std::string>& args) override;
    void onJoined() override;
    // Follows the attended session: a new one asks the server for its questions and polls.
    void update() override;

    const std::string& session() const { return m_session; }
    // Questions as listed: by votes (then time) or by time, pinned first; hidden ones left out.
    std::vector<const proto::QuestionInfo*> listed() const;
    const std::map<std::uint64_t, proto::PollInfo>& polls() const { return m_polls; }
    bool moderator() const { return m_moderator; }
    // The second screen to draw this frame: none before the session's state has arrived.
    std::optional<ShownBoard> board() const;

    bool ask(const std::string& text, bool anonymous);
    bool upvote(std::uint64_t id);
    bool moderate(std::uint64_t id, proto::QnaAction action);
    bool createPoll(const std::string& question, std::vector<std::string> options, bool multiple,
                    bool openNow);
    bool controlPoll(std::uint64_t id, proto::PollAction action);
    bool answerPoll(std::uint64_t id, std::uint32_t choices);
    bool react(proto::ReactionKind kind);
    bool raiseHand(bool raised);
    bool stageHand(std::uint16_t id, bool onStage);

private:
    struct Floating {
        std::uint16_t id = 0;
        proto::ReactionKind kind{};
        double at = 0;
    };
    // QnaPanel.cpp
    void qnaWindow();
    void askRow();
    void questionRow(const proto::QuestionInfo& q);
    void moderatorButtons(const proto::QuestionInfo& q);
    void handsSection();
    void pollWindow();
    void pollBlock(proto::PollInfo& p);
    void resultsChart(const proto::PollInfo& p);
    void pollForm();
    void drawReactions(const UiFrame& f);
    // QnaActions.cpp
    Status qnaAction(const std::string& name, const std::vector<std::string>& args);
    Status pollAction(const std::string& name, const std::vector<std::string>& args);
    Result<std::uint64_t> pickQuestion(const std::string& arg) const;
    Result<std::uint64_t> pickPoll(const std::string& arg) const;

    Session& m_s;
    const StageFeature* m_stage = nullptr;
    std::string m_session; // attended session whose state is shown ("" none)
    bool m_requireApproval = false, m_moderator = false, m_loaded = false;
    std::map<std::uint64_t, proto::QuestionInfo> m_questions;
    std::map<std::uint64_t, proto::PollInfo> m_polls;
    std::set<std::uint64_t> m_myVotes;
    std::vector<proto::HandEntry> m_hands;
    bool m_handRaised = false;
    std::deque<Floating> m_floating;
    bool m_byVotes = true;
    bool m_qnaWindow = true, m_pollWindow = true;
    // The ask box and the moderator's poll form.
    std::string m_text;
    bool m_anonymous = false;
    std::string m_pollQuestion, m_pollOptions = "Yes\nNo";
    bool m_pollMultiple = false;
    std::map<std::uint64_t, std::uint32_t> m_picked; // poll -> choices ticked, not yet sent
};

} // namespace fg::client
