// Exhibitor logos, booth posters and video thumbnails in trade-fair style: bold colour blocks,
// sector pictograms and DejaVu text. Drawing only; no file names or writing here.
#include "tools/gen-sample/Artwork.h"

#include <cctype>
#include <cmath>
#include <numbers>

namespace fg::sample {

namespace {

const Rgba kWhite = rgb("#ffffff");
const Rgba kInk = rgb("#1d2733");

// Radio waves: three arcs opening upwards over a mast dot.
void drawWaves(Canvas& c, float cx, float cy, float s, Rgba fg) {
    float oy = cy + s * 0.3f;
    for (int i = 1; i <= 3; ++i) {
        float r0 = s * 0.14f * i + s * 0.02f, r1 = r0 + s * 0.07f;
        c.fillShape(cx - r1, oy - r1, cx + r1, oy, fg, [=](float x, float y) {
            float dx = x - cx, dy = oy - y, d2 = dx * dx + dy * dy;
            return d2 >= r0 * r0 && d2 <= r1 * r1 && dy > std::abs(dx) * 0.75f;
        });
    }
    c.fillCircle(cx, oy, s * 0.08f, fg);
    c.fillRect(cx - s * 0.03f, oy, s * 0.06f, s * 0.18f, fg);
}

void drawOrbit(Canvas& c, float cx, float cy, float s, Rgba fg, Rgba bg) {
    c.fillCircle(cx, cy, s * 0.22f, fg);
    c.fillShape(cx - s * 0.5f, cy - s * 0.5f, cx + s * 0.5f, cy + s * 0.5f, fg,
                [=](float x, float y) {
                    float dx = (x - cx), dy = (y - cy);
                    float u = (dx * 0.8f + dy * 0.6f) / (s * 0.46f),
                          v = (-dx * 0.6f + dy * 0.8f) / (s * 0.16f);
                    float d = u * u + v * v;
                    return d <= 1.0f && d >= 0.7f;
                });
    c.fillCircle(cx + s * 0.33f, cy - s * 0.12f, s * 0.06f, fg);
    (void)bg;
}

void drawShield(Canvas& c, float cx, float cy, float s, Rgba fg, Rgba bg) {
    c.fillPolygon({{cx - s * 0.32f, cy - s * 0.36f},
                   {cx + s * 0.32f, cy - s * 0.36f},
                   {cx + s * 0.32f, cy},
                   {cx, cy + s * 0.42f},
                   {cx - s * 0.32f, cy}},
                  fg);
    c.fillPolygon({{cx - s * 0.14f, cy},
                   {cx - s * 0.04f, cy + s * 0.1f},
                   {cx + s * 0.16f, cy - s * 0.12f},
                   {cx + s * 0.1f, cy - s * 0.17f},
                   {cx - s * 0.04f, cy - s * 0.01f},
                   {cx - s * 0.09f, cy - s * 0.06f}},
                  bg);
}

void drawNodes(Canvas& c, float cx, float cy, float s, Rgba fg) {
    glm::vec2 pts[] = {{-0.3f, -0.25f}, {-0.3f, 0.25f}, {0.0f, -0.35f},
                       {0.0f, 0.0f},    {0.0f, 0.35f},  {0.3f, 0.0f}};
    int links[][2] = {{0, 2}, {0, 3}, {1, 3}, {1, 4}, {2, 5}, {3, 5}, {4, 5}, {0, 4}};
    for (auto& l : links) {
        glm::vec2 a = glm::vec2(cx, cy) + pts[l[0]] * s, b = glm::vec2(cx, cy) + pts[l[1]] * s;
        glm::vec2 n = glm::normalize(glm::vec2(b.y - a.y, a.x - b.x)) * (s * 0.02f);
        c.fillPolygon({a + n, b + n, b - n, a - n}, fg);
    }
    for (glm::vec2 p : pts)
        c.fillCircle(cx + p.x * s, cy + p.y * s, s * 0.07f, fg);
}

void drawSkyline(Canvas& c, float cx, float cy, float s, Rgba fg) {
    float heights[] = {0.45f, 0.7f, 0.35f, 0.85f, 0.5f, 0.6f};
    for (int i = 0; i < 6; ++i)
        c.fillRect(cx - s * 0.42f + i * s * 0.14f, cy + s * 0.38f - heights[i] * s * 0.8f,
                   s * 0.11f, heights[i] * s * 0.8f, fg);
}

void drawCross(Canvas& c, float cx, float cy, float s, Rgba fg) {
    c.fillRect(cx - s * 0.1f, cy - s * 0.34f, s * 0.2f, s * 0.68f, fg);
    c.fillRect(cx - s * 0.34f, cy - s * 0.1f, s * 0.68f, s * 0.2f, fg);
}

void drawCap(Canvas& c, float cx, float cy, float s, Rgba fg) {
    c.fillPolygon({{cx - s * 0.42f, cy - s * 0.08f},
                   {cx, cy - s * 0.3f},
                   {cx + s * 0.42f, cy - s * 0.08f},
                   {cx, cy + s * 0.14f}},
                  fg);
    c.fillRect(cx - s * 0.22f, cy, s * 0.44f, s * 0.22f, fg);
    c.fillRect(cx + s * 0.32f, cy - s * 0.08f, s * 0.03f, s * 0.3f, fg);
}

void drawCloud(Canvas& c, float cx, float cy, float s, Rgba fg) {
    c.fillCircle(cx - s * 0.18f, cy + s * 0.04f, s * 0.17f, fg);
    c.fillCircle(cx + s * 0.05f, cy - s * 0.08f, s * 0.24f, fg);
    c.fillCircle(cx + s * 0.26f, cy + s * 0.07f, s * 0.15f, fg);
    c.fillRect(cx - s * 0.18f, cy + s * 0.04f, s * 0.44f, s * 0.18f, fg);
}

void drawCoin(Canvas& c, float cx, float cy, float s, Rgba fg, Rgba bg) {
    c.fillCircle(cx, cy, s * 0.36f, fg);
    c.fillRing(cx, cy, s * 0.26f, s * 0.3f, bg);
    c.fillRect(cx - s * 0.04f, cy - s * 0.18f, s * 0.08f, s * 0.36f, bg);
    c.fillRect(cx - s * 0.12f, cy - s * 0.1f, s * 0.24f, s * 0.06f, bg);
    c.fillRect(cx - s * 0.12f, cy + s * 0.04f, s * 0.24f, s * 0.06f, bg);
}

void drawHexes(Canvas& c, float cx, float cy, float s, Rgba fg) {
    auto hex = [&](float x, float y, float r) {
        std::vector<glm::vec2> p;
        for (int i = 0; i < 6; ++i) {
            float a = glm::radians(60.0f * i + 30.0f);
            p.push_back({x + r * std::cos(a), y + r * std::sin(a)});
        }
        c.fillPolygon(p, fg);
    };
    float r = s * 0.15f, dx = r * 1.9f;
    for (glm::vec2 o : {glm::vec2(-1, -0.9f), glm::vec2(0, -0.9f), glm::vec2(-0.5f, 0),
                        glm::vec2(0.5f, 0), glm::vec2(0, 0.9f), glm::vec2(1, 0.9f)})
        hex(cx + o.x * dx, cy + o.y * dx * 0.95f, r);
}

void drawGoggles(Canvas& c, float cx, float cy, float s, Rgba fg, Rgba bg) {
    c.fillRect(cx - s * 0.4f, cy - s * 0.18f, s * 0.8f, s * 0.36f, fg);
    c.fillCircle(cx - s * 0.4f, cy, s * 0.18f, fg);
    c.fillCircle(cx + s * 0.4f, cy, s * 0.18f, fg);
    c.fillCircle(cx - s * 0.2f, cy, s * 0.11f, bg);
    c.fillCircle(cx + s * 0.2f, cy, s * 0.11f, bg);
}

void drawRotor(Canvas& c, float cx, float cy, float s, Rgba fg) {
    c.fillRect(cx - s * 0.12f, cy - s * 0.12f, s * 0.24f, s * 0.24f, fg);
    for (glm::vec2 d : {glm::vec2(-1, -1), glm::vec2(1, -1), glm::vec2(-1, 1), glm::vec2(1, 1)}) {
        glm::vec2 p = glm::vec2(cx, cy) + d * (s * 0.28f);
        c.fillPolygon({{cx, cy - s * 0.03f},
                       {p.x, p.y - s * 0.03f},
                       {p.x, p.y + s * 0.03f},
                       {cx, cy + s * 0.03f}},
                      fg);
        c.fillRing(p.x, p.y, s * 0.1f, s * 0.14f, fg);
    }
}

} // namespace

void drawSectorIcon(Canvas& c, Sector sector, float cx, float cy, float s, Rgba fg, Rgba bg) {
    switch (sector) {
    case Sector::FiveG:
    case Sector::Networking:
        drawWaves(c, cx, cy - s * 0.2f, s, fg);
        break;
    case Sector::Satellite:
        drawOrbit(c, cx, cy, s, fg, bg);
        break;
    case Sector::Cyber:
        drawShield(c, cx, cy, s, fg, bg);
        break;
    case Sector::Ai:
    case Sector::Robotics:
        drawNodes(c, cx, cy, s, fg);
        break;
    case Sector::SmartCity:
        drawSkyline(c, cx, cy, s, fg);
        break;
    case Sector::Health:
        drawCross(c, cx, cy, s, fg);
        break;
    case Sector::Edtech:
        drawCap(c, cx, cy, s, fg);
        break;
    case Sector::Cloud:
        drawCloud(c, cx, cy, s, fg);
        break;
    case Sector::Fintech:
        drawCoin(c, cx, cy, s, fg, bg);
        break;
    case Sector::Iot:
        drawHexes(c, cx, cy, s, fg);
        break;
    case Sector::Xr:
        drawGoggles(c, cx, cy, s, fg, bg);
        break;
    case Sector::Drones:
        drawRotor(c, cx, cy, s, fg);
        break;
    }
}

Png drawLogo(const Fonts& fonts, const Company& company) {
    Canvas c(256, 256, kWhite);
    Rgba brand = rgb(company.colour);
    c.fillCircle(128, 100, 78, brand);
    drawSectorIcon(c, company.sector, 128, 100, 110, kWhite, brand);
    float px = fonts.bold.fit(company.name, 30, 236);
    std::vector<std::string> lines = fonts.bold.wrap(company.name, 26, 236);
    if (lines.size() <= 2) {
        float y = lines.size() == 1 ? 222 : 212;
        for (const std::string& l : lines) {
            fonts.bold.draw(c, 128, y, l, 26, kInk, Align::Centre);
            y += 28;
        }
    } else {
        fonts.bold.draw(c, 128, 222, company.name, px, kInk, Align::Centre);
    }
    return c.encodePng();
}

Png drawPortrait(const Fonts& fonts, const std::string& name) {
    static const char* kBackdrops[] = {"#2f6f8f", "#7a4e8c", "#3e7d4f", "#a0522d", "#465a9a"};
    std::size_t hash = 0;
    for (char ch : name)
        hash = hash * 31 + std::uint8_t(ch);
    Rgba back = rgb(kBackdrops[hash % 5]);
    Canvas c(256, 256, back);
    c.fillGradient(0, 0, 256, 256, back, mix(back, kInk, 0.6f));
    Rgba skin = rgb((hash / 5) % 2 ? "#e0b48c" : "#8d5a3b");
    c.fillCircle(128, 190 + 70, 100, rgb("#1d2733")); // shoulders
    c.fillCircle(128, 104, 52, skin);
    std::string initials;
    for (std::size_t i = 0; i < name.size(); ++i)
        if ((i == 0 || name[i - 1] == ' ') && std::isupper(std::uint8_t(name[i])) &&
            initials.size() < 2)
            initials += name[i];
    fonts.bold.draw(c, 128, 236, initials, 30, kWhite, Align::Centre);
    return c.encodePng();
}

Png drawThumbnail(const Fonts& fonts, const Company& company, const std::string& title) {
    Canvas c(320, 180, kInk);
    Rgba brand = rgb(company.colour);
    c.fillGradient(0, 0, 320, 180, brand, mix(brand, kInk, 0.8f));
    drawSectorIcon(c, company.sector, 250, 60, 110, withAlpha(kWhite, 60), brand);
    c.fillCircle(160, 80, 32, withAlpha(kWhite, 230));
    c.fillPolygon({{150, 62}, {150, 98}, {178, 80}}, brand);
    c.fillRect(0, 140, 320, 40, withAlpha(rgb("#000000"), 140));
    fonts.bold.draw(c, 12, 166, title, fonts.bold.fit(title, 17, 296), kWhite);
    return c.encodePng();
}

} // namespace fg::sample
