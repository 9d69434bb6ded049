// Bit-packed streams for the wire protocol: BitWriter, BitReader and BitMeasurer share one API so
// each message has a single serialize function. Readers never read past their buffer.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

namespace fg::net {

// Number of bits needed to hold every value in [0, range].
constexpr int bitsRequired(std::uint64_t range) {
    return range == 0 ? 0 : 64 - std::countl_zero(range);
}

// Appends bits little-endian first into a growing byte buffer.
class BitWriter {
public:
    static constexpr bool kIsWriting = true;
    static constexpr bool kIsReading = false;

    BitWriter() { m_bytes.reserve(256); }

    [[gnu::always_inline]] bool serializeBits(std::uint32_t& value, int bits) {
        if (bits < 32 && (value >> bits) != 0) return false; // caller bug caught as failure
        m_scratch |= std::uint64_t(value) << m_scratchBits;
        m_scratchBits += bits;
        if (m_scratchBits >= 32) { // flush whole 32-bit words, little-endian
            const std::uint8_t word[4] = {std::uint8_t(m_scratch), std::uint8_t(m_scratch >> 8),
                                          std::uint8_t(m_scratch >> 16),
                                          std::uint8_t(m_scratch >> 24)};
            m_bytes.insert(m_bytes.end(), word, word + 4);
            m_scratch >>= 32;
            m_scratchBits -= 32;
        }
        m_bitsWritten += std::size_t(bits);
        return true;
    }
    // Pads to a whole byte and returns the bytes written so far.
    std::vector<std::uint8_t> finish() {
        for (; m_scratchBits > 0; m_scratchBits -= std::min(m_scratchBits, 8)) {
            m_bytes.push_back(std::uint8_t(m_scratch & 0xff));
            m_scratch >>= 8;
        }
        m_scratch = 0;
        m_scratchBits = 0;
        return std::move(m_bytes);
    }
    std::size_t bitsProcessed() const { return m_bitsWritten; }

private:
    std::vector<std::uint8_t> m_bytes;
    std::uint64_t m_scratch = 0;
    int m_scratchBits = 0;
    std::size_t m_bitsWritten = 0;
};

// Reads bits in the order BitWriter wrote them; every read past the end fails.
class BitReader {
public:
    static constexpr bool kIsWriting = false;
    static constexpr bool kIsReading = true;

    explicit BitReader(std::span<const std::uint8_t> data) : m_data(data) {}

    bool serializeBits(std::uint32_t& value, int bits) {
        if (m_bitPos + std::size_t(bits) > m_data.size() * 8) return false;
        std::uint64_t result = 0;
        for (int done = 0; done < bits;) {
            std::size_t byte = m_bitPos / 8;
            int offset = int(m_bitPos % 8);
            int take = std::min(8 - offset, bits - done);
            std::uint64_t chunk = (m_data[byte] >> offset) & ((1u << take) - 1);
            result |= chunk << done;
            done += take;
            m_bitPos += std::size_t(take);
        }
        value = std::uint32_t(result);
        return true;
    }
    std::size_t bitsProcessed() const { return m_bitPos; }
    // Bits left including the zero padding of the final byte.
    std::size_t bitsRemaining() const { return m_data.size() * 8 - m_bitPos; }

private:
    std::span<const std::uint8_t> m_data;
    std::size_t m_bitPos = 0;
};

// Counts bits without storing them, for budgets (snapshot size) and documentation.
class BitMeasurer {
public:
    static constexpr bool kIsWriting = true;
    static constexpr bool kIsReading = false;

