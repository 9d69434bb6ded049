// Fairground's own audio types: the voice format (48 kHz mono, 20 ms frames), listener pose,
// voice placement and the distance roll-off every device applies. No OpenAL or Opus types here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace fg::audio {

inline constexpr int kSampleRate = 48000;
inline constexpr int kFrameMs = 20;
inline constexpr std::size_t kFrameSamples = kSampleRate * kFrameMs / 1000; // 960

using Pcm = std::vector<std::int16_t>;
// One 20 ms mono frame at 48 kHz.
using FrameView = std::span<const std::int16_t, kFrameSamples>;

// Metres, in the world's frame (y up), as the client's avatars use.
struct Vec3 {
    float x = 0, y = 0, z = 0;
};

// Where the ears are and which way they face (forward and up need not be normalised).
struct ListenerPose {
    Vec3 position;
    Vec3 forward{0, 0, -1};
    Vec3 up{0, 1, 0};
};

// Distance roll-off (OpenAL's inverse distance clamped model, the same numbers on every device):
// full gain up to referenceMetres, then referenceMetres / (referenceMetres + rolloff * (d - ref)),
// and nothing changes past maxMetres.
struct RollOff {
    float referenceMetres = 2.0f;
    float rolloffFactor = 1.0f;
    float maxMetres = 12.0f;
};

// Where a voice plays. noRollOff: a stage speaker, heard at full gain everywhere in the venue.
struct VoicePlacement {
    Vec3 position;
    bool noRollOff = false;
    float gain = 1.0f; // per-person volume, 0 mutes
};

// The gain a device applies for DISTANCE metres under ROLLOFF (1 when the placement has none).
float distanceGain(const RollOff& rolloff, const VoicePlacement& placement,
                   const ListenerPose& listener);

// A voice's handle on a device: the speaker's client id in practice.
using VoiceId = std::uint32_t;

} // namespace fg::audio
