// The SME awards in the client: the categories as the server shows them to this person
// (AwardsState), the reveal's countdown and winner, the Awards, jury and reveal panels, script
// actions and what the world draws (board, ribbons, trophies, stage screen). The server decides.
#pragma once

#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"
#include "game/client/programme/SpeakerPhotos.h"
#include "game/scene/ExhibitionScene.h"

#include <map>
#include <optional>

namespace fg::client {

class ClientFeatures;
class StageFeature;

// A reveal as the stage screen shows it: the countdown, then the winner.
struct ShownReveal {
    const expo::AwardCategory* category = nullptr;
    std::string venue;      // the ceremony's venue (empty when the category has no ceremony)
    int secondsLeft = 0;    // above 0: still counting down
    std::string winner;     // the booth, once revealed
    std::string winnerName; // its exhibitor's name
};

// The ceremony venue's main screen during a reveal: the countdown, then the winner.
struct ShownRevealScreen {
    const expo::Hall* hall = nullptr;
    const expo::Venue* venue = nullptr;
    scene::ExhibitionScene::BoardView board;
};

class AwardsFeature : public ClientFeature {
public:
    AwardsFeature(Session& s, ClientFeatures& host);
    void registerHandlers(netclient::ClientRouter& router, PendingRequests& pending) override;
    void drawMenu() override;
    void drawPanels(const UiFrame&) override;
    std::optional<Status> runAction(const std::string& name,
                                    const std::vector<std::string>& args) override;
    void onJoined() override;

    // The server's word on CATEGORY for this person, or null before it came.
    const proto::AwardStatus* status(const std::string& category) const;
    // The categories booth ID is a finalist of (from the exhibition), and those it has won.
    std::vector<const expo::AwardCategory*> finalistOf(const std::string& booth) const;
    std::vector<const expo::AwardCategory*> wonBy(const std::string& booth) const;
    // The latest reveal while it counts down or its winner is known; nullopt before any.
    std::optional<ShownReveal> reveal() const;
    // What the visitor's hall shows (boards, ribbons, trophies) and the ceremony screen during a
    // reveal (AwardsWorld.cpp).
    scene::ExhibitionScene::AwardsView world() const;
    std::optional<ShownRevealScreen> revealScreen() const;
    // The exhibitor's name of booth ID (the id when unknown).
    std::string boothName(const std::string& booth) const;

    // Requests (the server checks each; a refusal's reason is kept per category and shown).
    bool refresh();
    bool vote(const std::string& category, const std::string& booth);
    bool score(const std::string& category, const std::string& booth,
               const std::vector<std::uint8_t>& scores);
    bool revealWinner(const std::string& category, std::uint32_t countdown);
    // Walks to the booth (teleports when it is in another hall) and opens its panel.
    bool goTo(const std::string& booth);
    // The person may start CATEGORY's reveal: an organiser, or its ceremony's moderator.
    bool mayReveal(const expo::AwardCategory& a) const;

private:
    struct Reveal {
        std::string category;
        std::uint32_t countdown = 0;
        double at = 0; // Session::now when the countdown arrived
        std::string winner;
    };
    void onResult(const AwardsPending& p, const proto::ActionResult& r);
    void onRevealed(const proto::AwardRevealed& m);
    std::vector<int>& sliders(const expo::AwardCategory& a, const std::string& booth);
    // AwardsPanel.cpp
    void awardsWindow();
    void categoryTab(const expo::AwardCategory& a);
    void votingLine(const expo::AwardCategory& a, const proto::AwardStatus* st);
    void finalistRow(const expo::AwardCategory& a, std::size_t index, const proto::AwardStatus* st);
    void pitchBlock(const expo::AwardPitch& pitch);
    void revealRow(const expo::AwardCategory& a, const proto::AwardStatus* st);
    void videoConfirm();
    void boothSection(const expo::Booth& b);
    // JuryPanel.cpp
    void juryWindow();
    void juryCategory(const expo::AwardCategory& a, const proto::AwardStatus& st);
    void juryFinalist(const expo::AwardCategory& a, const proto::AwardStatus& st,
                      const std::string& booth);
    // AwardsActions.cpp
    Status scoreAction(const std::vector<std::string>& args);
    Status revealAction(const std::vector<std::string>& args);
    void logView() const;

    Session& m_s;
    ClientFeatures& m_host;
    const StageFeature* m_stage = nullptr;
    SpeakerPhotos m_posters;
    std::optional<proto::AwardsState> m_state;
    std::map<std::string, std::string> m_refusals;     // category -> the server's reason
    std::map<std::string, std::vector<int>> m_sliders; // "category/booth" -> 1..10 each
    std::optional<Reveal> m_reveal;
    bool m_window = false, m_jury = false;
    std::string m_tab;              // the category tab a script selected (empty: ImGui's choice)
    std::string m_confirmVideo;     // a pitch video awaiting "open in browser?"
    int m_countdown = 5;            // the reveal's countdown field, seconds
    bool m_scrollToSection = false; // the booth panel scrolls to its awards section once
};

} // namespace fg::client
