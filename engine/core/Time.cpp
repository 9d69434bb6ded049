// Clocks and strict ISO 8601 UTC parsing/formatting with civil-date arithmetic (no time zones).
// Must not call localtime/mktime: results would depend on the machine's zone.
#include "engine/core/Time.h"

#include <chrono>
#include <fmt/format.h>

namespace fg {
namespace {

// Days from 1970-01-01 to a civil date (proleptic Gregorian); H. Hinnant's algorithm.
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

bool readDigits(std::string_view text, std::size_t pos, std::size_t count, int& out) {
    if (pos + count > text.size()) return false;
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        value = value * 10 + (text[i] - '0');
    }
    out = value;
    return true;
}

unsigned daysInMonth(int year, int month) {
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29u : kDays[month - 1];
}

Result<UnixSeconds> parseDatePart(std::string_view text) {
    int y, m, d;
    if (!readDigits(text, 0, 4, y) || text.size() < 10 || text[4] != '-' ||
        !readDigits(text, 5, 2, m) || text[7] != '-' || !readDigits(text, 8, 2, d))
        return makeError("expected a date YYYY-MM-DD");
    if (m < 1 || m > 12 || d < 1 || static_cast<unsigned>(d) > daysInMonth(y, m))
        return makeError("expected a valid calendar date");
    return daysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * 86400;
}

} // namespace

std::int64_t monotonicNanos() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double monotonicSeconds() {
    return static_cast<double>(monotonicNanos()) * 1e-9;
}

UnixSeconds unixNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

Result<UnixSeconds> parseDate(std::string_view text) {
    if (text.size() != 10) return makeError("expected a date YYYY-MM-DD");
    return parseDatePart(text);
}

Result<UnixSeconds> parseUtcTimestamp(std::string_view text) {
    constexpr std::string_view kExpected = "expected a UTC time YYYY-MM-DDTHH:MM:SSZ";
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
        text[19] != 'Z')
        return makeError(std::string(kExpected));
    auto day = parseDatePart(text.substr(0, 10));
    if (!day) return makeError(std::string(kExpected));
    int hh, mm, ss;
    if (!readDigits(text, 11, 2, hh) || !readDigits(text, 14, 2, mm) ||
        !readDigits(text, 17, 2, ss) || hh > 23 || mm > 59 || ss > 59)
        return makeError(std::string(kExpected));
    return *day + hh * 3600 + mm * 60 + ss;
}

std::string formatUtcTimestamp(UnixSeconds seconds) {
    std::int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
    std::int64_t rest = seconds - days * 86400;
    std::int64_t y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", y, m, d, rest / 3600,
                       (rest / 60) % 60, rest % 60);
}

std::string formatDate(UnixSeconds seconds) {
    return formatUtcTimestamp(seconds).substr(0, 10);
}

} // namespace fg
