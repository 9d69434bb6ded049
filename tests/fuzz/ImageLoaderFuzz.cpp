// libFuzzer entry point for the stb PNG/JPEG adapter (loadImageFromMemory).
// Limits are kept small so the fuzzer explores parsing, not huge allocations.
#include "engine/asset/ImageLoader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fg::ImageLimits limits{.maxWidth = 1024, .maxHeight = 1024, .maxFileBytes = 1 << 20};
    (void)fg::loadImageFromMemory({data, size}, "fuzz.png", limits);
    return 0;
}
