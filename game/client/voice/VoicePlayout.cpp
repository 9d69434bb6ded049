// VoicePlayout: the jitter buffer's steps turned into decoded frames on the device, per speaker,
// and the voices' lifetimes (new spurt, end of spurt, quiet too long). Must not touch ImGui.
#include "game/client/voice/VoicePlayout.h"

#include "engine/core/Log.h"

#include <array>

namespace fg::client {

void VoicePlayout::restart(Voice& v) {
    v.jitter = audio::JitterBuffer{};
    auto decoder = audio::VoiceDecoder::create();
    if (decoder)
        v.decoder = std::move(*decoder);
    else
        log::warn("voice: no decoder: {}", decoder.error().message);
    v.endSequence.reset();
    v.ended = false;
}

bool VoicePlayout::receive(std::uint16_t speaker, voice::Reach reach,
                           const voice::VoiceFrame& frame, std::int64_t nowMs) {
    auto [it, added] = m_voices.try_emplace(speaker);
    Voice& v = it->second;
    const bool starts = added || v.ended;
    if (starts) restart(v);
    v.reach = reach;
    v.lastArrivalMs = nowMs;
    v.level = frame.header.level;
    if (frame.header.flags & voice::kFlagEndOfSpurt) v.endSequence = frame.header.sequence;
    (void)v.jitter.push(frame.header.sequence, frame.payload, nowMs);
    return starts;
}

bool VoicePlayout::decodeStep(Voice& v, const audio::PlayoutStep& step,
                              std::span<std::int16_t, audio::kFrameSamples> pcm) {
    if (!v.decoder || step.kind == audio::PlayoutStep::Kind::Silence) return false;
    Status st;
    switch (step.kind) {
    case audio::PlayoutStep::Kind::Frame:
        st = v.decoder->decode(step.packet, pcm);
        break;
    case audio::PlayoutStep::Kind::Recover:
        st = v.decoder->recover(step.packet, pcm);
        break;
    default:
        st = v.decoder->conceal(pcm);
        break;
    }
    // A corrupt packet from the wire is concealed rather than played as garbage.
    if (!st) st = v.decoder->conceal(pcm);
    return bool(st);
}

void VoicePlayout::step(audio::AudioDevice& device, const Placer& place, std::int64_t nowMs) {
    std::array<std::int16_t, audio::kFrameSamples> pcm{};
    for (auto it = m_voices.begin(); it != m_voices.end();) {
        const std::uint16_t id = it->first;
        Voice& v = it->second;
        if (nowMs - v.lastArrivalMs > kVoiceDropAfterMs && (v.ended || !v.jitter.playing())) {
            device.remove(id);
            it = m_voices.erase(it);
            continue;
        }
        ++it;
        if (v.ended) continue;
        const audio::PlayoutStep s = v.jitter.pop(nowMs);
        if (!decodeStep(v, s, pcm)) continue;
        ++m_played;
        const audio::VoicePlacement at = place(id, v.reach);
        if (at.gain > 0) device.play(id, at, pcm);
        // The talker let go of push-to-talk: stop now instead of concealing five more frames.
        if (v.endSequence && s.kind != audio::PlayoutStep::Kind::Conceal &&
            s.sequence == *v.endSequence) {
            v.ended = true;
            ++m_spurtsEnded;
        }
    }
}

void VoicePlayout::clear(audio::AudioDevice& device) {
    for (const auto& [id, v] : m_voices)
        device.remove(id);
    m_voices.clear();
}

bool VoicePlayout::speaking(std::uint16_t speaker, std::int64_t nowMs) const {
    auto it = m_voices.find(speaker);
    // A spurt whose last frame arrived has ended for the indicators, though it still plays out.
    return it != m_voices.end() && !it->second.ended && !it->second.endSequence &&
           nowMs - it->second.lastArrivalMs <= kSpeakingWindowMs;
}

std::uint8_t VoicePlayout::level(std::uint16_t speaker) const {
    auto it = m_voices.find(speaker);
    return it == m_voices.end() ? 0 : it->second.level;
}

} // namespace fg::client
