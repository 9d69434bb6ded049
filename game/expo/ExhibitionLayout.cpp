// Floor-plan rules: hall sizes and placement, entrances, spawn, venue/pavilion/booth rects
// inside their hall (and pavilion) and free of forbidden overlaps. Model only; no files.
#include "game/expo/ExhibitionSyntax.h"
#include "game/expo/ExhibitionValidator.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <optional>
#include <unordered_map>

namespace fg::expo::detail {
namespace {

constexpr float kTol = kGeometryTolerance;

bool inside(const Rect& in, const Rect& out) {
    return in.x >= out.x - kTol && in.z >= out.z - kTol &&
           in.x + in.width <= out.x + out.width + kTol &&
           in.z + in.depth <= out.z + out.depth + kTol;
}

bool overlaps(const Rect& a, const Rect& b) {
    return a.x + kTol < b.x + b.width && b.x + kTol < a.x + a.width && a.z + kTol < b.z + b.depth &&
           b.z + kTol < a.z + a.depth;
}

Rect hallFloor(const Hall& h) {
    return Rect{0, 0, h.size.x, h.size.y};
}

bool inRange(float v, float lo, float hi) {
    return v >= lo && v <= hi;
}

std::string rangeText(const char* what, float lo, float hi) {
    return fmt::format("{} from {} to {}", what, numberText(lo), numberText(hi));
}

void checkEntrances(const Hall& h, const std::string& hp, Checker& c) {
    for (std::size_t e = 0; e < h.entrances.size(); ++e) {
        const Entrance& en = h.entrances[e];
        std::string p = indexPath(hp + ".entrances", e);
        if (!inRange(en.width, 1, 50)) {
            c.expect(p + ".width", rangeText("a width", 1, 50), numberText(en.width));
            continue;
        }
        bool alongX = en.wall == Wall::North || en.wall == Wall::South;
        float length = alongX ? h.size.x : h.size.y;
        float lo = en.width * 0.5f, hi = length - en.width * 0.5f;
        if (c.intact(hp + ".size") && c.intact(p + ".width") && c.intact(p + ".wall") &&
            !(en.offset >= lo - kTol && en.offset <= hi + kTol))
            c.expect(p + ".offset",
                     fmt::format("an offset from {} to {} (the opening must lie on the {} wall)",
                                 numberText(lo), numberText(hi), toString(en.wall)),
                     numberText(en.offset));
    }
}

void checkHall(const Hall& h, const std::string& p, Checker& c) {
    bool sizeOk = inRange(h.size.x, 10, 1000) && inRange(h.size.y, 10, 1000);
    if (!sizeOk) c.expect(p + ".size", "a width and depth each from 10 to 1000", pointText(h.size));
    if (!inRange(h.wallHeight, 3, 40))
        c.expect(p + ".wall_height", rangeText("a height", 3, 40), numberText(h.wallHeight));
    if (!sizeOk) return;
    checkEntrances(h, p, c);
    if (c.intact(p + ".size") &&
        !inside(Rect{h.spawn.position.x, h.spawn.position.y, 0, 0}, hallFloor(h)))
        c.expect(p + ".spawn.position",
                 fmt::format("a point inside the hall floor {}", rectText(hallFloor(h))),
                 pointText(h.spawn.position));
    for (std::size_t v = 0; v < h.venues.size(); ++v) {
        const Venue& venue = h.venues[v];
        std::string vp = indexPath(p + ".venues", v);
        if (venue.capacity < 1 || venue.capacity > 100000)
            c.expect(vp + ".capacity", "an integer from 1 to 100000",
                     std::to_string(venue.capacity));
        if (venue.rect.width <= 0 || venue.rect.depth <= 0)
            c.expect(vp + ".rect", "a rect with positive width and depth", rectText(venue.rect));
        else if (c.intact(p + ".size") && !inside(venue.rect, hallFloor(h)))
            c.expect(vp + ".rect",
                     fmt::format("a rect inside the hall floor {}", rectText(hallFloor(h))),
                     rectText(venue.rect));
    }
}

void checkHallPlacement(const Exhibition& ex, Checker& c) {
    for (std::size_t i = 0; i < ex.halls.size(); ++i) {
        const Hall& a = ex.halls[i];
        Rect ra{a.origin.x, a.origin.y, a.size.x, a.size.y};
        for (std::size_t j = 0; j < i; ++j) {
            const Hall& b = ex.halls[j];
            if (!overlaps(ra, Rect{b.origin.x, b.origin.y, b.size.x, b.size.y})) continue;
            std::string pj = indexPath("halls", j);
            if (!c.intact(indexPath("halls", i) + ".size") || !c.intact(pj + ".origin") ||
                !c.intact(pj + ".size"))
                continue;
            c.expect(indexPath("halls", i) + ".origin",
                     fmt::format("a hall not overlapping {} {} in the world", indexPath("halls", j),
                                 quoteJson(b.id)),
                     pointText(a.origin));
            break;
        }
    }
}

// One thing standing on a hall floor, for the overlap sweep.
struct Placed {
    enum Kind { Booth, Pavilion, Venue } kind;
    Rect rect;
    std::size_t index;    // into booths, pavilions, or the hall's venues
    std::string ownerPav; // booths: their pavilion id (may overlap it)
    std::string id;
    std::string path; // "booths[3]", "pavilions[1]", "halls[0].venues[2]"
};

// Booths whose pavilion reference is already reported carry this owner: they clash with no
// pavilion, so one wrong reference gives one problem.
constexpr const char* kAnyPavilion = "*";

bool forbidden(const Placed& a, const Placed& b) {
    auto foreign = [](const Placed& booth, const Placed& pav) {
        return booth.ownerPav != kAnyPavilion && booth.ownerPav != pav.id;
    };
    if (a.kind == Placed::Booth && b.kind == Placed::Pavilion) return foreign(a, b);
    if (b.kind == Placed::Booth && a.kind == Placed::Pavilion) return foreign(b, a);
    return true; // booth/booth, pavilion/pavilion and anything with a venue
}

// Which of a forbidden pair carries the problem: venues first, then the booth in a foreign
// pavilion, otherwise the later one in the document.
bool reportsOn(const Placed& a, const Placed& b) {
    if (a.kind != b.kind) {
        if (a.kind == Placed::Venue || b.kind == Placed::Venue) return a.kind == Placed::Venue;
        return a.kind == Placed::Booth;
    }
    return a.index > b.index;
}

struct Clash {
    std::size_t first = 0; // item it clashes with first
    std::size_t count = 0;
};

void reportClash(const Placed& item, const Placed& other, std::size_t more, const Exhibition& ex,
                 Checker& c) {
    std::string expected = fmt::format("not overlapping {} {}", other.path, quoteJson(other.id));
    if (other.kind == Placed::Pavilion && item.kind == Placed::Booth)
        expected += " (the booth is not part of that pavilion)";
    if (more > 0) expected += fmt::format(" and {} more", more);
    if (item.kind == Placed::Booth) {
        const expo::Booth& b = ex.booths[item.index];
        c.expect(item.path + ".position", "a footprint " + expected,
                 fmt::format("{} (footprint {})", pointText(b.position), rectText(item.rect)));
    } else {
        c.expect(item.path + ".rect", "a rect " + expected, rectText(item.rect));
    }
}

// Sort-and-sweep along x: only items whose x ranges meet are compared, so a hall of
// thousands of booths costs n log n plus the pairs in one column, not n squared.
void sweepOverlaps(std::vector<Placed>& items, const Exhibition& ex, Checker& c) {
    std::sort(items.begin(), items.end(),
              [](const Placed& a, const Placed& b) { return a.rect.x < b.rect.x; });
    std::vector<std::size_t> active;
    std::vector<Clash> clashes(items.size());
    for (std::size_t k = 0; k < items.size(); ++k) {
        const Rect& r = items[k].rect;
        std::erase_if(active, [&](std::size_t a) {
            return items[a].rect.x + items[a].rect.width <= r.x + kTol;
        });
        for (std::size_t a : active) {
            if (!overlaps(r, items[a].rect) || !forbidden(items[k], items[a])) continue;
            bool onK = reportsOn(items[k], items[a]);
            std::size_t target = onK ? k : a, other = onK ? a : k;
            Clash& clash = clashes[target];
            if (clash.count == 0 || items[other].index < items[clash.first].index)
                clash.first = other;
            ++clash.count;
        }
        active.push_back(k);
    }
    std::vector<std::size_t> clashing;
    for (std::size_t k = 0; k < items.size(); ++k)
        if (clashes[k].count > 0) clashing.push_back(k);
    std::sort(clashing.begin(), clashing.end(), [&](std::size_t a, std::size_t b) {
        return std::pair(items[a].kind, items[a].index) < std::pair(items[b].kind, items[b].index);
    }); // report in document order, not sweep order
    for (std::size_t k : clashing)
        reportClash(items[k], items[clashes[k].first], clashes[k].count - 1, ex, c);
}

bool validRotation(int r) {
    return r == 0 || r == 90 || r == 180 || r == 270;
}

// Footprint containment for one booth; returns whether it may join the overlap sweep.
bool checkBoothPlacement(const Exhibition& ex, std::size_t i, const Hall& hall,
                         const std::unordered_map<std::string, std::size_t>& placedPavilions,
                         Checker& c) {
    const expo::Booth& b = ex.booths[i];
    std::string p = indexPath("booths", i);
    if (!validRotation(b.rotation)) {
        c.expect(p + ".rotation", "one of 0, 90, 180, 270", std::to_string(b.rotation));
        return false;
    }
    if (!c.intact(p + ".position") || !c.intact(p + ".size") || !c.intact(p + ".rotation"))
        return false;
    Rect fp = boothFootprint(b);
    std::string found = fmt::format("{} (footprint {})", pointText(b.position), rectText(fp));
    if (!inside(fp, hallFloor(hall))) {
        c.expect(p + ".position",
                 fmt::format("a footprint inside hall {} {}", quoteJson(hall.id),
                             rectText(hallFloor(hall))),
                 found);
        return false;
    }
    auto placed = placedPavilions.find(b.pavilion);
    const expo::Pavilion* pav =
        placed == placedPavilions.end() ? nullptr : &ex.pavilions[placed->second];
    if (pav && pav->hall == b.hall && !inside(fp, pav->rect))
        c.expect(p + ".position",
                 fmt::format("a footprint inside pavilion {} {}", quoteJson(pav->id),
                             rectText(pav->rect)),
                 found);
    return true;
}

bool checkPavilionPlacement(const expo::Pavilion& pav, const std::string& p, const Hall& hall,
                            Checker& c) {
    if (pav.rect.width <= 0 || pav.rect.depth <= 0) {
        c.expect(p + ".rect", "a rect with positive width and depth", rectText(pav.rect));
        return false;
    }
    if (!inside(pav.rect, hallFloor(hall))) {
        c.expect(
            p + ".rect",
            fmt::format("a rect inside hall {} {}", quoteJson(hall.id), rectText(hallFloor(hall))),
            rectText(pav.rect));
        return false;
    }
    return c.intact(p + ".rect");
}

using IdIndex = std::unordered_map<std::string, std::size_t>;

// Everything standing on each hall's floor that passed its own checks, for the overlap sweep.
class FloorPlan {
public:
    FloorPlan(const Exhibition& ex, Checker& c) : m_ex(ex), m_c(c), m_perHall(ex.halls.size()) {
        for (std::size_t h = 0; h < ex.halls.size(); ++h) {
            m_hallIndex.emplace(ex.halls[h].id, h);
            m_usable.push_back(c.intact(indexPath("halls", h) + ".size") &&
                               inRange(ex.halls[h].size.x, 10, 1000) &&
                               inRange(ex.halls[h].size.y, 10, 1000));
        }
        placeVenues();
        placePavilions();
        placeBooths();
    }

