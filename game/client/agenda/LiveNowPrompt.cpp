// The agenda's word on what is live now, from the server (StageUpdate), not the schedule: the
// row's LIVE NOW badge and the "Live now" prompt with "Go" that greets a visitor who is not in
// the session. ImGui widgets and the agenda's own state only; the server starts sessions.
#include "engine/core/Translate.h"
#include "game/client/ClientFeatures.h"
#include "game/client/LocalText.h"
#include "game/client/agenda/AgendaFeature.h"
#include "game/client/programme/StageFeature.h"

#include <algorithm>
#include <fmt/format.h>
#include <imgui.h>

namespace fg::client {

std::optional<proto::StageWireState> AgendaFeature::serverState(const std::string& id) const {
    const auto* stage = m_features.find<StageFeature>();
    const proto::StageUpdate* u = stage ? stage->update(id) : nullptr;
    if (!u) return std::nullopt;
    return u->state;
}

// A session the server says is live, that this visitor neither attends nor was told about.
void AgendaFeature::watchLive() {
    const auto* stage = m_features.find<StageFeature>();
    const expo::Session* attending = stage ? stage->attending() : nullptr;
    for (const expo::Session& e : m_s.ex->sessions) {
        if (serverState(e.id) != proto::StageWireState::Live) continue;
        if (attending && attending->id == e.id) continue;
        if (std::find(m_toldLive.begin(), m_toldLive.end(), e.id) != m_toldLive.end()) continue;
        m_toldLive.push_back(e.id);
        m_livePrompt = e.id;
        return;
    }
}

void AgendaFeature::livePromptWindow() {
    const expo::Session* e = m_livePrompt ? expo::findSession(*m_s.ex, *m_livePrompt) : nullptr;
    if (!e || serverState(e->id) != proto::StageWireState::Live) return m_livePrompt.reset();
    const auto* stage = m_features.find<StageFeature>();
    if (stage && stage->attending() == e) return m_livePrompt.reset(); // arrived
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, 40), ImGuiCond_Always, ImVec2(0.5f, 0));
    bool open = true;
    if (ImGui::Begin(trl("Live now", "agendalive"), &open,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
        ImGui::TextColored({1, 0.3f, 0.3f, 1}, "%s", tr("LIVE NOW"));
        ImGui::SameLine();
        ImGui::Text("\"%s\"", inUiLanguage(e->title, e->titleI18n).c_str());
        const std::string who = expo::speakerNames(*e);
        if (!who.empty()) ImGui::TextDisabled("%s", who.c_str());
        if (ImGui::Button(trl("Go"))) {
            teleportToVenue(m_s, e->venue);
            open = false;
        }
        ImGui::SameLine();
        if (ImGui::Button(trl("Agenda"))) {
            showSession(*e);
            open = false;
        }
        ImGui::SameLine();
        if (ImGui::Button(trl("Later"))) open = false;
    }
    ImGui::End();
    if (!open) m_livePrompt.reset();
}

// Opens the agenda on E's day with its details open.
void AgendaFeature::showSession(const expo::Session& e) {
    m_open = true;
    m_mineOnly = false;
    m_day = -1;
    const UnixSeconds day = e.start - ((e.start % 86400) + 86400) % 86400;
    m_dayWanted = day;
    m_openDetails = e.id;
}

} // namespace fg::client
