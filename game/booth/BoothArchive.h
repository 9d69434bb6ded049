// The .booth container: a flat list of named entries, each stored raw or zstd-compressed.
// The reader is bounds-checked and enforces limits before it allocates; it never asserts on input.
#pragma once

#include "engine/core/File.h"
#include "engine/core/Result.h"

#include <cstdint>
#include <map>
#include <span>
#include <string>

namespace fg::booth {

// Layout (little-endian): "FGBOOTH1", u32 version, u32 count, then per entry: u16 name length,
// name, u8 method (0 stored, 1 zstd), u64 raw size, u64 stored size, u64 XXH3 of the raw bytes,
// stored bytes. Entries are written in name order, so equal contents give equal archives.
inline constexpr std::uint32_t kArchiveVersion = 1;

struct ArchiveLimits {
    std::uint32_t maxEntries = 256;
    std::uint64_t maxEntryBytes = 32ull << 20;  // uncompressed, per entry
    std::uint64_t maxTotalBytes = 128ull << 20; // uncompressed, all entries
    std::uint32_t maxCompressionRatio = 200;    // raw / stored; above this is a compression bomb
};

// Entry name -> raw bytes.
using ArchiveEntries = std::map<std::string, Bytes>;

Bytes writeArchive(const ArchiveEntries& entries);
// Parses an archive; NAME is used in error messages. Rejects unsafe entry names, duplicates,
// entries or totals over LIMITS, compression bombs and hash mismatches, each with its reason.
Result<ArchiveEntries> readArchive(std::span<const std::uint8_t> bytes, const std::string& name,
                                   const ArchiveLimits& limits = {});

} // namespace fg::booth
