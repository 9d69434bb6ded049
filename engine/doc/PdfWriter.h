// Writes simple PDF files from code (filled rectangles and Helvetica text on pages), for the
// generated sample decks and for tests; no third-party library. Not a general PDF producer.
#pragma once

#include "engine/core/File.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fg {

struct PdfRect {
    float x = 0, y = 0, width = 0, height = 0; // points, origin at the bottom left
    std::uint8_t r = 0, g = 0, b = 0;
};

struct PdfText {
    float x = 0, y = 0; // baseline start, points
    float size = 12;
    std::string text; // printable ASCII; anything else is written as '?'
    std::uint8_t r = 0, g = 0, b = 0;
};

struct PdfPage {
    float width = 960, height = 540; // points
    std::vector<PdfRect> rects;      // drawn first, in order
    std::vector<PdfText> texts;
};

// The bytes of a PDF 1.4 file with PAGES, in order (a correct cross-reference table).
Bytes writeSimplePdf(const std::vector<PdfPage>& pages);

} // namespace fg
