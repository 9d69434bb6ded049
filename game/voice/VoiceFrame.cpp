// The sender's loudness measure for voice frames; pure arithmetic shared by the client (which
// writes it) and tests. No audio API, no network.
#include "game/voice/VoiceFrame.h"

#include <algorithm>
#include <cmath>

namespace fg::voice {

std::uint8_t frameLevel(std::span<const std::int16_t> pcm) {
    if (pcm.empty()) return 0;
    double sum = 0;
    for (std::int16_t s : pcm)
        sum += double(s) * double(s);
    const double rms = std::sqrt(sum / double(pcm.size())) / 32768.0;
    if (rms <= 0) return 0;
    const double dbov = 20.0 * std::log10(rms);
    return std::uint8_t(std::clamp(std::lround(kMaxLevel + dbov), 0L, long(kMaxLevel)));
}

} // namespace fg::voice
