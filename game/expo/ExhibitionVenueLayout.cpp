// Venue layout rules (venues[].layout): stage, screen, speaker spots and seats inside the venue,
// sizes and counts bounded. Model only; no files, and the default layout is not checked here.
#include "game/expo/ExhibitionSyntax.h"
#include "game/expo/ExhibitionValidator.h"
#include "game/expo/VenueLayout.h"

#include <cmath>
#include <fmt/format.h>

namespace fg::expo::detail {
namespace {

constexpr float kTol = kGeometryTolerance;

bool pointIn(glm::vec2 p, const Rect& r) {
    return std::isfinite(p.x) && std::isfinite(p.y) && p.x >= r.x - kTol && p.y >= r.z - kTol &&
           p.x <= r.x + r.width + kTol && p.y <= r.z + r.depth + kTol;
}

std::string insideText(const Rect& venue) {
    return fmt::format("a point inside the venue {}", rectText(venue));
}

void checkPoints(const std::vector<glm::vec2>& points, const std::string& p, std::size_t max,
                 const Rect& venue, Checker& c) {
    if (points.size() > max) {
        c.expect(p, fmt::format("at most {} points", max), std::to_string(points.size()));
        return;
    }
    for (std::size_t i = 0; i < points.size(); ++i)
        if (!pointIn(points[i], venue))
            c.expect(indexPath(p, i), insideText(venue), pointText(points[i]));
}

void checkStageAndScreen(const VenueLayout& l, const std::string& p, const Rect& venue,
                         Checker& c) {
    const Rect& s = l.stage;
    if (!(s.width >= 0.5f && s.depth >= 0.5f) || !pointIn({s.x, s.z}, venue) ||
        !pointIn({s.x + s.width, s.z + s.depth}, venue))
        c.expect(
            p + ".stage",
            fmt::format("a rect at least 0.5 m wide and deep inside the venue {}", rectText(venue)),
            rectText(s));
    const Screen& sc = l.screen;
    if (!pointIn(sc.position, venue))
        c.expect(p + ".screen.position", insideText(venue), pointText(sc.position));
    if (!(sc.width >= 0.5f && sc.width <= 30.0f))
        c.expect(p + ".screen.width", "a width from 0.5 to 30", numberText(sc.width));
    if (!(sc.height >= 0.5f && sc.height <= 20.0f))
        c.expect(p + ".screen.height", "a height from 0.5 to 20", numberText(sc.height));
    if (!(sc.facing >= 0.0f && sc.facing < 360.0f))
        c.expect(p + ".screen.facing", "degrees from 0 to less than 360", numberText(sc.facing));
}

void checkSeatRows(const VenueLayout& l, const std::string& p, const Rect& venue, Checker& c) {
    for (std::size_t i = 0; i < l.seatRows.size(); ++i) {
        const SeatRow& row = l.seatRows[i];
        const std::string rp = indexPath(p + ".seat_rows", i);
        if (!pointIn(row.from, venue))
            c.expect(rp + ".from", insideText(venue), pointText(row.from));
        if (!pointIn(row.to, venue)) c.expect(rp + ".to", insideText(venue), pointText(row.to));
        if (row.count < 1 || row.count > kMaxSeatsPerRow)
            c.expect(rp + ".count", fmt::format("a count from 1 to {}", kMaxSeatsPerRow),
                     std::to_string(row.count));
    }
    if (seatCount(l) > kMaxSeats)
        c.expect(p, fmt::format("at most {} seats (points and rows together)", kMaxSeats),
                 std::to_string(seatCount(l)));
}

} // namespace

void checkVenueLayouts(const Exhibition& ex, Checker& c) {
    for (std::size_t h = 0; h < ex.halls.size(); ++h)
        for (std::size_t v = 0; v < ex.halls[h].venues.size(); ++v) {
            const Venue& venue = ex.halls[h].venues[v];
            const std::string vp = indexPath(indexPath("halls", h) + ".venues", v);
            if (!venue.layout || !c.intact(vp + ".rect")) continue;
            const std::string p = vp + ".layout";
            checkStageAndScreen(*venue.layout, p, venue.rect, c);
            checkPoints(venue.layout->speakerSpots, p + ".speaker_spots", kMaxSpeakerSpots,
                        venue.rect, c);
            checkPoints(venue.layout->seats, p + ".seats", kMaxSeats, venue.rect, c);
            checkSeatRows(*venue.layout, p, venue.rect, c);
        }
}

} // namespace fg::expo::detail
