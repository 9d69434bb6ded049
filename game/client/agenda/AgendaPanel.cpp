// The agenda window: the day picker or "My agenda", one row per session (star, times in two
// named zones, Go, registration with place or waiting-list position, description and speakers),
// the .ics export and the doors-open reminder with "Go". ImGui widgets only.
#include "engine/core/Translate.h"
#include "game/client/ClientFeatures.h"
#include "game/client/LocalText.h"
#include "game/client/agenda/AgendaFeature.h"
#include "game/client/programme/StageFeature.h"

#include <algorithm>
#include <imgui.h>
#include <imgui_stdlib.h>
#include <set>

namespace fg::client {
namespace {

// Days (00:00Z) that have sessions, sorted: an event can run for months with a few busy days.
std::vector<UnixSeconds> sessionDays(const expo::Exhibition& ex) {
    std::set<UnixSeconds> days;
    for (const expo::Session& e : ex.sessions)
        days.insert(e.start - ((e.start % 86400) + 86400) % 86400);
    return {days.begin(), days.end()};
}

constexpr float kIndent = 90;

const char* kindText(expo::SessionKind kind) {
    switch (kind) {
    case expo::SessionKind::Forum:
        return tr("Forum");
    case expo::SessionKind::Roundtable:
        return tr("Roundtable");
    case expo::SessionKind::Masterclass:
        return tr("Masterclass");
    case expo::SessionKind::Awards:
        return tr("Awards");
    }
    return "?";
}

} // namespace

void AgendaFeature::drawMenu() {
    ImGui::MenuItem(trl("Agenda"), nullptr, &m_open);
}

void AgendaFeature::dayPicker(const std::vector<UnixSeconds>& days, UnixSeconds now) {
    if (m_dayWanted) { // the "Live now" prompt's "Agenda": that session's day
        const auto at = std::find(days.begin(), days.end(), *m_dayWanted);
        if (at != days.end()) m_day = int(at - days.begin());
        m_dayWanted.reset();
    }
    if (m_day < 0 || m_day >= int(days.size())) {
        // Default: today when it has sessions, else the next day that does, else the last.
        m_day = int(days.size()) - 1;
        for (std::size_t i = 0; i < days.size(); ++i)
            if (days[i] + 86400 > now) {
                m_day = int(i);
                break;
            }
    }
    const std::string current = formatDate(days[std::size_t(m_day)]);
    if (ImGui::ArrowButton("##prev", ImGuiDir_Left) && m_day > 0) --m_day;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(160);
    if (ImGui::BeginCombo("##day", current.c_str())) {
        for (std::size_t i = 0; i < days.size(); ++i)
            if (ImGui::Selectable(formatDate(days[i]).c_str(), int(i) == m_day)) m_day = int(i);
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::ArrowButton("##next", ImGuiDir_Right) && m_day + 1 < int(days.size())) ++m_day;
    ImGui::SameLine();
    ImGui::TextDisabled(tr("day %d of %zu with sessions"), m_day + 1, days.size());
}

void AgendaFeature::rowButtons(const expo::Session& e, UnixSeconds now) {
    const SessionTiming t = timingOf(e, now);
    const bool on = starred(e.id);
    if (ImGui::SmallButton(on ? trl("Starred") : trl("Star"))) (void)star(e.id, !on);
    ImGui::SameLine();
    // The server's word first: a moderator may start early, run over or end early.
    const auto state = serverState(e.id);
    if (state == proto::StageWireState::Live || (!state && t == SessionTiming::Live))
        ImGui::TextColored({1, 0.3f, 0.3f, 1}, "%s", tr("LIVE NOW"));
    else if (state == proto::StageWireState::DoorsOpen)
        ImGui::TextColored({1, 0.8f, 0.3f, 1}, "%s", tr("doors open"));
    else
        ImGui::TextDisabled("%s", state == proto::StageWireState::Ended || t == SessionTiming::Past
                                      ? tr("ended")
                                      : tr("upcoming"));
    ImGui::SameLine();
    if (ImGui::SmallButton(trl("Go to stage"))) teleportToVenue(m_s, e.venue);
    if (auto* stage = m_features.find<StageFeature>(); stage && stage->full(e.id)) {
        ImGui::SameLine();
        if (ImGui::SmallButton(trl("Watch from overflow"))) stage->watchOverflow(e.id);
    }
}

void AgendaFeature::registrationLine(const expo::Session& e, UnixSeconds now) {
    if (e.registration.mode == expo::RegistrationMode::None) return;
    const proto::RegistrationInfo* mine = registration(e.id);
    const std::string text = registrationText(e, mine, expo::registrationCapacity(*m_s.ex, e));
    ImGui::TextColored({0.55f, 0.8f, 1, 1}, "%s", text.c_str());
    if (timingOf(e, now) == SessionTiming::Past) return;
    ImGui::SameLine();
    if (mine && ImGui::SmallButton(mine->state == proto::RegistrationState::Waiting
                                       ? trl("Leave the waiting list")
                                       : trl("Cancel registration")))
        registerFor(e.id, true);
    else if (!mine && ImGui::SmallButton(trl("Register")))
        registerFor(e.id, false);
}

void AgendaFeature::details(const expo::Session& e) {
    if (m_openDetails == e.id) {
        ImGui::SetNextItemOpen(true);
        m_openDetails.clear();
    }
    if (!ImGui::TreeNode("details", tr("Details and speakers"))) return;
    if (!e.description.empty())
        ImGui::TextWrapped("%s", inUiLanguage(e.description, e.descriptionI18n).c_str());
    if (auto* stage = m_features.find<StageFeature>()) { // cards with photos
        stage->photos().cards(e, 48);
    } else {
        for (const expo::Speaker& p : e.speakers)
            ImGui::BulletText("%s", speakerLine(p).c_str());
        if (e.moderator) ImGui::BulletText(tr("Moderator: %s"), speakerLine(*e.moderator).c_str());
    }
    ImGui::TreePop();
}

void AgendaFeature::row(const expo::Session& e, UnixSeconds now) {
    ImGui::PushID(e.id.c_str());
    rowButtons(e, now);
    ImGui::Indent(kIndent);
    ImGui::TextWrapped("%s", inUiLanguage(e.title, e.titleI18n).c_str());
    // The event's zone first (what the programme is printed in), then the viewer's.
    const std::string event = sessionTimes(e, m_s.ex->event.timeZone);
    ImGui::Text("%s", event.c_str());
    if (m_viewerZone != m_s.ex->event.timeZone) {
        const std::string mine = sessionTimes(e, m_viewerZone);
        ImGui::TextDisabled(tr("your time: %s"), mine.c_str());
    }
    const std::string who = expo::speakerNames(e);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped(tr("%s at %s%s%s"), kindText(e.kind), e.venue.c_str(),
                       who.empty() ? "" : ": ", who.c_str());
    ImGui::PopStyleColor();
    registrationLine(e, now);
    details(e);
    ImGui::Unindent(kIndent);
    ImGui::Spacing();
    ImGui::PopID();
}

void AgendaFeature::exportRow() {
    ImGui::SetNextItemWidth(260);
    ImGui::InputText("##agendaics", &m_exportPath);
    for (bool all : {false, true}) {
        ImGui::SameLine();
        if (!ImGui::SmallButton(all ? trl("Export all .ics") : trl("Export starred .ics")))
            continue;
        auto path = exportIcs(all, m_exportPath);
        toast(m_s, path ? trf("agenda exported to {}", path->string()) : path.error().message,
              !path);
    }
}

void AgendaFeature::reminderWindow() {
    const expo::Session* e = m_reminder ? expo::findSession(*m_s.ex, *m_reminder) : nullptr;
    if (!e) return m_reminder.reset();
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 20, 60), ImGuiCond_Always, ImVec2(1, 0));
    bool open = true;
    if (ImGui::Begin(trl("Doors open", "agendareminder"), &open,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
        ImGui::Text(tr("Doors are open: \"%s\""), inUiLanguage(e->title, e->titleI18n).c_str());
        ImGui::Text(
            "%s",
            eventAndViewerSpan(e->start, e->end, m_s.ex->event.timeZone, m_viewerZone).c_str());
        if (ImGui::Button(trl("Go"))) {
            teleportToVenue(m_s, e->venue);
            open = false;
        }
        ImGui::SameLine();
        if (ImGui::Button(trl("Dismiss"))) open = false;
    }
    ImGui::End();
    if (!open) m_reminder.reset();
}

