// VoiceFeature's ImGui: the Settings section (devices, mode, level meter, microphone test), the
// people panel's per-person row, the stage panel's audience mute, the speaking marks over
// avatars and the microphone state above the status bar. Widgets only; requests go through
// VoiceFeature.cpp.
#include "engine/core/Translate.h"
#include "game/client/SceneKit.h"
#include "game/client/voice/VoiceFeature.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <imgui.h>

namespace fg::client {

namespace {

constexpr ImU32 kSpeakingGreen = IM_COL32(60, 210, 90, 255);

// A device choice: "(default)" first, then the system's names; true when one was picked.
bool deviceCombo(const char* label, const std::vector<std::string>& names, std::string& chosen) {
    bool picked = false;
    if (!ImGui::BeginCombo(label, chosen.empty() ? tr("(default)") : chosen.c_str())) return false;
    if (ImGui::Selectable(trl("(default)"), chosen.empty())) chosen.clear(), picked = true;
    for (const std::string& name : names)
        if (ImGui::Selectable(name.c_str(), name == chosen)) chosen = name, picked = true;
    ImGui::EndCombo();
    return picked;
}

// The voice::frameLevel scale (127 + dBov) shown as a bar over -60..0 dBov.
float meterFraction(std::uint8_t level) {
    return std::clamp((float(level) - 67.0f) / 60.0f, 0.0f, 1.0f);
}

// A speaker's mark: a green disc with two sound arcs at P (screen pixels).
void speakingMark(ImDrawList* dl, glm::vec2 p, float pulse) {
    const ImVec2 c(p.x, p.y);
    dl->AddCircleFilled(c, 9.0f, IM_COL32(0, 0, 0, 160));
    dl->AddCircleFilled(c, 6.0f + pulse, kSpeakingGreen);
    for (int i = 1; i <= 2; ++i) {
        const float r = 8.0f + 5.0f * float(i) + pulse;
        dl->PathArcTo(c, r, -0.7f, 0.7f, 8);
        dl->PathStroke(kSpeakingGreen, 0, 2.5f);
        dl->PathArcTo(c, r, 3.14159f - 0.7f, 3.14159f + 0.7f, 8);
        dl->PathStroke(kSpeakingGreen, 0, 2.5f);
    }
}

} // namespace

void VoiceFeature::drawPanels(const UiFrame& f) {
    drawSpeakingMarks(f);
    drawMicState();
}

void VoiceFeature::drawSettings() {
    ImGui::Separator();
    ImGui::TextUnformatted(tr("Voice"));
    ImGui::Text(tr("Device: %s%s"), m_device->name().c_str(),
                m_device->hrtf() ? tr(" (HRTF)") : "");
    if (!m_devicesListed) m_devices = audio::listAudioDevices(), m_devicesListed = true;
    bool reopen = deviceCombo("Microphone", m_devices.inputs, m_spec.input);
    reopen |= deviceCombo("Speakers", m_devices.outputs, m_spec.output);
    if (reopen)
        if (Status st = reopenSystemDevice(); !st) toast(m_s, st.error().message, true);
    int mode = m_mode == MicMode::PushToTalk ? 0 : 1;
    if (ImGui::RadioButton(trl("Push to talk (hold V)"), &mode, 0)) setMode(MicMode::PushToTalk);
    ImGui::SameLine();
    if (ImGui::RadioButton(trl("Open microphone"), &mode, 1)) setMode(MicMode::Open);
    if (m_mode == MicMode::Open) {
        int threshold = m_activity.threshold;
        if (ImGui::SliderInt(trl("Speech above (level)"), &threshold, 40, 120))
            m_activity.threshold = std::uint8_t(threshold);
    }
    const float fraction = meterFraction(m_inputLevel);
    ImGui::ProgressBar(fraction, ImVec2(-1, 0),
                       trf("input {} dB", int(m_inputLevel) - 127).c_str());
    ImGui::Checkbox(trl("Mute my microphone"), &m_selfMuted);
    ImGui::SameLine();
    if (ImGui::Checkbox(trl("Test microphone (hear yourself)"), &m_testMic) && !m_testMic)
        m_device->remove(kSelfTestVoice);
}

void VoiceFeature::drawPersonVoice(const netclient::RemoteAvatar& r) {
    PersonVoice& pv = m_people[r.id];
    ImGui::SameLine();
    if (speaking(r.id))
        ImGui::TextColored(ImVec4(0.25f, 0.85f, 0.35f, 1), "%s", tr("((speaking))"));
    else
        ImGui::TextDisabled("            ");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(70);
    float percent = pv.volume * 100.0f;
    if (ImGui::SliderFloat("##vol", &percent, 0.0f, 200.0f, "%.0f%%")) pv.volume = percent / 100;
    ImGui::SameLine();
    ImGui::Checkbox(trl("Silence"), &pv.muted);
    if (!canMute()) return;
    ImGui::SameLine();
    if (ImGui::SmallButton(trl("Mute voice")))
        mutePerson(r.id, true, std::uint32_t(m_muteMinutes) * 60);
    ImGui::SameLine();
    if (ImGui::SmallButton(trl("Unmute"))) mutePerson(r.id, false, 0);
}

void VoiceFeature::drawStageSection(const expo::Session& e) {
    if (moderatedSession() != &e) return; // only the session attended: the server's scope
    ImGui::TextDisabled("%s", tr("Audience voice"));
    ImGui::SetNextItemWidth(90);
    ImGui::SliderInt(trl("minutes (0: until lifted)"), &m_muteMinutes, 0, 60);
    if (ImGui::Button(trl("Mute the audience")))
        muteAudience(true, std::uint32_t(m_muteMinutes) * 60);
    ImGui::SameLine();
    if (ImGui::Button(trl("Unmute the audience"))) muteAudience(false, 0);
}

// Over each remote avatar that is speaking, above its name label.
void VoiceFeature::drawSpeakingMarks(const UiFrame& f) {
    if (!m_s.ex || m_s.hall >= m_s.ex->halls.size()) return;
    const expo::Hall& hall = m_s.ex->halls[m_s.hall];
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const float pulse = 1.5f * float(std::sin(m_s.now * 8.0) + 1.0);
    for (const auto& r : m_s.remotes) {
        if (!speaking(r.id) || m_people[r.id].muted) continue;
        glm::vec2 p;
        if (projectToScreen(f.camera, f.viewSize, toWorld(hall, r.position, 2.15f), p))
            speakingMark(dl, {p.x, p.y - 30.0f}, pulse);
    }
}

// The microphone's state, right above the status bar's right end.
void VoiceFeature::drawMicState() {
    const ImGuiIO& io = ImGui::GetIO();
    std::string text;
    ImVec4 color(0.75f, 0.75f, 0.75f, 1);
    if (mutedByServer()) {
        text = "MIC: " + mutedText();
        color = ImVec4(1, 0.45f, 0.35f, 1);
    } else if (m_selfMuted) {
        text = "MIC: muted";
        color = ImVec4(1, 0.6f, 0.3f, 1);
    } else if (m_device->name() == "null") {
        text = "MIC: none (no audio device)";
    } else if (m_talking) {
        text = stageFlag() ? "MIC: on air (stage)" : "MIC: talking";
        color = ImVec4(0.3f, 0.95f, 0.4f, 1);
    } else {
        text = m_mode == MicMode::PushToTalk ? "MIC: hold V to talk" : "MIC: open, listening";
    }
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 8, io.DisplaySize.y - 30), ImGuiCond_Always,
                            ImVec2(1, 1));
    ImGui::Begin("##mic", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::TextColored(color, "%s", text.c_str());
    ImGui::End();
}

} // namespace fg::client
