// Tests of the --audio option and the devices with no sound card: null, the WAV device (capture
// from a file, the mix with roll-off), and the system device, which falls back to null.
#include "engine/audio/AudioOption.h"
#include "engine/audio/Wav.h"
#include "engine/audio/WavAudioDevice.h"
#include "engine/core/Log.h"
#include "tests/audio/AudioTestSupport.h"

#include <doctest/doctest.h>

using namespace fg;
using namespace fg::audio;

namespace {

// Captures log lines for the duration of a scope.
struct LogCapture {
    std::vector<std::string> lines;
    log::Sink previous;
    LogCapture() {
        previous = log::setSink([this](log::Level, std::string_view m) { lines.emplace_back(m); });
    }
    ~LogCapture() { log::setSink(previous); }
    bool has(std::string_view text) const {
        for (const auto& l : lines)
            if (l.find(text) != std::string::npos) return true;
        return false;
    }
};

double peak(const Pcm& pcm, std::size_t from, std::size_t to) {
    int best = 0;
    for (std::size_t i = from; i < to && i < pcm.size(); ++i)
        best = std::max(best, std::abs(int(pcm[i])));
    return best;
}

} // namespace

TEST_CASE("--audio accepts null, system and wav:IN,OUT and names what it expected otherwise") {
    CHECK(parseAudioOption("null")->kind == AudioSpec::Kind::Null);
    CHECK(parseAudioOption("system")->kind == AudioSpec::Kind::System);
    auto wav = parseAudioOption("wav:in.wav,out dir/out.wav");
    REQUIRE(wav);
    CHECK(wav->kind == AudioSpec::Kind::Wav);
    CHECK(wav->wavIn == "in.wav");
    CHECK(wav->wavOut == "out dir/out.wav");
    for (const char* bad : {"", "loud", "wav:", "wav:in.wav", "wav:,out.wav", "wav:in.wav,"}) {
        auto r = parseAudioOption(bad);
        REQUIRE_FALSE(r);
        CHECK(r.error().message.starts_with("--audio "));
    }
    CHECK(parseAudioOption("wav:a.wav").error().message ==
          "--audio wav:a.wav: expected wav:IN.wav,OUT.wav");
}

TEST_CASE("the system device opens or falls back to null: it never fails, and it plays") {
    LogCapture log;
    auto device = openAudioDevice({.kind = AudioSpec::Kind::System});
    REQUIRE(device);
    const std::string name = (*device)->name();
    CHECK((name == "null" || name.starts_with("system: ")));
    if (name == "null") CHECK(log.has("using the null device"));
    // Whichever it is, the voice path runs on it.
    const Pcm beep = fgtest::tone(440, 0.02);
    (*device)->setListener({});
    (*device)->play(7, {.position = {1, 0, 0}}, FrameView(beep.data(), kFrameSamples));
    (*device)->place(7, {.position = {2, 0, 0}});
    (*device)->pump();
    std::array<std::int16_t, kFrameSamples> mic{};
    (void)(*device)->capture(mic);
    (*device)->remove(7);
    const DeviceList devices = listAudioDevices(); // possibly nothing, never a blank name
    for (const auto& n : devices.outputs)
        CHECK_FALSE(n.empty());
    for (const auto& n : devices.inputs)
        CHECK_FALSE(n.empty());
    if (name.starts_with("system: ")) CHECK_FALSE(devices.outputs.empty());
}

TEST_CASE("a playback device that does not exist falls back to null with a log line") {
    LogCapture log;
    AudioSpec spec{.kind = AudioSpec::Kind::System, .output = "Fairground: no such device"};
    auto device = openAudioDevice(spec);
    REQUIRE(device);
    CHECK((*device)->name() == "null");
    CHECK(log.has("audio: no playback device 'Fairground: no such device'; using the null device"));
    std::array<std::int16_t, kFrameSamples> mic{};
    CHECK_FALSE((*device)->capture(mic));
}

