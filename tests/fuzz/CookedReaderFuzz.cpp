// libFuzzer entry point for the cooked model and texture readers (docs/ASSETS.md).
// Must only parse: any input is legal, and the readers must never crash or read out of bounds.
#include "engine/asset/CookedFormat.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::span<const std::uint8_t> bytes(data, size);
    (void)fg::readCookedModel(bytes, "fuzz.fgm");
    (void)fg::readCookedImage(bytes, "fuzz.fgt");
    return 0;
}
