// fairground-bench-expo: generates exhibitions in a temp folder and prints load+validate times
// (median of several runs) and problem counts. Prints figures only; asserts nothing.
#include "engine/core/Time.h"
#include "game/expo/ExhibitionJson.h"
#include "tools/gen-exhibition/ExhibitionGenerator.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fmt/format.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

double medianOf(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double millisSince(std::int64_t startNanos) {
    return static_cast<double>(fg::monotonicNanos() - startNanos) / 1e6;
}

// Process CPU time: on a shared, loaded machine wall time mostly measures the neighbours.
double cpuMillis() {
    timespec ts{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Figures {
    double loadMedian = 0, loadMin = 0, loadCpuMedian = 0, validateMedian = 0, saveMedian = 0;
    std::size_t problems = 0;
    std::uintmax_t bytes = 0;
};

Figures measure(const fs::path& dir, int runs) {
    Figures f;
    fs::path file = dir / "exhibition.json";
    f.bytes = fs::file_size(file);
    std::vector<double> load, loadCpu, validate, save;
    for (int r = 0; r < runs; ++r) {
        auto start = fg::monotonicNanos();
        double cpuStart = cpuMillis();
        auto report = fg::expo::loadExhibition(file);
        load.push_back(millisSince(start));
        loadCpu.push_back(cpuMillis() - cpuStart);
        f.problems = report.problems.size();
        if (!report.exhibition) continue;
        start = fg::monotonicNanos();
        auto problems = fg::expo::validateExhibition(*report.exhibition, dir, "exhibition.json");
        validate.push_back(millisSince(start));
        start = fg::monotonicNanos();
        std::string text = fg::expo::toJson(*report.exhibition);
        save.push_back(millisSince(start));
    }
    f.loadMedian = medianOf(load);
    f.loadMin = *std::min_element(load.begin(), load.end());
    f.loadCpuMedian = medianOf(loadCpu);
    f.validateMedian = validate.empty() ? 0 : medianOf(validate);
    f.saveMedian = save.empty() ? 0 : medianOf(save);
    return f;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times exhibition loading (read + parse + validate) on generated exhibitions.",
                 "fairground-bench-expo"};
    int runs = 7;
    std::vector<int> sizes = {100, 1000, 5000};
    app.add_option("--runs", runs, "runs per size (the median is printed)")
        ->check(CLI::PositiveNumber);
    app.add_option("--booths", sizes, "booth counts to measure");
    CLI11_PARSE(app, argc, argv);

    fs::path root = fs::temp_directory_path() / fmt::format("fg-bench-expo-{}", ::getpid());
    fmt::print("{:>7} {:>9} {:>14} {:>10} {:>10} {:>13} {:>11} {:>9}\n", "booths", "file KiB",
               "load+validate", "(min)", "(CPU)", "validate only", "toJson", "problems");
    for (int booths : sizes) {
        fs::path dir = root / std::to_string(booths);
        fg::expo::GenOptions options{booths, std::max(1, booths / 100), booths > 2000 ? 2 : 1, 1};
        if (auto st = fg::expo::writeGeneratedExhibition(options, dir); !st) {
            fmt::print(stderr, "fairground-bench-expo: {}\n", st.error().message);
            fs::remove_all(root);
            return 1;
        }
        Figures f = measure(dir, runs);
        fmt::print(
            "{:>7} {:>9} {:>11.1f} ms {:>7.1f} ms {:>7.1f} ms {:>10.1f} ms {:>8.1f} ms {:>9}\n",
            booths, f.bytes / 1024, f.loadMedian, f.loadMin, f.loadCpuMedian, f.validateMedian,
            f.saveMedian, f.problems);
    }
    fmt::print("wall-clock medians of {} runs (CPU: process CPU time); pavilions = booths / 100, "
               "halls = 2 above 2,000 booths\n",
               runs);
    fs::remove_all(root);
    return 0;
}
