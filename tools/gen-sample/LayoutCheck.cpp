// Self-check of the sample floor plan before anything is written: containment, overlaps and
// 3 m aisles. Reports problems as text; it never changes the layout.
#include "tools/gen-sample/SampleLayout.h"

#include <fmt/format.h>

namespace fg::sample {

namespace {

constexpr float kAisle = 3.0f;
constexpr float kEps = 1e-4f;

bool overlaps(const RectSpec& a, const RectSpec& b, float gap = 0.0f) {
    return a.x < b.x + b.w + gap - kEps && b.x < a.x + a.w + gap - kEps &&
           a.z < b.z + b.d + gap - kEps && b.z < a.z + a.d + gap - kEps;
}

bool inside(const RectSpec& inner, const RectSpec& outer) {
    return inner.x >= outer.x - kEps && inner.z >= outer.z - kEps &&
           inner.x + inner.w <= outer.x + outer.w + kEps &&
           inner.z + inner.d <= outer.z + outer.d + kEps;
}

// Named rectangles standing on one hall's floor: pavilions, venues and loose booths.
struct Block {
    std::string name;
    RectSpec rect;
};

std::vector<Block> blocksOf(const Layout& layout, const HallSpec& hall) {
    std::vector<Block> blocks;
    for (const PavilionSpec& p : layout.pavilions)
        if (p.hall == hall.id) blocks.push_back({p.id, p.rect});
    for (const VenueSpec& v : hall.venues)
        blocks.push_back({v.id, v.rect});
    for (std::size_t i = 0; i < layout.spots.size(); ++i)
        if (layout.spots[i].hall == hall.id && layout.spots[i].pavilion.empty())
            blocks.push_back({fmt::format("booth #{}", i), footprint(layout.spots[i])});
    return blocks;
}

void checkHall(const Layout& layout, const HallSpec& hall, std::vector<std::string>& out) {
    RectSpec floor{0, 0, hall.size.x, hall.size.y};
    std::vector<Block> blocks = blocksOf(layout, hall);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (!inside(blocks[i].rect, floor))
            out.push_back(hall.id + ": " + blocks[i].name + " leaves the hall");
        for (std::size_t j = i + 1; j < blocks.size(); ++j) {
            bool boothPair =
                blocks[i].name.starts_with("booth") && blocks[j].name.starts_with("booth");
            // Loose booths in one row may stand close; everything else keeps a walking aisle.
            if (overlaps(blocks[i].rect, blocks[j].rect, boothPair ? 0.0f : kAisle))
                out.push_back(fmt::format("{}: {} and {} are closer than an aisle", hall.id,
                                          blocks[i].name, blocks[j].name));
        }
        RectSpec spawn{hall.spawn.x, hall.spawn.y, 0, 0};
        if (overlaps(spawn, blocks[i].rect, 1.0f))
            out.push_back(hall.id + ": spawn inside " + blocks[i].name);
    }
}

} // namespace

std::vector<std::string> checkLayout(const Layout& layout) {
    std::vector<std::string> out;
    for (const HallSpec& hall : layout.halls)
        checkHall(layout, hall, out);
    for (std::size_t i = 0; i < layout.spots.size(); ++i) {
        const BoothSpot& a = layout.spots[i];
        RectSpec fa = footprint(a);
        for (const PavilionSpec& p : layout.pavilions)
            if (p.id == a.pavilion && !inside(fa, p.rect))
                out.push_back(fmt::format("booth #{} leaves {}", i, p.id));
        for (std::size_t j = i + 1; j < layout.spots.size(); ++j)
            if (layout.spots[j].hall == a.hall && overlaps(fa, footprint(layout.spots[j])))
                out.push_back(fmt::format("booths #{} and #{} overlap", i, j));
    }
    return out;
}

} // namespace fg::sample
