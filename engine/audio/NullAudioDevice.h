// The device with no sound: captures nothing, plays into nothing. Used with `--audio null` and
// whenever the system's device cannot be opened, so no sound card never stops the client.
#pragma once

#include "engine/audio/AudioDevice.h"

namespace fg::audio {

class NullAudioDevice final : public AudioDevice {
public:
    std::string name() const override { return "null"; }
    bool capture(std::span<std::int16_t, kFrameSamples>) override { return false; }
    void play(VoiceId, const VoicePlacement&, FrameView) override {}
    void place(VoiceId, const VoicePlacement&) override {}
    void remove(VoiceId) override {}
    void setListener(const ListenerPose&) override {}
    void setRollOff(const RollOff&) override {}
    void pump() override {}
};

} // namespace fg::audio
