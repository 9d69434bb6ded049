// Command-line parsing of the visitor client with CLI11, and the default paths (XDG folders).
// Must not open windows or sockets; it only reads environment variables.
#include "game/client/ClientOptions.h"

#include "engine/core/Translate.h"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <fmt/format.h>

#ifndef FG_ASSETS_DIR
#define FG_ASSETS_DIR "assets"
#endif

namespace fg::client {
namespace {

std::filesystem::path xdgDir(const char* variable, const char* homeFallback) {
    if (const char* v = std::getenv(variable); v && *v) return v;
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / homeFallback;
    return std::filesystem::temp_directory_path();
}

void addOptions(CLI::App& app, ClientOptions& o, std::string& connect,
                std::vector<std::string>& shots) {
    app.add_option("--connect", connect, "HOST:PORT of a Fairground server to join");
    app.add_option("--ticket", o.ticket,
                   "visitor ticket code (fgt_..., from the server's 'tickets issue') for "
                   "--connect, this run only");
    app.add_option("--token", o.token,
                   "invitation code: a visitor ticket (fgt_...) or an exhibitor or organiser "
                   "token (fgx_..., from 'invite'); kept in client.json until Sign out");
    app.add_option("--exhibition", o.exhibition,
                   "exhibition.json to host locally (with --connect: show this local copy "
                   "instead of downloading the server's)");
    app.add_option("--data", o.dataDir, "data folder of the embedded server");
    app.add_option("--script", o.script, "timed input script to play");
    app.add_option("--screenshot-at", shots, "FRAME FILE.png (repeatable)")
        ->expected(2)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    app.add_option("--exit-after", o.exitAfter, "quit after this many frames");
    app.add_option("--width", o.width, "window width")->check(CLI::Range(160, 7680));
    app.add_option("--height", o.height, "window height")->check(CLI::Range(120, 4320));
    app.add_flag("!--no-vsync", o.vsync, "render as fast as possible");
    app.add_flag("--validation", o.validation, "enable the Vulkan validation layer");
    app.add_flag("--bench", o.bench, "print frame-time figures at exit");
    app.add_option("--resolution-scale", o.resolutionScale,
                   "draw the 3D view at this fraction of the window (0.25-1)")
        ->check(CLI::Range(0.25, 1.0));
    app.add_option("--ui-scale", o.uiScale,
                   "UI scale in percent, 75-200 (default: the monitor's content scale)")
        ->check(CLI::Range(75, 200));
    app.add_flag("--high-contrast", o.highContrast, "the high-contrast UI theme");
    app.add_option("--bots", o.bots, "simulated visitors to start around the spawn")
        ->check(CLI::Range(0, 1000));
    app.add_option("--name", o.name, "display name (skips the first-run form when complete)");
    app.add_option("--organisation", o.organisation, "organisation");
    app.add_option("--email", o.email, "e-mail for business cards");
    app.add_option("--country", o.country, "country code, e.g. VN");
    app.add_option("--color", o.color, "avatar colour #rrggbb");
    app.add_option("--config", o.configFile, "client.json to use");
    app.add_option("--cache", o.cacheDir, "asset cache folder");
    app.add_option("--log-level", o.logLevel, "debug, info, warn or error");
    app.add_option("--lang", o.language,
                   "UI language this run: en or fr (default: Settings, else LANGUAGE, LC_ALL, "
                   "LC_MESSAGES, LANG)")
        ->check(CLI::IsMember(uiLanguages()));
    app.add_option("--live-session", o.liveSession,
                   "embedded server only: the session made live now and run by scripted speaker, "
                   "moderator and audience: auto, a session id, or off");
}

void addAudioOption(CLI::App& app, std::string& audio) {
    app.add_option("--audio", audio,
                   "voice device: system (the sound card; null when there is none), null, or "
                   "wav:IN.wav,OUT.wav (IN is the microphone, what is heard goes to OUT)");
}

Status takeShots(const std::vector<std::string>& raw, std::vector<ScreenshotRequest>& out) {
    for (std::size_t i = 0; i + 1 < raw.size(); i += 2) {
        ScreenshotRequest shot;
        try {
            std::size_t used = 0;
            shot.frame = std::stoull(raw[i], &used);
            if (used != raw[i].size()) throw std::invalid_argument(raw[i]);
        } catch (const std::exception&) {
            return makeError(
                fmt::format("--screenshot-at: FRAME must be a number, got '{}'", raw[i]));
        }
        shot.file = raw[i + 1];
        out.push_back(shot);
    }
    return {};
}

} // namespace

Status splitHostPort(const std::string& text, std::string& host, std::uint16_t& port) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0)
        return makeError(fmt::format("address '{}': expected HOST:PORT", text));
    host = text.substr(0, colon);
    const std::string digits = text.substr(colon + 1);
    if (digits.empty() || digits.size() > 5 ||
        digits.find_first_not_of("0123456789") != std::string::npos)
        return makeError(fmt::format("address '{}': port '{}' is not a number", text, digits));
    const int p = std::stoi(digits);
    if (p < 1 || p > 65535)
        return makeError(fmt::format("address '{}': port {} is outside 1-65535", text, p));
    port = std::uint16_t(p);
    return {};
}

std::filesystem::path defaultExhibitionPath() {
    return std::filesystem::path(FG_ASSETS_DIR) / "exhibitions/digital-world-2021/exhibition.json";
}

std::filesystem::path defaultConfigFile() {
    return xdgDir("XDG_CONFIG_HOME", ".config") / "fairground/client.json";
}

std::filesystem::path defaultCacheDir() {
    return xdgDir("XDG_CACHE_HOME", ".cache") / "fairground";
}

ParsedOptions parseClientOptions(int argc, const char* const* argv) {
    ParsedOptions parsed;
    ClientOptions& o = parsed.options;
    CLI::App app{"fairground: the Fairground visitor client", "fairground"};
    std::string connect;
    std::vector<std::string> shots;
    std::string audio = "system";
    addOptions(app, o, connect, shots);
    addAudioOption(app, audio);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        parsed.exitCode = 0;
        parsed.message = app.help();
        return parsed;
    } catch (const CLI::ParseError& e) {
        parsed.exitCode = 2;
        parsed.message = fmt::format("fairground: {}\n{}", e.what(), app.help());
        return parsed;
    }
    Status status = takeShots(shots, o.shots);
    if (status && !connect.empty()) status = splitHostPort(connect, o.connectHost, o.connectPort);
    if (status) {
        auto spec = audio::parseAudioOption(audio);
        if (spec)
            o.audio = std::move(*spec);
        else
            status = spec.error();
    }
    if (!status) {
        parsed.exitCode = 2;
        parsed.message = "fairground: " + status.error().message;
        return parsed;
    }
    o.localExhibition = !o.exhibition.empty();
    if (o.exhibition.empty()) o.exhibition = defaultExhibitionPath();
    if (o.configFile.empty()) o.configFile = defaultConfigFile();
    if (o.cacheDir.empty()) o.cacheDir = defaultCacheDir();
    if (o.dataDir.empty()) o.dataDir = o.cacheDir / "embedded-server";
    return parsed;
}

} // namespace fg::client
