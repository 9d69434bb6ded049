// The stage panel: state with "starting at HH:MM" and a countdown, the page, presenter and
// moderator controls, organiser figures, the overflow view and the "it is full" prompt.
// ImGui widgets only; every change is a request the server checks.
#include "engine/core/Translate.h"
#include "game/client/LocalText.h"
#include "game/client/programme/StageFeature.h"
#include "game/netclient/NetClient.h"

#include <fmt/format.h>
#include <imgui.h>

namespace fg::client {

using proto::StageWireState;

namespace {

const char* stateText(StageWireState state) {
    switch (state) {
    case StageWireState::Scheduled:
        return trMark("Scheduled");
    case StageWireState::DoorsOpen:
        return trMark("Doors open");
    case StageWireState::Live:
        return trMark("LIVE");
    case StageWireState::Ended:
        return trMark("Ended");
    }
    return "?";
}

std::string clockOf(std::int64_t unix) {
    return formatUtcTimestamp(unix).substr(11, 5);
}

// "12:05" or "1:02:05" for a countdown of SECONDS.
std::string countdown(std::int64_t seconds) {
    if (seconds < 0) seconds = 0;
    if (seconds >= 3600)
        return fmt::format("{}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
    return fmt::format("{:02}:{:02}", seconds / 60, seconds % 60);
}

bool pressed(ImGuiKey key) {
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key));
}

} // namespace

void StageFeature::drawMenu() {
    ImGui::MenuItem(trl("Stage"), nullptr, &m_open);
}

const expo::Session* StageFeature::panelSession() const {
    if (const expo::Session* e = attending()) return e;
    if (!m_s.ex) return nullptr;
    for (const auto& e : m_s.ex->sessions)
        if (e.id == m_shown) return &e;
    return nullptr;
}

void StageFeature::drawPanels(const UiFrame&) {
    fullPrompt();
    if (m_open) stageWindow();
}

void StageFeature::stageWindow() {
    ImGui::SetNextWindowPos({640, 40}, ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(uiSize(400, 470), ImGuiCond_Appearing);
    if (!ImGui::Begin(trl("Stage"), &m_open)) return ImGui::End();
    const expo::Session* e = panelSession();
    const proto::StageUpdate* u = e ? update(e->id) : nullptr;
    if (!e || !u) {
        ImGui::TextWrapped("%s", tr("You attend no session. Walk into a venue while a session is "
                                    "on, or open one from the agenda."));
        pageKeys(false);
        return ImGui::End();
    }
    if (inOverflow() && m_attending == e->id)
        overflowView(*e, *u);
    else
        statusLines(*e, *u);
    if ((!e->speakers.empty() || e->moderator) &&
        ImGui::CollapsingHeader(trl("Speakers"), ImGuiTreeNodeFlags_DefaultOpen))
        m_photos.cards(*e, 56);
    presenterRow(*e, *u);
    moderatorRow(*e, *u);
    if (moderates(e->id)) figures(*u);
    pageKeys(ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows));
    ImGui::End();
}

void StageFeature::statusLines(const expo::Session& e, const proto::StageUpdate& u) {
    ImGui::TextWrapped("%s", inUiLanguage(e.title, e.titleI18n).c_str());
    const ImVec4 red{1, 0.3f, 0.3f, 1};
    if (u.state == StageWireState::Live)
        ImGui::TextColored(red, tr("LIVE since %s UTC"), clockOf(u.liveSinceUnix).c_str());
    else
        ImGui::Text("%s", tr(stateText(u.state)));
    if (u.state == StageWireState::Scheduled || u.state == StageWireState::DoorsOpen) {
        ImGui::Text(tr("Starting at %s UTC"), clockOf(u.startUnix).c_str());
        ImGui::SameLine();
        ImGui::TextDisabled(tr("(in %s)"), countdown(u.startUnix - unixNow()).c_str());
    }
    ImGui::Text(tr("Slide %u"), u.page + 1);
    if (m_attending == e.id)
        ImGui::TextDisabled(tr("You are in the venue (%u of %u places taken)"), u.inVenue,
                            u.capacity);
    else if (full(e.id) && ImGui::Button(trl("Watch from overflow")))
        watchOverflow(e.id);
}

