// WAV (RIFF PCM 16-bit) reading and writing, and the resampling the voice path needs (espeak-ng
// speaks at 22.05 kHz). Readers are bounds-checked and return errors; nothing here touches devices.
#pragma once

#include "engine/audio/AudioTypes.h"
#include "engine/core/Result.h"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>

namespace fg::audio {

// Limits a WAV must meet to be read: voice input is short, so large files are refused early.
inline constexpr std::uint32_t kMaxWavChannels = 8;
inline constexpr std::uint32_t kMinWavRate = 8000;
inline constexpr std::uint32_t kMaxWavRate = 192000;
inline constexpr std::uint64_t kMaxWavBytes = 256ull * 1024 * 1024;

struct WavData {
    std::uint32_t sampleRate = kSampleRate;
    std::uint16_t channels = 1;
    Pcm samples; // interleaved when channels > 1
};

// Parses a RIFF/WAVE file of 16-bit PCM (format 1, or extensible with a PCM sub-format). WHERE
// names the input in errors ("mic.wav: fmt chunk: 24-bit samples, expected 16").
Result<WavData> parseWav(std::span<const std::uint8_t> bytes, std::string_view where);
Result<WavData> readWav(const std::filesystem::path& path);

// The canonical 44-byte-header form of DATA.
std::vector<std::uint8_t> encodeWav(const WavData& data);
Status writeWav(const std::filesystem::path& path, const WavData& data);

// Mono at 48 kHz: channels averaged, then resampled (linear interpolation, enough for speech).
Pcm toVoiceFormat(const WavData& data);
Pcm resampleLinear(std::span<const std::int16_t> mono, std::uint32_t fromRate,
                   std::uint32_t toRate);

} // namespace fg::audio
