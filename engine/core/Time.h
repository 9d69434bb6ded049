// Clocks and UTC time stamps: a monotonic clock for ticks and timings, ISO 8601 for data files.
// Parsing is strict and returns an error value; nothing here reads the local time zone.
#pragma once

#include "engine/core/Result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace fg {

// Seconds since 1970-01-01T00:00:00Z.
using UnixSeconds = std::int64_t;

// Monotonic time in nanoseconds since an arbitrary start; for intervals only.
std::int64_t monotonicNanos();
double monotonicSeconds();
UnixSeconds unixNow();

// "2021-10-12T09:00:00Z" -> seconds. Only the Z (UTC) form is accepted.
Result<UnixSeconds> parseUtcTimestamp(std::string_view text);
// "2021-10-12" -> seconds at 00:00:00Z of that day.
Result<UnixSeconds> parseDate(std::string_view text);
std::string formatUtcTimestamp(UnixSeconds seconds);
std::string formatDate(UnixSeconds seconds);

} // namespace fg
