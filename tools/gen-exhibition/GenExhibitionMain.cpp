// fairground-gen-exhibition: writes a synthetic exhibition (JSON + tiny media) into --out.
// Writes only inside --out; exit 1 when the options cannot fit the format, 2 on bad arguments.
#include "tools/gen-exhibition/ExhibitionGenerator.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fmt/format.h>

int main(int argc, char** argv) {
    CLI::App app{"Writes a synthetic, valid exhibition (exhibition.json + media/) for benchmarks.",
                 "fairground-gen-exhibition"};
    fg::expo::GenOptions options;
    std::string out;
    app.add_option("--booths", options.booths, "number of booths")
        ->required()
        ->check(CLI::NonNegativeNumber);
    app.add_option("--pavilions", options.pavilions, "number of pavilions")
        ->required()
        ->check(CLI::NonNegativeNumber);
    app.add_option("--halls", options.halls, "number of halls")
        ->required()
        ->check(CLI::PositiveNumber);
    app.add_option("--out", out, "output folder (created if missing)")->required();
    app.add_option("--seed", options.seed, "random seed (same seed, same exhibition)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        std::fputs(app.help().c_str(), stderr);
        return 2;
    }
    if (auto st = fg::expo::writeGeneratedExhibition(options, out); !st) {
        fmt::print(stderr, "fairground-gen-exhibition: {}\n", st.error().message);
        return 1;
    }
    fmt::print("{}/exhibition.json: {} booths, {} pavilions, {} halls (seed {})\n", out,
               options.booths, options.pavilions, options.halls, options.seed);
    return 0;
}
