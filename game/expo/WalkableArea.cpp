// Building a hall's walkable area: footprints grown by the radius and their coarse grid index.
// The per-input tests are inline in the header (the server runs them for every avatar).
#include "game/expo/WalkableArea.h"

#include <algorithm>
#include <cmath>

namespace fg::expo {

WalkableArea::WalkableArea(const Exhibition& ex, std::size_t hallIndex, float radius)
    : m_radius(radius) {
    if (hallIndex >= ex.halls.size()) return;
    const Hall& hall = ex.halls[hallIndex];
    m_size = hall.size;
    for (const Booth& b : ex.booths) {
        if (b.hall != hall.id) continue;
        const Rect f = boothFootprint(b);
        m_obstacles.push_back(
            {f.x - radius, f.z - radius, f.width + 2 * radius, f.depth + 2 * radius});
    }
    indexObstacles();
}

void WalkableArea::indexObstacles() {
    m_cellsX = std::max(1, int(std::ceil(m_size.x / kObstacleCell)));
    m_cellsZ = std::max(1, int(std::ceil(m_size.y / kObstacleCell)));
    std::vector<std::vector<std::uint16_t>> cells(std::size_t(m_cellsX * m_cellsZ));
    for (std::size_t i = 0; i < m_obstacles.size(); ++i) {
        const Rect& o = m_obstacles[i];
        const int x0 = cellAt(o.x, m_cellsX), x1 = cellAt(o.x + o.width, m_cellsX);
        const int z0 = cellAt(o.z, m_cellsZ), z1 = cellAt(o.z + o.depth, m_cellsZ);
        for (int z = z0; z <= z1; ++z)
            for (int x = x0; x <= x1; ++x)
                cells[std::size_t(z * m_cellsX + x)].push_back(std::uint16_t(i));
    }
    m_cellStart.assign(1, 0);
    m_cellItems.clear();
    for (const auto& c : cells) {
        m_cellItems.insert(m_cellItems.end(), c.begin(), c.end());
        m_cellStart.push_back(std::uint32_t(m_cellItems.size()));
    }
}

} // namespace fg::expo
