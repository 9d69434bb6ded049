// The sample fair's floor plan: two 120 x 80 m halls, stages and rooms along the north walls,
// national pavilions in a grid with 4 m aisles, the SME zone in rows. Geometry only.
#include "tools/gen-sample/SampleLayout.h"

#include "tools/gen-sample/Catalogue.h"

#include <fmt/format.h>
#include <string_view>

namespace fg::sample {

namespace {

constexpr float kMargin = 0.5f;   // booth to pavilion edge
constexpr float kBoothGap = 1.5f; // between neighbouring booths in a row

std::vector<VenueSpec> hallVenues(const char* prefix, bool innovation) {
    std::string p = prefix;
    if (!innovation)
        return {
            {p + "-roundtable-room", "Ministerial Roundtable Room", "room", {4, 64, 26, 14}, 60},
            {p + "-forum-stage", "Forum Stage", "stage", {40, 64, 40, 14}, 800},
            {p + "-masterclass-room", "Masterclass Room", "room", {90, 64, 26, 14}, 120}};
    return {{p + "-roundtable-room", "Roundtable Room B", "room", {4, 64, 26, 14}, 60},
            {p + "-innovation-stage", "Innovation Stage", "stage", {40, 64, 40, 14}, 600},
            {p + "-masterclass-studio", "SME Masterclass Studio", "room", {90, 64, 26, 14}, 120}};
}

std::string lowerCode(const std::string& code) {
    std::string out = code;
    for (char& ch : out)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return out;
}

// Places a row of booths left to right from x0; `northEdge` rows hang from zEdge downwards.
void placeRow(Layout& layout, std::string_view sizes, float x0, float zEdge, bool northEdge,
              float gap, const std::string& hall, const std::string& pavilion) {
    float x = x0;
    for (char s : sizes) {
        glm::vec2 t = templateSize(s);
        float z = northEdge ? zEdge - t.y * 0.5f : zEdge + t.y * 0.5f;
        // Back rows are turned to face the front rows across the pavilion aisle.
        layout.spots.push_back({s, {x + t.x * 0.5f, z}, northEdge ? 180 : 0, hall, pavilion});
        x += t.x + gap;
    }
}

float rowWidth(std::string_view sizes, float gap) {
    float w = 0;
    for (char s : sizes)
        w += templateSize(s).x;
    return w + gap * static_cast<float>(sizes.size() - 1);
}

void addPavilion(Layout& layout, const Country& country, const std::string& hall, RectSpec r) {
    std::string id = "pavilion-" + lowerCode(country.code);
    layout.pavilions.push_back({id, country.code, hall, r});
    if (country.code == "VN") {
        // Host pavilion: back row L M S S M L, front row M S S M, centred; 6 m inner aisle.
        float back = rowWidth("LMSSML", kBoothGap), front = rowWidth("MSSM", kBoothGap);
        placeRow(layout, "LMSSML", r.x + (r.w - back) * 0.5f, r.z + r.d - kMargin, true, kBoothGap,
                 hall, id);
        placeRow(layout, "MSSM", r.x + (r.w - front) * 0.5f, r.z + kMargin, false, kBoothGap, hall,
                 id);
        return;
    }
    placeRow(layout, "MS", r.x + kMargin, r.z + r.d - kMargin, true, kBoothGap, hall, id);
    placeRow(layout, "L", r.x + kMargin, r.z + kMargin, false, kBoothGap, hall, id);
}

} // namespace

glm::vec2 templateSize(char size) {
    switch (size) {
    case 'S':
        return {3, 3};
    case 'M':
        return {6, 3};
    default:
        return {6, 6};
    }
}

RectSpec footprint(const BoothSpot& spot) {
    glm::vec2 t = templateSize(spot.size);
    if (spot.rotation == 90 || spot.rotation == 270) std::swap(t.x, t.y);
    return {spot.position.x - t.x * 0.5f, spot.position.y - t.y * 0.5f, t.x, t.y};
}

Layout buildLayout() {
    Layout layout;
    layout.halls.push_back({"hall-1",
                            "Hall 1 – Nations",
                            {0, 0},
                            {120, 80},
                            14,
                            {{"south", 60, 10}, {"east", 40, 6}},
                            {60, 4},
                            0,
                            hallVenues("h1", false)});
    layout.halls.push_back({"hall-2",
                            "Hall 2 – Innovation & SME Zone",
                            {130, 0},
                            {120, 80},
                            12,
                            {{"south", 60, 10}, {"west", 40, 6}},
                            {60, 4},
                            0,
                            hallVenues("h2", true)});
    // National pavilions: 16 x 14 m in a grid with 6 m aisles between columns, 4 m between rows.
    const glm::vec2 grid1[] = {{6, 6},  {28, 6},  {76, 6},  {98, 6},
                               {6, 24}, {28, 24}, {76, 24}, {98, 24}};
    const glm::vec2 grid2[] = {{70, 6}, {94, 6}, {70, 24}, {94, 24}};
    int n1 = 0, n2 = 0;
    for (const Country& c : pavilionCountries()) {
        if (c.code == "VN") {
            addPavilion(layout, c, "hall-1", {38, 42, 44, 16});
        } else if (c.hall == 0) {
            addPavilion(layout, c, "hall-1", {grid1[n1].x, grid1[n1].y, 16, 14});
            ++n1;
        } else {
            addPavilion(layout, c, "hall-2", {grid2[n2].x, grid2[n2].y, 16, 14});
            ++n2;
        }
    }
    // SME zone: three rows of four booths in the west of hall 2, 7 m aisles between rows.
    for (int row = 0; row < 3; ++row)
        placeRow(layout, "MSSM", 12, 8 + row * 10.0f, false, 2.0f, "hall-2", "");
    return layout;
}

} // namespace fg::sample
