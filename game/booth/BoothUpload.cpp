// Chunking and resume bookkeeping for bundle uploads (the editor's side of UploadAssembler).
// Must not do I/O: the caller moves the chunks over whatever connection it has.
#include "game/booth/BoothUpload.h"

#include <algorithm>

namespace fg::booth {

BoothUpload::BoothUpload(std::string boothId, Bytes bundle, std::uint32_t chunkBytes)
    : m_boothId(std::move(boothId)), m_bundle(std::move(bundle)),
      m_hash(hash128(std::span<const std::uint8_t>(m_bundle))),
      m_chunkBytes(std::max(chunkBytes, 1u)) {}

void BoothUpload::resumeAt(std::uint64_t offset) {
    m_sent = std::min<std::uint64_t>(offset, m_bundle.size());
    m_acked = m_sent;
}

std::optional<BoothUpload::Chunk> BoothUpload::nextChunk() {
    if (allSent()) return std::nullopt;
    std::uint64_t n = std::min<std::uint64_t>(m_chunkBytes, m_bundle.size() - m_sent);
    Chunk c{m_sent, std::span<const std::uint8_t>(m_bundle).subspan(m_sent, n)};
    m_sent += n;
    return c;
}

void BoothUpload::acknowledged(std::uint64_t held) {
    m_acked = std::max(m_acked, std::min<std::uint64_t>(held, m_sent));
}

float BoothUpload::progress() const {
    return m_bundle.empty() ? 1.0f : float(double(m_acked) / double(m_bundle.size()));
}

} // namespace fg::booth
