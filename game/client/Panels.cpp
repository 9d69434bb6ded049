// Wayfinding and social panels: exhibitor directory (search, filters, teleport), agenda by day
// (live now, go to stage), chat (hall, booth, direct, unread badges), people nearby, settings
// and help. ImGui widgets over the Session; actions go through ClientState functions.
#include "game/client/ClientUi.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <glm/geometric.hpp>
#include <imgui.h>
#include <imgui_stdlib.h>
#include <set>

namespace fg::client {
namespace {

bool containsNoCase(const std::string& hay, const std::string& needle) {
    if (needle.empty()) return true;
    auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) ==
               std::tolower(static_cast<unsigned char>(b));
    });
    return it != hay.end();
}

bool combo(const char* label, std::string& value, const std::set<std::string>& options) {
    bool changed = false;
    if (ImGui::BeginCombo(label, value.empty() ? "(all)" : value.c_str())) {
        if (ImGui::Selectable("(all)", value.empty())) value.clear(), changed = true;
        for (const auto& o : options)
            if (ImGui::Selectable(o.c_str(), o == value)) value = o, changed = true;
        ImGui::EndCombo();
    }
    return changed;
}

void placeWindow(ImVec2 pos, ImVec2 size) {
    ImGui::SetNextWindowPos(pos, ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
}

} // namespace

