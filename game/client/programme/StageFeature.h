// The programme session this visitor attends, as the server says (StagePlace, StageUpdate): its
// state, page and counts, the stage panel (countdown, presenter and moderator controls,
// organiser figures) and the overflow view. Other programme panels ask it; the server decides.
#pragma once

#include "engine/core/Time.h"
#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"
#include "game/client/programme/SpeakerPhotos.h"

#include <functional>
#include <map>
#include <set>

namespace fg::client {

class ClientFeatures;

class StageFeature : public ClientFeature {
public:
    StageFeature(Session& s, ClientFeatures&) : m_s(s), m_photos(s) {}
    void registerHandlers(netclient::ClientRouter& router, PendingRequests&) override;
    void drawMenu() override;
    void drawPanels(const UiFrame&) override;
    std::optional<Status> runAction(const std::string& name,
                                    const std::vector<std::string>& args) override;
    void onJoined() override;

    // The session attended now (in its venue or its overflow), or null.
    const expo::Session* attending() const;
    // The deck page shown on the attended session's screen (0: the first, or the title card).
    std::uint32_t slide() const;
    // The server's latest word on SESSIONID, or null before any.
    const proto::StageUpdate* update(const std::string& sessionId) const;
    bool inOverflow() const { return m_place == proto::StagePlaceKind::Overflow; }
    // The server refused this visitor into SESSIONID's venue (full) and it is still running.
    bool full(const std::string& sessionId) const;
    bool presents(const std::string& sessionId) const;
    // Speaker cards with photos (the stage panel's and the agenda's).
    SpeakerPhotos& photos() { return m_photos; }
    bool moderates(const std::string& sessionId) const;

    // Requests (the server checks each and answers refusals with the reason).
    bool watchOverflow(const std::string& sessionId);
    bool leaveOverflow();
    bool command(const std::string& sessionId, proto::StageAction action);
    bool turnPage(int delta);
    bool showPage(const std::string& sessionId, std::uint32_t page);
    // A presenter's section under the presenter row (the deck upload adds one), drawn for a
    // session the visitor presents.
    using PresenterSection = std::function<void(const expo::Session&)>;
    void addPresenterSection(PresenterSection section) {
        m_presenterSections.push_back(std::move(section));
    }
    // A moderator's section under the moderator row (voice: mute the audience).
    void addModeratorSection(PresenterSection section) {
        m_moderatorSections.push_back(std::move(section));
    }

private:
    void onPlace(const proto::StagePlace& p);
    // StagePanel.cpp
    void stageWindow();
    void statusLines(const expo::Session& e, const proto::StageUpdate& u);
    void presenterRow(const expo::Session& e, const proto::StageUpdate& u);
    void moderatorRow(const expo::Session& e, const proto::StageUpdate& u);
    void figures(const proto::StageUpdate& u);
    void overflowView(const expo::Session& e, const proto::StageUpdate& u);
    void fullPrompt();
    void pageKeys(bool panelFocused);
    const expo::Session* panelSession() const;

    Session& m_s;
    std::map<std::string, proto::StageUpdate> m_updates; // by session id
    proto::StageRoles m_roles;
    std::string m_attending; // session id
    proto::StagePlaceKind m_place = proto::StagePlaceKind::None;
    std::string m_overflowWanted; // re-asked after a reconnect
    std::set<std::string> m_full; // sessions whose venue refused this visitor
    std::string m_fullPrompt;     // the session the "it is full" prompt is about
    bool m_open = false;
    std::string m_shown; // the session the panel shows when not attending (agenda, action)
    std::vector<PresenterSection> m_presenterSections;
    std::vector<PresenterSection> m_moderatorSections;
    SpeakerPhotos m_photos;
};

} // namespace fg::client
