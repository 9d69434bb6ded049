// Replays files through a fuzz entry point, for builds without libFuzzer (GCC): reproduces a
// crash a fuzzer found, or checks a corpus folder (CTest's "fuzz corpus" cases). Never fuzzes.
#include "engine/core/File.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fmt/format.h>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

// The files named, with a folder standing for the files in it (sorted, so runs are repeatable).
std::vector<std::filesystem::path> inputsOf(int argc, char** argv) {
    std::vector<std::filesystem::path> out;
    for (int i = 1; i < argc; ++i) {
        std::filesystem::path arg = argv[i];
        std::error_code ec;
        if (!std::filesystem::is_directory(arg, ec)) {
            out.push_back(arg);
            continue;
        }
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(arg, ec))
            if (entry.is_regular_file()) files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        out.insert(out.end(), files.begin(), files.end());
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    int failures = 0;
    const auto inputs = inputsOf(argc, argv);
    for (const auto& file : inputs) {
        auto bytes = fg::readFileBytes(file);
        if (!bytes) {
            fmt::print(stderr, "{}\n", bytes.error().message);
            ++failures;
            continue;
        }
        LLVMFuzzerTestOneInput(bytes->data(), bytes->size());
        fmt::print("ok {}\n", file.string());
    }
    if (inputs.empty()) {
        fmt::print(stderr, "no input files (give files or corpus folders)\n");
        return 1;
    }
    return failures > 0 ? 1 : 0;
}