    std::vector<std::vector<Placed>>& perHall() { return m_perHall; }

private:
    // Index of the usable hall named ID, or nullopt.
    std::optional<std::size_t> hall(const std::string& id) const {
        auto it = m_hallIndex.find(id);
        if (it == m_hallIndex.end() || !m_usable[it->second]) return std::nullopt;
        return it->second;
    }

    void placeVenues() {
        for (std::size_t h = 0; h < m_ex.halls.size(); ++h) {
            if (!m_usable[h]) continue;
            for (std::size_t v = 0; v < m_ex.halls[h].venues.size(); ++v) {
                const expo::Venue& venue = m_ex.halls[h].venues[v];
                std::string vp = indexPath(indexPath("halls", h) + ".venues", v);
                if (venue.rect.width > 0 && venue.rect.depth > 0 && m_c.intact(vp + ".rect") &&
                    inside(venue.rect, hallFloor(m_ex.halls[h])))
                    m_perHall[h].push_back({Placed::Venue, venue.rect, v, {}, venue.id, vp});
            }
        }
    }

    void placePavilions() {
        for (std::size_t i = 0; i < m_ex.pavilions.size(); ++i) {
            const expo::Pavilion& pav = m_ex.pavilions[i];
            m_knownPavilions.emplace(pav.id, i);
            auto h = hall(pav.hall);
            std::string p = indexPath("pavilions", i);
            if (h && checkPavilionPlacement(pav, p, m_ex.halls[*h], m_c)) {
                m_perHall[*h].push_back({Placed::Pavilion, pav.rect, i, {}, pav.id, p});
                m_placedPavilions.emplace(pav.id, i);
            }
        }
    }

