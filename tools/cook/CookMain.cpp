// fairground-cook IN... --out DIR: cooks models (.fgm) and images (.fgt) named by content hash.
// Sees only fg_asset's types (never Assimp or stb); writes only inside the output folder.
#include "engine/asset/AssetCache.h"
#include "engine/asset/ModelConverter.h"
#include "engine/core/Log.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fmt/format.h>

namespace {

struct Options {
    std::vector<std::string> inputs;
    std::string out;
    fg::ImportOptions import;
    fg::ImageLimits image;
    std::string exportFormat;
    bool sandbox = false;
};

// One line per file: hash, triangles, cooked bytes, cooked/cached, source.
void printEntry(const fg::CookedEntry& e, const std::string& source) {
    fmt::print("{}  {:>9} tris  {:>11} bytes  {:<6}  {}\n", fg::toHex(e.hash), e.triangles,
               e.cookedBytes, e.cached ? "cached" : "cooked", source);
}

int cookAll(const Options& options) {
    fg::AssetCache cache(options.out);
    if (options.sandbox) cache.useSandbox({});
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

// --export FORMAT: writes OUT/<stem>.<ext> with Assimp's exporter instead of cooking.
int exportAll(const Options& options) {
    std::vector<fg::ExportFormat> formats = fg::exportFormats();
    auto format = std::find_if(formats.begin(), formats.end(),
                               [&](const auto& f) { return f.id == options.exportFormat; });
    if (format == formats.end()) {
        std::string known;
        for (const auto& f : formats)
            known += " " + f.id;
        fmt::print(stderr, "fairground-cook: unknown export format '{}'; known:{}\n",
                   options.exportFormat, known);
        return 2;
    }
    std::error_code ec;
    std::filesystem::create_directories(options.out, ec);
    int failures = 0;
    for (const std::string& input : options.inputs) {
        std::filesystem::path out =
            std::filesystem::path(options.out) /
            (std::filesystem::path(input).stem().string() + "." + format->extension);
        if (fg::Status st = fg::convertModelFile(input, out, format->id, options.import); !st) {
            fmt::print(stderr, "fairground-cook: error: {}\n", st.error().message);
            ++failures;
            continue;
        }
        fmt::print("exported  {}  ->  {}\n", input, out.string());
    }
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
    app.add_option("--export", options.exportFormat,
                   "convert models to this Assimp format (e.g. fbx, collada) instead of cooking");
    app.add_flag("--sandbox", options.sandbox,
                 "import each model in a child process with memory/CPU/time limits");
    app.add_flag_callback("--verbose", [] { fg::log::setLevel(fg::log::Level::Debug); });
    CLI11_PARSE(app, argc, argv);
    options.image.maxHeight = options.image.maxWidth;
    return options.exportFormat.empty() ? cookAll(options) : exportAll(options);
}
