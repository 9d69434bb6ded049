// Shaped text for world-space signs: bidi runs (FriBidi) shaped by HarfBuzz in the face of their
// script, glyphs rasterised by FreeType. Our types only; no HarfBuzz or FreeType types here.
#pragma once

#include "engine/core/Result.h"
#include "engine/text/FontFiles.h"

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace fg::text {

struct ShapedGlyph {
    std::uint8_t face = 0; // FontRole
    std::uint32_t glyph = 0;
    float x = 0, y = 0; // offset from the pen, pixels (y up)
    float advance = 0;
};

// One line, glyphs left to right as drawn, width in pixels.
struct ShapedLine {
    std::vector<ShapedGlyph> glyphs;
    float width = 0;
};

// A glyph's coverage: WIDTH x HEIGHT alpha bytes, LEFT/TOP from the pen on the baseline (y up).
struct GlyphBitmap {
    int width = 0, height = 0, left = 0, top = 0;
    std::vector<std::uint8_t> alpha;
};

class Shaper {
public:
    // Opens the three faces of FONTS at PIXELHEIGHT pixels from ascender to descender.
    static Result<std::unique_ptr<Shaper>> create(const FontSet& fonts, float pixelHeight);
    ~Shaper();
    Shaper(const Shaper&) = delete;
    Shaper& operator=(const Shaper&) = delete;

    // UTF8 (one line, logical order) shaped: right-to-left runs reversed, Arabic joined by the
    // font's own rules, marks placed. Invalid bytes are skipped.
    ShapedLine shape(std::string_view utf8) const;
    GlyphBitmap render(std::uint8_t face, std::uint32_t glyph) const;
    // Pixels from the line's top to the baseline (the Latin face's ascender).
    float ascender() const;

private:
    struct Impl;
    explicit Shaper(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace fg::text
