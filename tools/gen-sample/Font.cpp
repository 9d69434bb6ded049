// stb_truetype wrapper: UTF-8 decoding, kerning-aware measuring and alpha-blended glyphs.
// This tool may include stb directly (a content generator, not engine code); it only reads fonts.
#include "tools/gen-sample/Font.h"

#include "engine/core/File.h"

#include <cmath>
#include <fmt/format.h>
#include <stb/stb_truetype.h>

namespace fg::sample {

struct Font::Impl {
    Bytes data;
    stbtt_fontinfo info{};
};

namespace {

std::vector<int> decodeUtf8(std::string_view s) {
    std::vector<int> out;
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        int cp = len == 1 ? c : c & (0x3f >> (len - 1));
        for (int k = 1; k < len && i + k < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
        out.push_back(cp);
        i += len;
    }
    return out;
}

} // namespace

Result<Font> Font::load(const std::filesystem::path& path) {
    auto bytes = readFileBytes(path, 64ull << 20);
    if (!bytes) return bytes.error();
    auto impl = std::make_shared<Impl>();
    impl->data = std::move(*bytes);
    int offset = stbtt_GetFontOffsetForIndex(impl->data.data(), 0);
    if (offset < 0 || !stbtt_InitFont(&impl->info, impl->data.data(), offset))
        return makeError(
            fmt::format("{}: not a TrueType font stb_truetype can read", path.string()));
    Font font;
    font.m_impl = std::move(impl);
    return font;
}

float Font::ascent(float px) const {
    int asc = 0, desc = 0, gap = 0;
    stbtt_GetFontVMetrics(&m_impl->info, &asc, &desc, &gap);
    return asc * stbtt_ScaleForPixelHeight(&m_impl->info, px);
}

float Font::measure(std::string_view utf8, float px) const {
    const stbtt_fontinfo* info = &m_impl->info;
    float scale = stbtt_ScaleForPixelHeight(info, px);
    std::vector<int> cps = decodeUtf8(utf8);
    float w = 0;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        int adv = 0, lsb = 0;
        stbtt_GetCodepointHMetrics(info, cps[i], &adv, &lsb);
        w += adv * scale;
        if (i + 1 < cps.size())
            w += scale * stbtt_GetCodepointKernAdvance(info, cps[i], cps[i + 1]);
    }
    return w;
}

void Font::draw(Canvas& canvas, float x, float baseline, std::string_view utf8, float px, Rgba c,
                Align align) const {
    const stbtt_fontinfo* info = &m_impl->info;
    float scale = stbtt_ScaleForPixelHeight(info, px);
    if (align != Align::Left) x -= measure(utf8, px) * (align == Align::Centre ? 0.5f : 1.0f);
    std::vector<int> cps = decodeUtf8(utf8);
    float pen = x;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        float fx = pen - std::floor(pen);
        int w = 0, h = 0, ox = 0, oy = 0;
        unsigned char* bmp = stbtt_GetCodepointBitmapSubpixel(info, scale, scale, fx, 0.0f, cps[i],
                                                              &w, &h, &ox, &oy);
        int bx = static_cast<int>(std::floor(pen)) + ox;
        int by = static_cast<int>(std::lround(baseline)) + oy;
        for (int yy = 0; yy < h; ++yy)
            for (int xx = 0; xx < w; ++xx)
                if (bmp[yy * w + xx]) canvas.blend(bx + xx, by + yy, c, bmp[yy * w + xx] / 255.0f);
        stbtt_FreeBitmap(bmp, nullptr);
        int adv = 0, lsb = 0;
        stbtt_GetCodepointHMetrics(info, cps[i], &adv, &lsb);
        pen += adv * scale;
        if (i + 1 < cps.size())
            pen += scale * stbtt_GetCodepointKernAdvance(info, cps[i], cps[i + 1]);
    }
}

std::vector<std::string> Font::wrap(std::string_view utf8, float px, float maxWidth) const {
    std::vector<std::string> lines;
    std::string line;
    std::size_t i = 0;
    while (i < utf8.size()) {
        std::size_t j = utf8.find(' ', i);
        if (j == std::string_view::npos) j = utf8.size();
        std::string word(utf8.substr(i, j - i));
        std::string candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && measure(candidate, px) > maxWidth) {
            lines.push_back(line);
            line = word;
        } else {
            line = candidate;
        }
        i = j + 1;
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

float Font::fit(std::string_view utf8, float px, float maxWidth) const {
    float w = measure(utf8, px);
    return w <= maxWidth ? px : std::floor(px * maxWidth / w);
}

} // namespace fg::sample
