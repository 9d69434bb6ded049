// The voices this client hears: per speaker a JitterBuffer and a VoiceDecoder fed by the frames
// the server forwards, played on the device every 20 ms where the caller places the speaker; and
// the open microphone's voice-activity detection. No ImGui, no network, no clock of its own.
#pragma once

#include "engine/audio/AudioDevice.h"
#include "engine/audio/JitterBuffer.h"
#include "engine/audio/VoiceCodec.h"
#include "game/voice/VoiceForwarding.h"
#include "game/voice/VoiceFrame.h"

#include <functional>
#include <map>
#include <optional>

namespace fg::client {

// A voice that sent nothing for this long is dropped (buffer, decoder and device voice): its next
// spurt starts clean. Longer than the jitter buffer's longest delay and its five missing frames.
inline constexpr std::int64_t kVoiceDropAfterMs = 1500;
// A speaker counts as speaking while frames arrived within this window (the indicators).
inline constexpr std::int64_t kSpeakingWindowMs = 300;

class VoicePlayout {
public:
    // Where SPEAKER (reaching this client by REACH) plays now, with the listener's volume for them.
    using Placer = std::function<audio::VoicePlacement(std::uint16_t speaker, voice::Reach reach)>;

    // SPEAKER's FRAME arrived at NOWMS (a new speaker gets a fresh buffer and decoder); true when
    // it starts a spurt (a new voice, or one whose previous spurt had ended).
    bool receive(std::uint16_t speaker, voice::Reach reach, const voice::VoiceFrame& frame,
                 std::int64_t nowMs);
    // One 20 ms step of playout: each voice's next frame (decoded, FEC-recovered or concealed) is
    // played on DEVICE at PLACE's answer (gain 0: not played); voices quiet for
    // kVoiceDropAfterMs are removed; a spurt whose end-of-spurt frame was played stops at once.
    void step(audio::AudioDevice& device, const Placer& place, std::int64_t nowMs);
    // Forgets every voice (a rejoin, a new device).
    void clear(audio::AudioDevice& device);

    bool speaking(std::uint16_t speaker, std::int64_t nowMs) const;
    // SPEAKER's latest frame level (voice::frameLevel's scale), 0 when not heard.
    std::uint8_t level(std::uint16_t speaker) const;
    std::size_t voices() const { return m_voices.size(); }
    // Frames played (decoded, recovered or concealed) and spurts ended by their flag, in total.
    std::uint64_t framesPlayed() const { return m_played; }
    std::uint64_t spurtsEnded() const { return m_spurtsEnded; }

private:
    struct Voice {
        voice::Reach reach = voice::Reach::Nearby;
        audio::JitterBuffer jitter;
        std::optional<audio::VoiceDecoder> decoder;
        std::int64_t lastArrivalMs = 0;
        std::uint8_t level = 0;
        std::optional<std::uint16_t> endSequence; // the spurt's last frame, once flagged
        bool ended = false;                       // played to its end-of-spurt frame
    };
    bool decodeStep(Voice& v, const audio::PlayoutStep& step,
                    std::span<std::int16_t, audio::kFrameSamples> pcm);
    static void restart(Voice& v);

    std::map<std::uint16_t, Voice> m_voices;
    std::uint64_t m_played = 0, m_spurtsEnded = 0;
};

// Open microphone: talking while the level reaches THRESHOLD, and for HANGOVER frames after it
// fell below (so the ends of words and short pauses are not cut).
class VoiceActivity {
public:
    std::uint8_t threshold = 80; // 127 + dBov: 80 is -47 dBov, above a quiet room's noise
    int hangoverFrames = 15;     // 300 ms
    bool update(std::uint8_t level) {
        if (level >= threshold)
            m_left = hangoverFrames;
        else if (m_left > 0)
            --m_left;
        return m_left > 0;
    }
    void reset() { m_left = 0; }

private:
    int m_left = 0;
};

} // namespace fg::client
