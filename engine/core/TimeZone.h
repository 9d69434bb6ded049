// Wall-clock times in IANA time zones (the event's, the viewer's) from the system's TZ database
// (tzdata) through Howard Hinnant's date/tz. Our types only; no date/tz types leak out.
#pragma once

#include "engine/core/Result.h"
#include "engine/core/Time.h"

#include <string>
#include <string_view>

namespace fg::tz {

struct ZonedTime {
    int year = 1970, month = 1, day = 1, hour = 0, minute = 0;
    int utcOffsetSeconds = 0;
    std::string abbreviation; // "CET", "+07"; what the zone calls itself at that time
    std::string zone;         // the IANA name asked for
};

// The viewer's zone: $TZ when it names a zone, else what /etc/localtime points at, else "UTC".
std::string localZoneName();
// ZONE is a zone of the TZ database ("Asia/Ho_Chi_Minh", "UTC").
bool zoneExists(std::string_view zone);
// T (UTC seconds) as a wall-clock time in ZONE; an error names a zone the database lacks.
Result<ZonedTime> inZone(UnixSeconds t, std::string_view zone);
// "HH:MM" of a zoned time.
std::string clockText(const ZonedTime& t);
// "UTC+07:00" of a zoned time.
std::string offsetText(const ZonedTime& t);
// The TZ database's folder, for error messages ("/usr/share/zoneinfo").
std::string zoneDatabasePath();

} // namespace fg::tz
