// VoiceCrowd: connect, teleport to the booth and walk into place, then every 20 ms the speakers
// capture, encode and send one frame and the listeners play out what their jitter buffers hold.
// One thread; real time (the server's rate limit and the jitter buffers see a real clock).
#include "tools/bot/VoiceCrowd.h"

#include "engine/audio/JitterBuffer.h"
#include "engine/audio/VoiceCodec.h"
#include "engine/audio/WavAudioDevice.h"
#include "engine/core/Time.h"
#include "game/voice/VoiceFrame.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

namespace fg::bot {

namespace proto = expo::proto;
using audio::kFrameSamples;
using Frame = std::array<std::int16_t, kFrameSamples>;

namespace {

constexpr double kJoinSeconds = 15, kPlaceSeconds = 20;
constexpr float kWalkStep = 0.08f; // metres per input at 50 inputs/s: 4 m/s, under the limit
constexpr float kEarHeight = 1.6f;

struct Incoming {
    audio::JitterBuffer jitter;
    audio::VoiceDecoder decoder;
    voice::Reach reach = voice::Reach::Nearby;
};

struct Bot {
    std::unique_ptr<netclient::NetClient> net;
    std::string name;
    bool speaker = false;
    glm::vec2 target{0.0f};
    bool placed = false;
    // Speaker.
    std::unique_ptr<audio::WavAudioDevice> mic;
    std::optional<audio::VoiceEncoder> encoder;
    std::uint16_t sequence = 0;
    bool finished = false;
    std::string muteReason;
    // Listener.
    std::unique_ptr<audio::WavAudioDevice> out;
    std::map<std::uint16_t, Incoming> voices;
    VoiceListenerReport report;
};

double now() {
    return monotonicSeconds();
}

void nap() {
    std::this_thread::sleep_for(std::chrono::microseconds(500));
}

void pumpAll(std::vector<Bot>& bots) {
    for (Bot& b : bots)
        b.net->update(0);
}

// The client's own position as the server last set it (teleports arrive as corrections).
glm::vec2 at(const Bot& b) {
    return b.net->selfPosition();
}

Status connectAll(const VoiceCrowdConfig& c, std::vector<Bot>& bots) {
    for (std::uint32_t i = 0; i < c.count; ++i) {
        Bot b;
        b.speaker = i < c.speakers;
        b.name = fmt::format("{}-{}{}", c.namePrefix, b.speaker ? "speaker" : "listener", i);
        netclient::ClientConfig cfg;
        cfg.host = c.host;
        cfg.port = !b.speaker && c.listenerPort ? c.listenerPort : c.port;
        cfg.hello.name = b.name;
        cfg.hello.look = 0x884422 + i;
        cfg.hello.country = "VN";
        cfg.hello.clientKey = "voicebot-" + b.name;
        if (c.configure) c.configure(i, cfg);
        auto net = netclient::NetClient::connect(std::move(cfg));
        if (!net) return makeError(fmt::format("{}: {}", b.name, net.error().message));
        b.net = std::move(*net);
        bots.push_back(std::move(b));
    }
    const double deadline = now() + kJoinSeconds;
    for (;;) {
        pumpAll(bots);
        const auto waiting = std::find_if(bots.begin(), bots.end(), [](const Bot& b) {
            return b.net->state() != netclient::ClientState::Joined;
        });
        if (waiting == bots.end()) return {};
        if (waiting->net->state() != netclient::ClientState::Connecting || now() > deadline)
            return makeError(fmt::format("{} did not join ({}: {})", waiting->name,
                                         toString(waiting->net->state()),
                                         waiting->net->rejection().text));
        nap();
    }
}

// The booth in BOOTH's hall whose front is farthest from it.
const expo::Booth* farthestBooth(const expo::Exhibition& ex, const expo::Booth& booth) {
    const expo::Booth* best = nullptr;
    for (const expo::Booth& b : ex.booths)
        if (b.hall == booth.hall && b.id != booth.id &&
            (!best || glm::distance(b.position, booth.position) >
                          glm::distance(best->position, booth.position)))
            best = &b;
    return best;
}

// Teleports every bot to its booth and waits until the server has put each there.
Status teleportAll(std::vector<Bot>& bots, const std::vector<std::string>& booths) {
    std::vector<glm::vec2> before;
    for (std::size_t i = 0; i < bots.size(); ++i) {
        before.push_back(at(bots[i]));
        bots[i].net->teleport(proto::TeleportKind::Booth, 0, booths[i]);
    }
    const double deadline = now() + kPlaceSeconds;
    for (;;) {
        pumpAll(bots);
        bool all = true;
        for (std::size_t i = 0; i < bots.size(); ++i)
            all = all && at(bots[i]) != before[i];
        if (all) return {};
        if (now() > deadline) return makeError("the bots were not teleported to their booths");
        nap();
    }
}

// Where each bot stands: speakers side by side at the front, near listeners around them at
// nearMetres (in front, then to each side, then diagonally), far ones where they landed.
void chooseTargets(const VoiceCrowdConfig& c, const expo::Booth& booth, std::vector<Bot>& bots) {
    const glm::vec2 base = at(bots.front());
    const glm::vec2 out = expo::boothFrontDirection(booth);
    const glm::vec2 side{-out.y, out.x};
    const std::array<glm::vec2, 5> around = {out, side, -side, glm::normalize(out + side),
                                             glm::normalize(out - side)};
    std::uint32_t listener = 0;
    const std::uint32_t nearCount = c.count - c.speakers - std::min(c.far, c.count - c.speakers);
    for (std::uint32_t i = 0; i < bots.size(); ++i) {
        Bot& b = bots[i];
        if (b.speaker) {
            b.target = base + side * (0.8f * float(i));
        } else if (listener < nearCount) {
            const float ring = c.nearMetres + float(listener / around.size());
            b.target = base + around[listener % around.size()] * ring;
            ++listener;
        } else {
            b.target = at(b); // far: at the other booth's front
        }
    }
}

// Walks every bot to its target at 4 m/s; a bot the server keeps stopping stays where it got.
void walkAll(std::vector<Bot>& bots) {
    const double deadline = now() + kPlaceSeconds;
    double next = now();
    while (now() < deadline) {
        pumpAll(bots);
        if (now() < next) {
            nap();
            continue;
        }
        next += 0.02;
        bool moving = false;
        for (Bot& b : bots) {
            const glm::vec2 p = at(b), d = b.target - p;
            const float left = glm::length(d);
            if (left < 0.01f) continue;
            moving = true;
            b.net->sendInput(p + d / left * std::min(kWalkStep, left), 0, proto::Anim::Walk);
        }
        if (!moving) break;
    }
    for (Bot& b : bots)
        b.net->sendInput(at(b), 0, proto::Anim::Idle);
}

Status place(const VoiceCrowdConfig& c, std::vector<Bot>& bots) {
    const expo::Booth* booth = expo::findBooth(c.exhibition, c.standAt);
    if (!booth) return makeError(fmt::format("--stand-at '{}': no such booth", c.standAt));
    const expo::Booth* far = c.far ? farthestBooth(c.exhibition, *booth) : nullptr;
    if (c.far && !far)
        return makeError(fmt::format("--far: no other booth in the hall of '{}'", c.standAt));
    std::vector<std::string> booths;
    for (std::uint32_t i = 0; i < bots.size(); ++i)
        booths.push_back(i + c.far >= bots.size() && !bots[i].speaker ? far->id : booth->id);
    if (Status s = teleportAll(bots, booths); !s) return s;
    chooseTargets(c, *booth, bots);
    walkAll(bots);
    return {};
}

Status openAudio(const VoiceCrowdConfig& c, std::vector<Bot>& bots) {
    for (Bot& b : bots) {
        const std::filesystem::path wav = b.speaker || c.voiceOut.empty()
                                              ? std::filesystem::path()
                                              : c.voiceOut / (b.name + ".wav");
        auto device = audio::WavAudioDevice::open(b.speaker ? c.voiceIn : "", wav);
        if (!device) return device.error();
        if (b.speaker) {
            auto encoder = audio::VoiceEncoder::create();
            if (!encoder) return encoder.error();
            b.encoder.emplace(std::move(*encoder));
            b.mic = std::move(*device);
        } else {
            b.out = std::move(*device);
            b.report.wav = wav;
        }
    }
    return {};
}

// One 20 ms frame of a speaker's microphone, encoded and sent; false once the file has ended.
bool speak(Bot& b, VoiceCrowdReport& report) {
    Frame pcm{};
    if (!b.mic->capture(pcm)) return false;
    auto packet = b.encoder->encode(pcm);
    if (!packet) {
        report.errors.push_back(b.name + ": " + packet.error().message);
        return false;
    }
    b.net->sendRaw(
        proto::VoiceFrameUp{{{b.sequence++, voice::frameLevel(pcm), 0}, std::move(*packet)}});
    ++report.framesSent;
    return true;
}

void receive(Bot& b, std::int64_t nowMs) {
    for (proto::Message& m : b.net->takeInbox()) {
        if (auto* status = std::get_if<proto::VoiceStatus>(&m)) {
            if (status->muted) {
                b.report.toldMuted = true;
                b.muteReason = status->reason.empty() ? "muted" : status->reason;
            }
            continue;
        }
        auto* down = std::get_if<proto::VoiceFrameDown>(&m);
        if (!down || b.speaker) continue;
        auto it = b.voices.find(down->speaker);
        if (it == b.voices.end()) {
            auto decoder = audio::VoiceDecoder::create();
            if (!decoder) continue;
            it = b.voices
                     .emplace(down->speaker,
                              Incoming{audio::JitterBuffer{}, std::move(*decoder), down->reach})
                     .first;
        }
        ++b.report.framesReceived;
        (void)it->second.jitter.push(down->frame.header.sequence, down->frame.payload, nowMs);
    }
}

// Every voice's next 20 ms, placed at its speaker (or everywhere for a stage voice), mixed.
void playOut(Bot& b, std::int64_t nowMs) {
    const glm::vec2 me = at(b);
    b.out->setListener({{me.x, kEarHeight, me.y}});
    const std::vector<netclient::RemoteAvatar> avatars = b.net->interpolated(now());
    for (auto& [id, in] : b.voices) {
        const audio::PlayoutStep step = in.jitter.pop(nowMs);
        Frame pcm{};
        Status st;
        switch (step.kind) {
        case audio::PlayoutStep::Kind::Silence:
            continue;
        case audio::PlayoutStep::Kind::Frame:
            st = in.decoder.decode(step.packet, pcm);
            break;
        case audio::PlayoutStep::Kind::Recover:
            st = in.decoder.recover(step.packet, pcm);
            break;
        case audio::PlayoutStep::Kind::Conceal:
            st = in.decoder.conceal(pcm);
            break;
        }
        if (!st) continue;
        auto remote = std::find_if(avatars.begin(), avatars.end(),
                                   [&](const netclient::RemoteAvatar& a) { return a.id == id; });
        const glm::vec2 where = remote != avatars.end() ? remote->position : me;
        b.out->play(id, {{where.x, kEarHeight, where.y}, in.reach == voice::Reach::Stage, 1.0f},
                    pcm);
    }
    b.out->pump();
}

void finishReport(const VoiceCrowdConfig& c, std::vector<Bot>& bots, VoiceCrowdReport& report) {
    const glm::vec2 speakerAt = c.speakers ? at(bots.front()) : glm::vec2(0.0f);
    for (Bot& b : bots) {
        if (b.speaker) {
            report.speakerStatus.push_back(b.muteReason);
            continue;
        }
        if (Status s = b.out->flush(); !s) report.errors.push_back(s.error().message);
        b.report.name = b.name;
        b.report.position = at(b);
        b.report.metresFromSpeaker = glm::distance(at(b), speakerAt);
        b.report.speakersHeard = b.voices.size();
        for (auto& [id, in] : b.voices) {
            b.report.late += in.jitter.stats().late;
            b.report.recovered += in.jitter.stats().recovered;
            b.report.concealed += in.jitter.stats().concealed;
        }
        report.listeners.push_back(b.report);
    }
}

} // namespace

Result<VoiceCrowdReport> runVoiceCrowd(const VoiceCrowdConfig& c) {
    if (c.count == 0 || c.speakers > c.count)
        return makeError(fmt::format("--speakers {} of {} bots", c.speakers, c.count));
    if (!c.voiceOut.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(c.voiceOut, ec);
        if (ec) return makeError(fmt::format("{}: {}", c.voiceOut.string(), ec.message()));
    }
    std::vector<Bot> bots;
    if (Status s = connectAll(c, bots); !s) return s.error();
    if (Status s = openAudio(c, bots); !s) return s.error();
    if (Status s = place(c, bots); !s) return s.error();
    for (Bot& b : bots)
        (void)b.net->takeInbox(); // what came while walking in
    if (c.onReady) c.onReady();

    VoiceCrowdReport report;
    report.connected = std::uint32_t(bots.size());
    const double start = now();
    double nextSend = start, nextPlay = start + 0.01, endAt = -1;
    while (endAt < 0 || now() < endAt) {
        const double t = now();
        const auto nowMs = std::int64_t((t - start) * 1000);
        pumpAll(bots);
        for (Bot& b : bots)
            receive(b, nowMs);
        if (t >= nextSend && endAt < 0) {
            bool talking = false;
            for (Bot& b : bots) {
                if (!b.speaker || b.finished) continue;
                b.finished = !speak(b, report);
                talking = talking || !b.finished;
            }
            if (!talking) {
                endAt = t + c.tailSeconds;
                report.speechSeconds = t - start;
            }
            // One frame per pass: a late pass never sends a burst the server would refuse.
            nextSend = std::max(nextSend + 0.02, t - 0.1);
        }
        while (t >= nextPlay) { // playout catches up: the WAV keeps real time
            for (Bot& b : bots)
                if (!b.speaker) playOut(b, std::int64_t((nextPlay - start) * 1000));
            nextPlay += 0.02;
        }
        nap();
    }
    finishReport(c, bots, report);
    return report;
}

std::string VoiceCrowdReport::toJson() const {
    auto list = nlohmann::json::array();
    for (const VoiceListenerReport& l : listeners)
        list.push_back({{"name", l.name},
                        {"wav", l.wav.string()},
                        {"metres_from_speaker", std::round(l.metresFromSpeaker * 10) / 10},
                        {"frames_received", l.framesReceived},
                        {"speakers_heard", l.speakersHeard},
                        {"late", l.late},
                        {"recovered", l.recovered},
                        {"concealed", l.concealed},
                        {"told_muted", l.toldMuted}});
    return nlohmann::json{{"connected", connected},          {"frames_sent", framesSent},
                          {"speech_seconds", speechSeconds}, {"listeners", list},
                          {"speakers_told", speakerStatus},  {"errors", errors}}
        .dump(2);
}

} // namespace fg::bot
