// Synthetic exhibitions for benchmarks and tests: valid by construction at any size the format
// allows, deterministic for a seed. Writes only inside the folder it is given.
#pragma once

#include "engine/core/Result.h"
#include "game/expo/Exhibition.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace fg::expo {

struct GenOptions {
    int booths = 100;
    int pavilions = 4;
    int halls = 1;
    std::uint64_t seed = 1;
};

// The media files every generated exhibition references (relative paths).
inline constexpr const char* kGenPoster = "media/poster.png";
inline constexpr const char* kGenLogo = "media/logo.png";
inline constexpr const char* kGenFlag = "media/flag.png";
inline constexpr const char* kGenModel = "media/model.obj";
inline constexpr const char* kGenBrochure = "media/brochure.txt";

// Lays out OPTIONS.booths booths in a grid of 8 m cells per hall, pavilions as bands of rows,
// a stage and a room per hall, a three-day programme and award categories. Fails (without
// crashing) when the options cannot fit the format's limits.
Result<Exhibition> generateExhibition(const GenOptions& options);
// generateExhibition + the media files + DIR/exhibition.json (canonical, via saveExhibition).
Status writeGeneratedExhibition(const GenOptions& options, const std::filesystem::path& dir);
// Writes the media files above into DIR (creating DIR/media).
Status writeGeneratedMedia(const std::filesystem::path& dir);

// A WIDTH x HEIGHT PNG of one colour (stored deflate: tiny, valid, no zlib needed).
std::vector<std::uint8_t> makeSolidPng(int width, int height, Color color);
// A unit cube as Wavefront OBJ text, standing on y = 0.
std::string makeCubeObj();

} // namespace fg::expo