    void placeBooths() {
        for (std::size_t i = 0; i < m_ex.booths.size(); ++i) {
            const expo::Booth& b = m_ex.booths[i];
            auto h = hall(b.hall);
            if (!h || !checkBoothPlacement(m_ex, i, m_ex.halls[*h], m_placedPavilions, m_c))
                continue;
            auto pav = m_knownPavilions.find(b.pavilion);
            bool badRef = !b.pavilion.empty() && (pav == m_knownPavilions.end() ||
                                                  m_ex.pavilions[pav->second].hall != b.hall);
            m_perHall[*h].push_back({Placed::Booth, boothFootprint(b), i,
                                     badRef ? kAnyPavilion : b.pavilion, b.id,
                                     indexPath("booths", i)});
        }
    }

    const Exhibition& m_ex;
    Checker& m_c;
    std::vector<std::vector<Placed>> m_perHall;
    IdIndex m_hallIndex, m_placedPavilions, m_knownPavilions;
    std::vector<bool> m_usable;
};

} // namespace

void checkLayout(const Exhibition& ex, Checker& c) {
    if (ex.halls.empty() && c.intact("halls")) c.expect("halls", "at least one hall", "[]");
    for (std::size_t h = 0; h < ex.halls.size(); ++h)
        checkHall(ex.halls[h], indexPath("halls", h), c);
    checkHallPlacement(ex, c);
    FloorPlan plan(ex, c);
    for (auto& items : plan.perHall())
        sweepOverlaps(items, ex, c);
}

} // namespace fg::expo::detail