TEST_CASE("the WAV device captures its input 20 ms at a time, resampled to 48 kHz") {
    WavData slow;
    slow.sampleRate = 24000;
    slow.samples.assign(24000 / 10 + 100, 1200); // 104 ms at 24 kHz
    const auto in = fgtest::audioScratch() / "mic24k.wav";
    REQUIRE(writeWav(in, slow));
    auto device = openAudioDevice(*parseAudioOption(
        "wav:" + in.string() + "," + (fgtest::audioScratch() / "unused.wav").string()));
    REQUIRE(device);
    CHECK((*device)->name().starts_with("wav:"));
    std::array<std::int16_t, kFrameSamples> frame{};
    int frames = 0;
    while ((*device)->capture(frame))
        ++frames;
    CHECK(frames == 6); // 5,000 samples at 48 kHz: five whole frames and a padded sixth
    CHECK(frame[0] == 1200);
    CHECK(frame[kFrameSamples - 1] == 0);
}

TEST_CASE("a WAV device with an unreadable input is an error naming the file") {
    auto device = openAudioDevice(*parseAudioOption("wav:/nonexistent/mic.wav,out.wav"));
    REQUIRE_FALSE(device);
    CHECK(device.error().message.find("/nonexistent/mic.wav") != std::string::npos);
}

TEST_CASE("the WAV device mixes voices with distance roll-off, a stage voice has none") {
    const auto out = fgtest::audioScratch() / "mix.wav";
    auto opened = WavAudioDevice::open({}, out);
    REQUIRE(opened);
    WavAudioDevice& device = **opened;
    device.setRollOff({.referenceMetres = 2, .rolloffFactor = 1, .maxMetres = 12});
    device.setListener({.position = {10, 0, 10}});
    const Pcm beep = fgtest::tone(440, 0.02, 0.25);
    const FrameView frame(beep.data(), kFrameSamples);
    const double full = peak(beep, 0, kFrameSamples);
    device.play(1, {.position = {11, 0, 10}}, frame); // 1 m: within the reference distance
    device.pump();
    device.play(2, {.position = {10, 0, 18}}, frame); // 8 m: 2 / (2 + 6) = 1/4
    device.pump();
    device.play(3, {.position = {10, 0, 40}}, frame); // 30 m: clamped at 12 m, 2 / 12
    device.pump();
    device.play(4, {.position = {10, 0, 40}, .noRollOff = true}, frame); // the stage
    device.pump();
    device.play(5, {.position = {11, 0, 10}, .gain = 0}, frame); // muted by the listener
    device.pump();
    const Pcm& mix = device.mixed();
    REQUIRE(mix.size() == 5 * kFrameSamples);
    CHECK(peak(mix, 0, kFrameSamples) == doctest::Approx(full).epsilon(0.01));
    CHECK(peak(mix, kFrameSamples, 2 * kFrameSamples) == doctest::Approx(full / 4).epsilon(0.01));
    CHECK(peak(mix, 2 * kFrameSamples, 3 * kFrameSamples) ==
          doctest::Approx(full / 6).epsilon(0.01));
    CHECK(peak(mix, 3 * kFrameSamples, 4 * kFrameSamples) == doctest::Approx(full).epsilon(0.01));
    CHECK(peak(mix, 4 * kFrameSamples, 5 * kFrameSamples) == 0);
    REQUIRE(device.flush());
    auto written = readWav(out);
    REQUIRE(written);
    CHECK(written->samples == mix);
    CHECK(written->sampleRate == 48000);
}

TEST_CASE("the WAV device sums voices, clips, drops bursts, and removed voices stop") {
    auto opened = WavAudioDevice::open({}, {});
    REQUIRE(opened);
    WavAudioDevice& device = **opened;
    Pcm loud(kFrameSamples, 30000);
    device.play(1, {}, FrameView(loud.data(), kFrameSamples));
    device.play(2, {}, FrameView(loud.data(), kFrameSamples));
    device.play(2, {}, FrameView(loud.data(), kFrameSamples)); // a second frame queued
    device.pump();
    CHECK(device.mixed()[0] == 32767);
    device.remove(2);
    device.pump();
    CHECK(device.mixed()[kFrameSamples] == 0);
    // A burst past kMaxQueuedFrames is dropped, not queued: 8 frames play, then silence.
    for (int i = 0; i < 12; ++i)
        device.play(3, {}, FrameView(loud.data(), kFrameSamples));
    for (int i = 0; i < 10; ++i)
        device.pump();
    CHECK(device.mixed()[(2 + 7) * kFrameSamples] == 30000);
    CHECK(device.mixed()[(2 + 8) * kFrameSamples] == 0);
}
