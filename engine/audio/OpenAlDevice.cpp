// OpenAL Soft adapter: one ALC device and context for playback (a source per voice, streaming
// 20 ms buffers), an ALC capture device for the microphone. No other file includes AL/.
#include "engine/audio/OpenAlDevice.h"

#include "engine/core/Log.h"

#include <AL/al.h>
#include <AL/alc.h>
#include <AL/alext.h>
#include <fmt/format.h>
#include <map>
#include <vector>

namespace fg::audio {

namespace {

// The capture ring: 200 ms, so a late pump loses nothing.
constexpr ALCsizei kCaptureRingSamples = kSampleRate / 5;

std::vector<std::string> splitList(const ALCchar* list) {
    std::vector<std::string> out;
    for (const ALCchar* p = list; p && *p; p += out.back().size() + 1)
        out.emplace_back(p);
    return out;
}

class OpenAlDevice final : public AudioDevice {
public:
    ~OpenAlDevice() override;
    Status openPlayback(const std::string& output);
    void openCapture(const std::string& input);

    std::string name() const override { return "system: " + m_name; }
    bool capture(std::span<std::int16_t, kFrameSamples> out) override;
    void play(VoiceId id, const VoicePlacement& placement, FrameView frame) override;
    void place(VoiceId id, const VoicePlacement& placement) override;
    void remove(VoiceId id) override;
    void setListener(const ListenerPose& pose) override;
    void setRollOff(const RollOff& rolloff) override;
    void pump() override;
    bool hrtf() const override { return m_hrtf; }

private:
    struct Voice {
        ALuint source = 0;
        std::vector<ALuint> free; // buffers that have played
    };
    Voice& voice(VoiceId id);
    void recycle(Voice& voice);
    void applyPlacement(const Voice& voice, const VoicePlacement& placement);

