// fairground-gen-sample: writes the bundled sample exhibition (Digital World 2021, fictional
// exhibitors) to assets/exhibitions/digital-world-2021. Deterministic; it must not read the clock.
#include "engine/core/Log.h"
#include "tools/gen-sample/SampleBuilder.h"

#include <CLI/CLI.hpp>
#include <filesystem>

namespace {

struct Options {
    std::filesystem::path out = FG_SAMPLE_DEFAULT_OUT;
    std::filesystem::path bold = FG_SAMPLE_FONT_BOLD;
    std::filesystem::path regular = FG_SAMPLE_FONT_REGULAR;
};

int run(const Options& options) {
    auto bold = fg::sample::Font::load(options.bold);
    if (!bold) return fg::log::error("{}", bold.error().message), 1;
    auto regular = fg::sample::Font::load(options.regular);
    if (!regular) return fg::log::error("{}", regular.error().message), 1;
    fg::sample::Fonts fonts{std::move(*bold), std::move(*regular)};
    fg::sample::SampleStats stats;
    auto files = fg::sample::buildSample(fonts, stats);
    if (!files) return fg::log::error("{}", files.error().message), 1;
    if (fg::Status s = files->writeTo(options.out); !s)
        return fg::log::error("{}", s.error().message), 1;
    fg::log::info("wrote {} files, {} bytes, to {}", files->files().size(), files->totalBytes(),
                  options.out.string());
    fg::log::info(
        "halls {}, pavilions {}, exhibitors {}, booths {} ({} 3d), sessions {}, models {} "
        "({} triangles)",
        stats.halls, stats.pavilions, stats.exhibitors, stats.booths, stats.booths3d,
        stats.sessions, stats.models, stats.triangles);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    Options options;
    CLI::App app{
        "Writes the bundled sample exhibition (exhibition.json and every file it references)"};
    app.add_option("--out", options.out,
                   "Output folder (replaced file by file; stale files removed)");
    app.add_option("--font-bold", options.bold, "Bold TrueType font for posters");
    app.add_option("--font-regular", options.regular, "Regular TrueType font for posters");
    CLI11_PARSE(app, argc, argv);
    return run(options);
}
