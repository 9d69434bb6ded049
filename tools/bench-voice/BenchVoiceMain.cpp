// fairground-bench-voice [--audio SPEC] [--seconds S] [--loss P] [--jitter MS]: µs per 20 ms frame
// to encode and decode speech, the speech through a lossy link and the jitter buffer into the
// device, and µs per listener per frame of the forwarding choice (1,000 visitors, 100 talking).
#include "engine/audio/AudioOption.h"
#include "engine/audio/JitterBuffer.h"
#include "engine/audio/VoiceCodec.h"
#include "engine/net/NetConditioner.h"
#include "game/voice/VoiceForwarding.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fmt/format.h>
#include <numbers>
#include <random>
#include <string>

using namespace fg;

namespace {

double cpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

int fail(const std::string& what) {
    std::fprintf(stderr, "fairground-bench-voice: %s\n", what.c_str());
    return 1;
}

// A voice-like signal when the device gives none: a 120 Hz glottal buzz with formant-ish
// harmonics, syllables at 4 Hz and a little noise, so Opus works as on speech, not on a tone.
audio::Pcm syntheticVoice(double seconds) {
    std::mt19937 rng(7);
    std::normal_distribution<double> noise(0, 300);
    audio::Pcm pcm(std::size_t(seconds * audio::kSampleRate));
    for (std::size_t i = 0; i < pcm.size(); ++i) {
        const double t = double(i) / audio::kSampleRate;
        const double f0 = 120 + 15 * std::sin(2 * std::numbers::pi * 0.7 * t);
        double v = 0;
        for (int h = 1; h <= 20; ++h)
            v += std::sin(2 * std::numbers::pi * f0 * h * t) / (1 + std::abs(h * f0 - 700) / 300);
        const double syllable = std::max(0.0, std::sin(2 * std::numbers::pi * 4 * t));
        pcm[i] = std::int16_t(std::clamp(6000 * v * syllable + noise(rng), -32768.0, 32767.0));
    }
    return pcm;
}

struct Options {
    std::string audio;
    double seconds = 20;
    net::ConditionerConfig link{.latencyMs = 20};
};

// A number for FLAG within [MIN, MAX], or an error naming the flag.
Result<double> number(const std::string& flag, const char* text, double min, double max) {
    char* end = nullptr;
    const double value = std::strtod(text, &end);
    if (end == text || *end != '\0' || !(value >= min && value <= max))
        return makeError(
            fmt::format("{} {}: expected a number from {} to {}", flag, text, min, max));
    return value;
}

Result<Options> parseOptions(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; i += 2) {
        const std::string flag = argv[i];
        if (i + 1 >= argc)
            return makeError(
                "usage: fairground-bench-voice [--audio null|wav:IN.wav,OUT.wav|system] "
                "[--seconds S] [--loss PERCENT] [--jitter MS]");
        if (flag == "--audio") {
            options.audio = argv[i + 1];
            continue;
        }
        double* target = flag == "--seconds" ? &options.seconds : nullptr;
        float* linkValue = flag == "--loss"     ? &options.link.lossPercent
                           : flag == "--jitter" ? &options.link.jitterMs
                                                : nullptr;
        if (!target && !linkValue) return makeError("unknown option " + flag);
        auto value =
            number(flag, argv[i + 1], flag == "--seconds" ? 1 : 0, flag == "--loss" ? 100 : 600);
        if (!value) return value.error();
        if (target) *target = *value;
        if (linkValue) *linkValue = float(*value);
    }
    return options;
}

// Speech to measure on: the device's microphone (a WAV file) when it has one, else synthetic.
audio::Pcm speechFrom(audio::AudioDevice& device, double seconds) {
    audio::Pcm pcm;
    std::array<std::int16_t, audio::kFrameSamples> frame{};
    while (device.capture(frame))
        pcm.insert(pcm.end(), frame.begin(), frame.end());
    if (pcm.empty()) return syntheticVoice(seconds);
    std::printf("speech: %.1f s from %s\n", double(pcm.size()) / audio::kSampleRate,
                device.name().c_str());
    return pcm;
}

