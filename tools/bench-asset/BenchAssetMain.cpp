// fairground-bench-asset [MODELS...]: median Assimp import time vs cooked load time per model.
// A benchmark, not a test: it prints figures and asserts nothing about time.
#include "engine/asset/CookedFormat.h"
#include "engine/asset/ModelImporter.h"
#include "engine/core/File.h"
#include "engine/core/Time.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>

namespace fs = std::filesystem;

namespace {

struct Row {
    std::string name;
    std::uint64_t triangles = 0, sourceBytes = 0, cookedBytes = 0;
    double importMs = 0, cookedMs = 0;
};

// Median wall time of RUNS calls to FN, in milliseconds; FN returns false on failure.
template <class Fn>
double medianMs(int runs, Fn&& fn) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        double start = fg::monotonicSeconds();
        if (!fn()) return -1.0;
        times.push_back((fg::monotonicSeconds() - start) * 1000.0);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

std::vector<fs::path> defaultModels() {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(FG_ASSETS_DIR_BENCH)) {
        std::string ext = e.path().extension().string();
        if (e.is_regular_file() &&
            (ext == ".glb" || ext == ".gltf" || ext == ".obj" || ext == ".fbx" || ext == ".dae"))
            out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

// A UV sphere as OBJ text with SEGMENTS x SEGMENTS quads, so the table has one large model.
std::string sphereObj(int segments) {
    std::string out;
    const double pi = 3.14159265358979323846;
    for (int i = 0; i <= segments; ++i) {
        for (int j = 0; j <= segments; ++j) {
            double theta = pi * i / segments, phi = 2 * pi * j / segments;
            double x = std::sin(theta) * std::cos(phi), y = std::cos(theta),
                   z = std::sin(theta) * std::sin(phi);
            out += fmt::format("v {:.6f} {:.6f} {:.6f}\nvt {:.6f} {:.6f}\n", x, y, z,
                               double(j) / segments, double(i) / segments);
        }
    }
    auto at = [&](int i, int j) { return i * (segments + 1) + j + 1; };
    for (int i = 0; i < segments; ++i)
        for (int j = 0; j < segments; ++j)
            out += fmt::format("f {0}/{0} {1}/{1} {2}/{2} {3}/{3}\n", at(i, j), at(i + 1, j),
                               at(i + 1, j + 1), at(i, j + 1));
    return out;
}

// Cooked load = read the file + parse it, as a client does from its disk cache.
bool measure(const fs::path& file, int runs, const fs::path& tmp, Row& row) {
    auto model = fg::importModel(file);
    if (!model) {
        fmt::print(stderr, "skipped: {}\n", model.error().message);
        return false;
    }
    fg::Bytes cooked = fg::cookModel(*model);
    fs::path cookedFile = tmp / "bench.fgm";
    if (!fg::writeFileAtomic(cookedFile, cooked)) return false;
    std::error_code ec;
    std::string name = fs::absolute(file).lexically_relative(FG_ASSETS_DIR_BENCH).string();
    if (name.starts_with("..")) name = "(generated) " + file.filename().string();
    row = {name, fg::triangleCount(*model), fs::file_size(file, ec), cooked.size()};
    row.importMs = medianMs(runs, [&] { return fg::importModel(file).ok(); });
    row.cookedMs = medianMs(runs, [&] {
        auto bytes = fg::readFileBytes(cookedFile);
        return bytes && fg::readCookedModel(*bytes, cookedFile.string()).ok();
    });
    return true;
}

// A Markdown table (so it can be pasted into docs/BENCHMARKS.md) and a summary line.
void printTable(const std::vector<Row>& rows, int runs) {
    fmt::print("| model | triangles | source bytes | .fgm bytes | import ms | cooked ms | ratio |\n"
               "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    std::vector<double> ratios;
    for (const Row& r : rows) {
        double ratio = r.importMs / std::max(r.cookedMs, 1e-6);
        ratios.push_back(ratio);
        fmt::print("| {} | {} | {} | {} | {:.3f} | {:.3f} | {:.1f}x |\n", r.name, r.triangles,
                   r.sourceBytes, r.cookedBytes, r.importMs, r.cookedMs, ratio);
    }
    if (ratios.empty()) return;
    std::sort(ratios.begin(), ratios.end());
    fmt::print("\n{} models, median of {} runs each; cooked/import speed-up: min {:.1f}x, "
               "median {:.1f}x, max {:.1f}x\n",
               rows.size(), runs, ratios.front(), ratios[ratios.size() / 2], ratios.back());
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> inputs;
    int runs = 21;
    int sphere = 256;
    CLI::App app{"Median Assimp import time vs cooked load time (read file + parse) per model. "
                 "With no models, every model under assets/ is measured."};
    app.add_option("models", inputs, "model files");
    app.add_option("--runs", runs, "runs per measurement")
        ->capture_default_str()
        ->check(CLI::Range(1, 100000));
    app.add_option("--sphere", sphere,
                   "also measure a generated OBJ sphere of N x N quads (0: none)")
        ->capture_default_str();
    CLI11_PARSE(app, argc, argv);
    std::vector<fs::path> files(inputs.begin(), inputs.end());
    if (files.empty()) files = defaultModels();
    fs::path tmp = fs::temp_directory_path() / fmt::format("fg-bench-asset-{}", fg::unixNow());
    fs::create_directories(tmp);
    if (sphere > 0) {
        fs::path obj = tmp / fmt::format("sphere-{}.obj", sphere);
        if (fg::writeFileAtomic(obj, sphereObj(sphere))) files.push_back(obj);
    }
    std::vector<Row> rows;
    for (const fs::path& file : files) {
        Row row;
        if (measure(file, runs, tmp, row)) rows.push_back(row);
    }
    printTable(rows, runs);
    fs::remove_all(tmp);
    return 0;
}
