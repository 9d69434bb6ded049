// libFuzzer entry for the exhibition reader and validator (docs/EXHIBITION_FORMAT.md): any text
// is legal input; an accepted exhibition must write back to text that reads back the same.
#include "game/expo/ExhibitionJson.h"
#include "tests/fuzz/FuzzSupport.h"

#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    // Referenced files resolve in an empty folder: each is reported missing, never read.
    const auto& dir = fg::fuzz::scratchDir();
    fg::expo::LoadReport report = fg::expo::parseExhibition(text, dir, "fuzz.json");
    if (!report.exhibition) return 0;
    for (const auto& problem : report.problems)
        if (problem.message.empty()) std::abort(); // every problem says what is wrong
    const std::string written = fg::expo::toJson(*report.exhibition);
    fg::expo::LoadReport again = fg::expo::parseExhibition(written, dir, "fuzz.json");
    if (!again.exhibition || fg::expo::toJson(*again.exhibition) != written) std::abort();
    return 0;
}
