// Measures bundle files for budgets and problems: imports models (fg_asset) and decodes images.
// Runs untrusted importers in-process: for the editor only; the server uses fg_publish's sandbox.
#pragma once

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
// Imports FILE (companions beside it) and reports triangles, texture memory and bounds.
FileStats measureModelFile(const std::filesystem::path& file);
FileStats measureImageBytes(std::span<const std::uint8_t> bytes, const std::string& name);

// Remembers stats by entry name and content hash, so only new or changed files are measured.
class AssetMeter {
public:
    explicit AssetMeter(std::filesystem::path scratchDir);
    // Stats for every model and image in BUNDLE (models are written to the scratch folder with
    // their companions and imported there).
    const StatsMap& measure(const BoothBundle& bundle);

private:
    std::filesystem::path m_scratch;
    std::map<std::string, std::pair<std::uint64_t, FileStats>> m_cache;
    StatsMap m_stats;
};

} // namespace fg::booth