struct Encoded {
    std::vector<std::vector<std::uint8_t>> packets;
    double meanBytes = 0;
};

// Encodes and decodes SPEECH frame by frame, timing each side; empty packets on failure.
Encoded benchCodec(const audio::Pcm& speech) {
    auto encoder = audio::VoiceEncoder::create();
    auto decoder = audio::VoiceDecoder::create();
    if (!encoder) return fail(encoder.error().message), Encoded{};
    if (!decoder) return fail(decoder.error().message), Encoded{};
    const std::size_t frames = speech.size() / audio::kFrameSamples;
    Encoded out;
    std::size_t bytes = 0;
    const double e0 = cpuSeconds();
    for (std::size_t i = 0; i < frames; ++i) {
        auto p = encoder->encode(
            audio::FrameView(speech.data() + i * audio::kFrameSamples, audio::kFrameSamples));
        if (!p) return fail(p.error().message), Encoded{};
        bytes += p->size();
        out.packets.push_back(std::move(*p));
    }
    const double e1 = cpuSeconds();
    std::array<std::int16_t, audio::kFrameSamples> pcm{};
    for (const auto& packet : out.packets)
        if (Status st = decoder->decode(packet, pcm); !st)
            return fail(st.error().message), Encoded{};
    const double e2 = cpuSeconds();
    std::printf("codec: %zu frames, %.1f kbit/s, encode %.1f us/frame, decode %.1f us/frame\n",
                frames, double(bytes) * 8 / (double(frames) * 0.02) / 1000,
                (e1 - e0) * 1e6 / double(frames), (e2 - e1) * 1e6 / double(frames));
    out.meanBytes = double(bytes) / double(std::max<std::size_t>(frames, 1));
    return out;
}

// What a listener hears: each packet framed as on the wire (voice::VoiceFrame), sent through a
// network conditioner (LINK), parsed, put through the jitter buffer and decoded (frame, FEC or
// concealment) into the device every 20 ms, 10 ms after the sender's clock.
bool listenThroughLink(audio::AudioDevice& device, const Encoded& encoded,
                       const net::ConditionerConfig& link) {
    net::NetConditioner network(link, 1);
    audio::JitterBuffer jitter;
    auto decoder = audio::VoiceDecoder::create();
    if (!decoder) return fail(decoder.error().message), false;
    std::vector<std::vector<std::uint8_t>> due;
    const std::int64_t end = std::int64_t(encoded.packets.size()) * audio::kFrameMs + 500;
    for (std::int64_t t = 0; t < end; ++t) {
        const std::size_t i = std::size_t(t / audio::kFrameMs);
        if (t % audio::kFrameMs == 0 && i < encoded.packets.size()) {
            voice::VoiceFrame frame{{std::uint16_t(i), 0, 0}, encoded.packets[i]};
            net::BitWriter w;
            if (!frame.serialize(w)) return fail("a packet does not fit a voice frame"), false;
            network.push(w.finish(), double(t) / 1000);
        }
        due.clear();
        network.popDue(double(t) / 1000, due);
        for (const auto& bytes : due) {
            voice::VoiceFrame frame;
            net::BitReader r(bytes);
            if (frame.serialize(r)) (void)jitter.push(frame.header.sequence, frame.payload, t);
        }
        if (t % audio::kFrameMs != audio::kFrameMs / 2) continue;
        const audio::PlayoutStep step = jitter.pop(t);
        std::array<std::int16_t, audio::kFrameSamples> pcm{};
        Status st;
        using Kind = audio::PlayoutStep::Kind;
        if (step.kind == Kind::Frame) st = decoder->decode(step.packet, pcm);
        if (step.kind == Kind::Recover) st = decoder->recover(step.packet, pcm);
        if (step.kind == Kind::Conceal) st = decoder->conceal(pcm);
        if (!st) return fail(st.error().message), false;
        if (step.kind != Kind::Silence) device.play(1, {.noRollOff = true}, pcm);
        device.pump();
    }
    const audio::JitterStats& s = jitter.stats();
    std::printf("link (%.0f %% loss, %.0f ms latency, %.0f ms jitter): lost %llu, late %llu, "
                "recovered by FEC %llu, concealed %llu, jitter buffer target %d ms\n",
                double(link.lossPercent), double(link.latencyMs), double(link.jitterMs),
                (unsigned long long)network.dropped(), (unsigned long long)s.late,
                (unsigned long long)s.recovered, (unsigned long long)s.concealed,
                jitter.targetDelayMs());
    return true;
}

