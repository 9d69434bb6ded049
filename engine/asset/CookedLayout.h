// Private constants of the cooked formats shared by their writer and reader (see docs/ASSETS.md).
// Not a public header: nothing outside engine/asset includes it.
#pragma once

#include <cstddef>
#include <cstdint>

namespace fg::cooked {

inline constexpr std::uint32_t kModelMagic = 0x4d474746; // bytes "FGGM"
inline constexpr std::uint32_t kImageMagic = 0x54474746; // bytes "FGGT"
inline constexpr std::size_t kHeaderBytes = 32;
inline constexpr std::uint32_t kMaxImageSide = 16384;
inline constexpr std::uint32_t kMaxStringBytes = 4096;
// Decoded pixels are refused past these sizes before allocating: a few KB of zstd can claim
// gigabytes, so the compressed size alone bounds nothing.
inline constexpr std::uint64_t kMaxImagePixelBytes = 256ull << 20;  // one 8192x8192 RGBA8
inline constexpr std::uint64_t kMaxModelPixelBytes = 1024ull << 20; // all images of a model
// Minimum encoded record sizes: a count that cannot fit in what is left is refused before any
// allocation, so a hostile count cannot make the reader reserve gigabytes.
inline constexpr std::uint64_t kMinImageBytes = 4 + 4 + 4 + 1 + 1 + 4;
inline constexpr std::uint64_t kMinMaterialBytes = 4 + 16 + 4 + 4 + 12 + 1 + 4 + 1 + 16;
inline constexpr std::uint64_t kMinMeshBytes = 4 + 4 + 24 + 4 + 4;
inline constexpr std::uint64_t kMinNodeBytes = 4 + 64 + 4 + 4;

enum class Compression : std::uint8_t { None = 0, Zstd = 1 };

} // namespace fg::cooked
