// Content-addressed blob store (two-level hex folders, atomic writes, verified reads).
// Must not delete or overwrite a blob: a name always means the same bytes.
#include "server/publish/ContentStore.h"

#include <fmt/format.h>

namespace fg::publish {

namespace fs = std::filesystem;

ContentStore::ContentStore(fs::path dir) : m_dir(std::move(dir)) {}

fs::path ContentStore::pathOf(const Hash128& hash) const {
    std::string hex = toHex(hash);
    return m_dir / hex.substr(0, 2) / hex;
}

bool ContentStore::has(const Hash128& hash) const {
    std::error_code ec;
    return fs::is_regular_file(pathOf(hash), ec);
}

std::optional<std::uint64_t> ContentStore::size(const Hash128& hash) const {
    std::error_code ec;
    const std::uint64_t bytes = fs::file_size(pathOf(hash), ec);
    if (ec) return std::nullopt;
    return bytes;
}

Result<Hash128> ContentStore::put(std::span<const std::uint8_t> data) {
    Hash128 hash = hash128(data);
    if (has(hash)) return hash;
    std::error_code ec;
    fs::create_directories(pathOf(hash).parent_path(), ec);
    if (ec)
        return makeError(fmt::format("{}: cannot create folder: {}", m_dir.string(), ec.message()));
    if (Status st = writeFileAtomic(pathOf(hash), data); !st) return st.error();
    return hash;
}

Result<Bytes> ContentStore::get(const Hash128& hash) const {
    auto bytes = readFileBytes(pathOf(hash));
    if (!bytes) return bytes.error();
    if (!(hash128(*bytes) == hash))
        return makeError(fmt::format("{}: content does not match its hash", pathOf(hash).string()));
    return bytes;
}

} // namespace fg::publish