// 1,000 visitors in one hall of SIDE x SIDE metres, 100 of them talking at levels that wobble
// every frame; each listener's choice keeps last frame's for hysteresis, as the server will.
void benchForwarding(float side, const char* label, double frameBytes) {
    constexpr int kVisitors = 1000, kTalkers = 100, kFrames = 200;
    std::mt19937 rng(11);
    std::uniform_real_distribution<float> pos(0, side);
    std::vector<voice::VoiceListener> listeners(kVisitors);
    std::vector<voice::VoiceSpeaker> talkers(kTalkers);
    for (int i = 0; i < kVisitors; ++i)
        listeners[std::size_t(i)] = {std::uint16_t(i + 1), 1, pos(rng), pos(rng), 0, 0};
    for (int i = 0; i < kTalkers; ++i) {
        const auto& l = listeners[std::size_t(i) * 10];
        talkers[std::size_t(i)] = {l.id, 1, l.x, l.z, 0, 0, 0};
    }
    std::vector<voice::VoiceSelection> previous(kVisitors), next(kVisitors);
    const voice::VoiceRules rules;
    std::size_t chosen = 0;
    double cpu = 0;
    for (int frame = 0; frame < kFrames; ++frame) {
        for (auto& t : talkers)
            t.level = std::uint8_t(60 + rng() % 40);
        const double c0 = cpuSeconds();
        for (std::size_t i = 0; i < listeners.size(); ++i)
            voice::chooseVoices(listeners[i], talkers, previous[i], rules, next[i]);
        cpu += cpuSeconds() - c0;
        for (std::size_t i = 0; i < listeners.size(); ++i)
            chosen += next[i].size();
        std::swap(previous, next);
    }
    const double perListener = cpu * 1e6 / (double(kFrames) * kVisitors);
    const double voices = double(chosen) / (double(kFrames) * kVisitors);
    // Down per listener: the voices' frames (payload and voice frame header, 34 bits), before
    // the message header, ENet and UDP.
    const double downKbps = voices * (frameBytes + 34.0 / 8) * 8 * 50 / 1000;
    std::printf("forwarding (%s, %.0f x %.0f m): %.3f us per listener per frame, %.2f voices "
                "per listener, %.0f frames out/s, %.0f kbit/s down per listener, %.1f ms of CPU "
                "per 20 ms frame for all\n",
                label, side, side, perListener, voices, voices * kVisitors * 50, downKbps,
                cpu * 1e3 / kFrames);
}

} // namespace

int main(int argc, char** argv) {
    auto options = parseOptions(argc, argv);
    if (!options) return fail(options.error().message);
    auto spec = audio::parseAudioOption(options->audio.empty() ? "null" : options->audio);
    if (!spec) return fail(spec.error().message);
    auto device = audio::openAudioDevice(*spec);
    if (!device) return fail(device.error().message);
    const audio::Pcm speech = speechFrom(**device, options->seconds);
    const Encoded encoded = benchCodec(speech);
    if (encoded.packets.empty()) return 1;
    if (!listenThroughLink(**device, encoded, options->link)) return 1;
    benchForwarding(200, "spread out", encoded.meanBytes);
    benchForwarding(60, "crowded", encoded.meanBytes);
    benchForwarding(20, "everyone in range", encoded.meanBytes);
    return 0;
}
