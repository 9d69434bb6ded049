// libFuzzer entry point for the WAV reader (parseWav) and the voice-format conversion after it,
// as the WAV audio device runs them on a user's file. Input size is the fuzzer's limit.
#include "engine/audio/Wav.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto wav = fg::audio::parseWav({data, size}, "fuzz.wav");
    if (wav && wav->samples.size() < (1u << 20)) (void)fg::audio::toVoiceFormat(*wav);
    return 0;
}
