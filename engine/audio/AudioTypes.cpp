// The one roll-off formula, so the WAV device's mix and OpenAL's distance model agree.
// Pure math; no device state.
#include "engine/audio/AudioTypes.h"

#include <algorithm>
#include <cmath>

namespace fg::audio {

float distanceGain(const RollOff& rolloff, const VoicePlacement& placement,
                   const ListenerPose& listener) {
    if (placement.noRollOff) return placement.gain;
    const float dx = placement.position.x - listener.position.x;
    const float dy = placement.position.y - listener.position.y;
    const float dz = placement.position.z - listener.position.z;
    const float ref = std::max(rolloff.referenceMetres, 0.01f);
    const float d =
        std::clamp(std::sqrt(dx * dx + dy * dy + dz * dz), ref, std::max(ref, rolloff.maxMetres));
    return placement.gain * ref / (ref + rolloff.rolloffFactor * (d - ref));
}

} // namespace fg::audio
