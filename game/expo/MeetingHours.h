// Meeting availability rules shared by the validator, the server's meetings slice and the
// client: slot lengths, clock text, the days and slots a booth's hours make. Pure; no I/O.
#pragma once

#include "engine/core/Result.h"
#include "game/expo/Exhibition.h"
#include "game/expo/protocol/MeetingMessages.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::expo {

inline constexpr int kMaxMeetingTables = 20;
inline constexpr std::size_t kMaxMeetingDays = 31;

// 15, 30, 45 or 60 minutes.
bool isMeetingSlotLength(int minutes);
// "09:30" -> 570; "24:00" is the end of the day. Anything else is an error.
Result<int> parseClock(std::string_view text);
// 570 -> "09:30".
std::string clockText(int minutes);

// The days H applies to: its own list, or every day of the event when the list is empty.
std::vector<UnixSeconds> meetingDays(const MeetingHours& h, const Event& event);
// Every slot start of H, in time order.
std::vector<UnixSeconds> meetingSlotStarts(const MeetingHours& h, const Event& event);
// True when START is the start of one of H's slots.
bool isMeetingSlot(const MeetingHours& h, const Event& event, UnixSeconds start);

// One broken rule of a MeetingHours: the key under booths[i].meetings ("tables", "days[2]"),
// what was expected and what was found (as JSON text).
struct MeetingHoursProblem {
    std::string key;
    std::string expected;
    std::string found;
    std::string toString() const; // "tables: expected 1 to 20, found 0"
};
// Every broken rule of H for EVENT (empty: H is fine). The validator and the server use it.
std::vector<MeetingHoursProblem> checkMeetingHours(const MeetingHours& h, const Event& event);

// The wire form of a booth's hours (open = false: no meetings) and back.
proto::MeetingHoursInfo meetingHoursInfo(const std::optional<MeetingHours>& hours);
std::optional<MeetingHours> meetingHoursFrom(const proto::MeetingHoursInfo& info);

} // namespace fg::expo
