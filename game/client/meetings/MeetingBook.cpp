// Pure meeting rules of the client: groups, reminders, free slots, calendar entries.
// Must not draw or send; the server decides what is really free.
#include "game/client/meetings/MeetingBook.h"

#include "engine/core/Translate.h"
#include "game/client/agenda/AgendaBook.h"
#include "game/expo/MeetingHours.h"

#include <fmt/format.h>

namespace fg::client {

using proto::MeetingState;

UnixSeconds meetingEnd(const proto::MeetingInfo& m) {
    return m.startUnix + UnixSeconds(m.minutes) * 60;
}

MeetingGroup meetingGroup(const proto::MeetingInfo& m, UnixSeconds now) {
    if (meetingEnd(m) <= now || m.state == MeetingState::Declined ||
        m.state == MeetingState::Cancelled)
        return MeetingGroup::Past;
    if (m.state == MeetingState::Accepted) return MeetingGroup::Upcoming;
    return MeetingGroup::Pending;
}

const char* meetingStateText(MeetingState state) {
    switch (state) {
    case MeetingState::Requested:
        return trMark("requested");
    case MeetingState::Proposed:
        return trMark("other time proposed");
    case MeetingState::Accepted:
        return trMark("accepted");
    case MeetingState::Declined:
        return trMark("declined");
    case MeetingState::Cancelled:
        return trMark("cancelled");
    }
    return "?";
}

bool reminderDue(const proto::MeetingInfo& m, UnixSeconds now) {
    return m.state == MeetingState::Accepted && now >= m.startUnix - kReminderLead &&
           now < m.startUnix;
}

std::string meetingWhen(UnixSeconds start, std::uint32_t minutes) {
    const UnixSeconds end = start + UnixSeconds(minutes) * 60;
    return fmt::format("{} {}-{} UTC", formatDate(start), expo::clockText(int(start % 86400 / 60)),
                       expo::clockText(int(end % 86400 / 60)));
}

std::string meetingWhen(UnixSeconds start, std::uint32_t minutes, const std::string& eventZone,
                        const std::string& viewerZone) {
    return eventAndViewerSpan(start, start + UnixSeconds(minutes) * 60, eventZone, viewerZone);
}

std::optional<std::string> slotRefusal(const proto::MeetingSlots& slots,
                                       const proto::MeetingSlot& slot,
                                       const std::map<std::uint64_t, proto::MeetingInfo>& mine) {
    if (slot.taken >= slots.hours.tables) return std::string(tr("full"));
    const UnixSeconds end = slot.startUnix + UnixSeconds(slots.hours.slotMinutes) * 60;
    for (const auto& [id, m] : mine) {
        const bool holds = m.state == MeetingState::Requested ||
                           m.state == MeetingState::Proposed || m.state == MeetingState::Accepted;
        if (!m.asHost && holds && m.startUnix < end && meetingEnd(m) > slot.startUnix)
            return trf("you have a meeting then (booth {})", m.boothId);
    }
    return std::nullopt;
}

std::vector<calendar::CalendarEvent>
meetingCalendar(const std::map<std::uint64_t, proto::MeetingInfo>& meetings,
                const expo::Exhibition& ex) {
    std::vector<calendar::CalendarEvent> out;
    for (const auto& [id, m] : meetings) {
        if (m.state == MeetingState::Declined || m.state == MeetingState::Cancelled) continue;
        const expo::Booth* b = expo::findBooth(ex, m.boothId);
        const expo::Exhibitor* x = b ? expo::findExhibitor(ex, b->exhibitor) : nullptr;
        const expo::Hall* h = b ? expo::findHall(ex, b->hall) : nullptr;
        const std::string company = x ? x->name : m.boothId;
        calendar::CalendarEvent e;
        e.uid = fmt::format("meeting-{}-{}@fairground", m.id, m.asHost ? "booth" : "visitor");
        e.start = m.startUnix;
        e.end = meetingEnd(m);
        e.summary = m.asHost ? fmt::format("Meeting with {} ({})", m.visitorName, company)
                             : fmt::format("Meeting at {}", company);
        e.location = fmt::format("{}, {}booth {}", ex.event.name,
                                 h ? h->name + ", " : std::string(), m.boothId);
        e.description = m.note;
        e.status = m.state == MeetingState::Accepted ? calendar::EventStatus::Confirmed
                                                     : calendar::EventStatus::Tentative;
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace fg::client
