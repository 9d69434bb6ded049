// MeetingsFeature's panels: the booth panel's "Meetings" section (free slots and the request
// form for visitors, the hours form and counts for the booth's staff), the "My meetings"
// window with each side's answers, the reminder and the .ics export. ImGui widgets only.
#include "engine/core/Translate.h"
#include "game/client/meetings/MeetingsFeature.h"
#include "game/expo/MeetingHours.h"

#include <algorithm>
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace fg::client {

using proto::MeetingAction;
using proto::MeetingState;

namespace {

const ImVec4 kGreen{0.45f, 0.85f, 0.5f, 1}, kAmber{0.95f, 0.75f, 0.3f, 1},
    kGrey{0.6f, 0.6f, 0.6f, 1}, kRed{0.95f, 0.45f, 0.4f, 1};

ImVec4 stateColor(MeetingState s) {
    switch (s) {
    case MeetingState::Accepted:
        return kGreen;
    case MeetingState::Requested:
    case MeetingState::Proposed:
        return kAmber;
    case MeetingState::Declined:
    case MeetingState::Cancelled:
        return kRed;
    }
    return kGrey;
}

std::vector<UnixSeconds> slotDays(const proto::MeetingSlots& s) {
    std::vector<UnixSeconds> days;
    for (const proto::MeetingSlot& slot : s.slots)
        if (days.empty() || days.back() != slot.startUnix / 86400 * 86400)
            days.push_back(slot.startUnix / 86400 * 86400);
    return days;
}

// A time of day as a slider in 15-minute steps.
void clockSlider(const char* label, int& minutes) {
    int quarter = minutes / 15;
    const std::string text = expo::clockText(minutes);
    if (ImGui::SliderInt(label, &quarter, 0, 96, text.c_str())) minutes = quarter * 15;
}

} // namespace

void MeetingsFeature::drawMenu() {
    ImGui::MenuItem(trl("My meetings"), nullptr, &m_window);
}

void MeetingsFeature::drawPanels(const UiFrame&) {
    if (m_window) listWindow();
    if (m_reminder) reminderWindow();
}

void MeetingsFeature::boothSection(const expo::Booth& b) {
    if (m_scrollToSection) ImGui::SetScrollHereY(0.0f), m_scrollToSection = false;
    if (!ImGui::CollapsingHeader(trl("Meetings"), ImGuiTreeNodeFlags_DefaultOpen)) return;
    const proto::MeetingSlots* s = slots(b.id);
    if (!s) return ImGui::TextDisabled("%s", tr("asking the booth for its meeting slots..."));
    if (ownsBooth(b)) return hoursSection(b);
    if (!s->hours.open)
        return ImGui::TextDisabled("%s", tr("This booth takes no meeting requests."));
    if (s->slots.empty()) return ImGui::TextDisabled("%s", tr("No meeting slots left."));
    slotPicker(b, *s);
}

void MeetingsFeature::slotPicker(const expo::Booth& b, const proto::MeetingSlots& s) {
    const std::vector<UnixSeconds> days = slotDays(s);
    m_pickedDay = std::clamp(m_pickedDay, 0, int(days.size()) - 1);
    ImGui::Text(trn("Free slots of %u min (UTC), %u table:",
                    "Free slots of %u min (UTC), %u tables at once:", s.hours.tables),
                s.hours.slotMinutes, s.hours.tables);
    const std::string dayText = formatDate(days[std::size_t(m_pickedDay)]);
    if (ImGui::BeginCombo(trl("Day", "Day##meetings"), dayText.c_str())) {
        for (std::size_t i = 0; i < days.size(); ++i)
            if (ImGui::Selectable(formatDate(days[i]).c_str(), int(i) == m_pickedDay))
                m_pickedDay = int(i);
        ImGui::EndCombo();
    }
    int shown = 0;
    for (const proto::MeetingSlot& slot : s.slots) {
        if (slot.startUnix / 86400 * 86400 != days[std::size_t(m_pickedDay)]) continue;
        const auto refusal = slotRefusal(s, slot, m_meetings);
        const std::string label = expo::clockText(int(slot.startUnix % 86400 / 60));
        if (shown++ % 6 != 0) ImGui::SameLine();
        ImGui::BeginDisabled(refusal.has_value());
        const bool picked = slot.startUnix == m_pickedSlot;
        if (picked) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4{0.2f, 0.55f, 0.3f, 1});
        if (ImGui::Button(fmt::format("{}##slot{}", label, slot.startUnix).c_str()))
            m_pickedSlot = slot.startUnix;
        if (picked) ImGui::PopStyleColor();
        ImGui::EndDisabled();
        if (refusal && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("%s", refusal->c_str());
    }
    ImGui::InputText(trl("Note", "Note##meetingnote"), &m_note);
    ImGui::BeginDisabled(m_pickedSlot == 0);
    const std::string ask = m_pickedSlot
                                ? trf("Request {}", when(m_pickedSlot, s.hours.slotMinutes))
                                : std::string(tr("Pick a free slot"));
    if (ImGui::Button((ask + "###request").c_str())) request(b.id, m_pickedSlot, m_note);
    ImGui::EndDisabled();
}

void MeetingsFeature::hoursSection(const expo::Booth& b) {
    int requested = 0, confirmed = 0, declined = 0;
    for (const auto& [id, m] : m_meetings) {
        if (!m.asHost || m.boothId != b.id) continue;
        ++requested;
        confirmed += m.state == MeetingState::Accepted;
        declined += m.state == MeetingState::Declined;
    }
    ImGui::Text(tr("Requests %d, confirmed %d, declined %d"), requested, confirmed, declined);
    ImGui::SameLine();
    if (ImGui::SmallButton(trl("My meetings"))) m_window = true;
    ImGui::Checkbox(trl("Take meeting requests"), &m_form.open);
    ImGui::BeginDisabled(!m_form.open);
    ImGui::TextDisabled("%s", tr("Days (none ticked: every day of the event):"));
    // Two weeks from today (or from the opening day) and the days already ticked: a long event
    // must not draw hundreds of boxes.
    const UnixSeconds today = unixNow() / 86400 * 86400;
    const UnixSeconds first = std::clamp(today, m_s.ex->event.opens, m_s.ex->event.closes);
    std::set<UnixSeconds> shown(m_form.days.begin(), m_form.days.end());
    for (UnixSeconds d = first; d <= m_s.ex->event.closes && d < first + 14 * 86400; d += 86400)
        shown.insert(d);
    int n = 0;
    for (UnixSeconds d : shown) {
        bool on = m_form.days.contains(d);
        if (n++ % 4 != 0) ImGui::SameLine();
        if (ImGui::Checkbox(formatDate(d).c_str(), &on))
            on ? (void)m_form.days.insert(d) : (void)m_form.days.erase(d);
    }
    clockSlider(trl("From (UTC)"), m_form.from);
    clockSlider(trl("To (UTC)"), m_form.to);
    const int lengths[] = {15, 30, 45, 60};
    for (int len : lengths) {
        if (len != 15) ImGui::SameLine();
        ImGui::RadioButton((trf("{} min", len) + "###len" + std::to_string(len)).c_str(),
                           &m_form.slot, len);
    }
    ImGui::SliderInt(trl("Tables (meetings at once)"), &m_form.tables, 1, expo::kMaxMeetingTables);
    ImGui::EndDisabled();
    if (ImGui::Button(trl("Save meeting hours"))) {
        expo::MeetingHours h{{m_form.days.begin(), m_form.days.end()},
                             m_form.from,
                             m_form.to,
                             m_form.slot,
                             m_form.tables};
        setHours(b.id, m_form.open ? std::optional(h) : std::nullopt);
    }
}

void MeetingsFeature::listWindow() {
    ImGui::SetNextWindowSize(uiSize(720, 420), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImVec2(20, 60), ImGuiCond_FirstUseEver);
    if (ImGui::Begin(trl("My meetings", "meetings"), &m_window)) {
        const UnixSeconds now = unixNow();
        if (!m_listLoaded) ImGui::TextDisabled("%s", tr("loading your meetings..."));
        groupTable(MeetingGroup::Upcoming, now);
        groupTable(MeetingGroup::Pending, now);
        groupTable(MeetingGroup::Past, now);
        ImGui::Separator();
        exportRow();
    }
    ImGui::End();
}

void MeetingsFeature::groupTable(MeetingGroup group, UnixSeconds now) {
    const char* names[] = {trMark("Upcoming"), trMark("Pending"), trMark("Past")};
    int count = 0;
    for (const auto& [id, m] : m_meetings)
        count += meetingGroup(m, now) == group;
    const std::string title =
        fmt::format("{} ({})###group{}", tr(names[int(group)]), count, int(group));
    if (!ImGui::CollapsingHeader(title.c_str(), group == MeetingGroup::Past
                                                    ? ImGuiTreeNodeFlags_None
                                                    : ImGuiTreeNodeFlags_DefaultOpen))
        return;
    if (count == 0) return ImGui::TextDisabled("%s", tr("  none"));
    for (const auto& [id, m] : m_meetings)
        if (meetingGroup(m, now) == group) meetingRow(m, now);
}

void MeetingsFeature::meetingRow(const proto::MeetingInfo& m, UnixSeconds now) {
    ImGui::PushID(int(m.id));
    const expo::Booth* b = expo::findBooth(*m_s.ex, m.boothId);
    const expo::Exhibitor* x = b ? expo::findExhibitor(*m_s.ex, b->exhibitor) : nullptr;
    const std::string who =
        m.asHost ? trf("with {}", m.visitorName) : trf("at {}", x ? x->name : m.boothId);
    ImGui::Text(tr("#%llu  %s  %s (booth %s)"), static_cast<unsigned long long>(m.id),
                when(m.startUnix, m.minutes).c_str(), who.c_str(), m.boothId.c_str());
    ImGui::SameLine();
    ImGui::TextColored(stateColor(m.state), "%s", tr(meetingStateText(m.state)));
    if (!m.note.empty()) ImGui::TextWrapped(tr("    note: %s"), m.note.c_str());
    if (!m.reason.empty()) ImGui::TextDisabled("    %s", m.reason.c_str());
    if (meetingGroup(m, now) != MeetingGroup::Past) answerButtons(m, now);
    ImGui::PopID();
}

void MeetingsFeature::answerButtons(const proto::MeetingInfo& m, UnixSeconds) {
    std::string& reason = m_reasons[m.id];
    ImGui::Indent();
    if (m.asHost && m.state == MeetingState::Requested) {
        if (ImGui::SmallButton(trl("Accept"))) answer(m.id, MeetingAction::Accept, 0, "");
        ImGui::SameLine();
        if (ImGui::SmallButton(trl("Decline"))) answer(m.id, MeetingAction::Decline, 0, reason);
        ImGui::SameLine();
        if (ImGui::SmallButton(trl("Propose the next slot")))
            answer(m.id, MeetingAction::Propose, meetingEnd(m), reason);
        ImGui::SameLine();
    }
    if (!m.asHost && m.state == MeetingState::Proposed) {
        if (ImGui::SmallButton(trl("Accept the new time")))
            answer(m.id, MeetingAction::AcceptProposal, 0, "");
        ImGui::SameLine();
        if (ImGui::SmallButton(trl("Decline it")))
            answer(m.id, MeetingAction::DeclineProposal, 0, reason);
        ImGui::SameLine();
    }
    if (ImGui::SmallButton(trl("Cancel"))) answer(m.id, MeetingAction::Cancel, 0, reason);
    ImGui::SameLine();
    if (ImGui::SmallButton(trl("Go to the booth"))) goToBooth(m_s, m.boothId);
    ImGui::SetNextItemWidth(260);
    ImGui::InputTextWithHint("##reason", tr("reason (decline, cancel)"), &reason);
    ImGui::Unindent();
}

void MeetingsFeature::exportRow() {
    ImGui::SetNextItemWidth(420);
    ImGui::InputText("##icspath", &m_exportPath);
    ImGui::SameLine();
    if (ImGui::Button(trl("Export .ics"))) {
        auto path = exportIcs(m_exportPath);
        m_exportResult = path ? trf("wrote {}", path->string()) : path.error().message;
    }
    if (!m_exportResult.empty()) ImGui::TextDisabled("%s", m_exportResult.c_str());
}

void MeetingsFeature::reminderWindow() {
    auto it = m_meetings.find(*m_reminder);
    if (it == m_meetings.end()) return m_reminder.reset();
    const proto::MeetingInfo& m = it->second;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, 60), ImGuiCond_Always, ImVec2(0.5f, 0));
    bool open = true;
    if (ImGui::Begin(trl("Meeting soon", "meetingreminder"), &open,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
        if (m.asHost)
            ImGui::Text(tr("Your meeting with %s at booth %s: %s."), m.visitorName.c_str(),
                        m.boothId.c_str(), when(m.startUnix, m.minutes).c_str());
        else
            ImGui::Text(tr("Your meeting at booth %s: %s."), m.boothId.c_str(),
                        when(m.startUnix, m.minutes).c_str());
        if (ImGui::Button(trl("Go to the booth"))) {
            goToBooth(m_s, m.boothId);
            open = false;
        }
        ImGui::SameLine();
        if (ImGui::Button(trl("Dismiss"))) open = false;
    }
    ImGui::End();
    if (!open) m_reminder.reset();
}

} // namespace fg::client
