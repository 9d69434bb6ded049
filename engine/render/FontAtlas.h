// Public world-space text: a TrueType font baked into an RGBA atlas, and text laid out as meshes.
// No ImGui or stb types here; baking uses Dear ImGui's font atlas inside FontAtlas.cpp.
#pragma once

#include "engine/asset/ModelData.h"
#include "engine/core/Result.h"

#include <filesystem>
#include <string_view>
#include <unordered_map>

namespace fg::render {

class FontAtlas {
public:
    // Bakes Basic Latin + Latin-1/Extended-A from TTF at PIXELHEIGHT pixels per line.
    static Result<FontAtlas> bake(const std::filesystem::path& ttf, float pixelHeight = 64.0f);

    // White texels with coverage in alpha (sRGB colour); draw with an alpha-mask material.
    const ImageData& image() const { return m_image; }
    // Text in the xy plane facing +z, centred on the origin, one line LINEHEIGHT metres tall.
    // Unknown characters use the font's fallback glyph; invalid UTF-8 bytes are skipped.
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

    std::unordered_map<std::uint32_t, Glyph> m_glyphs;
    Glyph m_fallback;
    float m_pixelHeight = 0;
    ImageData m_image;
};

// Decodes UTF-8 into code points, skipping malformed bytes (never reads past the end).
std::vector<std::uint32_t> decodeUtf8(std::string_view text);

} // namespace fg::render
