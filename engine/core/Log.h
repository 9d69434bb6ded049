// Process-wide logging with levels and a replaceable sink (tests capture messages through it).
// Formatting uses fmt; it must never throw on bad input or allocate on the disabled-level path.
#pragma once

#include <fmt/format.h>
#include <functional>
#include <string_view>

namespace fg::log {

enum class Level { Debug = 0, Info = 1, Warn = 2, Error = 3, Off = 4 };

using Sink = std::function<void(Level, std::string_view)>;

void setLevel(Level level);
Level level();
// Replaces the sink (default: stderr with a level tag). Returns the previous one.
Sink setSink(Sink sink);
void write(Level level, std::string_view message);
const char* levelName(Level level);

template <class... Args>
void debug(fmt::format_string<Args...> f, Args&&... args) {
    if (level() <= Level::Debug) write(Level::Debug, fmt::format(f, std::forward<Args>(args)...));
}
template <class... Args>
void info(fmt::format_string<Args...> f, Args&&... args) {
    if (level() <= Level::Info) write(Level::Info, fmt::format(f, std::forward<Args>(args)...));
}
template <class... Args>
void warn(fmt::format_string<Args...> f, Args&&... args) {
    if (level() <= Level::Warn) write(Level::Warn, fmt::format(f, std::forward<Args>(args)...));
}
template <class... Args>
void error(fmt::format_string<Args...> f, Args&&... args) {
    if (level() <= Level::Error) write(Level::Error, fmt::format(f, std::forward<Args>(args)...));
}

} // namespace fg::log
