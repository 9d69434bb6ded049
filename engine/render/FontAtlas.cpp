// Font baking through Dear ImGui's ImFontAtlas (stb_truetype inside ImGui) and text layout.
// The atlas object lives only during baking; nothing here touches an ImGui context or the GPU.
#include "engine/render/FontAtlas.h"

#include "engine/core/File.h"
#include "engine/text/Bidi.h"
#include "engine/text/Utf8.h"

#include <fmt/format.h>
#include <imgui.h>

namespace fg::render {

std::vector<std::uint32_t> decodeUtf8(std::string_view text) {
    return text::decodeUtf8(text);
}

namespace {

// Basic Latin, Latin-1 and Extended-A, dashes, quotes, bullet and euro: what dynamic text
// (clocks, stage screens) most often needs beyond the exhibition's own words.
const ImWchar kRanges[] = {0x0020, 0x017F, 0x2013, 0x2014, 0x2018, 0x201D,
                           0x2022, 0x2022, 0x20AC, 0x20AC, 0};

} // namespace

Result<FontAtlas> FontAtlas::bake(const std::filesystem::path& ttf, float pixelHeight) {
    if (pixelHeight < 8.0f || pixelHeight > 256.0f)
        return makeError(
            fmt::format("font {}: pixel height {} outside 8..256", ttf.string(), pixelHeight));
    auto bytes = readFileBytes(ttf, 64ull << 20);
    if (!bytes) return bytes.error();
    ImFontAtlas atlas;
    atlas.TexGlyphPadding = 4; // room for mipmaps of distant signs without bleeding
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    ImFont* font = atlas.AddFontFromMemoryTTF(bytes->data(), static_cast<int>(bytes->size()),
                                              pixelHeight, &config, kRanges);
    if (!font || !atlas.Build())
        return makeError(fmt::format("font {}: not a usable TrueType font", ttf.string()));
    return fromBuilt(&atlas, font, ttf.filename().string(), pixelHeight);
}

Result<FontAtlas> FontAtlas::fromBuilt(void* builtAtlas, void* builtFont, const std::string& name,
                                       float pixelHeight) {
    ImFontAtlas& atlas = *static_cast<ImFontAtlas*>(builtAtlas);
    const ImFont* font = static_cast<const ImFont*>(builtFont);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
    if (!pixels || width <= 0 || height <= 0)
        return makeError(fmt::format("font {}: baking produced no atlas", name));
    FontAtlas out;
    out.m_pixelHeight = pixelHeight;
    out.m_image.name = name;
    out.m_image.width = static_cast<std::uint32_t>(width);
    out.m_image.height = static_cast<std::uint32_t>(height);
    out.m_image.rgba.assign(pixels, pixels + std::size_t(width) * height * 4);
    out.m_image.srgb = true;
    for (int i = 0; i < font->Glyphs.Size; ++i) {
        const ImFontGlyph& g = font->Glyphs[i];
        out.m_glyphs[g.Codepoint] = {g.X0, g.Y0, g.X1, g.Y1,       g.U0,
                                     g.V0, g.U1, g.V1, g.AdvanceX, g.Visible != 0};
    }
    if (const ImFontGlyph* g = font->FallbackGlyph)
        out.m_fallback = {g->X0, g->Y0, g->X1, g->Y1,       g->U0,
                          g->V0, g->U1, g->V1, g->AdvanceX, g->Visible != 0};
    return out;
}

const FontAtlas::Glyph& FontAtlas::glyph(std::uint32_t codepoint) const {
    auto it = m_glyphs.find(codepoint);
    return it != m_glyphs.end() ? it->second : m_fallback;
}

float FontAtlas::measure(std::string_view utf8, float lineHeight) const {
    if (m_shaper) return shapedWidth(utf8) * lineHeight / m_pixelHeight;
    float pen = 0;
    for (std::uint32_t cp : decodeUtf8(text::visualOrder(utf8)))
        pen += glyph(cp).advance;
    return pen * lineHeight / m_pixelHeight;
}

MeshData FontAtlas::textMesh(std::string_view utf8, float lineHeight) const {
    if (m_shaper) return shapedMesh(utf8, lineHeight);
    MeshData mesh;
    mesh.name = std::string(utf8);
    const float s = lineHeight / m_pixelHeight;
    float pen = -measure(utf8, lineHeight) * 0.5f / s; // centre the line on x = 0
    const float top = lineHeight * 0.5f;
    for (std::uint32_t cp : decodeUtf8(text::visualOrder(utf8))) {
        const Glyph& g = glyph(cp);
        if (g.visible) {
            const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
            const float x0 = (pen + g.x0) * s, x1 = (pen + g.x1) * s;
            const float y0 = top - g.y0 * s, y1 = top - g.y1 * s;
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
        pen += g.advance;
    }
    computeBounds(mesh);
    return mesh;
}

} // namespace fg::render