void drawDirectory(Session& s) {
    placeWindow({10, 40}, {520, 420});
    if (!ImGui::Begin("Exhibitor directory", &s.ui.directory)) return ImGui::End();
    std::set<std::string> sectors, countries;
    for (const auto& x : s.ex->exhibitors)
        sectors.insert(x.sector), countries.insert(x.country);
    ImGui::InputTextWithHint("##search", "Search by name", &s.directorySearch);
    combo("Sector", s.directorySector, sectors);
    combo("Country", s.directoryCountry, countries);
    ImGui::Separator();
    if (ImGui::BeginTable("dir", 4,
                          ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                              ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Company");
        ImGui::TableSetupColumn("Country");
        ImGui::TableSetupColumn("Sector");
        ImGui::TableSetupColumn("");
        ImGui::TableHeadersRow();
        for (const auto& b : s.ex->booths) {
            const expo::Exhibitor* x = expo::findExhibitor(*s.ex, b.exhibitor);
            if (!x || !containsNoCase(x->name, s.directorySearch)) continue;
            if (!s.directorySector.empty() && x->sector != s.directorySector) continue;
            if (!s.directoryCountry.empty() && x->country != s.directoryCountry) continue;
            ImGui::PushID(b.id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(x->name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(x->country.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(x->sector.c_str());
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("Go")) teleportToBooth(s, b.id), openBooth(s, b.id);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

namespace {

// Days (00:00Z) that have sessions, sorted: an event can run for months with a few busy days.
std::vector<UnixSeconds> sessionDays(const expo::Exhibition& ex) {
    std::set<UnixSeconds> days;
    for (const expo::Session& e : ex.sessions)
        days.insert(e.start - ((e.start % 86400) + 86400) % 86400);
    return {days.begin(), days.end()};
}

void agendaDayPicker(Session& s, const std::vector<UnixSeconds>& days, UnixSeconds now) {
    if (s.agendaDay < 0 || s.agendaDay >= int(days.size())) {
        // Default: today when it has sessions, else the next day that does, else the last.
        s.agendaDay = int(days.size()) - 1;
        for (std::size_t i = 0; i < days.size(); ++i)
            if (days[i] + 86400 > now) {
                s.agendaDay = int(i);
                break;
            }
    }
    const std::string current = formatDate(days[std::size_t(s.agendaDay)]);
    if (ImGui::ArrowButton("##prev", ImGuiDir_Left) && s.agendaDay > 0) --s.agendaDay;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(160);
    if (ImGui::BeginCombo("##day", current.c_str())) {
        for (std::size_t i = 0; i < days.size(); ++i)
            if (ImGui::Selectable(formatDate(days[i]).c_str(), int(i) == s.agendaDay))
                s.agendaDay = int(i);
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::ArrowButton("##next", ImGuiDir_Right) && s.agendaDay + 1 < int(days.size()))
        ++s.agendaDay;
    ImGui::SameLine();
    ImGui::TextDisabled("day %d of %zu with sessions", s.agendaDay + 1, days.size());
}

void agendaRow(Session& s, const expo::Session& e, UnixSeconds now) {
    ImGui::PushID(e.id.c_str());
    const SessionTiming t = timingOf(e, now);
    const std::string when =
        formatUtcTimestamp(e.start).substr(11, 5) + "-" + formatUtcTimestamp(e.end).substr(11, 5);
    if (t == SessionTiming::Live)
        ImGui::TextColored({1, 0.3f, 0.3f, 1}, "LIVE NOW");
    else
        ImGui::TextDisabled(t == SessionTiming::Past ? "ended" : "upcoming");
    ImGui::SameLine(90);
    ImGui::Text("%s UTC", when.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Go to stage")) teleportToVenue(s, e.venue);
    // Titles and speaker lists are long: wrap them under the time instead of cutting them off.
    std::string who;
    for (const auto& sp : e.speakers)
        who += (who.empty() ? "" : ", ") + sp;
    ImGui::Indent(90);
    ImGui::TextWrapped("%s", e.title.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s at %s%s%s", expo::toString(e.kind), e.venue.c_str(),
                       who.empty() ? "" : ": ", who.c_str());
    ImGui::PopStyleColor();
    ImGui::Unindent(90);
    ImGui::Spacing();
    ImGui::PopID();
}

} // namespace

SessionTiming timingOf(const expo::Session& session, UnixSeconds now) {
    if (now >= session.end) return SessionTiming::Past;
    return now >= session.start ? SessionTiming::Live : SessionTiming::Upcoming;
}

void drawAgenda(Session& s) {
    placeWindow({10, 40}, {620, 400});
    if (!ImGui::Begin("Agenda", &s.ui.agenda)) return ImGui::End();
    const UnixSeconds now = unixNow() + s.eventClockOffset;
    ImGui::Text("Event clock: %s", formatUtcTimestamp(now).c_str());
    const std::vector<UnixSeconds> days = sessionDays(*s.ex);
    if (days.empty()) {
        ImGui::TextDisabled("No sessions in the programme.");
        return ImGui::End();
    }
    agendaDayPicker(s, days, now);
    ImGui::Separator();
    const UnixSeconds dayStart = days[std::size_t(s.agendaDay)];
    ImGui::BeginChild("sessions");
    for (const expo::Session& e : s.ex->sessions)
        if (e.start >= dayStart && e.start < dayStart + 86400) agendaRow(s, e, now);
    ImGui::EndChild();
    ImGui::End();
}

void drawChat(Session& s) {
    placeWindow({10, 300}, {440, 300});
    if (!ImGui::Begin("Chat", &s.ui.chat)) return ImGui::End();
    const std::pair<ChatTab, const char*> tabs[] = {
        {ChatTab::Hall, "Hall"}, {ChatTab::Booth, "Booth"}, {ChatTab::Direct, "Direct"}};
    for (auto [tab, name] : tabs) {
        if (tab != ChatTab::Hall) ImGui::SameLine();
        const int unread = s.unread[tab];
        const std::string label = unread ? fmt::format("{} ({})###{}", name, unread, name)
                                         : fmt::format("{}###{}", name, name);
        if (ImGui::RadioButton(label.c_str(), s.chatTab == tab)) s.chatTab = tab;
    }
    s.unread[s.chatTab] = 0;
    ImGui::BeginChild("lines", ImVec2(0, -30), true);
    for (const ChatLine& l : s.chat) {
        const bool show = (s.chatTab == ChatTab::Hall && l.scope == proto::ChatScope::Hall) ||
                          (s.chatTab == ChatTab::Booth && l.scope == proto::ChatScope::Booth) ||
                          (s.chatTab == ChatTab::Direct && l.scope == proto::ChatScope::Direct);
        if (!show) continue;
        ImGui::TextColored(l.mine ? ImVec4(0.6f, 0.9f, 0.6f, 1) : ImVec4(0.6f, 0.8f, 1, 1), "%s%s:",
                           l.boothId.empty() || l.scope != proto::ChatScope::Booth
                               ? ""
                               : ("[" + l.boothId + "] ").c_str(),
                           l.fromName.c_str());
        ImGui::SameLine();
        ImGui::TextWrapped("%s", l.text.c_str());
    }
    if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY()) ImGui::SetScrollHereY(1.0f);
    ImGui::EndChild();
    static std::string input;
    const bool send = ImGui::InputText("##say", &input, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button("Send") || send) && sendChat(s, input)) input.clear();
    ImGui::End();
}

void drawPeople(Session& s) {
    placeWindow({460, 300}, {300, 260});
    if (!ImGui::Begin("People nearby", &s.ui.people)) return ImGui::End();
    std::vector<std::pair<float, const netclient::RemoteAvatar*>> near;
    for (const auto& r : s.remotes)
        near.push_back({glm::distance(r.position, s.avatar->position()), &r});
    std::sort(near.begin(), near.end(), [](auto& a, auto& b) { return a.first < b.first; });
    for (auto [d, r] : near) {
        ImGui::PushID(r->id);
        ImGui::Text("%5.1f m  %s %s %s", d, r->info ? r->info->name.c_str() : "?",
                    r->info ? r->info->country.c_str() : "",
                    r->info ? proto::toString(r->info->role) : "");
        ImGui::SameLine();
        if (ImGui::SmallButton("Message")) {
            s.directTo = r->id;
            s.chatTab = ChatTab::Direct;
            s.ui.chat = true;
        }
        ImGui::PopID();
    }
    if (near.empty()) ImGui::TextDisabled("Nobody in view.");
    ImGui::End();
}

void drawSettings(Session& s) {
    placeWindow({300, 100}, {380, 260});
    if (!ImGui::Begin("Settings", &s.ui.settings)) return ImGui::End();
    ClientSettings& c = s.profile.settings;
    bool changed = false;
    changed |= ImGui::InputText("Display name (next join)", &s.profile.name);
    int msaaIndex = c.msaa >= 8 ? 3 : c.msaa >= 4 ? 2 : c.msaa >= 2 ? 1 : 0;
    if (ImGui::Combo("MSAA (next start)", &msaaIndex,
                     "1x\0"
                     "2x\0"
                     "4x\0"
                     "8x\0")) {
        c.msaa = 1u << msaaIndex;
        changed = true;
    }
    changed |= ImGui::Checkbox("Shadows", &c.shadows);
    float percent = c.resolutionScale * 100.0f;
    if (ImGui::SliderFloat("Resolution scale", &percent, 25.0f, 100.0f, "%.0f%%")) {
        c.resolutionScale = std::round(percent / 5.0f) * 0.05f; // steps of 5 %
        changed = true;
    }
    changed |= ImGui::SliderFloat("Mouse sensitivity", &c.mouseSensitivity, 0.02f, 0.6f);
    changed |= ImGui::Checkbox("Show connection and FPS", &c.showStats);
    if (changed) s.profileChanged = true;
    ImGui::TextDisabled("Saved to %s", s.profileFile.string().c_str());
    ImGui::End();
}

void drawHelp(Session& s) {
    placeWindow({200, 80}, {440, 300});
    if (!ImGui::Begin("Help", &s.ui.help)) return ImGui::End();
    ImGui::BulletText("W A S D / arrows: walk    Shift: run");
    ImGui::BulletText("Right mouse button held: look around");
    ImGui::BulletText("Click the floor: walk there    Click a booth: open its panel");
    ImGui::BulletText("Menu bar: directory, map, agenda, chat, people, settings");
    ImGui::BulletText("Esc: close the booth panel / poster zoom");
    ImGui::BulletText("Directory and agenda: teleport to a booth or a stage");
    ImGui::End();
}

} // namespace fg::client
