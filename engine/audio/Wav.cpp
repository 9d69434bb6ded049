// RIFF/WAVE reader and writer (16-bit PCM only) and linear resampling. Every read is checked
// against the buffer; a bad file is an Error naming the file and the chunk, never a crash.
#include "engine/audio/Wav.h"

#include "engine/core/File.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fmt/format.h>

namespace fg::audio {

namespace {

constexpr std::uint16_t kFormatPcm = 1;
constexpr std::uint16_t kFormatExtensible = 0xFFFE;

std::uint32_t le32(const std::uint8_t* p) {
    return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 |
           std::uint32_t(p[3]) << 24;
}
std::uint16_t le16(const std::uint8_t* p) {
    return std::uint16_t(p[0] | p[1] << 8);
}

struct Format {
    std::uint16_t channels = 0;
    std::uint32_t rate = 0;
    bool seen = false;
};

// A chunk's four-character id as text, '?' for bytes that are not printable.
std::string chunkId(const std::uint8_t* head) {
    std::string id(4, '?');
    for (int i = 0; i < 4; ++i)
        if (head[i] >= 0x20 && head[i] < 0x7f) id[std::size_t(i)] = char(head[i]);
    return id;
}

Error wavError(std::string_view where, std::string_view what) {
    return makeError(fmt::format("{}: {}", where, what));
}

// Reads the fmt chunk BODY into FORMAT, refusing anything but 16-bit PCM within our limits.
Status readFormat(std::span<const std::uint8_t> body, std::string_view where, Format& format) {
    if (body.size() < 16) return wavError(where, "fmt chunk: shorter than 16 bytes");
    std::uint16_t tag = le16(&body[0]);
    format.channels = le16(&body[2]);
    format.rate = le32(&body[4]);
    const std::uint16_t bits = le16(&body[14]);
    if (tag == kFormatExtensible) {
        if (body.size() < 26) return wavError(where, "fmt chunk: extensible without sub-format");
        tag = le16(&body[24]);
    }
    if (tag != kFormatPcm)
        return wavError(where, fmt::format("fmt chunk: format {}, expected 1 (PCM)", tag));
    if (bits != 16)
        return wavError(where, fmt::format("fmt chunk: {}-bit samples, expected 16", bits));
    if (format.channels == 0 || format.channels > kMaxWavChannels)
        return wavError(where, fmt::format("fmt chunk: {} channels, expected 1 to {}",
                                           format.channels, kMaxWavChannels));
    if (format.rate < kMinWavRate || format.rate > kMaxWavRate)
        return wavError(where, fmt::format("fmt chunk: {} Hz, expected {} to {}", format.rate,
                                           kMinWavRate, kMaxWavRate));
    format.seen = true;
    return {};
}

Result<WavData> readData(std::span<const std::uint8_t> body, std::string_view where,
                         const Format& format) {
    if (!format.seen) return wavError(where, "data chunk before the fmt chunk");
    const std::size_t frameBytes = std::size_t(format.channels) * 2;
    if (body.size() % frameBytes != 0)
        return wavError(where, fmt::format("data chunk: {} bytes, not whole {}-byte frames",
                                           body.size(), frameBytes));
    WavData out;
    out.sampleRate = format.rate;
    out.channels = format.channels;
    out.samples.resize(body.size() / 2);
    for (std::size_t i = 0; i < out.samples.size(); ++i)
        out.samples[i] = std::int16_t(le16(&body[i * 2]));
    return out;
}

} // namespace

Result<WavData> parseWav(std::span<const std::uint8_t> bytes, std::string_view where) {
    if (bytes.size() > kMaxWavBytes) return wavError(where, "larger than 256 MiB");
    if (bytes.size() < 12 || std::memcmp(bytes.data(), "RIFF", 4) != 0 ||
        std::memcmp(bytes.data() + 8, "WAVE", 4) != 0)
        return wavError(where, "not a RIFF/WAVE file");
    Format format;
    for (std::size_t pos = 12; pos + 8 <= bytes.size();) {
        const std::uint8_t* head = bytes.data() + pos;
        const std::uint64_t size = le32(head + 4);
        if (size > bytes.size() - pos - 8)
            return wavError(where, fmt::format("chunk '{}' at byte {}: {} bytes, only {} left",
                                               chunkId(head), pos, size, bytes.size() - pos - 8));
        const auto body = bytes.subspan(pos + 8, std::size_t(size));
        if (std::memcmp(head, "fmt ", 4) == 0) {
            if (Status st = readFormat(body, where, format); !st) return st.error();
        } else if (std::memcmp(head, "data", 4) == 0) {
            return readData(body, where, format);
        }
        pos += 8 + std::size_t(size) + (size & 1); // chunks are padded to even sizes
    }
    return wavError(where, "no data chunk");
}

Result<WavData> readWav(const std::filesystem::path& path) {
    Result<Bytes> bytes = readFileBytes(path, kMaxWavBytes);
    if (!bytes) return bytes.error();
    return parseWav(*bytes, path.string());
}

std::vector<std::uint8_t> encodeWav(const WavData& data) {
    const std::uint32_t dataBytes = std::uint32_t(data.samples.size() * 2);
    std::vector<std::uint8_t> out(44 + std::size_t(dataBytes));
    std::size_t at = 0;
    const auto put = [&](std::uint32_t v, int bytes) {
        for (int i = 0; i < bytes; ++i)
            out[at++] = std::uint8_t(v >> (8 * i));
    };
    const auto tag = [&](const char* t) {
        for (int i = 0; i < 4; ++i)
            out[at++] = std::uint8_t(t[i]);
    };
    tag("RIFF");
    put(36 + dataBytes, 4);
    tag("WAVE");
    tag("fmt ");
    put(16, 4);
    put(kFormatPcm, 2);
    put(data.channels, 2);
    put(data.sampleRate, 4);
    put(data.sampleRate * data.channels * 2, 4);
    put(std::uint32_t(data.channels * 2), 2);
    put(16, 2);
    tag("data");
    put(dataBytes, 4);
    for (std::int16_t s : data.samples)
        put(std::uint16_t(s), 2);
    return out;
}

Status writeWav(const std::filesystem::path& path, const WavData& data) {
    return writeFileAtomic(path, encodeWav(data));
}

Pcm resampleLinear(std::span<const std::int16_t> mono, std::uint32_t fromRate,
                   std::uint32_t toRate) {
    if (mono.empty() || fromRate == toRate) return Pcm(mono.begin(), mono.end());
    const std::size_t outCount = std::size_t(std::uint64_t(mono.size()) * toRate / fromRate);
    Pcm out(outCount);
    for (std::size_t i = 0; i < outCount; ++i) {
        const double at = double(i) * fromRate / toRate;
        const std::size_t k = std::min(std::size_t(at), mono.size() - 1);
        const std::size_t next = std::min(k + 1, mono.size() - 1);
        const double f = at - double(k);
        out[i] = std::int16_t(std::lround(mono[k] * (1.0 - f) + mono[next] * f));
    }
    return out;
}

Pcm toVoiceFormat(const WavData& data) {
    Pcm mono(data.samples.size() / std::max<std::size_t>(data.channels, 1));
    for (std::size_t i = 0; i < mono.size(); ++i) {
        int sum = 0;
        for (std::size_t c = 0; c < data.channels; ++c)
            sum += data.samples[i * data.channels + c];
        mono[i] = std::int16_t(sum / int(data.channels));
    }
    return resampleLinear(mono, data.sampleRate, kSampleRate);
}

} // namespace fg::audio
