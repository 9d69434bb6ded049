// Process-wide logging: level filter and sink; the default sink writes one line per message.
// Thread-safe; must not depend on anything but the standard library and fmt.
#include "engine/core/Log.h"

#include <atomic>
#include <cstdio>
#include <mutex>

namespace fg::log {
namespace {

std::atomic<Level> g_level{Level::Info};
std::mutex g_sinkMutex;

void defaultSink(Level lvl, std::string_view message) {
    std::fprintf(stderr, "[%s] %.*s\n", levelName(lvl), static_cast<int>(message.size()),
                 message.data());
}

Sink& sinkRef() {
    static Sink sink = defaultSink;
    return sink;
}

} // namespace

void setLevel(Level lvl) {
    g_level.store(lvl);
}
Level level() {
    return g_level.load();
}

Sink setSink(Sink sink) {
    std::lock_guard lock(g_sinkMutex);
    Sink previous = std::move(sinkRef());
    sinkRef() = sink ? std::move(sink) : Sink(defaultSink);
    return previous;
}

void write(Level lvl, std::string_view message) {
    std::lock_guard lock(g_sinkMutex);
    sinkRef()(lvl, message);
}

const char* levelName(Level lvl) {
    switch (lvl) {
    case Level::Debug:
        return "debug";
    case Level::Info:
        return "info";
    case Level::Warn:
        return "warn";
    case Level::Error:
        return "error";
    case Level::Off:
        return "off";
    }
    return "?";
}

} // namespace fg::log
