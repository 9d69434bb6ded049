// Converts a model file to another interchange format with Assimp's exporters (e.g. to make
// FBX or Collada test files). Public header: no Assimp types; not used at runtime by the client.
#pragma once

#include "engine/asset/ModelImporter.h"
#include "engine/core/Result.h"

#include <filesystem>
#include <string>
#include <vector>

namespace fg {

struct ExportFormat {
    std::string id;        // e.g. "fbx", "fbxa", "collada", "glb2", "obj"
    std::string extension; // without the dot
    std::string description;
};

// The formats Assimp can write in this build.
std::vector<ExportFormat> exportFormats();

// Reads IN (same limits as importModel, no post-processing beyond triangulation) and writes it
// to OUT in FORMATID. Errors name the file and the reason.
Status convertModelFile(const std::filesystem::path& in, const std::filesystem::path& out,
                        const std::string& formatId, const ImportOptions& options = {});

} // namespace fg
