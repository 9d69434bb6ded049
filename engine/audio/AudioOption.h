// The `--audio null|wav:IN.wav,OUT.wav|system` option and opening the device it names. Opening
// the system device never fails: with no sound card it falls back to the null device and says so.
#pragma once

#include "engine/audio/AudioDevice.h"
#include "engine/core/Result.h"

#include <filesystem>
#include <string_view>

namespace fg::audio {

struct AudioSpec {
    enum class Kind { Null, Wav, System };
    Kind kind = Kind::System;
    std::filesystem::path wavIn, wavOut; // Kind::Wav
    std::string output, input;           // Kind::System: device names, empty for the default
    bool operator==(const AudioSpec&) const = default;
};

// Parses the option's value; errors name the option and what was expected.
Result<AudioSpec> parseAudioOption(std::string_view value);

// Opens SPEC's device. Fails only for a WAV device whose input file cannot be read; a system
// device that cannot be opened becomes the null device with a warning in the log.
Result<std::unique_ptr<AudioDevice>> openAudioDevice(const AudioSpec& spec);

// The system's playback and capture devices (OpenAL's names).
DeviceList listAudioDevices();

} // namespace fg::audio
