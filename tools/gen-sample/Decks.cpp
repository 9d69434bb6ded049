// Sample decks: four 960 x 540 slides per forum and roundtable session (title, a chart, the
// speakers, questions), the opening session's deck as a PDF instead; venue layouts for the stages
// (stage, screen, speaker spots, rows) and roundtable rooms (spots around a table). Data only.
#include "tools/gen-sample/Decks.h"

#include "engine/core/Hash.h"
#include "engine/doc/PdfWriter.h"

#include <cmath>
#include <fmt/format.h>

namespace fg::sample {
namespace {

constexpr float kW = 960, kH = 540;
const Rgba kInk = rgb("#1d2733");
const Rgba kWhite = rgb("#ffffff");
const Rgba kBlue = rgb("#0a3a7a");
const Rgba kGold = rgb("#f2b233");

// Five figures for the chart, stable per session (so the sample regenerates byte for byte).
std::vector<int> figures(const std::string& id) {
    std::uint64_t h = hash64(std::string_view(id));
    std::vector<int> out;
    for (int i = 0; i < 5; ++i, h >>= 7)
        out.push_back(30 + int(h % 60) + i * 2);
    return out;
}

void frame(Canvas& c, const Fonts& f, const std::string& heading, int page) {
    c.fillRect(0, 0, kW, 84, kBlue);
    f.bold.draw(c, 40, 56, heading, f.bold.fit(heading, 34, kW - 160), kWhite);
    c.fillRect(0, kH - 36, kW, 36, rgb("#eef2f7"));
    f.regular.draw(c, 40, kH - 12, "Digital World 2021 Forum (sample)", 15, kInk);
    f.regular.draw(c, kW - 40, kH - 12, std::to_string(page), 15, kInk, Align::Right);
}

Png titleSlide(const Fonts& f, const SessionSpec& s) {
    Canvas c(int(kW), int(kH), kBlue);
    c.fillCircle(kW - 120, 120, 260, mix(kBlue, kWhite, 0.08f));
    c.fillRect(60, 300, 120, 8, kGold);
    float y = 170;
    for (const std::string& line : f.bold.wrap(s.title, 46, kW - 140)) {
        f.bold.draw(c, 60, y, line, 46, kWhite);
        y += 56;
    }
    f.regular.draw(c, 60, 360, s.kind == "roundtable" ? "Ministerial roundtable" : "Forum session",
                   24, kGold);
    f.regular.draw(c, 60, 400, s.start.substr(0, 10) + "  " + s.start.substr(11, 5) + " UTC", 22,
                   mix(kWhite, kBlue, 0.2f));
    return c.encodePng();
}

Png chartSlide(const Fonts& f, const SessionSpec& s) {
    Canvas c(int(kW), int(kH), kWhite);
    frame(c, f, "Where we stand: people online, % (illustrative)", 2);
    const char* regions[] = {"Africa", "Americas", "Arab States", "Asia-Pacific", "Europe"};
    const std::vector<int> v = figures(s.id);
    for (int i = 0; i < 5; ++i) {
        const float x = 110 + float(i) * 160, h = float(v[std::size_t(i)]) * 3.4f;
        c.fillRect(x, 440 - h, 90, h, mix(kBlue, kGold, float(i) / 4.0f));
        f.bold.draw(c, x + 45, 430 - h, std::to_string(v[std::size_t(i)]), 22, kInk, Align::Centre);
        f.regular.draw(c, x + 45, 470, regions[i], 16, kInk, Align::Centre);
    }
    c.fillRect(80, 440, 800, 3, kInk);
    return c.encodePng();
}

Png speakersSlide(const Fonts& f, const SessionSpec& s) {
    Canvas c(int(kW), int(kH), kWhite);
    frame(c, f, "On the floor today", 3);
    float y = 150;
    for (std::size_t i = 0; i < s.speakers.size() && i < 5; ++i) {
        const std::string& speaker = s.speakers[i];
        c.fillCircle(80, y - 10, 18, kGold);
        f.bold.draw(c, 120, y, speaker, f.bold.fit(speaker, 30, kW - 180), kInk);
        y += 64;
    }
    return c.encodePng();
}

Png questionsSlide(const Fonts& f, const SessionSpec& s) {
    Canvas c(int(kW), int(kH), kWhite);
    frame(c, f, s.title, 4);
    f.bold.draw(c, kW / 2, 250, "Your questions", 54, kBlue, Align::Centre);
    f.regular.draw(c, kW / 2, 310, "Ask in the Q&A panel; vote for the ones you want answered.", 22,
                   kInk, Align::Centre);
    return c.encodePng();
}

// The same four slides as a PDF (vector shapes and Helvetica text).
std::vector<std::uint8_t> pdfDeck(const SessionSpec& s) {
    std::vector<PdfPage> pages(4);
    pages[0].rects = {{0, 0, kW, kH, 10, 58, 122}, {60, 220, 120, 8, 242, 178, 51}};
    pages[0].texts = {{60, 380, 22, s.title, 255, 255, 255},
                      {60, 150, 22, "Forum session, " + s.start.substr(0, 10), 242, 178, 51}};
    const std::vector<int> v = figures(s.id);
    pages[1].rects.push_back({0, kH - 84, kW, 84, 10, 58, 122});
    pages[1].texts.push_back({40, kH - 56, 30, "People online, % (illustrative)", 255, 255, 255});
    for (int i = 0; i < 5; ++i)
        pages[1].rects.push_back({110 + float(i) * 160, 100, 90, float(v[std::size_t(i)]) * 3.4f,
                                  10, std::uint8_t(58 + i * 30), 122});
    pages[2].texts.push_back({60, kH - 100, 34, "On the floor today", 10, 58, 122});
    for (std::size_t i = 0; i < s.speakers.size() && i < 5; ++i)
        pages[2].texts.push_back({60, kH - 170 - float(i) * 56, 28, s.speakers[i], 29, 39, 51});
    pages[3].texts = {{300, 280, 48, "Your questions", 10, 58, 122}};
    return writeSimplePdf(pages);
}

} // namespace

nlohmann::ordered_json deckFor(const Fonts& fonts, const SessionSpec& s, FileSet& files) {
    if (s.kind != "forum" && s.kind != "roundtable") return nullptr;
    const std::string dir = "decks/" + s.id;
    if (s.id == "forum-opening") {
        files.add(dir + ".pdf", pdfDeck(s));
        return dir + ".pdf";
    }
    nlohmann::ordered_json pages = nlohmann::ordered_json::array();
    const Png slides[] = {titleSlide(fonts, s), chartSlide(fonts, s), speakersSlide(fonts, s),
                          questionsSlide(fonts, s)};
    for (std::size_t i = 0; i < 4; ++i) {
        const std::string path = fmt::format("{}/{}.png", dir, i + 1);
        files.add(path, slides[i]);
        pages.push_back(path);
    }
    return pages;
}

nlohmann::ordered_json layoutFor(const VenueSpec& v) {
    const RectSpec& r = v.rect; // the sample's venues stand on their hall's north wall
    const float cx = r.x + r.w / 2, back = r.z + r.d;
    const bool stage = v.kind == "stage";
    if (!stage && v.id.find("roundtable") == std::string::npos) return nullptr; // default
    const float screenW = stage ? 10.0f : 5.0f;
    nlohmann::ordered_json l = {
        {"stage", stage ? nlohmann::ordered_json{r.x + 4, back - 4.5f, r.w - 8, 4}
                        : nlohmann::ordered_json{cx - 4, back - 3, 8, 2.5f}},
        {"screen",
         {{"position", {cx, back - 0.8f}},
          {"width", screenW},
          {"height", screenW * 9 / 16},
          {"facing", 180}}}};
    nlohmann::ordered_json spots = nlohmann::ordered_json::array(),
                           rows = nlohmann::ordered_json::array();
    if (stage) {
        for (int i = 0; i < 4; ++i)
            spots.push_back({cx - 4.5f + float(i) * 3, back - 2.5f});
        for (float z = back - 7; z >= r.z + 1; z -= 1.2f)
            rows.push_back(
                {{"from", {r.x + 3, z}}, {"to", {r.x + r.w - 3, z}}, {"count", int(r.w - 6) + 1}});
    } else { // eight named seats around the table in the middle of the room
        const float cz = r.z + r.d / 2 - 0.5f;
        for (int i = 0; i < 8; ++i) {
            const float a = float(i) * 0.785398f;
            spots.push_back({std::round((cx + 4.0f * std::sin(a)) * 10) / 10,
                             std::round((cz + 2.5f * std::cos(a)) * 10) / 10});
        }
        rows.push_back({{"from", {r.x + 2, r.z + 1}},
                        {"to", {r.x + r.w - 2, r.z + 1}},
                        {"count", int(r.w - 4) + 1}});
    }
    l["speaker_spots"] = spots;
    l["seat_rows"] = rows;
    return l;
}

} // namespace fg::sample
