// RGBA8 raster with anti-aliased shape fills and PNG encoding through stb_image_write.
// This tool may include stb directly (a content generator, not engine code); no file I/O here.
#include "tools/gen-sample/Canvas.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>
#include <stb/stb_image_write.h>

namespace fg::sample {

namespace {

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    assert(false && "bad hex digit in a colour constant");
    return 0;
}

std::uint8_t lerp8(std::uint8_t a, std::uint8_t b, float t) {
    return static_cast<std::uint8_t>(std::lround(a + (b - a) * t));
}

// 4x4 samples per pixel: enough to hide stair-steps on posters and flags.
constexpr int kSamples = 4;

void appendBytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    auto* bytes = static_cast<std::uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

} // namespace

Rgba rgb(std::string_view hex) {
    assert(hex.size() == 7 && hex[0] == '#');
    auto byte = [&](int i) {
        return static_cast<std::uint8_t>(hexDigit(hex[i]) * 16 + hexDigit(hex[i + 1]));
    };
    return Rgba{byte(1), byte(3), byte(5), 255};
}

Rgba mix(Rgba a, Rgba b, float t) {
    return Rgba{lerp8(a.r, b.r, t), lerp8(a.g, b.g, t), lerp8(a.b, b.b, t), lerp8(a.a, b.a, t)};
}

Rgba withAlpha(Rgba c, std::uint8_t a) {
    c.a = a;
    return c;
}

Canvas::Canvas(int width, int height, Rgba fill)
    : m_width(width), m_height(height), m_pixels(static_cast<std::size_t>(width) * height * 4) {
    for (std::size_t i = 0; i < m_pixels.size(); i += 4) {
        m_pixels[i] = fill.r;
        m_pixels[i + 1] = fill.g;
        m_pixels[i + 2] = fill.b;
        m_pixels[i + 3] = fill.a;
    }
}

void Canvas::blend(int x, int y, Rgba c, float coverage) {
    if (x < 0 || y < 0 || x >= m_width || y >= m_height) return;
    float a = std::clamp(coverage, 0.0f, 1.0f) * (c.a / 255.0f);
    if (a <= 0) return;
    std::uint8_t* p = &m_pixels[(static_cast<std::size_t>(y) * m_width + x) * 4];
    float dstA = p[3] / 255.0f;
    float outA = a + dstA * (1 - a);
    auto channel = [&](std::uint8_t dst, std::uint8_t src) {
        float v = (src * a + dst * dstA * (1 - a)) / std::max(outA, 1e-6f);
        return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0f, 255.0f)));
    };
    p[0] = channel(p[0], c.r);
    p[1] = channel(p[1], c.g);
    p[2] = channel(p[2], c.b);
    p[3] = static_cast<std::uint8_t>(std::lround(outA * 255.0f));
}

void Canvas::fillShape(float x0, float y0, float x1, float y1, Rgba c,
                       const std::function<bool(float, float)>& inside) {
    int ix0 = std::max(0, static_cast<int>(std::floor(x0)));
    int iy0 = std::max(0, static_cast<int>(std::floor(y0)));
    int ix1 = std::min(m_width, static_cast<int>(std::ceil(x1)));
    int iy1 = std::min(m_height, static_cast<int>(std::ceil(y1)));
    for (int y = iy0; y < iy1; ++y)
        for (int x = ix0; x < ix1; ++x) {
            int hits = 0;
            for (int sy = 0; sy < kSamples; ++sy)
                for (int sx = 0; sx < kSamples; ++sx)
                    hits += inside(x + (sx + 0.5f) / kSamples, y + (sy + 0.5f) / kSamples);
            if (hits) blend(x, y, c, static_cast<float>(hits) / (kSamples * kSamples));
        }
}

