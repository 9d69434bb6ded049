// Assimp adapter, part 3: format conversion through Assimp::Exporter (authoring and test files).
// Never used to load models for rendering; importModel is the only runtime path.
#include "engine/asset/ModelConverter.h"

#include <assimp/Exporter.hpp>
#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <fmt/format.h>

namespace fg {

std::vector<ExportFormat> exportFormats() {
    Assimp::Exporter exporter;
    std::vector<ExportFormat> out;
    for (std::size_t i = 0; i < exporter.GetExportFormatCount(); ++i) {
        const aiExportFormatDesc* d = exporter.GetExportFormatDescription(i);
        out.push_back({d->id, d->fileExtension, d->description});
    }
    return out;
}

Status convertModelFile(const std::filesystem::path& in, const std::filesystem::path& out,
                        const std::string& formatId, const ImportOptions& options) {
    // Reuse importModel's checks (size, triangles, a complete scene) before exporting.
    if (auto model = importModel(in, options); !model) return model.error();
    Assimp::Importer importer;
    const aiScene* scene = importer.ReadFile(in.string(), aiProcess_Triangulate);
    if (!scene)
        return makeError(
            fmt::format("{}: cannot import: {}", in.string(), importer.GetErrorString()));
    Assimp::Exporter exporter;
    if (exporter.Export(scene, formatId, out.string()) != AI_SUCCESS)
        return makeError(fmt::format("{}: cannot export as '{}': {}", out.string(), formatId,
                                     exporter.GetErrorString()));
    return {};
}

} // namespace fg
