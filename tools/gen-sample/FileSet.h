// The generated sample in memory: relative path -> bytes, written out in one go at the end.
// Keeps generation free of I/O (and so deterministic and testable); only writeTo touches disk.
#pragma once

#include "engine/core/Result.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace fg::sample {

class FileSet {
public:
    // Adds a file; paths are relative, '/'-separated. Adding a path twice is a programmer error.
    void add(const std::string& path, std::vector<std::uint8_t> bytes);
    void add(const std::string& path, std::string_view text);

    bool contains(const std::string& path) const { return m_files.count(path) != 0; }
    std::uint64_t size(const std::string& path) const;
    std::uint64_t totalBytes() const;
    const std::map<std::string, std::vector<std::uint8_t>>& files() const { return m_files; }

    // Writes every file under `root` (atomically each) and removes files there that this set
    // does not hold, so re-running leaves exactly the generated tree.
    Status writeTo(const std::filesystem::path& root) const;

private:
    std::map<std::string, std::vector<std::uint8_t>> m_files;
};

} // namespace fg::sample
