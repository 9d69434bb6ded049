// Content-addressed blob store for published booth assets: each file is named by its XXH3-128.
// Writes only inside its folder, always temp + fsync + rename; readers check the hash.
#pragma once

#include "engine/core/File.h"
#include "engine/core/Hash.h"
#include "engine/core/Result.h"

#include <filesystem>
#include <optional>

namespace fg::publish {

class ContentStore {
public:
    explicit ContentStore(std::filesystem::path dir);

    // Stores DATA under its hash (a no-op when already present) and returns the hash.
    Result<Hash128> put(std::span<const std::uint8_t> data);
    // The blob named HASH, verified against its name.
    Result<Bytes> get(const Hash128& hash) const;
    bool has(const Hash128& hash) const;
    // Bytes of the blob named HASH; nullopt when it is not stored.
    std::optional<std::uint64_t> size(const Hash128& hash) const;
    std::filesystem::path pathOf(const Hash128& hash) const;
    const std::filesystem::path& dir() const { return m_dir; }

private:
    std::filesystem::path m_dir;
};

} // namespace fg::publish
