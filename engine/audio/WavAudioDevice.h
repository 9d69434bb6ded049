// A device made of two WAV files: the input file is the microphone (20 ms per capture), and what
// is played is mixed (with the same roll-off as OpenAL) one frame per pump into the output file.
#pragma once

#include "engine/audio/AudioDevice.h"
#include "engine/core/Result.h"

#include <deque>
#include <filesystem>
#include <map>

namespace fg::audio {

class WavAudioDevice final : public AudioDevice {
public:
    // Reads IN (any rate, mono or stereo, 16-bit) now; OUT is written by flush() and on
    // destruction. An empty IN captures nothing; an empty OUT keeps no mix.
    static Result<std::unique_ptr<WavAudioDevice>> open(const std::filesystem::path& in,
                                                        const std::filesystem::path& out);
    ~WavAudioDevice() override;

    std::string name() const override;
    bool capture(std::span<std::int16_t, kFrameSamples> out) override;
    void play(VoiceId id, const VoicePlacement& placement, FrameView frame) override;
    void place(VoiceId id, const VoicePlacement& placement) override;
    void remove(VoiceId id) override;
    void setListener(const ListenerPose& pose) override { m_listener = pose; }
    void setRollOff(const RollOff& rolloff) override { m_rolloff = rolloff; }
    void pump() override;

    // Writes the mix so far to the output file (also done by the destructor, errors logged).
    Status flush();
    const Pcm& mixed() const { return m_mix; }

private:
    struct Voice {
        VoicePlacement placement;
        std::deque<std::int16_t> queued;
    };

    std::filesystem::path m_inPath, m_outPath;
    Pcm m_input;
    std::size_t m_readPos = 0;
    Pcm m_mix;
    std::map<VoiceId, Voice> m_voices;
    ListenerPose m_listener;
    RollOff m_rolloff;
};

} // namespace fg::audio
