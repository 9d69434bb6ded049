// VoiceFeature's state and clock: the device, the 20 ms ticks (capture, encode, send; play out),
// the messages from the server and the moderator's requests. Panels are in VoicePanels.cpp,
// script actions in VoiceActions.cpp. Must not decide who hears whom (the server does).
#include "game/client/voice/VoiceFeature.h"

#include "engine/audio/NullAudioDevice.h"
#include "engine/core/Log.h"
#include "game/client/ClientFeatures.h"
#include "game/client/moderation/ModerationFeature.h"
#include "game/client/people/PeopleFeature.h"
#include "game/client/programme/StageFeature.h"
#include "game/client/settings/SettingsFeature.h"
#include "game/expo/protocol/VoiceMessages.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace fg::client {

namespace {

// After a frame that took longer than this, the clock skips ahead instead of catching up: a
// slow (CPU-rendered) frame must not turn into a burst the jitter buffers drop anyway.
constexpr std::int64_t kMaxCatchUpMs = 500;
constexpr float kEarHeight = 1.6f; // metres: where voices and the listener are placed

} // namespace

std::int64_t VoiceFeature::nowMs() const {
    return std::llround(m_s.now * 1000.0);
}

VoiceFeature::VoiceFeature(Session& s, ClientFeatures& host)
    : m_s(s), m_device(std::make_unique<audio::NullAudioDevice>()) {
    m_stage = host.find<StageFeature>();
    m_moderation = host.find<ModerationFeature>();
    if (auto encoder = audio::VoiceEncoder::create())
        m_encoder = std::move(*encoder);
    else
        log::warn("voice: no encoder ({}); the microphone is off", encoder.error().message);
    m_spec.kind = audio::AudioSpec::Kind::Null;
    if (auto* settings = host.find<SettingsFeature>())
        settings->addSection([this] { drawSettings(); });
    if (auto* people = host.find<PeopleFeature>())
        people->addPersonSection([this](const netclient::RemoteAvatar& r) { drawPersonVoice(r); });
    if (m_stage)
        m_stage->addModeratorSection([this](const expo::Session& e) { drawStageSection(e); });
}

VoiceFeature::~VoiceFeature() = default;

void VoiceFeature::useDevice(std::unique_ptr<audio::AudioDevice> device,
                             const audio::AudioSpec& spec) {
    m_playout.clear(*m_device);
    m_device = std::move(device);
    m_spec = spec;
    log::info("voice: audio device {}", m_device->name());
}

void VoiceFeature::registerHandlers(netclient::ClientRouter& router, PendingRequests&) {
    router.on<proto::VoiceFrameDown>([this](proto::VoiceFrameDown& m) {
        if (!m_playout.receive(m.speaker, m.reach, m.frame, nowMs())) return;
        const netclient::NetClient* c = joinedClient(m_s);
        const proto::Join* who = c ? c->person(m.speaker) : nullptr;
        log::info("voice: {} speaks ({})", who ? who->name : fmt::format("#{}", m.speaker),
                  m.reach == voice::Reach::Stage ? "stage" : "nearby");
    });
    router.on<proto::VoiceStatus>([this](proto::VoiceStatus& m) {
        const bool changed = m.muted != m_status.muted;
        m_status = {m.muted, m.secondsLeft, m.reason, m_s.now};
        if (changed) toast(m_s, m.muted ? mutedText() : "Your microphone is on again");
    });
}

void VoiceFeature::onJoined() {
    m_playout.clear(*m_device); // the server's client ids are new after a rejoin
    m_people.clear();
    m_lastSeen.clear();
    m_status = {};
    m_talking = false;
}

void VoiceFeature::setMode(MicMode mode) {
    m_mode = mode;
    m_activity.reset();
}

bool VoiceFeature::mutedByServer() const {
    // A timed mute ends on the server's clock, which says so; past its time it no longer holds the
    // microphone here either (a lost VoiceStatus must not keep a visitor silent).
    return m_status.muted &&
           (m_status.secondsLeft == 0 || m_s.now - m_status.at < double(m_status.secondsLeft));
}

std::string VoiceFeature::mutedText() const {
    if (!mutedByServer()) return {};
    const std::string reason = m_status.reason.empty() ? "Muted" : m_status.reason;
    if (m_status.secondsLeft == 0) return reason;
    const double left = double(m_status.secondsLeft) - (m_s.now - m_status.at);
    const int minutes = std::max(1, int(std::ceil(left / 60.0)));
    return fmt::format("{}, {} min left", reason, minutes);
}

bool VoiceFeature::speaking(std::uint16_t id) const {
    return m_playout.speaking(id, nowMs());
}

void VoiceFeature::update() {
    const std::int64_t now = nowMs();
    if (m_nextTickMs < 0 || now - m_nextTickMs > kMaxCatchUpMs) m_nextTickMs = now;
    for (const auto& r : m_s.remotes)
        m_lastSeen[r.id] = r.position;
    while (m_nextTickMs <= now) {
        tick(m_nextTickMs);
        m_nextTickMs += audio::kFrameMs;
    }
}

