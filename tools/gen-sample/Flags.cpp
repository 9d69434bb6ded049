// Stylised national flags for the pavilions: stripes, discs and stars in each country's colours,
// plus the ISO code. Recognisable, deliberately simplified designs; drawing only.
#include "tools/gen-sample/Artwork.h"

#include <cmath>

namespace fg::sample {

namespace {

constexpr float kW = 300, kH = 200;

void stripesH(Canvas& c, std::initializer_list<const char*> colours) {
    float h = kH / colours.size();
    int i = 0;
    for (const char* col : colours)
        c.fillRect(0, h * i++, kW, h + 1, rgb(col));
}

void stripesV(Canvas& c, std::initializer_list<const char*> colours) {
    float w = kW / colours.size();
    int i = 0;
    for (const char* col : colours)
        c.fillRect(w * i++, 0, w + 1, kH, rgb(col));
}

void drawKorea(Canvas& c) {
    c.fillCircle(150, 100, 40, rgb("#cd2e3a"));
    c.fillShape(110, 100, 190, 140, rgb("#0047a0"), [](float x, float y) {
        return (x - 150) * (x - 150) + (y - 100) * (y - 100) <= 1600 && y >= 100;
    });
    c.fillCircle(130, 100, 20, rgb("#cd2e3a"));
    c.fillCircle(170, 100, 20, rgb("#0047a0"));
    for (glm::vec2 p :
         {glm::vec2(62, 45), glm::vec2(238, 155), glm::vec2(238, 45), glm::vec2(62, 155)})
        for (int k = 0; k < 3; ++k)
            c.fillRect(p.x - 22, p.y - 14 + k * 10, 44, 6, rgb("#000000"));
}

void drawSpecial(Canvas& c, const std::string& code) {
    if (code == "VN") {
        c.fillRect(0, 0, kW, kH, rgb("#da251d"));
        c.fillStar(150, 102, 62, 24, 5, 0, rgb("#ffff00"));
    } else if (code == "KR") {
        drawKorea(c);
    } else if (code == "SG") {
        stripesH(c, {"#ef3340", "#ffffff"});
        c.fillCircle(62, 50, 30, rgb("#ffffff"));
        c.fillCircle(74, 50, 28, rgb("#ef3340"));
        for (int i = 0; i < 5; ++i) {
            float a = glm::radians(-90.0f + 72.0f * i);
            c.fillStar(88 + 16 * std::cos(a), 50 + 16 * std::sin(a), 6, 2.5f, 5, 0, rgb("#ffffff"));
        }
    } else if (code == "TH") {
        const char* cols[] = {"#a51931", "#f4f5f8", "#2d2a4a", "#2d2a4a", "#f4f5f8", "#a51931"};
        for (int i = 0; i < 6; ++i)
            c.fillRect(0, i * kH / 6, kW, kH / 6 + 1, rgb(cols[i]));
    } else if (code == "PH") {
        stripesH(c, {"#0038a8", "#ce1126"});
        c.fillPolygon({{0, 0}, {173, 100}, {0, 200}}, rgb("#ffffff"));
        c.fillStar(58, 100, 26, 10, 8, 0, rgb("#fcd116"));
        for (glm::vec2 p : {glm::vec2(18, 26), glm::vec2(18, 174), glm::vec2(140, 100)})
            c.fillStar(p.x, p.y, 9, 3.6f, 5, 0, rgb("#fcd116"));
    } else if (code == "AE") {
        stripesH(c, {"#00732f", "#ffffff", "#000000"});
        c.fillRect(0, 0, 80, kH, rgb("#ff0000"));
    } else if (code == "RW") {
        c.fillRect(0, 0, kW, 100, rgb("#00a1de"));
        c.fillRect(0, 100, kW, 50, rgb("#fad201"));
        c.fillRect(0, 150, kW, 50, rgb("#20603d"));
        c.fillStar(245, 50, 30, 18, 24, 0, rgb("#e5be01"));
        c.fillCircle(245, 50, 14, rgb("#00a1de"));
        c.fillCircle(245, 50, 11, rgb("#e5be01"));
    } else if (code == "BR") {
        c.fillRect(0, 0, kW, kH, rgb("#009c3b"));
        c.fillPolygon({{150, 18}, {282, 100}, {150, 182}, {18, 100}}, rgb("#ffdf00"));
        c.fillCircle(150, 100, 50, rgb("#002776"));
        c.fillShape(100, 80, 200, 120, rgb("#ffffff"), [](float x, float y) {
            float d = std::hypot(x - 130, y - 220);
            return d >= 122 && d <= 130 && std::hypot(x - 150, y - 100) <= 50;
        });
    }
}

} // namespace

Png drawFlag(const Fonts& fonts, const Country& country) {
    Canvas c(static_cast<int>(kW), static_cast<int>(kH));
    const std::string& code = country.code;
    if (code == "JP") {
        c.fillCircle(150, 100, 60, rgb("#bc002d"));
    } else if (code == "IN") {
        stripesH(c, {"#ff9933", "#ffffff", "#138808"});
        c.fillRing(150, 100, 24, 29, rgb("#000080"));
        for (int i = 0; i < 24; ++i) {
            float a = glm::radians(15.0f * i);
            glm::vec2 d(std::cos(a), std::sin(a)), n(-d.y, d.x);
            glm::vec2 o(150, 100);
            c.fillPolygon({o + n * 1.2f, o + d * 25.0f, o - n * 1.2f}, rgb("#000080"));
        }
    } else if (code == "ID") {
        stripesH(c, {"#ce1126", "#ffffff"});
    } else if (code == "NG") {
        stripesV(c, {"#008751", "#ffffff", "#008751"});
    } else if (code == "FR") {
        stripesV(c, {"#0055a4", "#ffffff", "#ef4135"});
    } else {
        drawSpecial(c, code);
    }
    // The code in a corner tab makes every flag readable even when the design is simplified.
    c.fillRect(kW - 64, kH - 34, 58, 28, withAlpha(rgb("#000000"), 150));
    fonts.bold.draw(c, kW - 35, kH - 12, code, 20, rgb("#ffffff"), Align::Centre);
    return c.encodePng();
}

} // namespace fg::sample
