// Every model committed under assets/ (test models and exhibition samples) must import with
// triangles and survive cook -> read unchanged. New sample files are picked up automatically.
#include "engine/asset/CookedFormat.h"
#include "engine/asset/ModelImporter.h"
#include "tests/asset/AssetTestSupport.h"

#include <algorithm>
#include <doctest/doctest.h>

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> committedModels() {
    std::vector<fs::path> out;
    for (const auto& entry : fs::recursive_directory_iterator(FG_ASSETS_DIR)) {
        std::string ext = entry.path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (entry.is_regular_file() &&
            (ext == ".glb" || ext == ".gltf" || ext == ".obj" || ext == ".fbx" || ext == ".dae"))
            out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

TEST_CASE("every committed model under assets/ imports and cooks round-trip") {
    std::vector<fs::path> models = committedModels();
    CHECK(models.size() >= 5); // at least the test models of each format
    for (const fs::path& file : models) {
        INFO(file.string());
        auto model = fg::importModel(file);
        REQUIRE_MESSAGE(model, (model ? "" : model.error().message));
        CHECK(fg::triangleCount(*model) > 0);
        auto read = fg::readCookedModel(fg::cookModel(*model), file.string());
        REQUIRE_MESSAGE(read, (read ? "" : read.error().message));
        fg::ModelData expected = *model;
        fg::optimizeModel(expected);
        std::string why;
        CHECK_MESSAGE(fgtest::sameModel(expected, *read, why), why);
    }
}
