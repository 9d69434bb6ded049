// Visit-zone geometry and a coarse per-hall grid (4 m cells) over booth zones.
// Positions outside a hall simply match no booth; nothing here asserts on input positions.
#include "server/interactions/BoothZones.h"

#include <algorithm>
#include <cmath>

namespace fg::interact {

glm::vec2 boothFront(const expo::Booth& booth) {
    return expo::boothFrontDirection(booth);
}

expo::Rect visitZone(const expo::Booth& booth, float frontMargin, float sideMargin) {
    expo::Rect r = expo::boothFootprint(booth);
    r.x -= sideMargin;
    r.z -= sideMargin;
    r.width += 2 * sideMargin;
    r.depth += 2 * sideMargin;
    glm::vec2 front = boothFront(booth);
    if (front.x < 0) r.x -= frontMargin;
    if (front.y < 0) r.z -= frontMargin;
    if (front.x != 0) r.width += frontMargin;
    if (front.y != 0) r.depth += frontMargin;
    return r;
}

bool contains(const expo::Rect& rect, glm::vec2 p) {
    return p.x >= rect.x && p.x <= rect.x + rect.width && p.y >= rect.z &&
           p.y <= rect.z + rect.depth;
}

BoothZones::BoothZones(const expo::Exhibition& exhibition, float frontMargin)
    : m_booths(exhibition.booths), m_frontMargin(frontMargin) {
    for (const expo::Hall& hall : exhibition.halls) {
        HallGrid grid;
        grid.size = hall.size;
        grid.columns = std::max(1, static_cast<int>(std::ceil(hall.size.x / kCell)));
        grid.rows = std::max(1, static_cast<int>(std::ceil(hall.size.y / kCell)));
        grid.cells.resize(static_cast<std::size_t>(grid.columns * grid.rows));
        m_grids.emplace(hall.id, std::move(grid));
    }
    for (std::size_t i = 0; i < m_booths.size(); ++i) {
        const expo::Booth& b = m_booths[i];
        m_zones.push_back(visitZone(b, frontMargin));
        m_index.emplace(b.id, static_cast<int>(i));
        auto grid = m_grids.find(b.hall);
        if (grid != m_grids.end()) insert(grid->second, static_cast<int>(i), m_zones.back());
    }
}

void BoothZones::insert(HallGrid& grid, int boothIndex, const expo::Rect& zone) {
    auto cellOf = [](float v, int count) {
        return std::clamp(static_cast<int>(std::floor(v / kCell)), 0, count - 1);
    };
    int x0 = cellOf(zone.x, grid.columns), x1 = cellOf(zone.x + zone.width, grid.columns);
    int z0 = cellOf(zone.z, grid.rows), z1 = cellOf(zone.z + zone.depth, grid.rows);
    for (int z = z0; z <= z1; ++z)
        for (int x = x0; x <= x1; ++x)
            grid.cells[static_cast<std::size_t>(z * grid.columns + x)].push_back(boothIndex);
}

int BoothZones::boothAt(const std::string& hall, glm::vec2 p, int prefer, float hysteresis) const {
    if (prefer >= 0 && static_cast<std::size_t>(prefer) < m_booths.size()) {
        const expo::Booth& b = m_booths[static_cast<std::size_t>(prefer)];
        if (b.hall == hall && contains(visitZone(b, m_frontMargin, hysteresis), p)) return prefer;
    }
    auto grid = m_grids.find(hall);
    if (grid == m_grids.end() || !std::isfinite(p.x) || !std::isfinite(p.y)) return -1;
    const HallGrid& g = grid->second;
    if (p.x < 0 || p.y < 0 || p.x > g.size.x || p.y > g.size.y) return -1;
    int cx = std::min(static_cast<int>(p.x / kCell), g.columns - 1);
    int cz = std::min(static_cast<int>(p.y / kCell), g.rows - 1);
    for (int index : g.cells[static_cast<std::size_t>(cz * g.columns + cx)])
        if (contains(m_zones[static_cast<std::size_t>(index)], p)) return index;
    return -1;
}

const expo::Booth* BoothZones::booth(int index) const {
    if (index < 0 || static_cast<std::size_t>(index) >= m_booths.size()) return nullptr;
    return &m_booths[static_cast<std::size_t>(index)];
}

int BoothZones::indexOf(const std::string& boothId) const {
    auto it = m_index.find(boothId);
    return it == m_index.end() ? -1 : it->second;
}

} // namespace fg::interact
