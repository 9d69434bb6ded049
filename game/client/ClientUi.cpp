// One frame of the visitor UI: the menu bar (features' entries, help, quit), the world labels,
// every feature's panels, help, banners and the status line; a connection overlay while not
// joined. ImGui widgets, no backend calls; feature state is reached only through ClientFeatures.
#include "game/client/ClientUi.h"

#include "engine/core/Translate.h"
#include "game/client/ClientFeatures.h"
#include "game/client/settings/SettingsFeature.h"

#include <algorithm>
#include <fmt/format.h>
#include <imgui.h>

namespace fg::client {
namespace {

void menuBar(Session& s, ClientFeatures& features) {
    if (!ImGui::BeginMainMenuBar()) return;
    ImGui::TextColored({1, 0.8f, 0.3f, 1}, "%s", s.ex->event.name.c_str());
    ImGui::Separator();
    features.drawMenu();
    ImGui::MenuItem(trl("Help"), nullptr, &s.help);
    if (ImGui::MenuItem(trl("Quit"))) s.quit = true;
    ImGui::EndMainMenuBar();
}

// A refused invitation code: the server's reason and the way on as a visitor.
void signInRefused(Session& s, ClientFeatures& features) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(560.0f, io.DisplaySize.x - 40), 0), ImGuiCond_Always);
    ImGui::Begin(trl("Sign-in refused"), nullptr,
                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize);
    ImGui::TextWrapped("%s", s.link->message().c_str());
    ImGui::TextWrapped("%s", tr("Check the invitation code with the organiser, or walk the fair "
                                "as a visitor (the code is not used again until you restart)."));
    auto* settings = features.find<SettingsFeature>();
    if (settings && ImGui::Button(trl("Continue as a visitor"))) settings->continueAsVisitor();
    ImGui::SameLine();
    if (settings && ImGui::Button(trl("Sign out"))) settings->signOut();
    ImGui::End();
}

void connectionOverlay(Session& s, ClientFeatures& features) {
    if (!s.link || s.link->state() == LinkState::Joined) return;
    if (s.link->credentialRefused() && !s.link->credential().empty())
        return signInRefused(s, features);
    if (s.link->state() == LinkState::Failed) {
        drawBlockingMessage(tr("Could not join"),
                            s.link->message() + "\n\n" +
                                tr("Check your ticket or name and start again."));
        return;
    }
    std::string text = s.link->message().empty() ? trf("Connecting to {} ...", s.link->address())
                                                 : s.link->message();
    if (s.link->state() == LinkState::Reconnecting) {
        const double wait = std::max(0.0, s.link->nextAttemptAt() - s.now);
        text += "\n" + trf("Retrying in {:.0f} s (attempt {}). Your place will be restored.", wait,
                           s.link->attempts() + 1);
    }
    drawBlockingMessage(tr("Connection"), text);
}

} // namespace

ImVec2 uiSize(float w, float h) {
    const float k = ImGui::GetFontSize() / 15.0f;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    return ImVec2(std::min(w * k, std::max(display.x - 20, 100.0f)),
                  std::min(h * k, std::max(display.y - 60, 100.0f)));
}

void drawHelp(Session& s) {
    ImGui::SetNextWindowPos({200, 80}, ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(uiSize(560, 420), ImGuiCond_Appearing);
    if (!ImGui::Begin(trl("Help"), &s.help)) return ImGui::End();
    ImGui::BulletText("%s", tr("W A S D / arrows: walk    Shift: run"));
    ImGui::BulletText("%s", tr("Right mouse button held: look around"));
    ImGui::BulletText("%s", tr("Click the floor: walk there    Click a booth: open its panel"));
    ImGui::BulletText("%s", tr("Menu bar: directory, map, agenda, chat, people, settings"));
    ImGui::BulletText("%s", tr("Esc: close the booth panel / poster zoom"));
    ImGui::BulletText("%s", tr("Directory and agenda: teleport to a booth or a stage"));
    ImGui::Separator();
    ImGui::TextUnformatted(tr("Keyboard"));
    ImGui::BulletText("%s", tr("N / B: walk to the next / previous booth    O or Enter: open it"));
    ImGui::BulletText("%s", tr("G: walk to the booth selected in the directory"));
    ImGui::BulletText("%s", tr("J: go to my next starred session"));
    ImGui::BulletText("%s", tr("F1 help  F2 directory  F3 agenda  F4 map"));
    ImGui::BulletText(
        "%s", tr("In a panel: arrows move, Space or Enter activates, Tab goes to the next field"));
    ImGui::BulletText("%s",
                      tr("Ctrl+Tab: next panel    Alt: the menu bar    Esc: back to the world"));
    ImGui::End();
}

void drawClientUi(Session& s, ClientFeatures& features, const UiFrame& f) {
    if (!s.ex) return;
    if (features.drawBlocking()) return;
    menuBar(s, features);
    drawLabels(s, f);
    features.drawPanels(f);
    if (s.help) drawHelp(s);
    drawBanners(s);
    drawStatus(s, f);
    connectionOverlay(s, features);
}

} // namespace fg::client
