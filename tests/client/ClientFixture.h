// Windowed client test fixture: the bundled sample served by an in-process ServerApp on its own
// thread, `invite` on its console, and the `fairground` command line under Xvfb with a script.
// Test helper only: never used by programs.
#pragma once

#include "engine/core/File.h"
#include "server/ServerApp.h"
#include "tests/client/ServerThread.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>
#include <string>
#include <unistd.h>

namespace fg::test {

struct ClientFixture {
    std::filesystem::path dir;
    std::filesystem::path exhibition;
    ServerThread server;
    std::uint16_t port = 0;
    int width = 1024, height = 640;
    int seconds = 200; // the client is killed after this long (lavapipe on a busy machine)

    ClientFixture(const std::string& tag, std::filesystem::path exhibitionFile, bool guests = true)
        : exhibition(std::move(exhibitionFile)) {
        namespace fs = std::filesystem;
        dir = fs::temp_directory_path() / fmt::format("fg-client-{}-{}", tag, ::getpid());
        fs::remove_all(dir);
        fs::create_directories(dir);
        server::ServerConfig config;
        config.exhibitionPath = exhibition;
        config.dataDir = dir / "server";
        config.bindAddress = "127.0.0.1";
        config.port = 0;
        config.guests = guests;
        auto app = server::ServerApp::create(config);
        REQUIRE_MESSAGE(app, (app ? "" : app.error().message));
        server.app = std::move(*app);
        port = server.app->port();
        REQUIRE(
            writeFileAtomic(dir / "client.json",
                            std::string_view(R"({"settings": {"msaa": 1, "shadows": false}})")));
    }
    ~ClientFixture() {
        stopServer();
        std::filesystem::remove_all(dir);
    }
    // Stops the server thread (the test may then read the store from its own thread).
    void stopServer() {
        server.stop = true;
        if (server.thread.joinable()) server.thread.join();
    }
    // Runs a console line before the server thread starts (the console is that thread's).
    std::string invite(const std::string& line) {
        auto out = server.app->console().execute(line);
        REQUIRE_MESSAGE(out.ok, out.text);
        auto at = out.text.find("fgx_");
        REQUIRE(at != std::string::npos);
        return out.text.substr(at, 44);
    }
    // The client's command line: signed in with TOKEN as Lan Pham of Lotus Bay, running SCRIPT.
    std::string command(const std::string& token, const std::string& script) {
        REQUIRE(writeFileAtomic(dir / "script.txt", script));
        return fmt::format(
            "timeout -k 5 {10} xvfb-run -a -s '-screen 0 {6}x{7}x24' '{0}' --connect 127.0.0.1:{1} "
            "--exhibition '{2}' --token '{3}' --name 'Lan Pham' --organisation 'Lotus Bay' --email "
            "lan@lotus.example --country VN --config '{4}' --cache '{5}' --script '{8}' --width "
            "{6} "
            "--height {7} --no-vsync --exit-after 6000 > '{9}' 2>&1",
            FG_CLIENT_EXE, port, exhibition.string(), token, (dir / "client.json").string(),
            (dir / "cache").string(), width, height, (dir / "script.txt").string(),
            (dir / "client.log").string(), seconds);
    }
    std::string log() const {
        auto text = readFileText(dir / "client.log");
        return text ? *text : std::string("(no log)");
    }
};

} // namespace fg::test
