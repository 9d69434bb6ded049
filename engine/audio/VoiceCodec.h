// Voice compression: Opus at 48 kHz mono, 20 ms frames, ~24 kbit/s, in-band FEC and loss
// concealment. VoiceCodec.cpp is the only file that includes Opus; callers see bytes and PCM.
#pragma once

#include "engine/audio/AudioTypes.h"
#include "engine/core/Result.h"

#include <memory>

namespace fg::audio {

// The largest packet the encoder makes (Opus' own ceiling for 20 ms is 1275 bytes; speech at
// 24 kbit/s is ~60-80). The voice protocol refuses larger payloads.
inline constexpr std::size_t kMaxVoicePacketBytes = 400;

struct VoiceEncoderConfig {
    int bitrate = 24000;
    // The loss the encoder plans its in-band FEC for (Opus spends more on FEC as it grows).
    int expectedLossPercent = 10;
    int complexity = 5; // 0-10: CPU per frame against quality
};

class VoiceEncoder {
public:
    static Result<VoiceEncoder> create(const VoiceEncoderConfig& config = {});
    VoiceEncoder(VoiceEncoder&&) noexcept;
    VoiceEncoder& operator=(VoiceEncoder&&) noexcept;
    ~VoiceEncoder();

    // One 20 ms frame to one packet (at most kMaxVoicePacketBytes).
    Result<std::vector<std::uint8_t>> encode(FrameView frame);

private:
    struct Impl;
    explicit VoiceEncoder(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

class VoiceDecoder {
public:
    static Result<VoiceDecoder> create();
    VoiceDecoder(VoiceDecoder&&) noexcept;
    VoiceDecoder& operator=(VoiceDecoder&&) noexcept;
    ~VoiceDecoder();

    // Decodes PACKET into one 20 ms frame; a corrupt packet is an error (conceal() instead).
    Status decode(std::span<const std::uint8_t> packet, std::span<std::int16_t, kFrameSamples> out);
    // The frame before NEXT was lost: rebuilds it from NEXT's in-band FEC (concealment when
    // NEXT carries none). Call decode(NEXT) afterwards for NEXT's own frame.
    Status recover(std::span<const std::uint8_t> next, std::span<std::int16_t, kFrameSamples> out);
    // A frame was lost and nothing after it has come: Opus' packet loss concealment.
    Status conceal(std::span<std::int16_t, kFrameSamples> out);

private:
    struct Impl;
    explicit VoiceDecoder(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace fg::audio