void VoiceFeature::tick(std::int64_t nowMs) {
    m_device->setListener(listener());
    captureAndSend();
    m_playout.step(
        *m_device, [this](std::uint16_t id, voice::Reach reach) { return placeOf(id, reach); },
        nowMs);
    m_device->pump();
}

bool VoiceFeature::wantsToTalk(std::uint8_t level) {
    const bool open = m_activity.update(level); // runs always, so switching modes is seamless
    if (m_selfMuted || mutedByServer() || m_testMic) return false;
    return m_mode == MicMode::PushToTalk ? (m_keyHeld || m_scriptHeld) : open;
}

void VoiceFeature::captureAndSend() {
    std::array<std::int16_t, audio::kFrameSamples> pcm{};
    if (!m_device->capture(pcm)) {
        m_inputLevel = 0;
        if (m_talking) m_talking = false; // the microphone ran dry: nothing more to send
        return;
    }
    m_inputLevel = voice::frameLevel(pcm);
    if (m_testMic) m_device->play(kSelfTestVoice, {listener().position, true, 1.0f}, pcm);
    const bool talk = wantsToTalk(m_inputLevel);
    if (talk)
        send(pcm, m_inputLevel, stageFlag());
    else if (m_talking) // the last frame of the spurt says so: listeners stop at once
        send(pcm, m_inputLevel, stageFlag() | voice::kFlagEndOfSpurt);
    m_talking = talk;
}

void VoiceFeature::send(std::span<const std::int16_t, audio::kFrameSamples> pcm, std::uint8_t level,
                        std::uint8_t flags) {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c || !m_encoder) return;
    auto packet = m_encoder->encode(pcm);
    if (!packet || packet->empty() || packet->size() > voice::kMaxPayloadBytes) return;
    proto::VoiceFrameUp up;
    up.frame.header = {m_sequence++, level, flags};
    up.frame.payload = std::move(*packet);
    if (c->sendRaw(up)) ++m_framesSent;
}

// The stage flag asks to be heard by the whole audience: only a speaker or moderator of the live
// session attended, in its venue (not the overflow). The server checks it again.
std::uint8_t VoiceFeature::stageFlag() const {
    if (!m_stage || m_stage->inOverflow()) return 0;
    const expo::Session* e = m_stage->attending();
    if (!e || !m_stage->presents(e->id)) return 0;
    const proto::StageUpdate* u = m_stage->update(e->id);
    return u && u->state == proto::StageWireState::Live ? voice::kFlagStage : 0;
}

// Voices and the listener are placed in the hall's metres (x, ear height, z): the server only
// forwards voices of my hall (or the stage, played without roll-off).
audio::ListenerPose VoiceFeature::listener() const {
    audio::ListenerPose pose;
    if (!m_s.avatar) return pose;
    const glm::vec2 p = m_s.avatar->position();
    pose.position = {p.x, kEarHeight, p.y};
    const glm::vec3 f = m_s.avatar->camera().forward();
    pose.forward = {f.x, f.y, f.z};
    return pose;
}

audio::VoicePlacement VoiceFeature::placeOf(std::uint16_t speaker, voice::Reach reach) {
    audio::VoicePlacement at;
    const PersonVoice& pv = m_people[speaker];
    at.gain = pv.muted ? 0.0f : pv.volume;
    if (reach == voice::Reach::Stage) {
        at.noRollOff = true;
        at.position = listener().position;
        return at;
    }
    auto seen = m_lastSeen.find(speaker);
    if (seen == m_lastSeen.end()) { // not in view yet: heard where I stand rather than lost
        at.position = listener().position;
        return at;
    }
    at.position = {seen->second.x, kEarHeight, seen->second.y};
    return at;
}

const expo::Session* VoiceFeature::moderatedSession() const {
    const expo::Session* e = m_stage ? m_stage->attending() : nullptr;
    return e && m_stage->moderates(e->id) ? e : nullptr;
}

bool VoiceFeature::canMute() const {
    return moderatedSession() || (m_moderation && m_moderation->organiser());
}

bool VoiceFeature::mutePerson(std::uint16_t id, bool mute, std::uint32_t seconds) {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c) return false;
    const expo::Session* e = moderatedSession();
    proto::VoiceMute m;
    m.sessionId = e ? e->id : std::string();
    m.scope = proto::VoiceMuteScope::Person;
    m.target = id;
    m.mute = mute;
    m.seconds = std::min(seconds, proto::kMaxVoiceMuteSeconds);
    return c->request(m) != 0;
}

bool VoiceFeature::muteAudience(bool mute, std::uint32_t seconds) {
    netclient::NetClient* c = joinedClient(m_s);
    const expo::Session* e = moderatedSession();
    if (!c || !e) return false;
    proto::VoiceMute m;
    m.sessionId = e->id;
    m.scope = proto::VoiceMuteScope::Audience;
    m.mute = mute;
    m.seconds = std::min(seconds, proto::kMaxVoiceMuteSeconds);
    return c->request(m) != 0;
}

Status VoiceFeature::reopenSystemDevice() {
    audio::AudioSpec spec = m_spec;
    spec.kind = audio::AudioSpec::Kind::System;
    auto device = audio::openAudioDevice(spec);
    if (!device) return device.error();
    useDevice(std::move(*device), spec);
    return {};
}

} // namespace fg::client
