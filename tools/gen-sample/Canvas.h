// An RGBA8 raster for the sample's generated images (posters, logos, flags, textures) and PNG
// encoding. Draws shapes with anti-aliased edges; it must not read fonts or write files.
#pragma once

#include <cstdint>
#include <functional>
#include <glm/glm.hpp>
#include <string_view>
#include <vector>

namespace fg::sample {

struct Rgba {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
};

// "#rrggbb" -> colour (programmer-supplied constants only).
Rgba rgb(std::string_view hex);
Rgba mix(Rgba a, Rgba b, float t);
Rgba withAlpha(Rgba c, std::uint8_t a);

class Canvas {
public:
    Canvas(int width, int height, Rgba fill = {255, 255, 255, 255});

    int width() const { return m_width; }
    int height() const { return m_height; }

    // Blends `c` over the pixel with extra coverage 0..1.
    void blend(int x, int y, Rgba c, float coverage = 1.0f);
    void fillRect(float x, float y, float w, float h, Rgba c);
    void fillCircle(float cx, float cy, float r, Rgba c);
    void fillRing(float cx, float cy, float r0, float r1, Rgba c);
    // Any simple polygon (even-odd rule), in pixels.
    void fillPolygon(const std::vector<glm::vec2>& points, Rgba c);
    void fillStar(float cx, float cy, float outer, float inner, int tips, float rotDeg, Rgba c);
    // Vertical gradient from `top` to `bottom` within the rectangle.
    void fillGradient(float x, float y, float w, float h, Rgba top, Rgba bottom);
    // Coverage-sampled fill of any shape given by an inside test over a bounding box.
    void fillShape(float x0, float y0, float x1, float y1, Rgba c,
                   const std::function<bool(float, float)>& inside);

    std::vector<std::uint8_t> encodePng() const;
    const std::vector<std::uint8_t>& pixels() const { return m_pixels; }

private:
    int m_width;
    int m_height;
    std::vector<std::uint8_t> m_pixels;
};

} // namespace fg::sample
