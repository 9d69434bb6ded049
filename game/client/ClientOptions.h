// Command-line options of the visitor client (what to join or host, test hooks, window size).
// Parsing only: nothing here opens windows, files or sockets.
#pragma once

#include "engine/audio/AudioOption.h"
#include "engine/core/Result.h"
#include "engine/core/Translate.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace fg::client {

struct ScreenshotRequest {
    std::uint64_t frame = 0;
    std::filesystem::path file;
};

struct ClientOptions {
    std::string connectHost; // empty: host an embedded server
    std::uint16_t connectPort = 0;
    std::string ticket;
    std::string token;                // --token: invitation code, kept in the profile (client.json)
    std::filesystem::path exhibition; // embedded server's exhibition (default: the sample)
    bool localExhibition = false;  // --exhibition given: with --connect, show it, do not download
    std::filesystem::path dataDir; // embedded server's store; default under the cache dir
    std::filesystem::path script;  // timed input to play
    std::vector<ScreenshotRequest> shots; // --screenshot-at FRAME FILE (repeatable)
    std::uint64_t exitAfter = 0;          // 0: run until closed
    int width = 1280;
    int height = 720;
    bool vsync = true;
    bool validation = false;
    int bots = 0;              // simulated visitors started in-process (benchmarks, screenshots)
    bool bench = false;        // print frame-time figures at exit
    float resolutionScale = 0; // > 0: overrides the profile's setting (and is saved with it)
    int uiScale = 0;           // --ui-scale PCT (75-200): overrides the profile's setting
    bool highContrast = false; // --high-contrast: turns the theme on (saved with the profile)
    std::string name, organisation, email, country, color; // override / pre-fill the profile
    std::filesystem::path configFile; // default $XDG_CONFIG_HOME/fairground/client.json
    std::filesystem::path cacheDir;   // default $XDG_CACHE_HOME/fairground
    std::string logLevel = "info";
    // The embedded default's scripted live session: "auto" (the sample's first forum session
    // with a deck of pages), a session id, or "off".
    std::string liveSession = "auto";
    std::string language; // --lang: the UI language this run (empty: Settings, else the locale)
    // --audio null|wav:IN.wav,OUT.wav|system: the voice device (system falls back to null).
    audio::AudioSpec audio;
};

// Result of parsing: options, or exitCode >= 0 when the program should stop (help, bad args).
struct ParsedOptions {
    ClientOptions options;
    int exitCode = -1;
    std::string message; // help text or the reason the arguments were refused
};

ParsedOptions parseClientOptions(int argc, const char* const* argv);
// "HOST:PORT" -> host and port; an error names what is wrong with TEXT.
Status splitHostPort(const std::string& text, std::string& host, std::uint16_t& port);
// The bundled sample exhibition (assets/exhibitions/digital-world-2021/exhibition.json).
std::filesystem::path defaultExhibitionPath();
std::filesystem::path defaultConfigFile();
std::filesystem::path defaultCacheDir();

} // namespace fg::client
