// Settings window, first-run form and the settings action. ImGui widgets over the core's
// profile; applying and saving is ClientApp's (it owns the renderer and the profile file).
#include "game/client/settings/SettingsFeature.h"

#include "engine/core/Translate.h"
#include "game/netclient/ServerPins.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <imgui.h>
#include <imgui_stdlib.h>
#include <utility>

namespace fg::client {
namespace {

constexpr const char* kMsaaChoices = "1x\0"
                                     "2x\0"
                                     "4x\0"
                                     "8x\0";

// "From the system (Français)", "English", "Français": applied at once, kept in client.json.
bool languageCombo(std::string& language) {
    const std::string system = trf("From the system ({})", languageName(systemLanguage()));
    const std::string current = language.empty() ? system : std::string(languageName(language));
    if (!ImGui::BeginCombo(trl("Language"), current.c_str())) return false;
    bool changed = false;
    if (ImGui::Selectable(system.c_str(), language.empty())) language.clear(), changed = true;
    for (const std::string& code : uiLanguages())
        if (ImGui::Selectable(std::string(languageName(code)).c_str(), language == code))
            language = code, changed = true;
    ImGui::EndCombo();
    if (changed) setUiLanguage(language.empty() ? systemLanguage() : language);
    return changed;
}

} // namespace

bool SettingsFeature::takeProfileChanged() {
    if (!m_changed || m_firstRun) return false;
    m_changed = false;
    return true;
}

bool SettingsFeature::takeSignInChanged() {
    return std::exchange(m_signInChanged, false);
}

Status SettingsFeature::signIn(const std::string& code) {
    // "TOKEN@SERVERKEY" or a bare token; a broken key part is refused here, not at the server.
    if (auto parsed = netclient::parseInvitation(code); !parsed) {
        toast(m_s, parsed.error().message, true);
        return parsed.error();
    }
    m_s.profile.token = code;
    m_s.visitorOnly = false;
    m_signInChanged = true;
    return {};
}

void SettingsFeature::signOut() {
    m_s.profile.token.clear();
    m_signInChanged = true;
}

void SettingsFeature::continueAsVisitor() {
    m_s.visitorOnly = true;
    m_signInChanged = true;
}

std::optional<Status> SettingsFeature::runAction(const std::string& name,
                                                 const std::vector<std::string>& args) {
    if (name == "sign-in") {
        if (Status st = needArgs(name, args, 1); !st) return st;
        return signIn(args[0]);
    }
    if (name == "sign-out") return signOut(), Status{};
    if (name == "continue-as-visitor") return continueAsVisitor(), Status{};
    if (name == "ui-scale" || name == "high-contrast") return lookAction(name, args);
    if (name != "settings") return std::nullopt;
    m_open = !m_open;
    return Status{};
}

// The role is the server's answer to the code; this only keeps or drops the code.
void SettingsFeature::signInSection() {
    ImGui::Separator();
    if (m_s.profile.token.empty()) {
        // A visitor ticket (fgt_) and an exhibitor or organiser token (fgx_) go in the same field.
        ImGui::TextUnformatted(tr("Sign in with your ticket or invitation code:"));
        ImGui::InputText("##code", &m_code, ImGuiInputTextFlags_CharsNoBlank);
        ImGui::SameLine();
        ImGui::BeginDisabled(m_code.empty());
        if (ImGui::Button(trl("Sign in"))) (void)signIn(std::exchange(m_code, {}));
        ImGui::EndDisabled();
        return;
    }
    ImGui::Text(tr("Invitation code %.8s... is kept on this computer"), m_s.profile.token.c_str());
    if (ImGui::Button(trl("Sign out"))) signOut();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("(joins again as a visitor)"));
}

void SettingsFeature::drawMenu() {
    ImGui::MenuItem(trl("Settings"), nullptr, &m_open);
}

