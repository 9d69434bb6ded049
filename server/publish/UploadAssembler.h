// Reassembles chunked bundle uploads on disk, so an upload resumes after a dropped connection
// (or a server restart) from the last byte received. Knows nothing about the bundle's contents.
#pragma once

#include "engine/core/File.h"
#include "engine/core/Hash.h"
#include "engine/core/Result.h"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

namespace fg::publish {

struct UploadLimits {
    std::uint64_t maxBundleBytes = 100ull << 20; // the L budget (96 MiB) plus room for headers
    std::uint32_t maxChunkBytes = 64u << 10;
};

// One upload is keyed by who sends it and for which booth; a new begin with a different size
// or hash restarts it.
class UploadAssembler {
public:
    UploadAssembler(std::filesystem::path dir, UploadLimits limits = {});

    // Starts or resumes an upload of TOTALBYTES whose XXH3-128 is HASH. Returns the offset to
    // continue from (0 for a new upload, bytes already held for a resumed one).
    Result<std::uint64_t> begin(const std::string& exhibitorId, const std::string& boothId,
                                std::uint64_t totalBytes, const Hash128& hash);
    // Appends DATA at OFFSET, which must be exactly the bytes held so far (in order, no gaps).
    // Returns the new number of bytes held.
    Result<std::uint64_t> chunk(const std::string& exhibitorId, const std::string& boothId,
                                std::uint64_t offset, std::span<const std::uint8_t> data);
    // All bytes, once complete and matching the announced hash; the partial file is removed
    // either way when the hash does not match.
    Result<Bytes> finish(const std::string& exhibitorId, const std::string& boothId);
    void abandon(const std::string& exhibitorId, const std::string& boothId);

    const UploadLimits& limits() const { return m_limits; }

private:
    struct Meta {
        std::uint64_t total = 0;
        Hash128 hash;
    };
    std::filesystem::path partPath(const std::string& exhibitorId,
                                   const std::string& boothId) const;
    Result<Meta> readMeta(const std::filesystem::path& part) const;

    std::filesystem::path m_dir;
    UploadLimits m_limits;
};

} // namespace fg::publish