    bool serializeBits(std::uint32_t&, int bits) {
        m_bits += std::size_t(bits);
        return true;
    }
    std::size_t bitsProcessed() const { return m_bits; }
    std::size_t bytes() const { return (m_bits + 7) / 8; }

private:
    std::size_t m_bits = 0;
};

// ---- Typed helpers shared by all three streams; each returns false on bad or short input. ----

// Hot helpers are forced inline: a snapshot writes ~8 fields per avatar, 64 avatars per client.
#define FG_NET_INLINE [[gnu::always_inline]] inline

template <class Stream>
FG_NET_INLINE bool serializeBool(Stream& s, bool& value) {
    std::uint32_t v = value ? 1 : 0;
    if (!s.serializeBits(v, 1)) return false;
    value = v != 0;
    return true;
}

// An integer in [min, max]; readers reject values outside the range.
template <class Stream, class T>
FG_NET_INLINE bool serializeInt(Stream& s, T& value, std::int64_t min, std::int64_t max) {
    std::uint64_t range = std::uint64_t(max - min);
    int bits = bitsRequired(range);
    if constexpr (Stream::kIsWriting) {
        if (std::int64_t(value) < min || std::int64_t(value) > max) return false;
    }
    std::uint64_t v = std::uint64_t(std::int64_t(value) - min);
    // A reader's VALUE is whatever the caller left in it (0 below a min of 1 wraps to all ones):
    // start from zero so bits not on the wire (hi for ranges under 33 bits) read as zero.
    if constexpr (Stream::kIsReading) v = 0;
    std::uint32_t lo = std::uint32_t(v & 0xffffffffu);
    std::uint32_t hi = std::uint32_t(v >> 32);
    if (!s.serializeBits(lo, std::min(bits, 32))) return false;
    if (bits > 32 && !s.serializeBits(hi, bits - 32)) return false;
    if constexpr (Stream::kIsReading) {
        std::uint64_t got = (std::uint64_t(hi) << 32) | lo;
        if (got > range) return false;
        value = T(std::int64_t(got) + min);
    }
    return true;
}

template <class Stream>
bool serializeU32(Stream& s, std::uint32_t& value) {
    return s.serializeBits(value, 32);
}

template <class Stream>
bool serializeU64(Stream& s, std::uint64_t& value) {
    std::uint32_t lo = std::uint32_t(value), hi = std::uint32_t(value >> 32);
    if (!s.serializeBits(lo, 32) || !s.serializeBits(hi, 32)) return false;
    value = (std::uint64_t(hi) << 32) | lo;
    return true;
}

template <class Stream>
bool serializeI64(Stream& s, std::int64_t& value) {
    std::uint64_t v = std::uint64_t(value);
    if (!serializeU64(s, v)) return false;
    value = std::int64_t(v);
    return true;
}

// A float quantized to `resolution` steps in [min, max]; readers reject out-of-range codes.
template <class Stream>
bool serializeQuantized(Stream& s, float& value, float min, float max, float resolution) {
    const std::int64_t steps = std::int64_t((max - min) / resolution + 0.5f);
    std::int64_t code = 0;
    if constexpr (Stream::kIsWriting) {
        if (!(value >= min && value <= max)) return false; // also rejects NaN
        code = std::int64_t((value - min) / resolution + 0.5f);
        if (code > steps) code = steps;
    }
    if (!serializeInt(s, code, 0, steps)) return false;
    if constexpr (Stream::kIsReading) value = min + float(code) * resolution;
    return true;
}

// Length-prefixed bytes of at most maxLength; the length field is only as wide as needed.
template <class Stream>
bool serializeString(Stream& s, std::string& text, std::uint32_t maxLength) {
    std::uint32_t length = std::uint32_t(text.size());
    if constexpr (Stream::kIsWriting) {
        if (text.size() > maxLength) return false;
    }
    if (!serializeInt(s, length, 0, maxLength)) return false;
    if constexpr (Stream::kIsReading) {
        if (std::size_t(length) * 8 > s.bitsRemaining()) return false;
        text.resize(length);
    }
    for (std::uint32_t i = 0; i < length; ++i) {
        std::uint32_t c = std::uint8_t(text[i]);
        if (!s.serializeBits(c, 8)) return false;
        if constexpr (Stream::kIsReading) text[i] = char(c);
    }
    return true;
}

} // namespace fg::net
