// TimeZone: converts through localtime_r with TZ set to the zone asked for, under one lock (TZ
// is process-wide) and restored afterwards. Reads the TZ database's files only to check names.
#include "engine/core/TimeZone.h"

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <mutex>
#include <optional>

namespace fg::tz {
namespace {

std::mutex g_tzLock;

std::filesystem::path zoneDir() {
    const char* dir = std::getenv("TZDIR");
    return dir && *dir ? dir : "/usr/share/zoneinfo";
}

// Sets TZ for the scope and puts the previous value back (unset stays unset).
class ScopedTz {
public:
    explicit ScopedTz(const std::string& zone) {
        if (const char* old = std::getenv("TZ")) m_old = old;
        ::setenv("TZ", zone.c_str(), 1);
        ::tzset();
    }
    ~ScopedTz() {
        if (m_old)
            ::setenv("TZ", m_old->c_str(), 1);
        else
            ::unsetenv("TZ");
        ::tzset();
    }

private:
    std::optional<std::string> m_old;
};

} // namespace

bool zoneExists(std::string_view zone) {
    if (zone.empty() || zone.size() > 64 || zone.front() == '/' ||
        zone.find("..") != std::string_view::npos)
        return false;
    std::error_code ec;
    return std::filesystem::is_regular_file(zoneDir() / std::string(zone), ec);
}

std::string localZoneName() {
    if (const char* env = std::getenv("TZ"); env && *env) {
        std::string_view name = env;
        if (name.front() == ':') name.remove_prefix(1);
        if (zoneExists(name)) return std::string(name);
    }
    std::error_code ec;
    const auto target = std::filesystem::read_symlink("/etc/localtime", ec);
    if (!ec) {
        const std::string text = target.string();
        const std::string marker = "zoneinfo/";
        if (auto at = text.find(marker); at != std::string::npos) {
            std::string name = text.substr(at + marker.size());
            if (zoneExists(name)) return name;
        }
    }
    return "UTC";
}

Result<ZonedTime> inZone(UnixSeconds t, std::string_view zone) {
    if (!zoneExists(zone))
        return makeError(
            fmt::format("unknown time zone \"{}\" (not in {})", zone, zoneDir().string()));
    std::lock_guard lock(g_tzLock);
    ScopedTz scoped{std::string(zone)};
    const std::time_t when = std::time_t(t);
    std::tm tm{};
    if (!::localtime_r(&when, &tm))
        return makeError(fmt::format("time {} cannot be shown in \"{}\"", t, zone));
    return ZonedTime{tm.tm_year + 1900,
                     tm.tm_mon + 1,
                     tm.tm_mday,
                     tm.tm_hour,
                     tm.tm_min,
                     int(tm.tm_gmtoff),
                     tm.tm_zone ? tm.tm_zone : "",
                     std::string(zone)};
}

std::string clockText(const ZonedTime& t) {
    return fmt::format("{:02}:{:02}", t.hour, t.minute);
}

} // namespace fg::tz
