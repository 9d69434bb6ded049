// fairground-cook IN... --out DIR: cooks models (.fgm) and images (.fgt) named by content hash.
// Sees only fg_asset's types (never Assimp or stb); writes only inside the output folder.
#include "engine/asset/AssetCache.h"
#include "engine/core/Log.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace {

struct Options {
    std::vector<std::string> inputs;
    std::string out;
    fg::ImportOptions import;
    fg::ImageLimits image;
};

// One line per file: hash, triangles, cooked bytes, cooked/cached, source.
void printEntry(const fg::CookedEntry& e, const std::string& source) {
    fmt::print("{}  {:>9} tris  {:>11} bytes  {:<6}  {}\n", fg::toHex(e.hash), e.triangles,
               e.cookedBytes, e.cached ? "cached" : "cooked", source);
}

int cookAll(const Options& options) {
    fg::AssetCache cache(options.out);
    int failures = 0;
    for (const std::string& input : options.inputs) {
        auto entry = fg::isImageFile(input) ? cache.ensureImage(input, options.image)
                                            : cache.ensureModel(input, options.import);
        if (!entry) {
            // Errors from the asset library already begin with the file's name.
            fmt::print(stderr, "fairground-cook: error: {}\n", entry.error().message);
            ++failures;
            continue;
        }
        printEntry(*entry, input);
    }
    if (failures > 0)
        fmt::print(stderr, "fairground-cook: {} of {} file(s) failed\n", failures,
                   options.inputs.size());
    return failures > 0 ? 1 : 0;
}

} // namespace

int main(int argc, char** argv) {
    Options options;
    CLI::App app{"Cooks models (glTF/GLB, OBJ, FBX, Collada) and images (PNG, JPEG) into "
                 "DIR/<xxh3-128 of the source>.fgm/.fgt; files already cooked are skipped."};
    app.add_option("inputs", options.inputs, "model or image files")->required();
    app.add_option("--out", options.out, "output folder (created if missing)")->required();
    app.add_option("--max-triangles", options.import.maxTriangles, "per model")
        ->capture_default_str();
    app.add_option("--max-model-bytes", options.import.maxFileBytes, "per file a model reads")
        ->capture_default_str();
    app.add_option("--max-image-side", options.image.maxWidth, "pixels")->capture_default_str();
    app.add_flag_callback("--verbose", [] { fg::log::setLevel(fg::log::Level::Debug); });
    CLI11_PARSE(app, argc, argv);
    options.image.maxHeight = options.image.maxWidth;
    return cookAll(options);
}
