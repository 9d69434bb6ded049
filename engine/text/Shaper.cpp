// The one adapter over HarfBuzz and FreeType: faces opened once, each bidi run shaped with its
// script's face, glyphs rendered to coverage bitmaps. Never touches the GPU or ImGui.
#include "engine/text/Shaper.h"

#include "engine/text/Utf8.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <fribidi.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ft.h>
#include <hb.h>

namespace fg::text {

struct Shaper::Impl {
    FT_Library library = nullptr;
    FT_Face faces[3] = {};
    hb_font_t* fonts[3] = {};
    ~Impl() {
        for (int i = 0; i < 3; ++i) {
            if (fonts[i]) hb_font_destroy(fonts[i]);
            if (faces[i]) FT_Done_Face(faces[i]);
        }
        if (library) FT_Done_FreeType(library);
    }
};

namespace {

// A run of one bidi level drawn with one face, in logical order.
struct Run {
    std::size_t begin = 0, end = 0;
    int level = 0;
    std::uint8_t face = 0;
};

std::vector<Run> logicalRuns(const std::vector<std::uint32_t>& cps,
                             const std::vector<FriBidiLevel>& levels) {
    std::vector<Run> runs;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        auto face = std::uint8_t(fontRoleOf(cps[i]));
        // Spaces and punctuation stay with the run they sit in: fewer breaks in shaping.
        const bool neutral = cps[i] < 0x80 && !std::isalnum(int(cps[i]));
        if (!runs.empty() && neutral && runs.back().level == levels[i]) face = runs.back().face;
        if (runs.empty() || runs.back().level != levels[i] || runs.back().face != face)
            runs.push_back({i, i, levels[i], face});
        runs.back().end = i + 1;
    }
    return runs;
}

// Unicode bidi rule L2: from the highest level down to the lowest odd one, reverse every
// sequence of runs at that level or above.
void visualOrder(std::vector<Run>& runs) {
    int highest = 0, lowestOdd = 127;
    for (const Run& r : runs) {
        highest = std::max(highest, r.level);
        if (r.level % 2) lowestOdd = std::min(lowestOdd, r.level);
    }
    for (int level = highest; level >= lowestOdd && level > 0; --level)
        for (std::size_t i = 0; i < runs.size();) {
            if (runs[i].level < level) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < runs.size() && runs[j].level >= level)
                ++j;
            std::reverse(runs.begin() + std::ptrdiff_t(i), runs.begin() + std::ptrdiff_t(j));
            i = j;
        }
}

} // namespace

Shaper::Shaper(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Shaper::~Shaper() = default;

Result<std::unique_ptr<Shaper>> Shaper::create(const FontSet& fonts, float pixelHeight) {
    auto impl = std::make_unique<Impl>();
    if (FT_Init_FreeType(&impl->library)) return makeError("text: FreeType did not start");
    const FontFace* faces[3] = {&fonts.latin, &fonts.arabic, &fonts.cjk};
    for (int i = 0; i < 3; ++i) {
        if (FT_New_Face(impl->library, faces[i]->file.c_str(), faces[i]->index, &impl->faces[i]))
            return makeError(fmt::format("font {}: FreeType cannot open face {}",
                                         faces[i]->file.string(), faces[i]->index));
        // Ascender to descender = PIXELHEIGHT, as stb_truetype's pixel height means.
        FT_Size_RequestRec request{FT_SIZE_REQUEST_TYPE_REAL_DIM, 0, FT_Long(pixelHeight * 64.0f),
                                   0, 0};
        if (FT_Request_Size(impl->faces[i], &request))
            return makeError(fmt::format("font {}: cannot be sized", faces[i]->file.string()));
        impl->fonts[i] = hb_ft_font_create_referenced(impl->faces[i]);
    }
    return std::unique_ptr<Shaper>(new Shaper(std::move(impl)));
}

float Shaper::ascender() const {
    return float(m_impl->faces[0]->size->metrics.ascender) / 64.0f;
}

ShapedLine Shaper::shape(std::string_view utf8) const {
    ShapedLine line;
    const std::vector<std::uint32_t> cps = decodeUtf8(utf8);
    if (cps.empty()) return line;
    std::vector<FriBidiChar> chars(cps.begin(), cps.end());
    std::vector<FriBidiCharType> types(cps.size());
    std::vector<FriBidiBracketType> brackets(cps.size());
    std::vector<FriBidiLevel> levels(cps.size(), 0);
    const auto n = FriBidiStrIndex(chars.size());
    fribidi_get_bidi_types(chars.data(), n, types.data());
    fribidi_get_bracket_types(chars.data(), n, types.data(), brackets.data());
    FriBidiParType base = FRIBIDI_PAR_ON;
    if (!fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &base,
                                             levels.data()))
        std::fill(levels.begin(), levels.end(), FriBidiLevel(0));
    std::vector<Run> runs = logicalRuns(cps, levels);
    visualOrder(runs);
    hb_buffer_t* buffer = hb_buffer_create();
    for (const Run& run : runs) {
        hb_buffer_reset(buffer);
        hb_buffer_add_utf32(buffer, cps.data(), int(cps.size()), unsigned(run.begin),
                            int(run.end - run.begin));
        hb_buffer_set_direction(buffer, run.level % 2 ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
        hb_buffer_guess_segment_properties(buffer);
        hb_shape(m_impl->fonts[run.face], buffer, nullptr, 0);
        unsigned count = 0;
        const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
        const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);
        for (unsigned i = 0; i < count; ++i) {
            line.glyphs.push_back({run.face, info[i].codepoint, float(pos[i].x_offset) / 64.0f,
                                   float(pos[i].y_offset) / 64.0f,
                                   float(pos[i].x_advance) / 64.0f});
            line.width += float(pos[i].x_advance) / 64.0f;
        }
    }
    hb_buffer_destroy(buffer);
    return line;
}

GlyphBitmap Shaper::render(std::uint8_t face, std::uint32_t glyph) const {
    GlyphBitmap out;
    FT_Face f = m_impl->faces[std::min<std::uint8_t>(face, 2)];
    if (FT_Load_Glyph(f, glyph, FT_LOAD_DEFAULT) ||
        FT_Render_Glyph(f->glyph, FT_RENDER_MODE_NORMAL))
        return out;
    const FT_Bitmap& bm = f->glyph->bitmap;
    out.width = int(bm.width);
    out.height = int(bm.rows);
    out.left = f->glyph->bitmap_left;
    out.top = f->glyph->bitmap_top;
    out.alpha.resize(std::size_t(out.width) * std::size_t(out.height));
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x)
            out.alpha[std::size_t(y) * std::size_t(out.width) + std::size_t(x)] =
                bm.buffer[std::ptrdiff_t(y) * bm.pitch + x];
    return out;
}

} // namespace fg::text
