// Booth posters (512 x 768): a brand poster, a key-figures poster and a "meet us" poster with a
// decorative code pattern. Drawing only; the caller chooses slots, names and budgets.
#include "engine/core/Hash.h"
#include "tools/gen-sample/Artwork.h"

namespace fg::sample {

namespace {

constexpr float kW = 512, kH = 768;
const Rgba kWhite = rgb("#ffffff");
const Rgba kInk = rgb("#1d2733");

std::string website(const Company& company) {
    return company.id + ".example";
}

void header(Canvas& c, const Fonts& f, const Company& co, Rgba fg, Rgba chip) {
    Rgba brand = rgb(co.colour);
    c.fillRect(32, 32, 64, 64, chip);
    drawSectorIcon(c, co.sector, 64, 64, 52, brand, chip);
    f.bold.draw(c, 112, 66, co.name, f.bold.fit(co.name, 30, 368), fg);
    f.regular.draw(c, 112, 90, sectorInfo(co.sector).name, 16, fg);
}

void footer(Canvas& c, const Fonts& f, const std::string& boothLabel, Rgba accent) {
    c.fillRect(0, kH - 88, kW, 88, kWhite);
    c.fillRect(0, kH - 88, kW, 6, accent);
    f.bold.draw(c, 32, kH - 48, "DIGITAL WORLD 2021", 20, kInk);
    f.regular.draw(c, 32, kH - 24, "Viet Nam  •  online  •  June – December 2021", 14, kInk);
    // Darkened so that light brand colours stay readable on the white band.
    f.bold.draw(c, kW - 32, kH - 38, boothLabel, f.bold.fit(boothLabel, 22, 170),
                mix(accent, kInk, 0.35f), Align::Right);
}

// Ink on light brand colours (yellows, sands), white on the rest, so headers stay readable.
Rgba textOn(Rgba bg) {
    float luma = (0.299f * bg.r + 0.587f * bg.g + 0.114f * bg.b) / 255.0f;
    return luma > 0.68f ? kInk : kWhite;
}

void brandPoster(Canvas& c, const Fonts& f, const Company& co, const std::string& boothLabel) {
    Rgba brand = rgb(co.colour);
    Rgba dark = mix(brand, kInk, 0.55f);
    c.fillRect(0, 0, kW, kH, brand);
    c.fillCircle(kW - 40, 250, 230, mix(brand, kWhite, 0.14f));
    c.fillPolygon({{0, 470}, {kW, 360}, {kW, 680}, {0, 680}}, dark);
    header(c, f, co, textOn(brand), kWhite);
    drawSectorIcon(c, co.sector, kW * 0.5f, 270, 250, kWhite, mix(brand, kWhite, 0.14f));
    std::vector<std::string> lines = f.bold.wrap(co.tagline, 44, kW - 64);
    float y = 520;
    for (const std::string& l : lines) {
        f.bold.draw(c, 32, y, l, 44, kWhite);
        y += 52;
    }
    f.regular.draw(c, 32, 664, website(co), 18, withAlpha(kWhite, 220));
    footer(c, f, boothLabel, brand);
}

void factsPoster(Canvas& c, const Fonts& f, const Company& co, const std::string& boothLabel) {
    Rgba brand = rgb(co.colour);
    c.fillRect(0, 0, kW, kH, rgb("#f5f6f8"));
    c.fillRect(0, 0, kW, 190, brand);
    header(c, f, co, textOn(brand), kWhite);
    std::string why = "Why " + co.name + "?";
    f.bold.draw(c, 32, 158, why, f.bold.fit(why, 34, kW - 64), textOn(brand));
    const SectorInfo& info = sectorInfo(co.sector);
    for (int i = 0; i < 3; ++i) {
        float y = 220 + i * 150.0f;
        c.fillRect(32, y, kW - 64, 130, kWhite);
        c.fillRect(32, y, 10, 130, brand);
        f.bold.draw(c, 64, y + 72, info.facts[i].figure, f.bold.fit(info.facts[i].figure, 60, 400),
                    brand);
        f.regular.draw(c, 64, y + 108, info.facts[i].label, 24, kInk);
    }
    f.regular.draw(c, 32, 696 - 30, "Figures are illustrative (sample exhibitor).", 14,
                   rgb("#5c6670"));
    footer(c, f, boothLabel, brand);
}

void meetPoster(Canvas& c, const Fonts& f, const Company& co, const std::string& boothLabel) {
    Rgba brand = rgb(co.colour);
    c.fillRect(0, 0, kW, kH, kInk);
    c.fillRect(0, 0, 18, kH, brand);
    header(c, f, co, kWhite, kWhite);
    f.bold.draw(c, 40, 200, "Meet us", 72, kWhite);
    f.regular.draw(c, 40, 240, "at the booth and online", 26, mix(kWhite, brand, 0.3f));
    const char* items[] = {"Live demos daily, 09:00–17:00 ICT", "Book a meeting in the app",
                           "Drop your business card"};
    for (int i = 0; i < 3; ++i) {
        float y = 310 + i * 56.0f;
        c.fillCircle(56, y - 8, 10, brand);
        f.regular.draw(c, 80, y, items[i], 22, kWhite);
    }
    // A decorative code pattern seeded by the company id (not a scannable QR code).
    std::uint64_t bits = hash64(co.id);
    c.fillRect(40, 480, 150, 150, kWhite);
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x) {
            bits = bits * 6364136223846793005ull + 1442695040888963407ull;
            bool corner = (x < 2 && y < 2) || (x > 5 && y < 2) || (x < 2 && y > 5);
            if (corner || (bits >> 60) & 1)
                c.fillRect(49.0f + x * 16.5f, 489.0f + y * 16.5f, 16, 16, kInk);
        }
    f.bold.draw(c, 216, 540, "Scan to connect", 22, kWhite);
    f.regular.draw(c, 216, 570, website(co), 18, mix(kWhite, brand, 0.3f));
    footer(c, f, boothLabel, brand);
}

} // namespace

Png drawPoster(const Fonts& fonts, const Company& company, int slot,
               const std::string& boothLabel) {
    Canvas c(static_cast<int>(kW), static_cast<int>(kH));
    switch (slot % 3) {
    case 0:
        brandPoster(c, fonts, company, boothLabel);
        break;
    case 1:
        factsPoster(c, fonts, company, boothLabel);
        break;
    default:
        meetPoster(c, fonts, company, boothLabel);
        break;
    }
    return c.encodePng();
}

} // namespace fg::sample
