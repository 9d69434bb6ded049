// Replays files through a fuzz entry point, for builds without libFuzzer (GCC): reproduces a
// crash a fuzzer found, or checks a corpus. Prints one line per file; never fuzzes by itself.
#include "engine/core/File.h"

#include <cstdint>
#include <fmt/format.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
    int failures = 0;
    for (int i = 1; i < argc; ++i) {
        auto bytes = fg::readFileBytes(argv[i]);
        if (!bytes) {
            fmt::print(stderr, "{}\n", bytes.error().message);
            ++failures;
            continue;
        }
        LLVMFuzzerTestOneInput(bytes->data(), bytes->size());
        fmt::print("ok {}\n", argv[i]);
    }
    return failures > 0 ? 1 : 0;
}
