// Whole-file reading with limits and atomic writing through POSIX calls.
// Must not throw: std::filesystem is used only through its error_code overloads.
#include "engine/core/File.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fg {
namespace {

std::string errnoText() {
    return std::strerror(errno);
}

Status writeAll(int fd, std::span<const std::uint8_t> data, const std::string& path) {
    std::size_t done = 0;
    while (done < data.size()) {
        ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return makeError(fmt::format("{}: write failed: {}", path, errnoText()));
        }
        done += static_cast<std::size_t>(n);
    }
    return {};
}

void fsyncFolder(const std::filesystem::path& folder) {
    int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

Result<Bytes> readFileBytes(const std::filesystem::path& path, std::uint64_t maxBytes) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return makeError(fmt::format("{}: not found or not a regular file", path.string()));
    int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) return makeError(fmt::format("{}: cannot open: {}", path.string(), errnoText()));
    Bytes bytes;
    std::uint8_t chunk[65536];
    for (;;) {
        ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            ::close(fd);
            return makeError(fmt::format("{}: read failed: {}", path.string(), errnoText()));
        }
        if (n == 0) break;
        if (bytes.size() + static_cast<std::uint64_t>(n) > maxBytes) {
            ::close(fd);
            return makeError(fmt::format("{}: file is larger than the limit of {} bytes",
                                         path.string(), maxBytes));
        }
        bytes.insert(bytes.end(), chunk, chunk + n);
    }
    ::close(fd);
    return bytes;
}

Result<std::string> readFileText(const std::filesystem::path& path, std::uint64_t maxBytes) {
    auto bytes = readFileBytes(path, maxBytes);
    if (!bytes) return bytes.error();
    return std::string(bytes->begin(), bytes->end());
}

Status writeFileAtomic(const std::filesystem::path& path, std::span<const std::uint8_t> data,
                       std::uint32_t mode) {
    std::string tmpl = path.string() + ".tmp-XXXXXX";
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
        return makeError(
            fmt::format("{}: cannot create temporary file: {}", path.string(), errnoText()));
    // mkstemp creates 0600; published files (assets, exports) must be readable like any other.
    ::fchmod(fd, mode_t(mode));
    Status written = writeAll(fd, data, tmpl);
    if (written && ::fsync(fd) != 0)
        written = makeError(fmt::format("{}: fsync failed: {}", tmpl, errnoText()));
    ::close(fd);
    if (written && ::rename(tmpl.c_str(), path.c_str()) != 0)
        written = makeError(fmt::format("{}: rename failed: {}", path.string(), errnoText()));
    if (!written) {
        ::unlink(tmpl.c_str());
        return written;
    }
    fsyncFolder(path.parent_path());
    return {};
}

Status writeFileAtomic(const std::filesystem::path& path, std::string_view text) {
    return writeFileAtomic(
        path, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

} // namespace fg
