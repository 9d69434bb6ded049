// The audio device interface the client and tools see: capture of 20 ms mono frames, playback of
// voices placed in 3D. Implementations: OpenAL (system), null and WAV files; none leak their API.
#pragma once

#include "engine/audio/AudioTypes.h"

#include <memory>
#include <string>
#include <vector>

namespace fg::audio {

// Frames a voice may have queued for playback on any device (160 ms). More means the network
// delivered a burst the jitter buffer upstream should have absorbed: the excess is dropped.
inline constexpr std::size_t kMaxQueuedFrames = 8;

class AudioDevice {
public:
    virtual ~AudioDevice() = default;

    // "null", "wav:IN,OUT" or "system: DEVICE NAME" (what the log and Settings show).
    virtual std::string name() const = 0;

    // Fills OUT with the next 20 ms of microphone input; false when none is ready (the system
    // device between frames, the WAV device past its end, the null device always).
    virtual bool capture(std::span<std::int16_t, kFrameSamples> out) = 0;

    // Queues one 20 ms frame of voice ID, played at PLACEMENT; a new id makes a new voice. A
    // frame past kMaxQueuedFrames is dropped.
    virtual void play(VoiceId id, const VoicePlacement& placement, FrameView frame) = 0;
    // Moves a voice without queueing sound (the speaker walked).
    virtual void place(VoiceId id, const VoicePlacement& placement) = 0;
    // Stops a voice and frees what it holds (the speaker went out of range or left).
    virtual void remove(VoiceId id) = 0;
    virtual void setListener(const ListenerPose& pose) = 0;
    virtual void setRollOff(const RollOff& rolloff) = 0;

    // Called once per 20 ms of playback by the owner. The system device recycles played buffers;
    // the WAV device mixes one frame of every voice and appends it to its file (its clock is
    // its caller's, which makes it deterministic for tests).
    virtual void pump() = 0;

    // Whether playback is spatialised with HRTF (only the system device, when OpenAL offers it).
    virtual bool hrtf() const { return false; }
};

// The devices the system offers (OpenAL's names), for Settings' choice.
struct DeviceList {
    std::vector<std::string> inputs;
    std::vector<std::string> outputs;
};

} // namespace fg::audio
