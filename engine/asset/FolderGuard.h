// Private: keeps the files a model references inside the model's own folder.
// An uploaded model must not be able to read other files on the importing machine.
#pragma once

#include <algorithm>
#include <filesystem>

namespace fg {

// True when FILE, with symlinks and ".." resolved, lies inside FOLDER (or is below it).
inline bool isInsideFolder(const std::filesystem::path& file, const std::filesystem::path& folder) {
    std::error_code ec;
    auto f = std::filesystem::weakly_canonical(file, ec);
    if (ec) return false;
    auto d = std::filesystem::weakly_canonical(folder.empty() ? "." : folder, ec);
    if (ec) return false;
    auto [dirEnd, fileAt] = std::mismatch(d.begin(), d.end(), f.begin(), f.end());
    (void)fileAt;
    return dirEnd == d.end();
}

} // namespace fg
