// libFuzzer entry for booth.json (parseBoothJson), the record inside every .booth archive: the
// archive's hashes keep a fuzzer from reaching it there. Accepted text must write back the same.
#include "game/booth/BoothBundle.h"

#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto bundle = fg::booth::parseBoothJson(text, "booth.json");
    if (!bundle.ok()) return 0;
    const std::string written = fg::booth::toBoothJson(*bundle);
    auto again = fg::booth::parseBoothJson(written, "booth.json");
    if (!again.ok() || fg::booth::toBoothJson(*again) != written) std::abort();
    return 0;
}
