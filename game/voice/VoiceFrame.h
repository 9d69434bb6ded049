// The voice frame as the wire carries it: a small header (sequence, the sender's level, flags)
// and the Opus payload, with one serialize for read, write and size, and the limits of both.
#pragma once

#include "engine/net/BitStream.h"

#include <cstdint>
#include <span>
#include <vector>

namespace fg::voice {

inline constexpr int kFrameMs = 20;
inline constexpr int kFramesPerSecond = 1000 / kFrameMs;
// Opus at ~24 kbit/s makes 60-80 bytes per 20 ms; 400 leaves room for 128 kbit/s bursts and
// keeps a frame far below one datagram. Larger payloads are refused as bad input.
inline constexpr std::uint32_t kMaxPayloadBytes = 400;
// A sender may exceed 50 frames per second by this many (clock drift, a late burst) before the
// server's rate limit counts faults.
inline constexpr std::uint32_t kBurstFrames = 10;
// Loudness of the frame: 127 + dBov of its RMS, clamped to [0, 127] (0: silent, 124: a full-scale
// sine). Louder is larger, so "the N loudest" sorts on it directly.
inline constexpr std::uint8_t kMaxLevel = 127;
inline constexpr int kLevelBits = 7;

// Flag bits; readers refuse any other bit.
enum VoiceFlag : std::uint8_t {
    kFlagEndOfSpurt = 1 << 0, // the talker stopped (push-to-talk released): playout may drain
    kFlagStage = 1 << 1,      // spoken from a live session's stage (the server checks the right)
};
inline constexpr std::uint8_t kFlagsMask = kFlagEndOfSpurt | kFlagStage;
inline constexpr int kFlagBits = 2;

struct VoiceFrameHeader {
    std::uint16_t sequence = 0; // +1 per frame sent (not per frame of silence), wrapping
    std::uint8_t level = 0;     // see kMaxLevel
    std::uint8_t flags = 0;     // VoiceFlag bits
    bool operator==(const VoiceFrameHeader&) const = default;

    template <class S>
    bool serialize(S& s) {
        std::uint32_t seq = sequence, lvl = level, fl = flags;
        if constexpr (S::kIsWriting) {
            if (lvl > kMaxLevel || (fl & ~std::uint32_t(kFlagsMask)) != 0) return false;
        }
        if (!s.serializeBits(seq, 16) || !s.serializeBits(lvl, kLevelBits) ||
            !s.serializeBits(fl, kFlagBits))
            return false;
        sequence = std::uint16_t(seq);
        level = std::uint8_t(lvl);
        flags = std::uint8_t(fl);
        return true;
    }
};

// Header plus payload: what a client sends and the server forwards unchanged (never decoded).
struct VoiceFrame {
    VoiceFrameHeader header;
    std::vector<std::uint8_t> payload; // one Opus packet, 1 to kMaxPayloadBytes
    bool operator==(const VoiceFrame&) const = default;

    template <class S>
    bool serialize(S& s) {
        if (!header.serialize(s)) return false;
        std::uint32_t size = std::uint32_t(payload.size());
        if (!net::serializeInt(s, size, 1, kMaxPayloadBytes)) return false;
        if constexpr (S::kIsReading) {
            if (std::size_t(size) * 8 > s.bitsRemaining()) return false;
            payload.resize(size);
        }
        for (std::uint8_t& byte : payload) {
            std::uint32_t b = byte;
            if (!s.serializeBits(b, 8)) return false;
            byte = std::uint8_t(b);
        }
        return true;
    }
};

// The level of a 20 ms frame of 16-bit PCM (see kMaxLevel).
std::uint8_t frameLevel(std::span<const std::int16_t> pcm);

} // namespace fg::voice
