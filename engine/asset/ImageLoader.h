// Decodes PNG and JPEG images to RGBA8 (libpng, libjpeg-turbo), with size limits checked first.
// Public header: no decoder types here; other formats are rejected by name.
#pragma once

#include "engine/asset/ModelData.h"
#include "engine/core/File.h"
#include "engine/core/Result.h"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

namespace fg {

struct ImageLimits {
    std::uint32_t maxWidth = 8192, maxHeight = 8192;
    std::uint64_t maxFileBytes = 32ull << 20;
};

// Decodes FILE; the dimensions are read from the header and checked before any pixel is decoded.
Result<ImageData> loadImage(const std::filesystem::path& file, const ImageLimits& = {});
// As loadImage, for bytes already in memory; NAME is used in error messages and ImageData::name.
Result<ImageData> loadImageFromMemory(std::span<const std::uint8_t> bytes, const std::string& name,
                                      const ImageLimits& = {});
// Writes an RGBA8 PNG (screenshots, tests).
Status writePng(const std::filesystem::path& file, const ImageData& image);
// Encodes an RGBA8 PNG into memory.
Result<Bytes> encodePng(const ImageData& image);
// Writes a baseline JPEG (quality 1-100); alpha is dropped. Used by tests and tools.
Status writeJpeg(const std::filesystem::path& file, const ImageData& image, int quality = 90);
// A 64x64 magenta/black checker, unmistakable on screen, used for missing or broken textures.
ImageData makePlaceholderImage();

} // namespace fg
