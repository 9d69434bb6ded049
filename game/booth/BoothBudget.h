// Per-size budgets (triangles, texture memory, total bytes) and what a bundle uses of them.
// Pure arithmetic over measured file stats; importing models is BoothAssets' job, not this file's.
#pragma once

#include "game/booth/BoothBundle.h"

#include <cstdint>
#include <glm/glm.hpp>
#include <map>
#include <string>

namespace fg::booth {

// What importing one bundle file found (BoothAssets fills these in).
struct FileStats {
    bool ok = false;
    std::string error;                          // why the file failed to import or decode
    std::uint64_t triangles = 0;                // models
    std::uint64_t textureBytes = 0;             // GPU memory of its textures with mipmaps (RGBA8)
    std::uint32_t width = 0, height = 0;        // images
    glm::vec3 boundsMin{0.0f}, boundsMax{0.0f}; // models, in model space
};
using StatsMap = std::map<std::string, FileStats>;

struct Budget {
    std::uint64_t maxTriangles = 0;
    std::uint64_t maxTextureBytes = 0;
    std::uint64_t maxTotalBytes = 0; // from expo::sizeTemplate
};

struct BudgetUse {
    std::uint64_t triangles = 0;
    std::uint64_t textureBytes = 0;
    std::uint64_t totalBytes = 0;
};

// S: 100k triangles / 32 MiB textures; M: 250k / 64 MiB; L: 500k / 128 MiB.
Budget budgetFor(expo::BoothSize size);
// Triangles of every placed model instance (a model placed twice counts twice), texture memory
// of every distinct model/image file referenced, and the bytes of every file in the bundle.
BudgetUse measureUse(const BoothBundle& bundle, const StatsMap& stats);
// RGBA8 with a full mip chain: 4 * w * h * 4/3.
std::uint64_t textureMemory(std::uint32_t width, std::uint32_t height);

} // namespace fg::booth
