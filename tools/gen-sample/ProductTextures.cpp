// Screen and panel textures embedded in product models: phone UI, rack front, kiosk map,
// laptop course page, solar cells. Drawn on a Canvas; no file writing here.
#include "tools/gen-sample/Products.h"

#include <cmath>

namespace fg::sample::tex {

namespace {

Rgba toRgba(glm::vec3 c) {
    auto ch = [](float v) {
        return static_cast<std::uint8_t>(std::lround(glm::clamp(v, 0.0f, 1.0f) * 255));
    };
    return Rgba{ch(c.r), ch(c.g), ch(c.b), 255};
}

ModelImage finish(const std::string& name, const Canvas& c) {
    return ModelImage{name, c.encodePng()};
}

} // namespace

ModelImage phoneScreen(const ProductStyle& s) {
    Canvas c(256, 512, rgb("#0b1020"));
    Rgba accent = toRgba(s.accent);
    c.fillGradient(0, 0, 256, 512, mix(accent, rgb("#000000"), 0.5f), rgb("#0b1020"));
    s.regular->draw(c, 16, 26, "09:41", 16, rgb("#ffffff"));
    s.bold->draw(c, 240, 26, "5G", 16, rgb("#ffffff"), Align::Right);
    s.bold->draw(c, 128, 120, "09:41", 64, rgb("#ffffff"), Align::Centre);
    s.regular->draw(c, 128, 150, "Tuesday 12 October", 16, rgb("#d0d8f0"), Align::Centre);
    const char* tiles[] = {"#ff7a59", "#39c6a2", "#5b8def", "#f5c542",
                           "#b46ef5", "#4fd1e8", "#ef5b8d", "#8bd450"};
    for (int i = 0; i < 8; ++i) {
        float x = 28 + (i % 4) * 54.0f, y = 300 + (i / 4) * 64.0f;
        c.fillRect(x, y, 44, 44, rgb(tiles[i]));
        c.fillCircle(x + 22, y + 22, 10, withAlpha(rgb("#ffffff"), 160));
    }
    c.fillRect(0, 440, 256, 72, withAlpha(rgb("#ffffff"), 40));
    s.bold->draw(c, 128, 484, s.brand, s.bold->fit(s.brand, 20, 220), rgb("#ffffff"),
                 Align::Centre);
    return finish("screen", c);
}

ModelImage rackFront(const ProductStyle& s) {
    Canvas c(160, 544, rgb("#15181c"));
    Rgba accent = toRgba(s.accent);
    // 42 rack units, servers of 1U and 2U with status LEDs, a patch panel and a brand plate.
    float u = 544.0f / 44.0f;
    int unit = 1;
    for (int slot = 0; unit < 42; ++slot) {
        int height = (slot % 5 == 2) ? 2 : 1;
        float y = unit * u;
        c.fillRect(6, y + 1, 148, height * u - 2, rgb(slot % 7 == 0 ? "#2b3038" : "#3a4049"));
        for (int k = 0; k < 8; ++k)
            c.fillRect(40 + k * 12, y + 3, 8, height * u - 6, rgb("#22262c"));
        bool alert = slot % 11 == 4;
        c.fillCircle(16, y + u * 0.5f, 2.5f, alert ? rgb("#ffb020") : rgb("#3dff7a"));
        c.fillCircle(24, y + u * 0.5f, 2.5f, accent);
        unit += height;
    }
    c.fillRect(0, 0, 160, u, accent);
    s.bold->draw(c, 80, u - 2, s.brand, s.bold->fit(s.brand, u - 1, 150), rgb("#ffffff"),
                 Align::Centre);
    return finish("rack-front", c);
}

ModelImage kioskMap(const ProductStyle& s) {
    Canvas c(288, 512, rgb("#eef1f4"));
    Rgba accent = toRgba(s.accent);
    c.fillRect(0, 0, 288, 64, accent);
    s.bold->draw(c, 144, 42, "CITY GUIDE", 28, rgb("#ffffff"), Align::Centre);
    c.fillRect(20, 90, 100, 80, rgb("#bfe3c0"));
    c.fillRect(170, 260, 90, 120, rgb("#bfe3c0"));
    c.fillRect(0, 330, 288, 40, rgb("#a9d4f5"));
    for (int i = 0; i < 6; ++i) {
        c.fillRect(0, 80.0f + i * 70, 288, 8, rgb("#ffffff"));
        c.fillRect(30.0f + i * 50, 64, 8, 400, rgb("#ffffff"));
    }
    c.fillPolygon({{40, 470}, {250, 120}, {262, 128}, {52, 478}}, rgb("#ffd45a"));
    for (glm::vec2 pin : {glm::vec2(90, 200), glm::vec2(210, 160), glm::vec2(150, 420)}) {
        c.fillCircle(pin.x, pin.y - 14, 10, accent);
        c.fillPolygon({{pin.x - 8, pin.y - 10}, {pin.x + 8, pin.y - 10}, {pin.x, pin.y + 4}},
                      accent);
        c.fillCircle(pin.x, pin.y - 14, 4, rgb("#ffffff"));
    }
    c.fillRect(0, 470, 288, 42, rgb("#1d2733"));
    s.regular->draw(c, 144, 497, "Touch to explore  •  Wi-Fi  •  EV", 15, rgb("#ffffff"),
                    Align::Centre);
    return finish("map", c);
}

ModelImage laptopScreen(const ProductStyle& s) {
    Canvas c(512, 320, rgb("#ffffff"));
    Rgba accent = toRgba(s.accent);
    c.fillRect(0, 0, 512, 40, accent);
    s.bold->draw(c, 16, 27, s.brand, s.bold->fit(s.brand, 20, 300), rgb("#ffffff"));
    s.bold->draw(c, 24, 80, "Module 3: Networks for everyone", 22, rgb("#1d2733"));
    c.fillRect(24, 100, 300, 170, rgb("#1d2733"));
    c.fillPolygon({{160, 150}, {160, 220}, {210, 185}}, rgb("#ffffff"));
    for (int i = 0; i < 4; ++i) {
        c.fillRect(344, 100.0f + i * 44, 144, 34, rgb("#eef1f4"));
        c.fillRect(344, 100.0f + i * 44, 8, 34, accent);
    }
    c.fillRect(24, 286, 464, 8, rgb("#e1e5ea"));
    c.fillRect(24, 286, 300, 8, accent);
    return finish("course", c);
}

ModelImage solarCells(const ProductStyle& s) {
    Canvas c(128, 384, rgb("#c9ccd1"));
    for (int row = 0; row < 7; ++row)
        for (int col = 0; col < 2; ++col) {
            float x = 8 + col * 58.0f, y = 8 + row * 53.0f;
            c.fillRect(x, y, 54, 49, rgb("#1b2d6b"));
            c.fillRect(x, y + 24, 54, 1, rgb("#3b56a8"));
            c.fillRect(x + 26, y, 1, 49, rgb("#3b56a8"));
        }
    c.fillRect(0, 376, 128, 8, toRgba(s.accent));
    return finish("solar-cells", c);
}

} // namespace fg::sample::tex
