// Whole-file reading with size limits, and crash-safe writing (temp file + fsync + rename).
// Every failure returns an Error naming the path and the reason; nothing here throws.
#pragma once

#include "engine/core/Result.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace fg {

using Bytes = std::vector<std::uint8_t>;

// Default ceiling for a whole-file read; callers with tighter limits pass their own.
inline constexpr std::uint64_t kDefaultMaxFileBytes = 256ull * 1024 * 1024;

Result<Bytes> readFileBytes(const std::filesystem::path& path,
                            std::uint64_t maxBytes = kDefaultMaxFileBytes);
Result<std::string> readFileText(const std::filesystem::path& path,
                                 std::uint64_t maxBytes = kDefaultMaxFileBytes);

// Writes to PATH.tmp-XXXX, fsyncs it, renames it over PATH and fsyncs the folder, so a crash
// leaves either the old or the new file, never a torn one. MODE: the file's permissions (0600 for
// a secret such as the server's key).
Status writeFileAtomic(const std::filesystem::path& path, std::span<const std::uint8_t> data,
                       std::uint32_t mode = 0644);
Status writeFileAtomic(const std::filesystem::path& path, std::string_view text);

} // namespace fg