void AgendaFeature::drawPanels(const UiFrame&) {
    agendaWindow();
    if (m_reminder) reminderWindow(); // after the agenda: drawn over it
    if (m_livePrompt) livePromptWindow();
}

void AgendaFeature::agendaWindow() {
    if (!m_open) return;
    ImGui::SetNextWindowPos({10, 40}, ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(uiSize(680, 700), ImGuiCond_Appearing);
    if (!ImGui::Begin(trl("Agenda"), &m_open)) return ImGui::End();
    const UnixSeconds now = this->now();
    ImGui::Text(tr("Event clock: %s"), formatUtcTimestamp(now).c_str());
    ImGui::SameLine();
    ImGui::Checkbox(trl("My agenda"), &m_mineOnly);
    const std::vector<UnixSeconds> days = sessionDays(*m_s.ex);
    if (days.empty()) {
        ImGui::TextDisabled("%s", tr("No sessions in the programme."));
        return ImGui::End();
    }
    if (!m_mineOnly) dayPicker(days, now);
    exportRow();
    ImGui::Separator();
    const UnixSeconds dayStart = days[std::size_t(std::max(m_day, 0))];
    ImGui::BeginChild("sessions");
    std::vector<const expo::Session*> rows;
    for (const expo::Session& e : m_s.ex->sessions) {
        const bool inDay = e.start >= dayStart && e.start < dayStart + 86400;
        if (m_mineOnly ? starred(e.id) : inDay) rows.push_back(&e);
    }
    // My agenda spans the event: in time order, whatever order the file lists sessions in.
    std::stable_sort(rows.begin(), rows.end(), [](const expo::Session* a, const expo::Session* b) {
        return a->start < b->start;
    });
    for (const expo::Session* e : rows)
        row(*e, now);
    if (m_mineOnly && rows.empty())
        ImGui::TextDisabled("%s", tr("No starred sessions yet: star sessions in the day view."));
    ImGui::EndChild();
    ImGui::End();
}

} // namespace fg::client
