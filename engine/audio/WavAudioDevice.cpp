// The WAV-file device: deterministic capture from a file and a mono mix of every voice into a
// file, for tests and machines without sound. Touches only its two files.
#include "engine/audio/WavAudioDevice.h"

#include "engine/audio/Wav.h"
#include "engine/core/Log.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace fg::audio {

Result<std::unique_ptr<WavAudioDevice>> WavAudioDevice::open(const std::filesystem::path& in,
                                                             const std::filesystem::path& out) {
    auto device = std::unique_ptr<WavAudioDevice>(new WavAudioDevice());
    device->m_inPath = in;
    device->m_outPath = out;
    if (!in.empty()) {
        Result<WavData> wav = readWav(in);
        if (!wav) return wav.error();
        device->m_input = toVoiceFormat(*wav);
    }
    return device;
}

WavAudioDevice::~WavAudioDevice() {
    if (Status st = flush(); !st) log::error("audio: {}", st.error().message);
}

std::string WavAudioDevice::name() const {
    return fmt::format("wav:{},{}", m_inPath.string(), m_outPath.string());
}

bool WavAudioDevice::capture(std::span<std::int16_t, kFrameSamples> out) {
    if (m_readPos >= m_input.size()) return false;
    const std::size_t take = std::min(kFrameSamples, m_input.size() - m_readPos);
    std::copy_n(m_input.begin() + std::ptrdiff_t(m_readPos), take, out.begin());
    std::fill(out.begin() + std::ptrdiff_t(take), out.end(), std::int16_t(0));
    m_readPos += take;
    return true;
}

void WavAudioDevice::play(VoiceId id, const VoicePlacement& placement, FrameView frame) {
    Voice& voice = m_voices[id];
    voice.placement = placement;
    if (voice.queued.size() >= kMaxQueuedFrames * kFrameSamples) return;
    voice.queued.insert(voice.queued.end(), frame.begin(), frame.end());
}

void WavAudioDevice::place(VoiceId id, const VoicePlacement& placement) {
    if (auto it = m_voices.find(id); it != m_voices.end()) it->second.placement = placement;
}

void WavAudioDevice::remove(VoiceId id) {
    m_voices.erase(id);
}

// One frame of every voice, each scaled by its roll-off gain, summed and clipped; a voice with
// less than a frame queued contributes what it has (silence after it, like a starved source).
void WavAudioDevice::pump() {
    std::vector<float> sum(kFrameSamples, 0.0f);
    for (auto& [id, voice] : m_voices) {
        const float gain = distanceGain(m_rolloff, voice.placement, m_listener);
        const std::size_t take = std::min(kFrameSamples, voice.queued.size());
        for (std::size_t i = 0; i < take; ++i)
            sum[i] += gain * float(voice.queued[i]);
        voice.queued.erase(voice.queued.begin(), voice.queued.begin() + std::ptrdiff_t(take));
    }
    for (float s : sum)
        m_mix.push_back(std::int16_t(std::lround(std::clamp(s, -32768.0f, 32767.0f))));
}

Status WavAudioDevice::flush() {
    if (m_outPath.empty()) return {};
    WavData data;
    data.samples = m_mix;
    return writeWav(m_outPath, data);
}

} // namespace fg::audio
