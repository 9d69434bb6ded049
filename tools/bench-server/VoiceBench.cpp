// VoiceBench: ServerApp stepping on its own thread, visitors (NetClients over real loopback
// sockets) on worker threads standing in groups at booth fronts, talkers sending a frame every
// 20 ms that carries its send time (the server never decodes it); the server's own counters
// (`voice status --json`) and thread CPU over the window. Prints nothing, asserts nothing.
#include "tools/bench-server/VoiceBench.h"

#include "engine/audio/JitterBuffer.h"
#include "engine/audio/VoiceCodec.h"
#include "engine/core/Time.h"
#include "game/netclient/NetClient.h"
#include "server/ServerApp.h"
#include "tools/bench-server/BenchServer.h"
#include "tools/bench-server/BenchWorld.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstring>
#include <fmt/format.h>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

namespace fg::bench {
namespace {

namespace proto = expo::proto;

struct Visitor {
    std::unique_ptr<netclient::NetClient> net;
    bool talker = false;
    std::uint8_t level = 0;
    std::uint16_t sequence = 0;
    std::string booth;
    glm::vec2 before{0.0f};
    bool placed = false;
};

// What the workers count and sample (under MUTEX, or atomics).
struct Run {
    std::atomic<std::uint32_t> joined{0}, placed{0};
    std::atomic<bool> window{false}, stop{false};
    std::atomic<std::uint64_t> framesDown{0}, bytesDown{0};
    std::mutex mutex;
    std::vector<double> networkMs;
    double jitterTargetSum = 0;
    std::uint32_t jitterBuffers = 0;
};

void nap() {
    std::this_thread::sleep_for(std::chrono::microseconds(500));
}

std::vector<std::uint8_t> payloadAt(double sentAt, std::uint32_t bytes) {
    std::vector<std::uint8_t> p(std::max<std::uint32_t>(bytes, sizeof(double)), 0x5a);
    std::memcpy(p.data(), &sentAt, sizeof sentAt);
    return p;
}

// One listener's view of one voice, for the jitter buffer's target delay.
struct Sampled {
    std::uint16_t speaker = 0;
    audio::JitterBuffer jitter;
};

// SAMPLED (one listener per worker) also feeds its first voice to a jitter buffer.
void receive(Visitor& v, Run& run, std::optional<Sampled>* sampled, double start) {
    for (proto::Message& m : v.net->takeInbox()) {
        auto* down = std::get_if<proto::VoiceFrameDown>(&m);
        if (!down || !run.window) continue;
        const double now = monotonicSeconds();
        double sentAt = 0;
        std::memcpy(&sentAt, down->frame.payload.data(),
                    std::min(sizeof sentAt, down->frame.payload.size()));
        run.framesDown.fetch_add(1, std::memory_order_relaxed);
        run.bytesDown.fetch_add(down->frame.payload.size() + 6, std::memory_order_relaxed);
        if (down->frame.header.sequence % 10 == 0) {
            std::lock_guard lock(run.mutex);
            run.networkMs.push_back((now - sentAt) * 1000.0);
        }
        if (!sampled) continue;
        if (!*sampled) sampled->emplace(Sampled{down->speaker, audio::JitterBuffer{}});
        if ((*sampled)->speaker == down->speaker)
            (void)(*sampled)->jitter.push(down->frame.header.sequence, down->frame.payload,
                                          std::int64_t((now - start) * 1000));
    }
}

// One worker: connects its visitors, puts them at their booths, then talks and listens.
void worker(std::vector<Visitor>& all, std::size_t first, std::size_t last, std::uint16_t port,
            Run& run, const VoiceOptions& options) {
    for (std::size_t i = first; i < last; ++i) {
        netclient::ClientConfig cfg;
        cfg.port = port;
        cfg.hello.name = fmt::format("voice-{}", i);
        cfg.hello.country = "VN";
        cfg.hello.clientKey = cfg.hello.name;
        if (auto c = netclient::NetClient::connect(cfg)) all[i].net = std::move(*c);
    }
    std::vector<bool> joined(last - first, false);
    std::optional<Sampled> sampled;
    const double start = monotonicSeconds();
    double nextFrame = start, nextPop = start;
    while (!run.stop) {
        const double now = monotonicSeconds();
        const bool talkNow = run.window && now >= nextFrame;
        if (talkNow) nextFrame = std::max(nextFrame + 0.02, now - 0.1);
        for (std::size_t i = first; i < last; ++i) {
            Visitor& v = all[i];
            if (!v.net) continue;
            v.net->update(0);
            if (!joined[i - first] && v.net->state() == netclient::ClientState::Joined) {
                joined[i - first] = true;
                ++run.joined;
                v.before = v.net->selfPosition();
                v.net->teleport(proto::TeleportKind::Booth, 0, v.booth);
            }
            if (joined[i - first] && !v.placed && v.net->selfPosition() != v.before) {
                v.placed = true;
                ++run.placed;
            }
            if (talkNow && v.talker)
                v.net->sendRaw(proto::VoiceFrameUp{
                    {{v.sequence++, v.level, 0}, payloadAt(now, options.payloadBytes)}});
            receive(v, run, i == first ? &sampled : nullptr, start);
        }
        if (sampled && now >= nextPop) {
            (void)sampled->jitter.pop(std::int64_t((now - start) * 1000));
            nextPop += 0.02;
        }
        nap();
    }
    if (sampled) {
        std::lock_guard lock(run.mutex);
        run.jitterTargetSum += sampled->jitter.targetDelayMs();
        ++run.jitterBuffers;
    }
    for (std::size_t i = first; i < last; ++i)
        if (all[i].net) all[i].net->disconnect();
}

// Opus encode and decode cost per 20 ms frame on this machine (a voice-like test signal).
void codecCost(VoiceResult& r) {
    auto encoder = audio::VoiceEncoder::create();
    auto decoder = audio::VoiceDecoder::create();
    if (!encoder || !decoder) return;
    std::array<std::int16_t, audio::kFrameSamples> pcm{}, out{};
    std::mt19937 rng(3);
    std::normal_distribution<double> noise(0, 600);
    constexpr int kFrames = 250;
    double encodeS = 0, decodeS = 0;
    for (int f = 0; f < kFrames; ++f) {
        for (std::size_t i = 0; i < pcm.size(); ++i) {
            const double t = double(f * int(pcm.size()) + int(i)) / audio::kSampleRate;
            const double syllable = 0.5 + 0.5 * std::sin(2 * M_PI * 4 * t);
            pcm[i] = std::int16_t(syllable * (4000 * std::sin(2 * M_PI * 180 * t) +
                                              2000 * std::sin(2 * M_PI * 720 * t)) +
                                  noise(rng));
        }
        const double t0 = monotonicSeconds();
        auto packet = encoder->encode(pcm);
        const double t1 = monotonicSeconds();
        if (!packet) return;
        (void)decoder->decode(*packet, out);
        decodeS += monotonicSeconds() - t1;
        encodeS += t1 - t0;
    }
    r.encodeUs = encodeS / kFrames * 1e6;
    r.decodeUs = decodeS / kFrames * 1e6;
}

} // namespace

Result<VoiceResult> runVoiceBench(std::uint32_t visitors, const VoiceOptions& options) {
    std::random_device rd;
    auto dir = std::filesystem::temp_directory_path() / ("fg-bench-voice-" + std::to_string(rd()));
    const expo::Exhibition ex = benchExhibition();
    auto exhibition = writeBenchExhibition(dir, ex);
    if (!exhibition) return exhibition.error();
    auto app = server::ServerApp::create(
        loopbackServerConfig(*exhibition, dir, visitors, options.tickRate));
    if (!app) return app.error();
    server::ServerApp& server = **app;
    std::mutex serverMutex;
    std::atomic<bool> stopServer{false};
    std::thread serverThread([&] {
        while (!stopServer) {
            std::lock_guard lock(serverMutex);
            server.step(2);
        }
    });
    auto voiceTotals = [&] {
        std::lock_guard lock(serverMutex);
        auto r = server.console().execute("voice status --json");
        return nlohmann::json::parse(r.text)["total"];
    };

    VoiceResult result;
    result.visitors = visitors;
    result.talkers = std::min(options.talkers, visitors);
    codecCost(result);
    const std::uint32_t groups = std::clamp<std::uint32_t>(options.groups, 1, 36);
    std::vector<Visitor> all(visitors);
    for (std::uint32_t i = 0; i < visitors; ++i) {
        const std::uint32_t g = i % groups;
        all[i].booth = fmt::format("booth-{}", g * 36 / groups);
        all[i].talker = i < result.talkers; // spread over the groups by i % groups
        all[i].level = std::uint8_t(60 + (i * 7) % 40);
    }
    Run run;
    std::vector<std::thread> workers;
    const std::uint32_t threads = std::clamp<std::uint32_t>(options.threads, 1, 16);
    for (std::uint32_t t = 0; t < threads; ++t)
        workers.emplace_back(worker, std::ref(all), std::size_t(visitors) * t / threads,
                             std::size_t(visitors) * (t + 1) / threads, server.port(),
                             std::ref(run), std::cref(options));
    const double deadline = monotonicSeconds() + 60 + visitors / 50.0;
    while (run.placed < visitors && monotonicSeconds() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    result.connected = run.joined;
    run.window = true;
    std::this_thread::sleep_for(std::chrono::duration<double>(options.settleSeconds));
    run.framesDown = 0;
    run.bytesDown = 0;
    {
        std::lock_guard lock(run.mutex);
        run.networkMs.clear();
    }
    const auto before = voiceTotals();
    const double cpu0 = threadCpuSeconds(serverThread), wall0 = monotonicSeconds();
    std::this_thread::sleep_for(std::chrono::duration<double>(options.seconds));
    const double cpu1 = threadCpuSeconds(serverThread), wall1 = monotonicSeconds();
    const auto after = voiceTotals();
    const std::uint64_t bytes = run.bytesDown;
    run.stop = true;
    for (auto& w : workers)
        w.join();
    stopServer = true;
    serverThread.join();

    const double window = wall1 - wall0;
    auto delta = [&](const char* key) {
        return double(after[key].get<std::uint64_t>() - before[key].get<std::uint64_t>()) / window;
    };
    result.framesInPerSecond = delta("frames_in");
    result.framesOutPerSecond = delta("frames_out");
    result.droppedPerSecond = delta("dropped");
    result.voicesPerListener =
        result.framesInPerSecond > 0 ? result.framesOutPerSecond / result.framesInPerSecond : 0;
    result.serverCpuPercent = (cpu1 - cpu0) / window * 100;
    if (result.framesOutPerSecond > 0)
        result.cpuUsPerForwardedFrame = (cpu1 - cpu0) / (result.framesOutPerSecond * window) * 1e6;
    result.downKbitPerListener = double(bytes) * 8 / 1000 / window / std::max(1u, visitors);
    result.networkP50Ms = percentile(run.networkMs, 0.5);
    result.networkP99Ms = percentile(run.networkMs, 0.99);
    result.jitterTargetMs = run.jitterBuffers ? run.jitterTargetSum / run.jitterBuffers : 0;
    app->reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return result;
}

} // namespace fg::bench
