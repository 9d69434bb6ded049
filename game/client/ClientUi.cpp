// One frame of the visitor UI: the menu bar with unread badges, then every open panel, the
// world labels, banners and the status line; a connection overlay while not joined.
// Reads and edits the Session only; ImGui widgets, no backend calls.
#include "game/client/ClientUi.h"

#include <fmt/format.h>
#include <imgui.h>

namespace fg::client {
namespace {

void menuBar(Session& s) {
    if (!ImGui::BeginMainMenuBar()) return;
    ImGui::TextColored({1, 0.8f, 0.3f, 1}, "%s", s.ex->event.name.c_str());
    ImGui::Separator();
    ImGui::MenuItem("Directory", nullptr, &s.ui.directory);
    ImGui::MenuItem("Map", nullptr, &s.ui.map);
    ImGui::MenuItem("Agenda", nullptr, &s.ui.agenda);
    int unread = 0;
    for (auto& [tab, n] : s.unread)
        unread += n;
    const std::string chat =
        unread ? fmt::format("Chat ({})###chatmenu", unread) : "Chat###chatmenu";
    ImGui::MenuItem(chat.c_str(), nullptr, &s.ui.chat);
    ImGui::MenuItem("People", nullptr, &s.ui.people);
    ImGui::MenuItem("Settings", nullptr, &s.ui.settings);
    ImGui::MenuItem("Help", nullptr, &s.ui.help);
    if (ImGui::MenuItem("Quit")) s.quit = true;
    ImGui::EndMainMenuBar();
}

void connectionOverlay(Session& s) {
    if (!s.link || s.link->state() == LinkState::Joined) return;
    if (s.link->state() == LinkState::Failed) {
        drawBlockingMessage("Could not join",
                            s.link->message() + "\n\nCheck your ticket or name and start again.");
        return;
    }
    std::string text = s.link->message().empty()
                           ? fmt::format("Connecting to {} ...", s.link->address())
                           : s.link->message();
    if (s.link->state() == LinkState::Reconnecting) {
        const double wait = std::max(0.0, s.link->nextAttemptAt() - s.now);
        text += fmt::format("\nRetrying in {:.0f} s (attempt {}). Your place will be restored.",
                            wait, s.link->attempts() + 1);
    }
    drawBlockingMessage("Connection", text);
}

} // namespace

void drawClientUi(Session& s, const UiFrame& f) {
    if (!s.ex) return;
    if (s.ui.firstRun) {
        drawFirstRun(s);
        return;
    }
    menuBar(s);
    drawLabels(s, f);
    if (s.ui.map) drawMinimap(s);
    if (s.ui.directory) drawDirectory(s);
    if (s.ui.agenda) drawAgenda(s);
    if (s.ui.chat) drawChat(s);
    if (s.ui.people) drawPeople(s);
    if (s.ui.settings) drawSettings(s);
    if (s.ui.help) drawHelp(s);
    drawBoothPanel(s);
    drawBanners(s);
    drawStatus(s, f);
    connectionOverlay(s);
}

} // namespace fg::client
