// fairground: the visitor desktop client. Parses options and runs ClientApp with the embedded
// server; nothing else. Must not contain behaviour: every feature lives in fg_client.
#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "game/client/ClientApp.h"
#include "game/client/EmbeddedServer.h"

#include <cstdio>

int main(int argc, char** argv) {
    const double start = fg::monotonicSeconds();
    const fg::client::ParsedOptions parsed = fg::client::parseClientOptions(argc, argv);
    if (parsed.exitCode >= 0) {
        std::fputs(parsed.message.c_str(), parsed.exitCode ? stderr : stdout);
        std::fputs("\n", parsed.exitCode ? stderr : stdout);
        return parsed.exitCode;
    }
    const std::string& level = parsed.options.logLevel;
    if (level == "debug") fg::log::setLevel(fg::log::Level::Debug);
    if (level == "warn") fg::log::setLevel(fg::log::Level::Warn);
    if (level == "error") fg::log::setLevel(fg::log::Level::Error);
    const std::string live = parsed.options.liveSession;
    auto app = fg::client::ClientApp::create(
        parsed.options, start,
        [live](const std::filesystem::path& exhibition, const std::filesystem::path& dataDir) {
            return fg::client::startEmbeddedServer(exhibition, dataDir, live);
        });
    if (!app) {
        std::fprintf(stderr, "fairground: %s\n", app.error().message.c_str());
        return 1;
    }
    return (*app)->run();
}