// The overflow view: the same session as a panel (title card, page, state).
void StageFeature::overflowView(const expo::Session& e, const proto::StageUpdate& u) {
    ImGui::TextDisabled("%s", tr("Overflow: watching from outside the venue"));
    ImGui::Separator();
    ImGui::BeginChild("screen", {0, 110}, true);
    ImGui::SetWindowFontScale(1.4f);
    ImGui::TextWrapped("%s", inUiLanguage(e.title, e.titleI18n).c_str());
    ImGui::SetWindowFontScale(1.0f);
    const std::string who = expo::speakerNames(e);
    if (!who.empty()) ImGui::TextWrapped("%s", who.c_str());
    ImGui::Text(tr("%s  -  slide %u"), tr(stateText(u.state)), u.page + 1);
    if (u.state != StageWireState::Live)
        ImGui::Text(tr("Starting at %s UTC (in %s)"), clockOf(u.startUnix).c_str(),
                    countdown(u.startUnix - unixNow()).c_str());
    ImGui::EndChild();
    if (ImGui::Button(trl("Leave the overflow"))) leaveOverflow();
}

void StageFeature::presenterRow(const expo::Session& e, const proto::StageUpdate& u) {
    if (!presents(e.id) || u.state == StageWireState::Ended) return;
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr("Presenter"));
    if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) turnPage(-1);
    ImGui::SameLine();
    ImGui::Text(tr("page %u"), u.page + 1);
    ImGui::SameLine();
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) turnPage(1);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("(arrows, PgUp/PgDn)"));
    for (const auto& section : m_presenterSections)
        section(e);
}

void StageFeature::moderatorRow(const expo::Session& e, const proto::StageUpdate& u) {
    if (!moderates(e.id)) return;
    ImGui::TextDisabled(tr("Moderator (%s)"),
                        u.autoSchedule ? tr("follows the schedule") : tr("manual"));
    if (u.state != StageWireState::Live && ImGui::Button(trl("Start session")))
        command(e.id, proto::StageAction::Start);
    if (u.state == StageWireState::Live && ImGui::Button(trl("End session")))
        command(e.id, proto::StageAction::End);
    ImGui::SameLine();
    if (!u.autoSchedule && ImGui::Button(trl("Back to schedule")))
        command(e.id, proto::StageAction::AutoOn);
    for (const auto& section : m_moderatorSections)
        section(e);
}

// Organisers and moderators: live attendance figures.
void StageFeature::figures(const proto::StageUpdate& u) {
    ImGui::Separator();
    ImGui::Text(tr("In the venue %u / %u   overflow %u"), u.inVenue, u.capacity, u.overflow);
    ImGui::Text(tr("Attendees %u   peak %u"), u.attendees, u.peak);
}

// Presenter keys: with the panel focused arrows and PgUp/PgDn; on stage PgUp/PgDn only (the
// arrows walk the avatar there).
void StageFeature::pageKeys(bool panelFocused) {
    const expo::Session* e = panelSession();
    if (!e || !presents(e->id) || ImGui::GetIO().WantTextInput) return;
    const bool onStage = m_attending == e->id && m_place == proto::StagePlaceKind::Venue;
    if (!panelFocused && !onStage) return;
    if (pressed(ImGuiKey_PageDown) || (panelFocused && pressed(ImGuiKey_RightArrow))) turnPage(1);
    if (pressed(ImGuiKey_PageUp) || (panelFocused && pressed(ImGuiKey_LeftArrow))) turnPage(-1);
}

// The server did not let this visitor into a full venue: the way to the overflow.
void StageFeature::fullPrompt() {
    if (m_fullPrompt.empty() || !full(m_fullPrompt)) return;
    ImGui::SetNextWindowPos({400, 200}, ImGuiCond_Appearing);
    bool open = true;
    if (ImGui::Begin(trl("Venue full"), &open, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text(tr("The venue of '%s' is full."), m_fullPrompt.c_str());
        if (ImGui::Button(trl("Watch from overflow"))) watchOverflow(m_fullPrompt);
    }
    ImGui::End();
    if (!open) m_fullPrompt.clear();
}

} // namespace fg::client
