// The visitor client under Xvfb with `--audio null` against a real in-process server: a second
// visitor (a NetClient here) stands 3 m in front of it and talks (espeak-ng speech made now,
// encoded like a client does); the client logs the speaker and shows the speaking mark over the
// avatar and in the people panel (a screenshot to $FG_VOICE_SHOTS when set). Test only.
#include "engine/audio/VoiceCodec.h"
#include "engine/core/File.h"
#include "engine/core/Time.h"
#include "game/expo/protocol/VoiceMessages.h"
#include "game/netclient/NetClient.h"
#include "server/ServerApp.h"
#include "tests/audio/AudioTestSupport.h"
#include "tests/client/ServerThread.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <thread>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
namespace proto = fg::expo::proto;
using fg::netclient::NetClient;

const fs::path kSample = fs::path(FG_ASSETS_DIR) / "exhibitions/digital-world-2021/exhibition.json";

fs::path shotsDir(const fs::path& fallback) {
    const char* env = std::getenv("FG_VOICE_SHOTS");
    return env && *env ? fs::absolute(env) : fallback;
}

// The talker: joins, walks to STAND (hall metres) and then speaks SPEECH in a loop, one frame
// per 20 ms, as the client's VoiceFeature does with push-to-talk held.
struct Talker {
    std::unique_ptr<NetClient> link;
    fg::audio::Pcm speech;
    fg::Result<fg::audio::VoiceEncoder> encoder = fg::audio::VoiceEncoder::create();
    std::size_t at = 0;
    std::uint16_t sequence = 0;
    std::uint64_t sent = 0;

    void speakOneFrame() {
        REQUIRE(encoder);
        if (at + fg::audio::kFrameSamples > speech.size()) at = 0;
        std::span<const std::int16_t, fg::audio::kFrameSamples> frame(speech.data() + at,
                                                                      fg::audio::kFrameSamples);
        at += fg::audio::kFrameSamples;
        auto packet = encoder->encode(frame);
        REQUIRE(packet);
        proto::VoiceFrameUp up;
        up.frame.header = {sequence++, fg::voice::frameLevel(frame), 0};
        up.frame.payload = *packet;
        if (link->sendRaw(up)) ++sent;
    }
};

} // namespace

TEST_CASE("the client shows the speaking indicator while a visitor talks nearby") {
    const fs::path dir = fs::temp_directory_path() / fmt::format("fg-voice-window-{}", ::getpid());
    fs::remove_all(dir);
    fs::create_directories(dir);
    fg::server::ServerConfig config;
    config.exhibitionPath = kSample;
    config.dataDir = dir / "server";
    config.bindAddress = "127.0.0.1";
    config.port = 0;
    auto app = fg::server::ServerApp::create(config);
    REQUIRE_MESSAGE(app, (app ? "" : app.error().message));
    fg::test::ServerThread server;
    server.app = std::move(*app);
    const std::uint16_t port = server.app->port();
    server.start();

    Talker talker;
    talker.speech = fgtest::voicePcm(fgtest::speak(
        "Hello, welcome to our booth. Can I show you the new sensors?", "talker.wav"));
    fg::netclient::ClientConfig cfg;
    cfg.port = port;
    cfg.hello.name = "Mai Vo";
    cfg.hello.country = "VN";
    cfg.hello.look = 0xe76f51;
    cfg.hello.clientKey = "key-mai";
    auto link = NetClient::connect(cfg);
    REQUIRE(link);
    talker.link = std::move(*link);
    // The sample's first hall: spawn (60, 4) facing +z; the talker stands 3 m in front of it,
    // facing the newcomer.
    const glm::vec2 spawn(60.0f, 4.0f), stand(60.0f, 7.0f);
    glm::vec2 pos = spawn;
    double nextFrame = fg::monotonicSeconds();
    bool talking = false;
    auto pump = [&] {
        talker.link->update(0);
        if (talker.link->state() != fg::netclient::ClientState::Joined) return;
        const double now = fg::monotonicSeconds();
        if (now < nextFrame) return;
        nextFrame += 0.020;
        if (now - nextFrame > 0.2) nextFrame = now; // a stall: go on from now, no burst
        if (glm::distance(pos, stand) > 0.01f) {    // 5 m/s, under the server's 6
            const glm::vec2 d = stand - pos;
            pos += d * std::min(1.0f, 0.1f / glm::length(d));
            talker.link->sendInput(pos, 180.0f, proto::Anim::Walk);
            return;
        }
        talker.link->sendInput(pos, 180.0f, proto::Anim::Idle);
        if (talking) talker.speakOneFrame();
    };
    auto pumpFor = [&](double seconds) {
        const double until = fg::monotonicSeconds() + seconds;
        while (fg::monotonicSeconds() < until) {
            pump();
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    };
    pumpFor(2);
    REQUIRE((talker.link->state() == fg::netclient::ClientState::Joined));
    talking = true;

    const fs::path shots = shotsDir(dir);
    // Frames are few on lavapipe (about one a second on a busy box): the talker speaks all along.
    const std::string script = fmt::format("5 people\n25 screenshot {}\n27 quit\n",
                                           (shots / "voice-speaking.png").string());
    REQUIRE(fg::writeFileAtomic(dir / "script.txt", script));
    REQUIRE(fg::writeFileAtomic(
        dir / "client.json", std::string_view(R"({"settings": {"msaa": 1, "shadows": false}})")));
    const std::string command = fmt::format(
        "timeout -k 5 400 xvfb-run -a -s '-screen 0 1280x720x24' '{}' --connect 127.0.0.1:{} "
        "--exhibition '{}' --audio null --name 'Linh Tran' --organisation 'Hanoi Telecom' "
        "--email linh@example.com --country VN --config '{}' --cache '{}' --script '{}' "
        "--width 1280 --height 720 --no-vsync --exit-after 6000 > '{}' 2>&1",
        FG_CLIENT_EXE, port, kSample.string(), (dir / "client.json").string(),
        (dir / "cache").string(), (dir / "script.txt").string(), (dir / "client.log").string());
    int rc = -1;
    std::atomic<bool> clientDone{false};
    std::thread client([&] {
        rc = std::system(command.c_str());
        clientDone = true;
    });
    while (!clientDone)
        pumpFor(0.05);
    client.join();
    server.stop = true;
    if (server.thread.joinable()) server.thread.join();
    auto logText = fg::readFileText(dir / "client.log");
    REQUIRE(logText);
    INFO("client log:\n" << *logText);
    CHECK(WIFEXITED(rc));
    CHECK(WEXITSTATUS(rc) == 0);
    CHECK(talker.sent > 100);
    CHECK(logText->find("voice: audio device null") != std::string::npos);
    CHECK(logText->find("voice: Mai Vo speaks (nearby)") != std::string::npos);
    CHECK(fs::exists(shots / "voice-speaking.png"));
    fs::remove_all(dir);
}
