// RoundtableFeature's "Speaking list" window: who has the floor with the countdown (red when over
// time), the queue in order, "Request the floor" / "Withdraw" for speakers and the moderator's
// controls. Draws only; requests go through RoundtableFeature's functions.
#include "engine/core/Translate.h"
#include "game/client/programme/StageFeature.h"
#include "game/client/roundtable/RoundtableFeature.h"
#include "game/netclient/NetClient.h"

#include <algorithm>
#include <fmt/format.h>
#include <imgui.h>

namespace fg::client {

using namespace fg::expo::proto;

namespace {

const ImVec4 kSpeakerColour{1.0f, 0.78f, 0.25f, 1.0f};
const ImVec4 kOverColour{1.0f, 0.3f, 0.25f, 1.0f};
const ImVec4 kDimColour{0.65f, 0.68f, 0.75f, 1.0f};

} // namespace

void RoundtableFeature::drawPanels(const UiFrame&) {
    if (m_window && list()) listWindow();
}

void RoundtableFeature::listWindow() {
    const SpeakingList& l = *list();
    ImGui::SetNextWindowPos({20, 330}, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(uiSize(380, 420), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin(trl("Speaking list"), &m_window)) return ImGui::End();
    ImGui::PushStyleColor(ImGuiCol_Text, kDimColour);
    ImGui::TextWrapped("%s", session()->title.c_str());
    ImGui::PopStyleColor();
    floorBlock(l);
    ImGui::Separator();
    const bool moderator = m_stage->moderates(l.sessionId);
    queueBlock(l, moderator);
    ImGui::Separator();
    if (m_stage->presents(l.sessionId)) speakerButtons(l);
    if (moderator) moderatorButtons(l);
    ImGui::End();
}

void RoundtableFeature::floorBlock(const SpeakingList& l) {
    if (!l.speaking) {
        ImGui::TextUnformatted(tr("Nobody has the floor."));
    } else {
        const std::int64_t ms = remainingMs();
        ImGui::TextUnformatted(tr("Has the floor:"));
        ImGui::SameLine();
        ImGui::TextColored(kSpeakerColour, "%s%s", l.current.name.c_str(),
                           speaking() ? tr(" (you)") : "");
        ImGui::SetWindowFontScale(2.2f);
        ImGui::TextColored(ms < 0 ? kOverColour : ImVec4(1, 1, 1, 1), "%s", floorClock(ms).c_str());
        ImGui::SetWindowFontScale(1.0f);
        if (ms < 0) {
            ImGui::SameLine();
            ImGui::TextColored(kOverColour, "%s", tr("over time"));
        }
    }
    ImGui::PushStyleColor(ImGuiCol_Text, kDimColour);
    ImGui::Text(tr("%u s per intervention; interventions %u, over time %u"), l.secondsPerTurn,
                l.interventions, l.overtimes);
    ImGui::PopStyleColor();
}

void RoundtableFeature::queueBlock(const SpeakingList& l, bool moderator) {
    ImGui::Text(tr("Waiting for the floor (%zu)"), l.queue.size());
    if (l.queue.empty()) ImGui::TextColored(kDimColour, "%s", tr("  nobody"));
    const netclient::NetClient* c = joinedClient(m_s);
    for (std::size_t i = 0; i < l.queue.size(); ++i) {
        const FloorEntry& e = l.queue[i];
        ImGui::PushID(int(i));
        const bool me = c && e.clientId != 0 && e.clientId == c->id();
        ImGui::Text("%zu. %s%s%s", i + 1, e.name.c_str(), me ? tr(" (you)") : "",
                    e.clientId ? "" : tr(" (away)"));
        if (moderator && e.clientId != 0) {
            ImGui::SameLine(ImGui::GetWindowWidth() - 170);
            if (ImGui::SmallButton(trl("Give"))) control(FloorAction::Give, e.clientId);
            ImGui::SameLine();
            if (ImGui::SmallButton(trl("Up"))) control(FloorAction::MoveUp, e.clientId);
            ImGui::SameLine();
            if (ImGui::SmallButton(trl("Down"))) control(FloorAction::MoveDown, e.clientId);
            ImGui::SameLine();
            if (ImGui::SmallButton(trl("X"))) control(FloorAction::Remove, e.clientId);
        }
        ImGui::PopID();
    }
}

void RoundtableFeature::speakerButtons(const SpeakingList&) {
    if (speaking()) {
        if (ImGui::Button(trl("Yield the floor"))) requestFloor(false);
    } else if (waiting()) {
        if (ImGui::Button(trl("Withdraw"))) requestFloor(false);
    } else if (ImGui::Button(trl("Request the floor"))) {
        requestFloor(true);
    }
}

void RoundtableFeature::moderatorButtons(const SpeakingList& l) {
    ImGui::TextColored(kDimColour, "%s", tr("Moderator"));
    if (ImGui::Button(trl("Next speaker"))) control(FloorAction::Next);
    ImGui::SameLine();
    ImGui::BeginDisabled(!l.speaking);
    if (ImGui::Button(trl("+1 min"))) control(FloorAction::AddTime, 0, 60);
    ImGui::SameLine();
    if (ImGui::Button(trl("Stop"))) control(FloorAction::Stop);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(trl("Clear"))) control(FloorAction::Clear);
    ImGui::SetNextItemWidth(110);
    ImGui::InputInt(trl("s", "s##turn"), &m_seconds, 30, 60);
    m_seconds = std::clamp(m_seconds, 1, int(kMaxTurnSeconds));
    ImGui::SameLine();
    if (ImGui::Button(trl("Set time per intervention")))
        control(FloorAction::SetTime, 0, std::uint32_t(m_seconds));
}

} // namespace fg::client