void SettingsFeature::drawPanels(const UiFrame&) {
    if (!m_open) return;
    ImGui::SetNextWindowPos({300, 100}, ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(uiSize(420, m_sections.empty() ? 330 : 560), ImGuiCond_Appearing);
    if (!ImGui::Begin(trl("Settings"), &m_open)) return ImGui::End();
    ClientSettings& c = m_s.profile.settings;
    bool changed = false;
    changed |= ImGui::InputText(trl("Display name (next join)"), &m_s.profile.name);
    int msaaIndex = c.msaa >= 8 ? 3 : c.msaa >= 4 ? 2 : c.msaa >= 2 ? 1 : 0;
    if (ImGui::Combo(trl("MSAA (next start)"), &msaaIndex, kMsaaChoices)) {
        c.msaa = 1u << msaaIndex;
        changed = true;
    }
    changed |= ImGui::Checkbox(trl("Shadows"), &c.shadows);
    float percent = c.resolutionScale * 100.0f;
    if (ImGui::SliderFloat(trl("Resolution scale"), &percent, 25.0f, 100.0f, "%.0f%%")) {
        c.resolutionScale = std::round(percent / 5.0f) * 0.05f; // steps of 5 %
        changed = true;
    }
    changed |= ImGui::SliderFloat(trl("Mouse sensitivity"), &c.mouseSensitivity, 0.02f, 0.6f);
    changed |= ImGui::Checkbox(trl("Show connection and FPS"), &c.showStats);
    changed |= uiLookSection(c);
    changed |= languageCombo(c.language);
    if (changed) m_changed = true;
    signInSection();
    for (const auto& section : m_sections)
        section();
    ImGui::TextDisabled(tr("Saved to %s"), m_s.profileFile.string().c_str());
    ImGui::End();
}

// ui-scale PCT|auto, high-contrast on|off: what the Settings controls set, saved the same way.
Status SettingsFeature::lookAction(const std::string& name, const std::vector<std::string>& args) {
    if (Status st = needArgs(name, args, 1); !st) return st;
    ClientSettings& c = m_s.profile.settings;
    if (name == "high-contrast") {
        if (args[0] != "on" && args[0] != "off") return makeError("high-contrast: on or off");
        c.highContrast = args[0] == "on";
    } else if (args[0] == "auto") {
        c.uiScale = 0;
    } else {
        char* end = nullptr;
        const long percent = std::strtol(args[0].c_str(), &end, 10);
        if (!end || *end || percent < 75 || percent > 200)
            return makeError("ui-scale: a percentage from 75 to 200, or auto");
        c.uiScale = int(percent);
    }
    m_changed = true;
    return {};
}

// UI scale in steps of 25 % (each step rebuilds the font atlas at that size) and the theme.
bool SettingsFeature::uiLookSection(ClientSettings& c) {
    bool changed = false;
    bool follow = c.uiScale == 0;
    if (ImGui::Checkbox(trl("UI scale follows the monitor"), &follow)) {
        c.uiScale = follow ? 0 : 100;
        changed = true;
    }
    if (!follow) {
        int percent = c.uiScale;
        if (ImGui::SliderInt(trl("UI scale"), &percent, 75, 200, "%d%%")) {
            const int stepped = std::clamp((percent + 12) / 25 * 25, 75, 200);
            changed = stepped != c.uiScale;
            c.uiScale = stepped;
        }
    }
    changed |= ImGui::Checkbox(trl("High contrast"), &c.highContrast);
    return changed;
}

bool SettingsFeature::drawBlocking() {
    if (!m_firstRun) return false;
    VisitorProfile& p = m_s.profile;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::Begin(trl("Welcome to the fair"), nullptr,
                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse);
    ImGui::TextWrapped(
        "%s",
        tr("Tell other visitors and exhibitors who you are. This is remembered on this computer."));
    ImGui::InputText(trl("Display name"), &p.name);
    ImGui::InputText(trl("Organisation"), &p.organisation);
    ImGui::InputText(trl("E-mail (for business cards)"), &p.email);
    ImGui::InputText(trl("Country code (e.g. VN)"), &p.country, ImGuiInputTextFlags_CharsUppercase);
    float rgb[3] = {float((p.color >> 16) & 255) / 255.0f, float((p.color >> 8) & 255) / 255.0f,
                    float(p.color & 255) / 255.0f};
    if (ImGui::ColorEdit3(trl("Avatar colour"), rgb))
        p.color = (std::uint32_t(rgb[0] * 255) << 16) | (std::uint32_t(rgb[1] * 255) << 8) |
                  std::uint32_t(rgb[2] * 255);
    ImGui::InputText(trl("Sign in with an invitation code (optional)"), &p.token,
                     ImGuiInputTextFlags_CharsNoBlank);
    const std::string problem = checkProfile(p);
    if (!problem.empty()) ImGui::TextColored({1, 0.6f, 0.4f, 1}, "%s", problem.c_str());
    ImGui::BeginDisabled(!problem.empty());
    if (ImGui::Button(trl("Enter the fair"))) {
        m_firstRun = false;
        m_changed = true;
    }
    ImGui::EndDisabled();
    ImGui::End();
    return true;
}

} // namespace fg::client
