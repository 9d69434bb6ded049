// The client's view of its meetings and of booths' slots, as pure functions: which group a
// meeting is in (upcoming, pending, past), when its reminder is due, which slots are free for
// me, and the iCalendar entries of an export. No ImGui, no network; tests call them directly.
#pragma once

#include "engine/calendar/Calendar.h"
#include "engine/core/Translate.h"
#include "game/expo/Exhibition.h"
#include "game/expo/protocol/MeetingMessages.h"

#include <map>
#include <optional>
#include <vector>

namespace fg::client {

namespace proto = expo::proto;

inline constexpr UnixSeconds kReminderLead = 5 * 60; // a reminder 5 minutes before

enum class MeetingGroup { Upcoming, Pending, Past };

// Past: ended, declined or cancelled. Pending: requested or proposed. Upcoming: accepted.
MeetingGroup meetingGroup(const proto::MeetingInfo& m, UnixSeconds now);
const char* meetingStateText(
    proto::MeetingState state); // "requested", "proposed", ... (English: show tr() of it)
// True from 5 minutes before an accepted meeting until it starts.
bool reminderDue(const proto::MeetingInfo& m, UnixSeconds now);
UnixSeconds meetingEnd(const proto::MeetingInfo& m);
// "2021-10-12 10:00-10:30 UTC"
std::string meetingWhen(UnixSeconds start, std::uint32_t minutes);
// The meeting's times in the event's zone and, when it differs, the viewer's, each named
// ("2021-10-12 17:00-17:30 +07 (Asia/Ho_Chi_Minh) / 2021-10-12 12:00-12:30 CEST (Europe/Paris)").
std::string meetingWhen(UnixSeconds start, std::uint32_t minutes, const std::string& eventZone,
                        const std::string& viewerZone);

// Why I cannot take SLOT at the booth of SLOTS (full, or I hold another meeting then), else
// nullopt: the slot is free for me. MINE are my meetings as a visitor.
std::optional<std::string> slotRefusal(const proto::MeetingSlots& slots,
                                       const proto::MeetingSlot& slot,
                                       const std::map<std::uint64_t, proto::MeetingInfo>& mine);

// Calendar entries of MEETINGS that hold a slot (accepted: confirmed; requested or proposed:
// tentative), named after the booth's exhibitor in EX.
std::vector<calendar::CalendarEvent>
meetingCalendar(const std::map<std::uint64_t, proto::MeetingInfo>& meetings,
                const expo::Exhibition& ex);

} // namespace fg::client
