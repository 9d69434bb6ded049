// Default venue layouts and seat expansion. The default works in the venue's own frame: "back"
// is the side farthest from the hall's spawn (where a visitor arrives from), "in" faces it.
#include "game/expo/VenueLayout.h"

#include <algorithm>
#include <cmath>

namespace fg::expo {
namespace {

struct Frame {
    glm::vec2 backMid; // midpoint of the back edge
    glm::vec2 in;      // unit, from the back edge into the venue
    glm::vec2 across;  // unit, along the back edge
    float along = 0;   // length of the back edge
    float deep = 0;    // extent from the back edge to the front
    glm::vec2 at(float u, float v) const { return backMid + across * u + in * v; }
};

Frame frameOf(const Hall& hall, const Rect& r) {
    const glm::vec2 centre{r.x + r.width / 2, r.z + r.depth / 2};
    const glm::vec2 d = centre - hall.spawn.position;
    Frame f;
    if (std::abs(d.x) * r.depth > std::abs(d.y) * r.width) { // back is east or west
        const float sign = d.x >= 0 ? 1.0f : -1.0f;
        f.backMid = {centre.x + sign * r.width / 2, centre.y};
        f.in = {-sign, 0};
        f.along = r.depth;
        f.deep = r.width;
    } else { // back is south (+z) or north
        const float sign = d.y >= 0 ? 1.0f : -1.0f;
        f.backMid = {centre.x, centre.y + sign * r.depth / 2};
        f.in = {0, -sign};
        f.along = r.width;
        f.deep = r.depth;
    }
    f.across = {f.in.y, -f.in.x};
    return f;
}

// A rect from two opposite corners.
Rect rectBetween(glm::vec2 a, glm::vec2 b) {
    const glm::vec2 lo = glm::min(a, b), hi = glm::max(a, b);
    return Rect{lo.x, lo.y, hi.x - lo.x, hi.y - lo.y};
}

// Rows of seats from FIRST (distance from the back edge) to the front, 1 m apart across and
// 1.2 m between rows, 0.8 m from the side walls, until CAPACITY seats are placed.
std::vector<SeatRow> seatRowsFor(const Frame& f, float first, std::uint32_t capacity) {
    std::vector<SeatRow> rows;
    const float half = f.along / 2 - 0.8f;
    if (half <= 0) return rows;
    const auto perRow = std::min<std::uint32_t>(std::uint32_t(half * 2) + 1, kMaxSeatsPerRow);
    std::uint32_t left = std::min<std::uint32_t>(capacity, std::uint32_t(kMaxSeats));
    for (float v = first; v <= f.deep - 0.6f && left > 0; v += 1.2f) {
        const std::uint32_t n = std::min(perRow, left);
        const float w = n > 1 ? float(n - 1) : 0.0f; // 1 m apart, centred
        rows.push_back({f.at(-w / 2, v), f.at(w / 2, v), n});
        left -= n;
    }
    return rows;
}

} // namespace

glm::vec2 facingDirection(float degrees) {
    const float r = glm::radians(degrees);
    return {std::sin(r), std::cos(r)};
}

VenueLayout venueLayout(const Hall& hall, const Venue& venue) {
    return venue.layout ? *venue.layout : defaultVenueLayout(hall, venue);
}

VenueLayout defaultVenueLayout(const Hall& hall, const Venue& venue) {
    const Frame f = frameOf(hall, venue.rect);
    const float stageDeep = std::clamp(f.deep * 0.25f, 1.0f, 5.0f);
    const float margin = std::min(1.0f, f.along * 0.1f);
    VenueLayout l;
    l.stage = rectBetween(f.at(-f.along / 2 + margin, 0.2f),
                          f.at(f.along / 2 - margin, 0.2f + stageDeep));
    l.screen.position = f.at(0, 0.4f);
    l.screen.width = std::clamp(f.along * 0.5f, 1.0f, 12.0f);
    l.screen.height = l.screen.width * 9.0f / 16.0f;
    l.screen.facing = glm::degrees(std::atan2(f.in.x, f.in.y));
    const int spots = venue.kind == VenueKind::Room ? 2 : 3;
    for (int i = 0; i < spots; ++i)
        l.speakerSpots.push_back(
            f.at((float(i) - float(spots - 1) / 2) * std::min(2.0f, f.along / 4),
                 0.2f + stageDeep * 0.6f));
    l.seatRows = seatRowsFor(f, 0.2f + stageDeep + 1.5f, venue.capacity);
    return l;
}

std::vector<glm::vec2> seatPositions(const VenueLayout& layout) {
    std::vector<glm::vec2> out(layout.seats);
    for (const SeatRow& row : layout.seatRows) {
        const std::uint32_t n = std::min(row.count, kMaxSeatsPerRow);
        for (std::uint32_t i = 0; i < n; ++i)
            out.push_back(n == 1 ? row.from
                                 : row.from + (row.to - row.from) * (float(i) / float(n - 1)));
    }
    return out;
}

std::size_t seatCount(const VenueLayout& layout) {
    std::size_t n = layout.seats.size();
    for (const SeatRow& row : layout.seatRows)
        n = std::min<std::size_t>(n + row.count, std::size_t(1) << 40);
    return n;
}

} // namespace fg::expo
