// Builds the whole sample exhibition in memory: exhibition.json plus every file it references
// (flags, logos, posters, thumbnails, documents, models). No disk I/O; main() writes the result.
#pragma once

#include "engine/core/Result.h"
#include "tools/gen-sample/Artwork.h"
#include "tools/gen-sample/FileSet.h"

#include <cstddef>
#include <nlohmann/json_fwd.hpp>

namespace fg::sample {

struct SampleStats {
    std::size_t halls = 0, pavilions = 0, exhibitors = 0, booths = 0, booths3d = 0;
    std::size_t sessions = 0, models = 0, triangles = 0;
};

Result<FileSet> buildSample(const Fonts& fonts, SampleStats& stats);
// Adds the French names and texts of the sample (Translations.cpp) to the exhibition DOC.
void addFrenchTranslations(nlohmann::ordered_json& doc);

} // namespace fg::sample
