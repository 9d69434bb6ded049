// The sending side of a chunked, resumable bundle upload, independent of the transport: what to
// announce, which chunk to send next, progress, and where to resume after a reconnect.
#pragma once

#include "engine/core/File.h"
#include "engine/core/Hash.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace fg::booth {

class BoothUpload {
public:
    static constexpr std::uint32_t kDefaultChunkBytes = 32u << 10;

    BoothUpload(std::string boothId, Bytes bundle, std::uint32_t chunkBytes = kDefaultChunkBytes);

    const std::string& boothId() const { return m_boothId; }
    std::uint64_t totalBytes() const { return m_bundle.size(); }
    const Hash128& hash() const { return m_hash; }

    // The receiver answered a begin (first or after a reconnect) with the bytes it already
    // holds; sending continues from there. Offsets past the end are clamped (nothing to send).
    void resumeAt(std::uint64_t offset);
    // The next chunk to send and its offset; nullopt when every byte has been sent.
    struct Chunk {
        std::uint64_t offset = 0;
        std::span<const std::uint8_t> data;
    };
    std::optional<Chunk> nextChunk();
    // The receiver confirmed holding HELD bytes (drives the progress bar).
    void acknowledged(std::uint64_t held);

    std::uint64_t sentBytes() const { return m_sent; }
    std::uint64_t ackedBytes() const { return m_acked; }
    // 0..1 of the bundle the receiver confirmed.
    float progress() const;
    bool allSent() const { return m_sent >= m_bundle.size(); }
    bool complete() const { return m_acked >= m_bundle.size(); }

private:
    std::string m_boothId;
    Bytes m_bundle;
    Hash128 m_hash;
    std::uint32_t m_chunkBytes;
    std::uint64_t m_sent = 0;
    std::uint64_t m_acked = 0;
};

} // namespace fg::booth
