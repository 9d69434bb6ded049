// Opus adapter for the voice path: one encoder and one decoder state per voice. The only file
// that includes opus.h; it never touches devices or the network.
#include "engine/audio/VoiceCodec.h"

#include <fmt/format.h>
#include <opus/opus.h>

namespace fg::audio {

namespace {

Error opusError(std::string_view what, int code) {
    return makeError(fmt::format("opus: {}: {}", what, opus_strerror(code)));
}

} // namespace

struct VoiceEncoder::Impl {
    OpusEncoder* encoder = nullptr;
    ~Impl() { opus_encoder_destroy(encoder); }
};

struct VoiceDecoder::Impl {
    OpusDecoder* decoder = nullptr;
    ~Impl() { opus_decoder_destroy(decoder); }
};

VoiceEncoder::VoiceEncoder(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
VoiceEncoder::VoiceEncoder(VoiceEncoder&&) noexcept = default;
VoiceEncoder& VoiceEncoder::operator=(VoiceEncoder&&) noexcept = default;
VoiceEncoder::~VoiceEncoder() = default;

Result<VoiceEncoder> VoiceEncoder::create(const VoiceEncoderConfig& config) {
    int code = OPUS_OK;
    auto impl = std::make_unique<Impl>();
    impl->encoder = opus_encoder_create(kSampleRate, 1, OPUS_APPLICATION_VOIP, &code);
    if (code != OPUS_OK) return opusError("creating the encoder", code);
    OpusEncoder* e = impl->encoder;
    // In-band FEC needs SILK (speech) mode and a loss estimate above zero to be spent at all.
    for (int request : {opus_encoder_ctl(e, OPUS_SET_BITRATE(config.bitrate)),
                        opus_encoder_ctl(e, OPUS_SET_INBAND_FEC(1)),
                        opus_encoder_ctl(e, OPUS_SET_PACKET_LOSS_PERC(config.expectedLossPercent)),
                        opus_encoder_ctl(e, OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE)),
                        opus_encoder_ctl(e, OPUS_SET_COMPLEXITY(config.complexity))})
        if (request != OPUS_OK) return opusError("configuring the encoder", request);
    return VoiceEncoder(std::move(impl));
}

Result<std::vector<std::uint8_t>> VoiceEncoder::encode(FrameView frame) {
    std::vector<std::uint8_t> packet(kMaxVoicePacketBytes);
    const opus_int32 size = opus_encode(m_impl->encoder, frame.data(), int(kFrameSamples),
                                        packet.data(), opus_int32(packet.size()));
    if (size < 0) return opusError("encoding a frame", size);
    packet.resize(std::size_t(size));
    return packet;
}

VoiceDecoder::VoiceDecoder(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
VoiceDecoder::VoiceDecoder(VoiceDecoder&&) noexcept = default;
VoiceDecoder& VoiceDecoder::operator=(VoiceDecoder&&) noexcept = default;
VoiceDecoder::~VoiceDecoder() = default;

Result<VoiceDecoder> VoiceDecoder::create() {
    int code = OPUS_OK;
    auto impl = std::make_unique<Impl>();
    impl->decoder = opus_decoder_create(kSampleRate, 1, &code);
    if (code != OPUS_OK) return opusError("creating the decoder", code);
    return VoiceDecoder(std::move(impl));
}

namespace {

// Runs opus_decode and insists on exactly one 20 ms frame.
Status decodeInto(OpusDecoder* decoder, std::span<const std::uint8_t> packet, bool fec,
                  std::span<std::int16_t, kFrameSamples> out, std::string_view what) {
    if (packet.size() > kMaxVoicePacketBytes)
        return makeError(fmt::format("opus: {}: packet of {} bytes, at most {}", what,
                                     packet.size(), kMaxVoicePacketBytes));
    const int got =
        opus_decode(decoder, packet.empty() ? nullptr : packet.data(), opus_int32(packet.size()),
                    out.data(), int(kFrameSamples), fec ? 1 : 0);
    if (got < 0) return opusError(what, got);
    if (got != int(kFrameSamples))
        return makeError(
            fmt::format("opus: {}: {} samples, expected {}", what, got, kFrameSamples));
    return {};
}

} // namespace

Status VoiceDecoder::decode(std::span<const std::uint8_t> packet,
                            std::span<std::int16_t, kFrameSamples> out) {
    if (packet.empty()) return makeError("opus: decoding a frame: empty packet");
    return decodeInto(m_impl->decoder, packet, false, out, "decoding a frame");
}

Status VoiceDecoder::recover(std::span<const std::uint8_t> next,
                             std::span<std::int16_t, kFrameSamples> out) {
    if (next.empty()) return conceal(out);
    return decodeInto(m_impl->decoder, next, true, out, "recovering a lost frame (FEC)");
}

Status VoiceDecoder::conceal(std::span<std::int16_t, kFrameSamples> out) {
    return decodeInto(m_impl->decoder, {}, false, out, "concealing a lost frame");
}

} // namespace fg::audio
