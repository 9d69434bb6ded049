// On-disk cache of cooked assets keyed by the source file's XXH3-128 content hash.
// Never returns Assimp or stb types; writes only inside its folder, always atomically.
#pragma once

#include "engine/asset/ImageLoader.h"
#include "engine/asset/ModelData.h"
#include "engine/asset/ModelImporter.h"
#include "engine/asset/SandboxedImport.h"
#include "engine/core/Hash.h"
#include "engine/core/Result.h"

#include <cstdint>
#include <filesystem>
#include <optional>

namespace fg {

// What ensureModel/ensureImage did for one source file.
struct CookedEntry {
    Hash128 hash;
    std::filesystem::path cookedFile;
    std::uint64_t cookedBytes = 0;
    std::uint64_t triangles = 0; // 0 for images
    bool cached = false;         // true when a valid cooked file was already present
};

// Not thread-safe (hit/miss counters): use one per thread, or guard it. Several processes may
// share a folder: files are written atomically and each is named by its content.
class AssetCache {
public:
    explicit AssetCache(std::filesystem::path dir);

    // Loads the cooked form keyed by SOURCE's content hash; on a miss (or an unreadable cooked
    // file) imports through Assimp, cooks, writes atomically and returns the cooked result.
    // A SOURCE that is already cooked (.fgm / .fgt, e.g. downloaded by hash) is only read and
    // checked, never imported, and counts as a hit.
    Result<ModelData> loadModel(const std::filesystem::path& source, const ImportOptions& = {});
    Result<ImageData> loadImage(const std::filesystem::path& source, const ImageLimits& = {});

    // As loadModel/loadImage but reports what happened instead of returning the data.
    Result<CookedEntry> ensureModel(const std::filesystem::path& source, const ImportOptions& = {});
    Result<CookedEntry> ensureImage(const std::filesystem::path& source, const ImageLimits& = {});

    // From now on, models are imported by cookModelSandboxed (a child process with these
    // limits) instead of in this process: for untrusted uploads.
    void useSandbox(const SandboxLimits& limits) { m_sandbox = limits; }

    const std::filesystem::path& dir() const { return m_dir; }
    std::filesystem::path modelPath(const Hash128& hash) const;
    std::filesystem::path imagePath(const Hash128& hash) const;
    std::uint64_t hits() const { return m_hits; }
    std::uint64_t misses() const { return m_misses; }

private:
    Status ensureDir() const;

    std::filesystem::path m_dir;
    std::optional<SandboxLimits> m_sandbox;
    std::uint64_t m_hits = 0;
    std::uint64_t m_misses = 0;
};

// A visible magenta unit box (one mesh, one node, one material), used in place of a model that
// failed to load so the scene still shows where it should be.
ModelData makePlaceholderModel();

// True for extensions fairground-cook treats as images (.png, .jpg, .jpeg; case-insensitive).
bool isImageFile(const std::filesystem::path& file);

} // namespace fg
