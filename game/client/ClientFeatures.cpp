// The list of the visitor client's features (adding a capability is one line in the constructor)
// and the loops that hand them messages, actions, frames and panels. No feature logic here.
#include "game/client/ClientFeatures.h"

#include "engine/core/Log.h"
#include "game/client/agenda/AgendaFeature.h"
#include "game/client/awards/AwardsFeature.h"
#include "game/client/booth/BoothFeature.h"
#include "game/client/chat/ChatFeature.h"
#include "game/client/chat/ChatHistoryFeature.h"
#include "game/client/deckupload/DeckUploadFeature.h"
#include "game/client/directory/DirectoryFeature.h"
#include "game/client/exhibitor/ExhibitorFeature.h"
#include "game/client/keyboard/KeyboardFeature.h"
#include "game/client/map/MapFeature.h"
#include "game/client/meetings/MeetingsFeature.h"
#include "game/client/moderation/ModerationFeature.h"
#include "game/client/people/PeopleFeature.h"
#include "game/client/programme/StageFeature.h"
#include "game/client/qna/QnaFeature.h"
#include "game/client/roundtable/RoundtableFeature.h"
#include "game/client/settings/SettingsFeature.h"
#include "game/client/slides/SlidesFeature.h"
#include "game/client/staff/StaffDeskFeature.h"
#include "game/client/staff/StaffInboxFeature.h"
#include "game/client/voice/VoiceFeature.h"

#include <fmt/format.h>

namespace fg::client {

ClientFeatures::ClientFeatures(Session& session) : m_session(session) {
    // The order is the menu bar's and the panels' drawing order.
    add<DirectoryFeature>();
    add<MapFeature>();
    add<AgendaFeature>();
    add<ChatFeature>();
    add<ChatHistoryFeature>();
    add<PeopleFeature>();
    add<SettingsFeature>();
    add<BoothFeature>();
    add<ExhibitorFeature>(); // adds its section to the booth panel: after BoothFeature
    add<StaffInboxFeature>();
    add<StaffDeskFeature>();  // adds its buttons to the booth panel: after BoothFeature
    add<ModerationFeature>(); // organisers: actions on people, queues, heat map; reports
    add<MeetingsFeature>();   // adds its section to the booth panel: after BoothFeature
    add<StageFeature>();      // the session attended; programme panels ask it
    add<SlidesFeature>();     // venue screens and the slide viewer: after StageFeature
    add<QnaFeature>();        // questions, polls, reactions, hands: after StageFeature
    add<RoundtableFeature>(); // the speaking list: after StageFeature
    add<DeckUploadFeature>(); // "Upload deck" in the stage panel: after StageFeature
    add<KeyboardFeature>();   // keyboard shortcuts' actions (focused booth, next session)
    add<AwardsFeature>();     // Awards and jury panels, booth panel section: after Booth, Stage
    add<VoiceFeature>();      // sections in Settings, people and stage panels: after them all
    m_router.on<proto::ActionResult>(
        [this](proto::ActionResult& r) { onActionResult(m_session, r); });
    m_router.on<proto::Announcement>(
        [this](proto::Announcement& a) { onAnnouncement(m_session, a); });
    for (auto& f : m_features)
        f->registerHandlers(m_router, m_session.pending);
}

void ClientFeatures::dispatch(std::vector<proto::Message>& inbox) {
    for (proto::Message& m : inbox)
        if (!m_router.dispatch(m) && m_router.unhandled(m.index()) == 1)
            log::debug("client: no handler for {} (ignored)", proto::messageName(m.index()));
}

Status ClientFeatures::runAction(const std::string& name, const std::vector<std::string>& args) {
    if (auto done = runCoreAction(m_session, name, args)) return *done;
    for (auto& f : m_features)
        if (auto done = f->runAction(name, args)) return *done;
    return makeError(fmt::format("unknown action '{}'", name));
}

void ClientFeatures::drawMenu() {
    for (auto& f : m_features)
        f->drawMenu();
}

void ClientFeatures::drawPanels(const UiFrame& frame) {
    for (auto& f : m_features)
        f->drawPanels(frame);
}

bool ClientFeatures::drawBlocking() {
    for (auto& f : m_features)
        if (f->drawBlocking()) return true;
    return false;
}

void ClientFeatures::onJoined() {
    for (auto& f : m_features)
        f->onJoined();
}

void ClientFeatures::update() {
    for (auto& f : m_features)
        f->update();
}

} // namespace fg::client
