// Public world-space text: TrueType fonts baked into an RGBA atlas, and text laid out as meshes
// (right-to-left runs in visual order, Arabic joined). No ImGui or stb types here.
#pragma once

#include "engine/asset/ModelData.h"
#include "engine/core/Result.h"
#include "engine/text/FontFiles.h"
#include "engine/text/Shaper.h"

#include <filesystem>
#include <memory>
#include <string_view>
#include <unordered_map>

namespace fg::render {

class FontAtlas {
public:
    // Bakes Basic Latin + Latin-1/Extended-A from TTF at PIXELHEIGHT pixels per line.
    static Result<FontAtlas> bake(const std::filesystem::path& ttf, float pixelHeight = 64.0f);
    // Text in every script (ShapedAtlas.cpp): FONTS' faces shape each line with HarfBuzz
    // (bidi runs from FriBidi); the atlas holds the glyphs TEXTS shape to plus those of the base
    // ranges, so memory follows the text in use. Other text draws the glyphs it finds there.
    static Result<FontAtlas> bakeFor(const text::FontSet& fonts,
                                     const std::vector<std::string>& texts,
                                     float pixelHeight = 64.0f);

    // White texels with coverage in alpha (sRGB colour); draw with an alpha-mask material.
    const ImageData& image() const { return m_image; }
    // Text in the xy plane facing +z, centred on the origin, one line LINEHEIGHT metres tall.
    // Shaped (bakeFor): right to left where the text is, joined and with marks placed; glyphs
    // not baked are left out. Baked from one file: the fallback glyph. Bad UTF-8 is skipped.
    MeshData textMesh(std::string_view utf8, float lineHeight) const;
    // Width in metres of TEXT at LINEHEIGHT.
    float measure(std::string_view utf8, float lineHeight) const;

private:
    struct Glyph {
        float x0 = 0, y0 = 0, x1 = 0, y1 = 0; // pixels from the pen on the line's top
        float u0 = 0, v0 = 0, u1 = 0, v1 = 0;
        float advance = 0;
        bool visible = false;
    };
    const Glyph& glyph(std::uint32_t codepoint) const;
    static Result<FontAtlas> fromBuilt(void* atlas, void* font, const std::string& name,
                                       float pixelHeight);
    // ShapedAtlas.cpp
    MeshData shapedMesh(std::string_view utf8, float lineHeight) const;
    float shapedWidth(std::string_view utf8) const;
    static std::uint64_t glyphKey(std::uint8_t face, std::uint32_t glyph) {
        return (std::uint64_t(face) << 32) | glyph;
    }

    std::shared_ptr<const text::Shaper> m_shaper; // set by bakeFor
    std::unordered_map<std::uint64_t, Glyph> m_shaped;
    std::unordered_map<std::uint32_t, Glyph> m_glyphs;
    Glyph m_fallback;
    float m_pixelHeight = 0;
    ImageData m_image;
};

// Decodes UTF-8 into code points, skipping malformed bytes (never reads past the end).
std::vector<std::uint32_t> decodeUtf8(std::string_view text);

} // namespace fg::render
