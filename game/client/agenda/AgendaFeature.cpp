// Agenda window and actions: the day picker, one row per session, the event clock.
// ImGui widgets only; teleports through the core.
#include "game/client/agenda/AgendaFeature.h"

#include "game/client/ClientFeatures.h"
#include "game/client/ClientTry.h"
#include "game/client/programme/StageFeature.h"

#include <imgui.h>
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

} // namespace

SessionTiming timingOf(const expo::Session& session, UnixSeconds now) {
    if (now >= session.end) return SessionTiming::Past;
    return now >= session.start ? SessionTiming::Live : SessionTiming::Upcoming;
}

std::optional<Status> AgendaFeature::runAction(const std::string& name,
                                               const std::vector<std::string>& args) {
    if (name == "agenda") {
        m_open = !m_open;
    } else if (name == "agenda-day") {
        FG_CLIENT_TRY(needArgs(name, args, 1));
        m_day = std::stoi(args[0]);
    } else if (name == "event-time") {
        FG_CLIENT_TRY(needArgs(name, args, 1));
        auto t = parseUtcTimestamp(args[0]);
        if (!t) return Status(t.error());
        m_clockOffset = *t - unixNow();
        m_day = -1;
        m_open = true;
    } else {
        return std::nullopt;
    }
    return Status{};
}

void AgendaFeature::drawMenu() {
    ImGui::MenuItem("Agenda", nullptr, &m_open);
}

void AgendaFeature::dayPicker(const std::vector<UnixSeconds>& days, UnixSeconds now) {
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
    ImGui::TextDisabled("day %d of %zu with sessions", m_day + 1, days.size());
}

void AgendaFeature::row(const expo::Session& e, UnixSeconds now) {
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
    if (ImGui::SmallButton("Go to stage")) teleportToVenue(m_s, e.venue);
    if (auto* stage = m_features.find<StageFeature>(); stage && stage->full(e.id)) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Watch from overflow")) stage->watchOverflow(e.id);
    }
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

void AgendaFeature::drawPanels(const UiFrame&) {
    if (!m_open) return;
    ImGui::SetNextWindowPos({10, 40}, ImGuiCond_Appearing);
    ImGui::SetNextWindowSize({620, 400}, ImGuiCond_Appearing);
    if (!ImGui::Begin("Agenda", &m_open)) return ImGui::End();
    const UnixSeconds now = unixNow() + m_clockOffset;
    ImGui::Text("Event clock: %s", formatUtcTimestamp(now).c_str());
    const std::vector<UnixSeconds> days = sessionDays(*m_s.ex);
    if (days.empty()) {
        ImGui::TextDisabled("No sessions in the programme.");
        return ImGui::End();
    }
    dayPicker(days, now);
    ImGui::Separator();
    const UnixSeconds dayStart = days[std::size_t(m_day)];
    ImGui::BeginChild("sessions");
    for (const expo::Session& e : m_s.ex->sessions)
        if (e.start >= dayStart && e.start < dayStart + 86400) row(e, now);
    ImGui::EndChild();
    ImGui::End();
}

} // namespace fg::client
