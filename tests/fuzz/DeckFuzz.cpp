// libFuzzer entry point for the deck reader: Poppler through the PdfDocument adapter (open, page
// count, every page rendered) as the sandboxed child runs it. Limits small: parse, not allocate.
#include "engine/doc/DeckPages.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fg::DeckLimits limits;
    limits.maxPages = 4;
    limits.pageWidth = 48;
    limits.pdf = {.maxPages = 4,
                  .maxWidth = 64,
                  .maxHeight = 256,
                  .maxPixels = 64 * 256,
                  .maxFileBytes = 1 << 20};
    (void)fg::renderPdfPages({data, size}, "fuzz.pdf", limits);
    return 0;
}