void Canvas::fillRect(float x, float y, float w, float h, Rgba c) {
    // Exact area coverage: rectangles are most of every poster, so they skip the sampler.
    int ix0 = std::max(0, static_cast<int>(std::floor(x)));
    int iy0 = std::max(0, static_cast<int>(std::floor(y)));
    int ix1 = std::min(m_width, static_cast<int>(std::ceil(x + w)));
    int iy1 = std::min(m_height, static_cast<int>(std::ceil(y + h)));
    for (int py = iy0; py < iy1; ++py) {
        float cy = std::min(y + h, py + 1.0f) - std::max(y, static_cast<float>(py));
        for (int px = ix0; px < ix1; ++px) {
            float cx = std::min(x + w, px + 1.0f) - std::max(x, static_cast<float>(px));
            blend(px, py, c, cx * cy);
        }
    }
}

void Canvas::fillCircle(float cx, float cy, float r, Rgba c) {
    fillShape(cx - r, cy - r, cx + r, cy + r, c, [&](float px, float py) {
        return (px - cx) * (px - cx) + (py - cy) * (py - cy) <= r * r;
    });
}

void Canvas::fillRing(float cx, float cy, float r0, float r1, Rgba c) {
    fillShape(cx - r1, cy - r1, cx + r1, cy + r1, c, [&](float px, float py) {
        float d2 = (px - cx) * (px - cx) + (py - cy) * (py - cy);
        return d2 <= r1 * r1 && d2 >= r0 * r0;
    });
}

void Canvas::fillPolygon(const std::vector<glm::vec2>& pts, Rgba c) {
    if (pts.size() < 3) return;
    glm::vec2 lo = pts[0], hi = pts[0];
    for (const glm::vec2& p : pts) {
        lo = glm::min(lo, p);
        hi = glm::max(hi, p);
    }
    fillShape(lo.x, lo.y, hi.x, hi.y, c, [&](float px, float py) {
        bool in = false;
        for (std::size_t i = 0, j = pts.size() - 1; i < pts.size(); j = i++) {
            const glm::vec2 &a = pts[i], &b = pts[j];
            if ((a.y > py) != (b.y > py) && px < (b.x - a.x) * (py - a.y) / (b.y - a.y) + a.x)
                in = !in;
        }
        return in;
    });
}

void Canvas::fillStar(float cx, float cy, float outer, float inner, int tips, float rotDeg,
                      Rgba c) {
    std::vector<glm::vec2> pts;
    for (int i = 0; i < tips * 2; ++i) {
        float r = (i % 2 == 0) ? outer : inner;
        float a = glm::radians(rotDeg - 90.0f) + std::numbers::pi_v<float> * i / tips;
        pts.push_back({cx + r * std::cos(a), cy + r * std::sin(a)});
    }
    fillPolygon(pts, c);
}

void Canvas::fillGradient(float x, float y, float w, float h, Rgba top, Rgba bottom) {
    int y0 = std::max(0, static_cast<int>(y)), y1 = std::min(m_height, static_cast<int>(y + h));
    int x0 = std::max(0, static_cast<int>(x)), x1 = std::min(m_width, static_cast<int>(x + w));
    for (int py = y0; py < y1; ++py) {
        // Quantised steps keep the PNG small and the bands invisible at poster scale.
        float t = std::floor((py - y) / h * 24.0f) / 24.0f;
        Rgba c = mix(top, bottom, t);
        for (int px = x0; px < x1; ++px)
            blend(px, py, c);
    }
}

std::vector<std::uint8_t> Canvas::encodePng() const {
    // Opaque images are stored as RGB: a quarter smaller and what viewers expect.
    bool opaque = true;
    for (std::size_t i = 3; i < m_pixels.size() && opaque; i += 4)
        opaque = m_pixels[i] == 255;
    std::vector<std::uint8_t> out;
    if (!opaque) {
        stbi_write_png_to_func(appendBytes, &out, m_width, m_height, 4, m_pixels.data(),
                               m_width * 4);
        return out;
    }
    std::vector<std::uint8_t> rgbPixels;
    rgbPixels.reserve(m_pixels.size() / 4 * 3);
    for (std::size_t i = 0; i < m_pixels.size(); i += 4)
        rgbPixels.insert(rgbPixels.end(), {m_pixels[i], m_pixels[i + 1], m_pixels[i + 2]});
    stbi_write_png_to_func(appendBytes, &out, m_width, m_height, 3, rgbPixels.data(), m_width * 3);
    return out;
}

} // namespace fg::sample
