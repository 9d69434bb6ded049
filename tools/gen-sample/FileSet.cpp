// In-memory file tree of the generated sample and its one writer to disk.
// Removes only stale files inside the sample's own folder; never anything outside `root`.
#include "tools/gen-sample/FileSet.h"

#include "engine/core/File.h"

#include <cassert>
#include <fmt/format.h>
#include <system_error>

namespace fg::sample {

namespace fs = std::filesystem;

void FileSet::add(const std::string& path, std::vector<std::uint8_t> bytes) {
    assert(!contains(path) && "file generated twice");
    m_files.emplace(path, std::move(bytes));
}

void FileSet::add(const std::string& path, std::string_view text) {
    add(path, std::vector<std::uint8_t>(text.begin(), text.end()));
}

std::uint64_t FileSet::size(const std::string& path) const {
    auto it = m_files.find(path);
    return it == m_files.end() ? 0 : it->second.size();
}

std::uint64_t FileSet::totalBytes() const {
    std::uint64_t n = 0;
    for (const auto& [path, bytes] : m_files)
        n += bytes.size();
    return n;
}

Status FileSet::writeTo(const fs::path& root) const {
    std::error_code ec;
    fs::create_directories(root, ec);
    if (ec)
        return makeError(fmt::format("{}: cannot create folder: {}", root.string(), ec.message()));
    if (fs::exists(root / "exhibition.json")) {
        std::vector<fs::path> stale;
        for (const auto& entry : fs::recursive_directory_iterator(root, ec))
            if (entry.is_regular_file() &&
                !contains(entry.path().lexically_relative(root).generic_string()))
                stale.push_back(entry.path());
        for (const fs::path& p : stale)
            fs::remove(p, ec);
    }
    for (const auto& [path, bytes] : m_files) {
        fs::path full = root / path;
        fs::create_directories(full.parent_path(), ec);
        if (ec)
            return makeError(fmt::format("{}: cannot create folder: {}",
                                         full.parent_path().string(), ec.message()));
        if (Status s = writeFileAtomic(full, bytes); !s) return s;
    }
    return {};
}

} // namespace fg::sample
