// Tests of the WAV reader and writer: save-load-compare, espeak-ng's files, stereo and extensible
// headers, refusals naming the file and chunk, every truncation and random garbage refused.
#include "engine/audio/Wav.h"
#include "tests/audio/AudioTestSupport.h"

#include <doctest/doctest.h>
#include <random>

using namespace fg;
using namespace fg::audio;

namespace {

bool mentions(const Error& e, std::string_view text) {
    return e.message.find(text) != std::string::npos;
}

WavData sample(std::uint16_t channels = 1, std::uint32_t rate = 22050) {
    WavData d;
    d.channels = channels;
    d.sampleRate = rate;
    for (int i = 0; i < 200 * channels; ++i)
        d.samples.push_back(std::int16_t(i * 331 - 30000));
    return d;
}

void put16(std::vector<std::uint8_t>& b, std::size_t at, std::uint16_t v) {
    b[at] = std::uint8_t(v);
    b[at + 1] = std::uint8_t(v >> 8);
}

} // namespace

TEST_CASE("a WAV written and read back is the same, mono and stereo") {
    for (std::uint16_t channels : {1, 2}) {
        const WavData d = sample(channels);
        const auto bytes = encodeWav(d);
        CHECK(bytes.size() == 44 + d.samples.size() * 2);
        auto back = parseWav(bytes, "mem.wav");
        REQUIRE_MESSAGE(back, (back ? "" : back.error().message));
        CHECK(back->channels == channels);
        CHECK(back->sampleRate == 22050);
        CHECK(back->samples == d.samples);
    }
    const auto path = fgtest::audioScratch() / "roundtrip.wav";
    REQUIRE(writeWav(path, sample()));
    auto fromFile = readWav(path);
    REQUIRE(fromFile);
    CHECK(fromFile->samples == sample().samples);
}

TEST_CASE("espeak-ng's speech reads as 22.05 kHz mono and converts to 48 kHz") {
    auto wav = readWav(fgtest::speak("Welcome to the fair", "welcome.wav"));
    REQUIRE_MESSAGE(wav, (wav ? "" : wav.error().message));
    CHECK(wav->sampleRate == 22050);
    CHECK(wav->channels == 1);
    CHECK(wav->samples.size() > 22050 / 2);
    const Pcm voice = toVoiceFormat(*wav);
    const double expected = double(wav->samples.size()) * 48000 / 22050;
    CHECK(std::abs(double(voice.size()) - expected) <= 1);
}

TEST_CASE("stereo is averaged to mono and a tone keeps its pitch through resampling") {
    WavData stereo;
    stereo.channels = 2;
    stereo.sampleRate = 48000;
    stereo.samples = {1000, 3000, -2000, -4000};
    CHECK(toVoiceFormat(stereo) == Pcm{2000, -3000});
    // 1 kHz at 16 kHz up to 48 kHz: still 1,000 zero crossings up per second.
    WavData slow;
    slow.sampleRate = 16000;
    for (int i = 0; i < 16000; ++i)
        slow.samples.push_back(std::int16_t(10000 * std::sin(2 * 3.14159265 * 1000 * i / 16000.0)));
    const Pcm fast = toVoiceFormat(slow);
    REQUIRE(fast.size() == 48000);
    int ups = 0;
    for (std::size_t i = 1; i < fast.size(); ++i)
        ups += fast[i - 1] < 0 && fast[i] >= 0;
    CHECK(ups >= 998);
    CHECK(ups <= 1001);
}

TEST_CASE("an extensible header with a PCM sub-format and unknown chunks before data are read") {
    auto bytes = encodeWav(sample());
    // Turn the 16-byte fmt into a 40-byte extensible one and put a LIST chunk before data.
    std::vector<std::uint8_t> ext(bytes.begin(), bytes.begin() + 36);
    ext[16] = 40;
    put16(ext, 20, 0xFFFE);
    std::vector<std::uint8_t> extra(24, 0);
    put16(extra, 8, 1); // sub-format GUID begins with the format tag
    ext.insert(ext.end(), extra.begin(), extra.end());
    const std::uint8_t list[] = {'L', 'I', 'S', 'T', 3, 0, 0, 0, 'a', 'b', 'c', 0};
    ext.insert(ext.end(), std::begin(list), std::end(list));
    ext.insert(ext.end(), bytes.begin() + 36, bytes.end());
    auto back = parseWav(ext, "ext.wav");
    REQUIRE_MESSAGE(back, (back ? "" : back.error().message));
    CHECK(back->samples == sample().samples);
}

TEST_CASE("formats we do not read are refused with the file and the reason") {
    auto bytes = encodeWav(sample());
    auto eight = bytes;
    put16(eight, 34, 8);
    auto e = parseWav(eight, "eight.wav");
    REQUIRE_FALSE(e);
    CHECK(mentions(e.error(), "eight.wav: fmt chunk: 8-bit samples, expected 16"));
    auto floats = bytes;
    put16(floats, 20, 3);
    REQUIRE_FALSE(parseWav(floats, "f.wav"));
    CHECK(mentions(parseWav(floats, "f.wav").error(), "format 3, expected 1 (PCM)"));
    auto noChannels = bytes;
    put16(noChannels, 22, 0);
    CHECK(mentions(parseWav(noChannels, "c.wav").error(), "0 channels"));
    auto slow = bytes;
    put16(slow, 24, 100);
    put16(slow, 26, 0);
    CHECK(mentions(parseWav(slow, "r.wav").error(), "100 Hz"));
    const std::string text = "not audio at all";
    CHECK(mentions(
        parseWav({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()}, "t.wav")
            .error(),
        "t.wav: not a RIFF/WAVE file"));
    auto missing = readWav(fgtest::audioScratch() / "nope.wav");
    REQUIRE_FALSE(missing);
    CHECK(mentions(missing.error(), "nope.wav"));
}

TEST_CASE("every truncation of a WAV is refused, naming the chunk that runs past the end") {
    const auto bytes = encodeWav(sample());
    for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
        auto r = parseWav(std::span(bytes).first(cut), "cut.wav");
        CHECK_MESSAGE(!r, "cut at ", cut);
    }
    auto r = parseWav(std::span(bytes).first(100), "cut.wav");
    CHECK(mentions(r.error(), "cut.wav: chunk 'data' at byte 36: 400 bytes, only 56 left"));
}

TEST_CASE("random garbage and corrupted headers never crash the reader") {
    std::mt19937 rng(14);
    const auto good = encodeWav(sample());
    int read = 0;
    for (int round = 0; round < 2000; ++round) {
        auto bytes = good;
        const int flips = 1 + int(rng() % 6);
        for (int i = 0; i < flips; ++i)
            bytes[rng() % 48] = std::uint8_t(rng());
        if (round % 4 == 0) bytes.resize(rng() % bytes.size());
        auto r = parseWav(bytes, "garbage.wav");
        if (r) {
            ++read;
            CHECK(r->samples.size() * 2 <= bytes.size());
        } else {
            CHECK(r.error().message.starts_with("garbage.wav: "));
        }
    }
    CHECK(read > 0); // some flips land in samples or in fields we accept either way
}
