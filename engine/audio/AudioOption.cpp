// Parsing `--audio` and choosing the device implementation; the fallback to null lives here so
// every program that opens audio gets it. Knows no OpenAL or Opus types.
#include "engine/audio/AudioOption.h"

#include "engine/audio/NullAudioDevice.h"
#include "engine/audio/OpenAlDevice.h"
#include "engine/audio/WavAudioDevice.h"
#include "engine/core/Log.h"

#include <fmt/format.h>

namespace fg::audio {

namespace {

Result<AudioSpec> parseWavOption(std::string_view files) {
    const std::size_t comma = files.find(',');
    if (comma == std::string_view::npos || comma == 0 || comma + 1 == files.size())
        return makeError(fmt::format("--audio wav:{}: expected wav:IN.wav,OUT.wav", files));
    AudioSpec spec;
    spec.kind = AudioSpec::Kind::Wav;
    spec.wavIn = std::string(files.substr(0, comma));
    spec.wavOut = std::string(files.substr(comma + 1));
    return spec;
}

} // namespace

Result<AudioSpec> parseAudioOption(std::string_view value) {
    if (value == "null") return AudioSpec{.kind = AudioSpec::Kind::Null};
    if (value == "system") return AudioSpec{.kind = AudioSpec::Kind::System};
    if (value.starts_with("wav:")) return parseWavOption(value.substr(4));
    return makeError(fmt::format("--audio {}: expected null, system or wav:IN.wav,OUT.wav", value));
}

Result<std::unique_ptr<AudioDevice>> openAudioDevice(const AudioSpec& spec) {
    switch (spec.kind) {
    case AudioSpec::Kind::Null:
        return std::unique_ptr<AudioDevice>(std::make_unique<NullAudioDevice>());
    case AudioSpec::Kind::Wav: {
        auto device = WavAudioDevice::open(spec.wavIn, spec.wavOut);
        if (!device) return device.error();
        return std::unique_ptr<AudioDevice>(std::move(*device));
    }
    case AudioSpec::Kind::System:
        break;
    }
    auto device = openOpenAlDevice(spec.output, spec.input);
    if (device) {
        log::info("audio: {}{}", (*device)->name(), (*device)->hrtf() ? " (HRTF)" : "");
        return device;
    }
    log::warn("{}; using the null device (no sound, no microphone)", device.error().message);
    return std::unique_ptr<AudioDevice>(std::make_unique<NullAudioDevice>());
}

DeviceList listAudioDevices() {
    return listOpenAlDevices();
}

} // namespace fg::audio
