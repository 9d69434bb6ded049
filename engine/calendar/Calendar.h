// iCalendar files (RFC 5545): events as our own type in, one VCALENDAR of VEVENTs out, and the
// reverse for checks and imports. The one adapter over libical; nothing else includes it.
#pragma once

#include "engine/core/Result.h"
#include "engine/core/Time.h"

#include <string>
#include <string_view>
#include <vector>

namespace fg::calendar {

enum class EventStatus : std::uint8_t { Confirmed, Tentative, Cancelled };

// One calendar entry; times are UTC seconds and are written in UTC (the Z form).
struct CalendarEvent {
    std::string uid; // stable and unique: the same entry exported twice replaces itself
    UnixSeconds start = 0;
    UnixSeconds end = 0;
    std::string summary;
    std::string location;
    std::string description;
    EventStatus status = EventStatus::Confirmed;
    bool operator==(const CalendarEvent&) const = default;
};

// RFC 5545 text (CRLF lines, folded, escaped by libical) with VERSION 2.0 and PRODUCTID.
Result<std::string> toICalendar(const std::vector<CalendarEvent>& events,
                                std::string_view productId);
// The VEVENTs of TEXT; an error names what is missing (no VCALENDAR, an event without DTSTART).
Result<std::vector<CalendarEvent>> parseICalendar(std::string_view text);

} // namespace fg::calendar
