// The client's voice feature without a server or a sound card: VoiceFrameDown messages made here
// go through the client router into the feature, whose WAV device writes what is heard; the
// push-to-talk and open-microphone states from a WAV microphone; VoiceStatus; script actions.
#include "engine/audio/VoiceCodec.h"
#include "engine/audio/Wav.h"
#include "engine/audio/WavAudioDevice.h"
#include "game/client/ClientFeatures.h"
#include "game/client/ClientOptions.h"
#include "game/client/voice/VoiceFeature.h"

#include <array>
#include <cmath>
#include <doctest/doctest.h>
#include <filesystem>

using namespace fg;
using namespace fg::client;

namespace {

constexpr std::uint16_t kSpeaker = 7;

// A 440 Hz tone at AMPLITUDE, SECONDS long, 48 kHz mono.
audio::Pcm tone(double seconds, double amplitude = 8000.0) {
    audio::Pcm pcm(std::size_t(seconds * audio::kSampleRate));
    for (std::size_t i = 0; i < pcm.size(); ++i)
        pcm[i] = std::int16_t(amplitude *
                              std::sin(2.0 * 3.14159265 * 440.0 * double(i) / audio::kSampleRate));
    return pcm;
}

double rms(std::span<const std::int16_t> pcm) {
    double sum = 0;
    for (std::int16_t v : pcm)
        sum += double(v) * double(v);
    return pcm.empty() ? 0.0 : std::sqrt(sum / double(pcm.size()));
}

std::filesystem::path scratch(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / "fg-voice-client-tests";
    std::filesystem::create_directories(dir);
    return dir / name;
}

struct Fixture {
    Session s;
    ClientFeatures features{s};
    VoiceFeature* voice = features.find<VoiceFeature>();
    audio::WavAudioDevice* wav = nullptr;
    Result<audio::VoiceEncoder> encoder = audio::VoiceEncoder::create();
    std::uint16_t sequence = 0;

    explicit Fixture(const std::filesystem::path& in = {}, const std::filesystem::path& out = {}) {
        REQUIRE(voice);
        auto device = audio::WavAudioDevice::open(in, out);
        REQUIRE(device);
        wav = device->get();
        voice->useDevice(std::move(*device), audio::AudioSpec{.kind = audio::AudioSpec::Kind::Wav});
        netclient::RemoteAvatar r;
        r.id = kSpeaker;
        r.position = {3.0f, 0.0f}; // 3 m from the listener at the origin (no avatar here)
        s.remotes.push_back(r);
        s.now = 100.0;
    }

    // One 20 ms step: the frame (if any) arrives through the router, then the feature's clock.
    void step(std::span<const std::int16_t> frame = {}, std::uint8_t flags = 0) {
        if (!frame.empty()) {
            proto::VoiceFrameDown down;
            down.speaker = kSpeaker;
            down.reach = voice::Reach::Nearby;
            REQUIRE(encoder);
            auto packet = encoder->encode(frame.first<audio::kFrameSamples>());
            REQUIRE(packet);
            down.frame.header = {sequence++, voice::frameLevel(frame), flags};
            down.frame.payload = *packet;
            std::vector<proto::Message> inbox;
            inbox.push_back(std::move(down));
            features.dispatch(inbox);
        }
        voice->update(); // the others' update() needs an exhibition: this feature's only
        s.now += 0.020;
    }

    // Speaks SOURCE frame by frame (the last frame flagged end of spurt when END), then idles.
    void speak(const audio::Pcm& source, bool end = false) {
        const std::size_t frames = source.size() / audio::kFrameSamples;
        for (std::size_t i = 0; i < frames; ++i) {
            const std::uint8_t flags = end && i + 1 == frames ? voice::kFlagEndOfSpurt : 0;
            step(std::span(source).subspan(i * audio::kFrameSamples, audio::kFrameSamples), flags);
        }
    }
    void idle(int frames) {
        for (int i = 0; i < frames; ++i)
            step();
    }
};

} // namespace

TEST_CASE("voice client: a forwarded voice is played into OUT.wav at the speaker's distance") {
    const auto out = scratch("heard.wav");
    std::filesystem::remove(out);
    {
        Fixture f({}, out);
        f.speak(tone(1.0));
        CHECK(f.voice->speaking(kSpeaker));
        CHECK(f.voice->playout().voices() == 1);
        f.idle(20);
        CHECK_FALSE(f.voice->speaking(kSpeaker));
        CHECK(f.features.router().unhandled() == 0);
        REQUIRE(f.wav->flush());
    }
    auto heard = audio::readWav(out);
    REQUIRE(heard);
    REQUIRE(heard->samples.size() > audio::kSampleRate); // 1 s of voice plus the idle steps
    // Tone at RMS 5657, through Opus and 3 m of roll-off (2 / (2 + 1)): about 3770.
    const double level = rms(heard->samples);
    MESSAGE("heard RMS " << level);
    CHECK(level > 2000.0);
    CHECK(level < 5000.0);
}

