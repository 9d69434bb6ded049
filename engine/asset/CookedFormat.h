// The engine's cooked binary formats: models (.fgm) and textures (.fgt), versioned, little-endian.
// Readers are bounds-checked and return an Error naming the field and offset; they never assert.
#pragma once

#include "engine/asset/ModelData.h"
#include "engine/core/File.h"
#include "engine/core/Result.h"

#include <cstdint>
#include <span>
#include <string>

namespace fg {

inline constexpr std::uint32_t kCookedModelVersion = 1;
inline constexpr std::uint32_t kCookedImageVersion = 1;
inline constexpr const char* kCookedModelExtension = ".fgm";
inline constexpr const char* kCookedImageExtension = ".fgt";

// Reorders every mesh for the vertex cache, overdraw and vertex fetch (meshoptimizer) and
// recomputes bounds. cookModel applies exactly this, so optimizeModel(m) == read(cook(m)).
void optimizeModel(ModelData& model);

// Serialises MODEL after optimizeModel; images are stored zstd-compressed when that is smaller.
Bytes cookModel(const ModelData& model);
// Parses a cooked model; NAME (usually the file) is used in error messages.
Result<ModelData> readCookedModel(std::span<const std::uint8_t> bytes, const std::string& name);

Bytes cookImage(const ImageData& image);
Result<ImageData> readCookedImage(std::span<const std::uint8_t> bytes, const std::string& name);

} // namespace fg
