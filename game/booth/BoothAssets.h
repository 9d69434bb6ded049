// Measures bundle files for budgets and problems: imports models in a sandboxed child process
// (engine/asset/SandboxedImport, as the server does) and decodes images. For the editor.
#pragma once

#include "engine/asset/AssetCache.h"
#include "engine/asset/ModelData.h"
#include "game/booth/BoothBudget.h"
#include "game/booth/BoothBundle.h"

#include <filesystem>
#include <map>

namespace fg::booth {

// The model FILE and the companion files it names (glTF buffers/images, OBJ mtllib and its
// texture maps), keyed by names relative to FILE's folder.
Result<std::map<std::string, Bytes>> readModelFiles(const std::filesystem::path& file);

// Triangles, texture memory and node-transformed bounds of an imported (or cooked) model.
FileStats statsOfModel(const ModelData& model);
// Imports FILE (companions beside it) through CACHE (in a child process when the cache has a
// sandbox) and reports triangles, texture memory and bounds, or why it cannot be imported.
FileStats measureModelFile(const std::filesystem::path& file, AssetCache& cache);
FileStats measureImageBytes(std::span<const std::uint8_t> bytes, const std::string& name);

// Remembers stats by entry name and content hash, so only new or changed files are measured.
class AssetMeter {
public:
    // Models are imported in a child process with LIMITS; their cooked form is kept in COOKEDDIR
    // by content (the editor's view reads the same folder, so a model is imported once; empty:
    // SCRATCHDIR's name with "-cooked").
    explicit AssetMeter(std::filesystem::path scratchDir, std::filesystem::path cookedDir = {},
                        const SandboxLimits& limits = {});
    // Stats for every model and image in BUNDLE (models are written to the scratch folder with
    // their companions and imported there).
    const StatsMap& measure(const BoothBundle& bundle);
    // Imports the model FILE (companions beside it) as measure() will: the reason it cannot be
    // used (a broken file, or one that hangs or exhausts memory, stopped at the limits).
    Status checkModel(const std::filesystem::path& file);

private:
    std::filesystem::path m_scratch;
    AssetCache m_cooked;
    std::map<std::string, std::pair<std::uint64_t, FileStats>> m_cache;
    StatsMap m_stats;
};

} // namespace fg::booth