    ALCdevice* m_device = nullptr;
    ALCcontext* m_context = nullptr;
    ALCdevice* m_capture = nullptr;
    std::string m_name;
    bool m_hrtf = false;
    RollOff m_rolloff;
    std::map<VoiceId, Voice> m_voices;
};

OpenAlDevice::~OpenAlDevice() {
    for (auto& [id, v] : m_voices) {
        alSourceStop(v.source);
        alSourcei(v.source, AL_BUFFER, 0);
        alDeleteSources(1, &v.source);
        if (!v.free.empty()) alDeleteBuffers(ALsizei(v.free.size()), v.free.data());
    }
    if (m_capture) {
        alcCaptureStop(m_capture);
        alcCaptureCloseDevice(m_capture);
    }
    if (m_context) {
        alcMakeContextCurrent(nullptr);
        alcDestroyContext(m_context);
    }
    if (m_device) alcCloseDevice(m_device);
}

Status OpenAlDevice::openPlayback(const std::string& output) {
    m_device = alcOpenDevice(output.empty() ? nullptr : output.c_str());
    if (!m_device)
        return makeError(
            fmt::format("audio: no playback device '{}'", output.empty() ? "(default)" : output));
    const bool canHrtf = alcIsExtensionPresent(m_device, "ALC_SOFT_HRTF") == ALC_TRUE;
    const ALCint attrs[] = {ALC_HRTF_SOFT, ALC_TRUE, 0};
    m_context = alcCreateContext(m_device, canHrtf ? attrs : nullptr);
    if (!m_context || alcMakeContextCurrent(m_context) != ALC_TRUE)
        return makeError("audio: the playback device opened but no OpenAL context could be made");
    if (canHrtf) {
        ALCint status = ALC_FALSE;
        alcGetIntegerv(m_device, ALC_HRTF_SOFT, 1, &status);
        m_hrtf = status == ALC_TRUE;
    }
    const ALCchar* name = alcGetString(m_device, ALC_ALL_DEVICES_SPECIFIER);
    m_name = name ? name : output;
    alDistanceModel(AL_INVERSE_DISTANCE_CLAMPED);
    return {};
}

void OpenAlDevice::openCapture(const std::string& input) {
    m_capture = alcCaptureOpenDevice(input.empty() ? nullptr : input.c_str(), kSampleRate,
                                     AL_FORMAT_MONO16, kCaptureRingSamples);
    if (!m_capture) {
        log::warn("audio: no capture device '{}': playing only, the microphone is off",
                  input.empty() ? "(default)" : input);
        return;
    }
    alcCaptureStart(m_capture);
}

bool OpenAlDevice::capture(std::span<std::int16_t, kFrameSamples> out) {
    if (!m_capture) return false;
    ALCint ready = 0;
    alcGetIntegerv(m_capture, ALC_CAPTURE_SAMPLES, 1, &ready);
    if (ready < ALCint(kFrameSamples)) return false;
    alcCaptureSamples(m_capture, out.data(), ALCsizei(kFrameSamples));
    return true;
}

OpenAlDevice::Voice& OpenAlDevice::voice(VoiceId id) {
    auto [it, added] = m_voices.try_emplace(id);
    if (added) {
        alGenSources(1, &it->second.source);
        setRollOff(m_rolloff);
    }
    return it->second;
}

void OpenAlDevice::recycle(Voice& v) {
    ALint done = 0;
    alGetSourcei(v.source, AL_BUFFERS_PROCESSED, &done);
    for (; done > 0; --done) {
        ALuint buffer = 0;
        alSourceUnqueueBuffers(v.source, 1, &buffer);
        v.free.push_back(buffer);
    }
}

void OpenAlDevice::applyPlacement(const Voice& v, const VoicePlacement& p) {
    // A stage voice sits at the listener's head (relative, origin) with no roll-off.
    alSourcei(v.source, AL_SOURCE_RELATIVE, p.noRollOff ? AL_TRUE : AL_FALSE);
    alSourcef(v.source, AL_ROLLOFF_FACTOR, p.noRollOff ? 0.0f : m_rolloff.rolloffFactor);
    if (p.noRollOff)
        alSource3f(v.source, AL_POSITION, 0, 0, 0);
    else
        alSource3f(v.source, AL_POSITION, p.position.x, p.position.y, p.position.z);
    alSourcef(v.source, AL_GAIN, p.gain);
}

void OpenAlDevice::play(VoiceId id, const VoicePlacement& placement, FrameView frame) {
    Voice& v = voice(id);
    recycle(v);
    applyPlacement(v, placement);
    ALint queued = 0;
    alGetSourcei(v.source, AL_BUFFERS_QUEUED, &queued);
    if (queued >= ALint(kMaxQueuedFrames)) return;
    ALuint buffer = 0;
    if (v.free.empty()) {
        alGenBuffers(1, &buffer);
    } else {
        buffer = v.free.back();
        v.free.pop_back();
    }
    alBufferData(buffer, AL_FORMAT_MONO16, frame.data(), ALsizei(kFrameSamples * 2), kSampleRate);
    alSourceQueueBuffers(v.source, 1, &buffer);
    ALint state = 0;
    alGetSourcei(v.source, AL_SOURCE_STATE, &state);
    if (state != AL_PLAYING) alSourcePlay(v.source);
}

void OpenAlDevice::place(VoiceId id, const VoicePlacement& placement) {
    if (auto it = m_voices.find(id); it != m_voices.end()) applyPlacement(it->second, placement);
}

void OpenAlDevice::remove(VoiceId id) {
    auto it = m_voices.find(id);
    if (it == m_voices.end()) return;
    Voice& v = it->second;
    alSourceStop(v.source);
    alSourcei(v.source, AL_BUFFER, 0); // unqueues everything
    recycle(v);
    alDeleteSources(1, &v.source);
    if (!v.free.empty()) alDeleteBuffers(ALsizei(v.free.size()), v.free.data());
    m_voices.erase(it);
}

void OpenAlDevice::setListener(const ListenerPose& pose) {
    alListener3f(AL_POSITION, pose.position.x, pose.position.y, pose.position.z);
    const ALfloat orientation[] = {pose.forward.x, pose.forward.y, pose.forward.z,
                                   pose.up.x,      pose.up.y,      pose.up.z};
    alListenerfv(AL_ORIENTATION, orientation);
}

void OpenAlDevice::setRollOff(const RollOff& rolloff) {
    m_rolloff = rolloff;
    for (auto& [id, v] : m_voices) {
        alSourcef(v.source, AL_REFERENCE_DISTANCE, rolloff.referenceMetres);
        alSourcef(v.source, AL_MAX_DISTANCE, rolloff.maxMetres);
    }
}

void OpenAlDevice::pump() {
    for (auto& [id, v] : m_voices)
        recycle(v);
}

} // namespace

Result<std::unique_ptr<AudioDevice>> openOpenAlDevice(const std::string& output,
                                                      const std::string& input) {
    auto device = std::make_unique<OpenAlDevice>();
    if (Status st = device->openPlayback(output); !st) return st.error();
    device->openCapture(input);
    return std::unique_ptr<AudioDevice>(std::move(device));
}

DeviceList listOpenAlDevices() {
    DeviceList list;
    const bool all = alcIsExtensionPresent(nullptr, "ALC_ENUMERATE_ALL_EXT") == ALC_TRUE;
    list.outputs =
        splitList(alcGetString(nullptr, all ? ALC_ALL_DEVICES_SPECIFIER : ALC_DEVICE_SPECIFIER));
    list.inputs = splitList(alcGetString(nullptr, ALC_CAPTURE_DEVICE_SPECIFIER));
    return list;
}

} // namespace fg::audio
