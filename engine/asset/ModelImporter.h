// Imports model files (glTF/GLB, OBJ, FBX, Collada) into fg::ModelData through Assimp.
// Public header: no Assimp types may appear here; all limits are checked before and after import.
#pragma once

#include "engine/asset/ModelData.h"
#include "engine/core/Result.h"

#include <cstdint>
#include <filesystem>

namespace fg {

struct ImportOptions {
    // Applies to every file Assimp opens for this model (the model and its .bin/.mtl files).
    std::uint64_t maxFileBytes = 64ull << 20;
    std::uint32_t maxTriangles = 2'000'000;
    // When true, every file the model references (glTF buffers, MTL, textures) must lie in the
    // model's folder or below it, so an uploaded model cannot read other files.
    bool confineToFolder = true;
};

// Reads FILE into Y-up, right-handed, metre-scale model data: triangulated, with normals and
// tangents generated when missing, node transforms kept, textures decoded to RGBA8 (embedded
// ones included; a texture that fails to load becomes the placeholder checker and is logged).
// Any problem with FILE itself is an Error naming FILE and the reason.
Result<ModelData> importModel(const std::filesystem::path& file, const ImportOptions& = {});

} // namespace fg
