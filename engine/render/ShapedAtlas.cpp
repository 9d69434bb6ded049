// FontAtlas for text in every script: glyphs shaped by engine/text's Shaper (HarfBuzz, FriBidi,
// FreeType) packed into one RGBA atlas by rows, and shaped lines laid out as meshes.
#include "engine/render/FontAtlas.h"
#include "engine/text/Utf8.h"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace fg::render {
namespace {

constexpr int kAtlasWidth = 2048;
constexpr int kPadding = 4; // room for mipmaps of distant signs without bleeding

// Base ranges baked glyph by glyph for text the file did not announce (clocks, screens).
constexpr std::uint32_t kBase[][2] = {
    {0x20, 0x17F}, {0x2013, 0x2014}, {0x2018, 0x201D}, {0x2022, 0x2022}, {0x20AC, 0x20AC}};

struct Packed {
    std::uint8_t face;
    std::uint32_t glyph;
    text::GlyphBitmap bitmap;
    int x = 0, y = 0;
};

// Shelf packing, tallest first; returns the atlas height used.
int pack(std::vector<Packed>& glyphs) {
    std::sort(glyphs.begin(), glyphs.end(),
              [](const Packed& a, const Packed& b) { return a.bitmap.height > b.bitmap.height; });
    int x = kPadding, y = kPadding, shelf = 0;
    for (Packed& p : glyphs) {
        if (x + p.bitmap.width + kPadding > kAtlasWidth)
            x = kPadding, y += shelf + kPadding, shelf = 0;
        p.x = x, p.y = y;
        x += p.bitmap.width + kPadding;
        shelf = std::max(shelf, p.bitmap.height);
    }
    int height = 64;
    while (height < y + shelf + kPadding)
        height *= 2;
    return height;
}

} // namespace

Result<FontAtlas> FontAtlas::bakeFor(const text::FontSet& fonts,
                                     const std::vector<std::string>& texts, float pixelHeight) {
    if (pixelHeight < 8.0f || pixelHeight > 256.0f)
        return makeError(fmt::format("world fonts: pixel height {} outside 8..256", pixelHeight));
    auto shaper = text::Shaper::create(fonts, pixelHeight);
    if (!shaper) return shaper.error();
    std::set<std::pair<std::uint8_t, std::uint32_t>> wanted;
    auto want = [&](std::string_view line) {
        for (const text::ShapedGlyph& g : (*shaper)->shape(line).glyphs)
            wanted.insert({g.face, g.glyph});
    };
    for (const auto& range : kBase)
        for (std::uint32_t cp = range[0]; cp <= range[1]; ++cp)
            want(text::encodeUtf8({cp}));
    for (const std::string& t : texts)
        want(t);
    std::vector<Packed> glyphs;
    for (auto [face, glyph] : wanted)
        glyphs.push_back({face, glyph, (*shaper)->render(face, glyph)});
    const int height = pack(glyphs);
    if (height > 8192) return makeError("world fonts: the text in use does not fit one atlas");
    FontAtlas out;
    out.m_pixelHeight = pixelHeight;
    out.m_image.name = "world-text";
    out.m_image.width = kAtlasWidth;
    out.m_image.height = std::uint32_t(height);
    out.m_image.srgb = true;
    out.m_image.rgba.assign(std::size_t(kAtlasWidth) * std::size_t(height) * 4, 0);
    for (std::size_t i = 0; i < out.m_image.rgba.size(); i += 4) // white, coverage in alpha
        out.m_image.rgba[i] = out.m_image.rgba[i + 1] = out.m_image.rgba[i + 2] = 255;
    const float ascender = (*shaper)->ascender();
    for (const Packed& p : glyphs) {
        const text::GlyphBitmap& b = p.bitmap;
        for (int y = 0; y < b.height; ++y)
            for (int x = 0; x < b.width; ++x)
                out.m_image
                    .rgba[(std::size_t(p.y + y) * kAtlasWidth + std::size_t(p.x + x)) * 4 + 3] =
                    b.alpha[std::size_t(y) * std::size_t(b.width) + std::size_t(x)];
        Glyph g;
        g.x0 = float(b.left), g.x1 = float(b.left + b.width);
        g.y0 = ascender - float(b.top), g.y1 = g.y0 + float(b.height);
        g.u0 = float(p.x) / kAtlasWidth, g.u1 = float(p.x + b.width) / kAtlasWidth;
        g.v0 = float(p.y) / float(height), g.v1 = float(p.y + b.height) / float(height);
        g.visible = b.width > 0 && b.height > 0;
        out.m_shaped[glyphKey(p.face, p.glyph)] = g;
    }
    out.m_shaper = std::move(*shaper);
    return out;
}

float FontAtlas::shapedWidth(std::string_view utf8) const {
    return m_shaper->shape(utf8).width;
}

MeshData FontAtlas::shapedMesh(std::string_view utf8, float lineHeight) const {
    MeshData mesh;
    mesh.name = std::string(utf8);
    const text::ShapedLine line = m_shaper->shape(utf8);
    const float s = lineHeight / m_pixelHeight;
    float pen = -line.width * 0.5f; // centre the line on x = 0 (pixels)
    const float top = lineHeight * 0.5f;
    for (const text::ShapedGlyph& sg : line.glyphs) {
        auto it = m_shaped.find(glyphKey(sg.face, sg.glyph));
        if (it != m_shaped.end() && it->second.visible) {
            const Glyph& g = it->second;
            const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
            const float x0 = (pen + sg.x + g.x0) * s, x1 = (pen + sg.x + g.x1) * s;
            const float y0 = top - (g.y0 - sg.y) * s, y1 = top - (g.y1 - sg.y) * s;
            const glm::vec3 corners[4] = {{x0, y0, 0}, {x1, y0, 0}, {x1, y1, 0}, {x0, y1, 0}};
            const glm::vec2 uvs[4] = {{g.u0, g.v0}, {g.u1, g.v0}, {g.u1, g.v1}, {g.u0, g.v1}};
            for (int i = 0; i < 4; ++i) {
                Vertex v;
                v.position = corners[i];
                v.normal = {0, 0, 1};
                v.uv = uvs[i];
                mesh.vertices.push_back(v);
            }
            for (std::uint32_t i : {0u, 3u, 2u, 0u, 2u, 1u})
                mesh.indices.push_back(base + i);
        }
        pen += sg.advance;
    }
    computeBounds(mesh);
    return mesh;
}

} // namespace fg::render
