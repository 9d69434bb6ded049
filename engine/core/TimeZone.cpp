// TimeZone: the one adapter over Howard Hinnant's date/tz (libhowardhinnant-date-dev), which reads
// the system's TZ database (tzdata) itself. Nothing else includes <date/tz.h>.
#include "engine/core/TimeZone.h"

#include <chrono>
#include <cstdlib>
#include <date/tz.h>
#include <fmt/format.h>

namespace fg::tz {
namespace {

// Where Debian's tzdata puts the database date/tz reads (USE_OS_TZDB); named in errors.
constexpr const char* kZoneDir = "/usr/share/zoneinfo";

const date::time_zone* findZone(std::string_view zone) {
    if (zone.empty() || zone.size() > 64) return nullptr;
    try {
        return date::locate_zone(std::string(zone));
    } catch (const std::exception&) { // unknown name, or no database at all
        return nullptr;
    }
}

} // namespace

bool zoneExists(std::string_view zone) {
    return findZone(zone) != nullptr;
}

std::string zoneDatabasePath() {
    return kZoneDir;
}

std::string localZoneName() {
    if (const char* env = std::getenv("TZ"); env && *env) {
        std::string_view name = env;
        if (name.front() == ':') name.remove_prefix(1);
        if (zoneExists(name)) return std::string(name);
    }
    try {
        if (const date::time_zone* zone = date::current_zone()) return std::string(zone->name());
    } catch (const std::exception&) { // no /etc/localtime (containers): fall back to UTC
    }
    return "UTC";
}

Result<ZonedTime> inZone(UnixSeconds t, std::string_view zone) {
    const date::time_zone* z = findZone(zone);
    if (!z) return makeError(fmt::format("unknown time zone \"{}\" (not in {})", zone, kZoneDir));
    const date::sys_seconds when{std::chrono::seconds{t}};
    const date::sys_info info = z->get_info(when);
    const auto local = z->to_local(when);
    const auto day = date::floor<date::days>(local);
    const date::year_month_day ymd{day};
    const date::hh_mm_ss<std::chrono::seconds> clock{local - day};
    return ZonedTime{int(ymd.year()),
                     int(unsigned(ymd.month())),
                     int(unsigned(ymd.day())),
                     int(clock.hours().count()),
                     int(clock.minutes().count()),
                     int(info.offset.count()),
                     info.abbrev,
                     std::string(zone)};
}

std::string clockText(const ZonedTime& t) {
    return fmt::format("{:02}:{:02}", t.hour, t.minute);
}

std::string offsetText(const ZonedTime& t) {
    const int minutes = std::abs(t.utcOffsetSeconds) / 60;
    return fmt::format("UTC{}{:02}:{:02}", t.utcOffsetSeconds < 0 ? '-' : '+', minutes / 60,
                       minutes % 60);
}

} // namespace fg::tz
