// Tests of the voice frame on the wire: header and payload round trip through one serialize,
// every truncation refused, out-of-range fields refused on write and on read, the level measure.
#include "game/voice/VoiceFrame.h"

#include <cmath>
#include <doctest/doctest.h>
#include <numbers>

using namespace fg;
using namespace fg::voice;

namespace {

template <class T>
std::vector<std::uint8_t> write(T value) {
    net::BitWriter w;
    REQUIRE(value.serialize(w));
    return w.finish();
}

template <class T>
bool read(std::span<const std::uint8_t> bytes, T& out) {
    net::BitReader r(bytes);
    return out.serialize(r);
}

VoiceFrame sampleFrame() {
    VoiceFrame f;
    f.header = {.sequence = 65535, .level = 97, .flags = kFlagStage | kFlagEndOfSpurt};
    for (int i = 0; i < 73; ++i)
        f.payload.push_back(std::uint8_t(i * 37 + 5));
    return f;
}

} // namespace

TEST_CASE("a voice frame header round trips in 4 bytes and its size is measured") {
    VoiceFrameHeader h{.sequence = 40001, .level = 127, .flags = kFlagEndOfSpurt};
    auto bytes = write(h);
    CHECK(bytes.size() == 4); // 16 + 7 + 2 bits
    net::BitMeasurer m;
    REQUIRE(h.serialize(m));
    CHECK(m.bytes() == bytes.size());
    VoiceFrameHeader back;
    REQUIRE(read(bytes, back));
    CHECK(back == h);
}

TEST_CASE("a voice frame round trips with its payload, and every truncation is refused") {
    const VoiceFrame f = sampleFrame();
    auto bytes = write(f);
    VoiceFrame back;
    REQUIRE(read(bytes, back));
    CHECK(back == f);
    for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
        VoiceFrame partial;
        CHECK_MESSAGE(!read(std::span(bytes).first(cut), partial), "cut at ", cut);
    }
}

TEST_CASE("the writer refuses a frame outside the limits") {
    VoiceFrame f = sampleFrame();
    f.header.level = kMaxLevel + 1;
    net::BitWriter w1;
    CHECK_FALSE(f.serialize(w1));
    f = sampleFrame();
    f.header.flags = 0x80;
    net::BitWriter w2;
    CHECK_FALSE(f.serialize(w2));
    f = sampleFrame();
    f.payload.clear();
    net::BitWriter w3;
    CHECK_FALSE(f.serialize(w3));
    f.payload.assign(kMaxPayloadBytes + 1, 1);
    net::BitWriter w4;
    CHECK_FALSE(f.serialize(w4));
    f.payload.assign(kMaxPayloadBytes, 1);
    net::BitWriter w5;
    CHECK(f.serialize(w5));
}

TEST_CASE("the reader refuses a payload length past the limit or past the bytes") {
    // Header, then a length field claiming kMaxPayloadBytes with only 10 bytes behind it.
    VoiceFrame f = sampleFrame();
    f.payload.assign(kMaxPayloadBytes, 7);
    auto bytes = write(f);
    bytes.resize(4 + 10);
    VoiceFrame back;
    CHECK_FALSE(read(bytes, back));
    // A length code beyond the range: header bits then all ones in the 9-bit length field.
    std::vector<std::uint8_t> garbage(64, 0xff);
    CHECK_FALSE(read(garbage, back));
}

TEST_CASE("the level is 127 + dBov of the frame's RMS: silence 0, full-scale sine 124") {
    std::vector<std::int16_t> pcm(960, 0);
    CHECK(frameLevel(pcm) == 0);
    for (std::size_t i = 0; i < pcm.size(); ++i)
        pcm[i] = std::int16_t(32767 * std::sin(2 * std::numbers::pi * 440 * double(i) / 48000));
    CHECK(frameLevel(pcm) == 124);
    for (auto& s : pcm)
        s = std::int16_t(s / 10); // -20 dB
    CHECK(frameLevel(pcm) == 104);
    CHECK(frameLevel({}) == 0);
}