TEST_CASE("voice client: a speaker who stops is dropped, and the next spurt starts clean") {
    Fixture f;
    f.speak(tone(0.4));
    CHECK(f.voice->playout().voices() == 1);
    f.idle(int(kVoiceDropAfterMs / 20) + 10); // quiet for longer than the drop time
    CHECK(f.voice->playout().voices() == 0);
    CHECK_FALSE(f.voice->speaking(kSpeaker));
    const std::uint64_t before = f.voice->playout().framesPlayed();
    f.speak(tone(0.4)); // the sequence runs on; a fresh buffer and decoder take it
    CHECK(f.voice->playout().voices() == 1);
    CHECK(f.voice->speaking(kSpeaker));
    f.idle(10);
    CHECK(f.voice->playout().framesPlayed() > before);
}

TEST_CASE("voice client: the end-of-spurt flag stops playout without concealment") {
    Fixture f;
    f.speak(tone(0.4), true);
    CHECK_FALSE(f.voice->speaking(kSpeaker)); // it said it stopped
    f.idle(15);
    CHECK(f.voice->playout().spurtsEnded() == 1);
    CHECK(f.voice->playout().framesPlayed() == 20); // the 20 frames sent, none concealed
}

TEST_CASE("voice client: per-person silence plays nothing, volume scales what is heard") {
    Fixture muted;
    muted.voice->person(kSpeaker).muted = true;
    muted.speak(tone(0.5));
    muted.idle(10);
    CHECK(muted.voice->playout().framesPlayed() > 0); // decoded (so unmuting is seamless) ...
    CHECK(rms(muted.wav->mixed()) == 0.0);            // ... and not one sample played

    Fixture full, half;
    half.voice->person(kSpeaker).volume = 0.5f;
    full.speak(tone(0.5));
    half.speak(tone(0.5));
    full.idle(10);
    half.idle(10);
    const double ratio = rms(half.wav->mixed()) / rms(full.wav->mixed());
    CHECK(ratio == doctest::Approx(0.5).epsilon(0.02));
    // Also by script action, by display name: nobody has one here, so it says so.
    CHECK_FALSE(full.features.runAction("voice-silence", {"Vy", "on"}).ok());
}

TEST_CASE("voice client: push-to-talk and the open microphone follow the WAV microphone") {
    const auto in = scratch("mic.wav");
    audio::Pcm mic = tone(0.5);
    mic.resize(mic.size() + audio::kSampleRate, 0); // then 1 s of silence
    REQUIRE(audio::writeWav(in, audio::WavData{audio::kSampleRate, 1, mic}));
    Fixture f(in);
    f.idle(5);
    CHECK(f.voice->inputLevel() > 100); // a tone at -12 dBov
    CHECK_FALSE(f.voice->talking());    // push-to-talk, not held
    REQUIRE(f.features.runAction("voice-ptt", {"on"}).ok());
    f.idle(2);
    CHECK(f.voice->talking());
    REQUIRE(f.features.runAction("voice-mute", {"on"}).ok());
    f.idle(1);
    CHECK_FALSE(f.voice->talking()); // muted myself
    REQUIRE(f.features.runAction("voice-mute", {"off"}).ok());
    REQUIRE(f.features.runAction("voice-ptt", {"off"}).ok());
    REQUIRE(f.features.runAction("voice-mode", {"open"}).ok());
    f.idle(2);
    CHECK(f.voice->talking()); // the tone is above the threshold
    f.idle(35);                // into the silence, past the 300 ms hangover
    CHECK(f.voice->inputLevel() == 0);
    CHECK_FALSE(f.voice->talking());
    CHECK(f.voice->framesSent() == 0); // not joined: nothing can go out
    CHECK_FALSE(f.features.runAction("voice-ptt", {"maybe"}).ok());
    CHECK_FALSE(f.features.runAction("voice-mode", {"loud"}).ok());
    CHECK_FALSE(f.features.runAction("voice-mute-audience", {"5"}).ok()); // moderates nothing
}

TEST_CASE("voice client: the moderator's mute is shown with the time left and holds the mic") {
    Fixture f;
    std::vector<proto::Message> inbox;
    inbox.push_back(proto::VoiceStatus{true, 300, "Muted by the moderator"});
    f.features.dispatch(inbox);
    CHECK(f.voice->mutedByServer());
    CHECK(f.voice->mutedText() == "Muted by the moderator, 5 min left");
    REQUIRE(f.features.runAction("voice-ptt", {"on"}).ok());
    f.idle(2);
    CHECK_FALSE(f.voice->talking());
    f.s.now += 301; // the mute's time is over even if its end was never heard
    CHECK_FALSE(f.voice->mutedByServer());
    inbox.clear();
    inbox.push_back(proto::VoiceStatus{false, 0, ""});
    f.features.dispatch(inbox);
    CHECK(f.voice->mutedText().empty());
}

TEST_CASE("voice client: --audio in fairground's options") {
    const char* wav[] = {"fairground", "--audio", "wav:in.wav,out.wav"};
    ParsedOptions p = parseClientOptions(3, wav);
    REQUIRE(p.exitCode == -1);
    CHECK(p.options.audio.kind == audio::AudioSpec::Kind::Wav);
    CHECK(p.options.audio.wavOut == "out.wav");
    const char* none[] = {"fairground"};
    CHECK(parseClientOptions(1, none).options.audio.kind == audio::AudioSpec::Kind::System);
    const char* bad[] = {"fairground", "--audio", "loud"};
    p = parseClientOptions(3, bad);
    CHECK(p.exitCode == 2);
    CHECK(p.message.find("--audio loud") != std::string::npos);
}
