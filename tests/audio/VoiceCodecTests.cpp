// Tests of the Opus adapter: ~24 kbit/s packets that decode back to the tone, FEC recovery of a
// lost frame from the next packet, concealment, and corrupt or oversized packets refused.
#include "engine/audio/VoiceCodec.h"
#include "tests/audio/AudioTestSupport.h"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>

using namespace fg;
using namespace fg::audio;

namespace {

using Frame = std::array<std::int16_t, kFrameSamples>;

FrameView frameAt(const Pcm& pcm, std::size_t index) {
    return FrameView(pcm.data() + index * kFrameSamples, kFrameSamples);
}

double rms(std::span<const std::int16_t> pcm) {
    double sum = 0;
    for (auto s : pcm)
        sum += double(s) * s;
    return std::sqrt(sum / double(pcm.size()));
}

struct Coded {
    std::vector<std::vector<std::uint8_t>> packets;
    std::size_t bytes = 0;
};

Coded encodeAll(const Pcm& pcm) {
    auto encoder = VoiceEncoder::create();
    REQUIRE_MESSAGE(encoder, (encoder ? "" : encoder.error().message));
    Coded out;
    for (std::size_t i = 0; i < pcm.size() / kFrameSamples; ++i) {
        auto packet = encoder->encode(frameAt(pcm, i));
        REQUIRE_MESSAGE(packet, (packet ? "" : packet.error().message));
        out.bytes += packet->size();
        out.packets.push_back(std::move(*packet));
    }
    return out;
}

} // namespace

TEST_CASE("speech encodes at about 24 kbit/s and decodes back with its envelope") {
    auto wav = fgtest::voicePcm(fgtest::speak("The forum opens at nine in hall two", "codec.wav"));
    const Coded coded = encodeAll(wav);
    const double seconds = double(coded.packets.size()) * kFrameMs / 1000.0;
    const double kbps = double(coded.bytes) * 8 / seconds / 1000.0;
    MESSAGE("speech: ", coded.packets.size(), " frames, ", kbps, " kbit/s");
    CHECK(kbps > 12);
    CHECK(kbps < 32);
    for (const auto& p : coded.packets)
        CHECK(p.size() <= kMaxVoicePacketBytes);
    auto decoder = VoiceDecoder::create();
    REQUIRE(decoder);
    Pcm decoded;
    for (const auto& p : coded.packets) {
        Frame f{};
        REQUIRE(decoder->decode(p, f));
        decoded.insert(decoded.end(), f.begin(), f.end());
    }
    const auto match = fgtest::alignEnvelopes(fgtest::envelope(wav), fgtest::envelope(decoded), 10);
    MESSAGE("envelope correlation ", match.correlation, " at lag ", match.lagWindows);
    CHECK(match.correlation > 0.95);
}

// Decodes PACKETS losing every 4th frame from the 8th on, repairing each loss with FEC from the
// next packet or with concealment; no loss at all with lossEvery = 0.
Pcm decodeWithLoss(const Coded& coded, std::size_t lossEvery, bool useFec) {
    auto decoder = VoiceDecoder::create();
    REQUIRE(decoder);
    Pcm out;
    for (std::size_t i = 0; i < coded.packets.size(); ++i) {
        Frame f{};
        const bool lost = lossEvery && i >= 8 && i % lossEvery == 0 && i + 1 < coded.packets.size();
        if (!lost)
            REQUIRE(decoder->decode(coded.packets[i], f));
        else
            REQUIRE((useFec ? decoder->recover(coded.packets[i + 1], f) : decoder->conceal(f)));
        out.insert(out.end(), f.begin(), f.end());
    }
    return out;
}

TEST_CASE("lost frames are rebuilt from the next packet's FEC closer than by concealment") {
    const Pcm pcm = fgtest::voicePcm(fgtest::speak("Welcome to the national pavilion", "fec.wav"));
    const Coded coded = encodeAll(pcm);
    REQUIRE(coded.packets.size() > 40);
    // Against the loss-free decode (same codec delay), over the lost frames only.
    const Pcm clean = decodeWithLoss(coded, 0, false);
    auto error = [&](const Pcm& repaired) {
        double sum = 0;
        for (std::size_t i = 8; i + 1 < coded.packets.size(); i += 4)
            for (std::size_t k = i * kFrameSamples; k < (i + 1) * kFrameSamples; ++k)
                sum += std::pow(double(repaired[k]) - clean[k], 2);
        return std::sqrt(sum);
    };
    const double fec = error(decodeWithLoss(coded, 4, true));
    const double plc = error(decodeWithLoss(coded, 4, false));
    MESSAGE("25 % loss: FEC error ", fec, ", concealment error ", plc);
    CHECK(fec < plc * 0.8);
}

TEST_CASE("concealment with nothing received fades instead of failing") {
    auto decoder = VoiceDecoder::create();
    REQUIRE(decoder);
    Frame f{};
    for (int i = 0; i < 5; ++i)
        REQUIRE(decoder->conceal(f));
    CHECK(rms(f) < 1.0);
    REQUIRE(decoder->recover({}, f)); // no next packet: concealment too
}

TEST_CASE("corrupt, empty and oversized packets are errors, not crashes") {
    auto decoder = VoiceDecoder::create();
    REQUIRE(decoder);
    Frame f{};
    // TOC code 3 (arbitrary frame count) with a count of 0 frames is invalid.
    const std::vector<std::uint8_t> bad = {0x03, 0x00};
    auto st = decoder->decode(bad, f);
    REQUIRE_FALSE(st);
    CHECK(st.error().message.starts_with("opus: decoding a frame: "));
    CHECK_FALSE(decoder->decode({}, f));
    const std::vector<std::uint8_t> huge(kMaxVoicePacketBytes + 1, 0x10);
    CHECK(decoder->decode(huge, f).error().message.find("at most 400") != std::string::npos);
    // A packet of 40 ms (two 20 ms frames) is not one voice frame.
    auto encoder = VoiceEncoder::create();
    REQUIRE(encoder);
    Frame silence{};
    auto p = encoder->encode(silence);
    REQUIRE(p);
    std::vector<std::uint8_t> two = *p;
    two[0] = std::uint8_t((two[0] & 0xfc) | 0x01); // code 1: two frames of equal size
    two.insert(two.end(), p->begin() + 1, p->end());
    auto twoFrames = decoder->decode(two, f);
    CHECK_FALSE(twoFrames);
}
