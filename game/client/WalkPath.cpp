// A* over the walk grid of one hall, then string pulling with exact segment tests.
// Pure geometry over WalkArea: no rendering, network or I/O; allocates only per request.
#include "game/client/WalkPath.h"

#include "game/client/WalkArea.h"

#include <cmath>
#include <cstdint>
#include <glm/geometric.hpp>
#include <limits>
#include <optional>
#include <queue>

namespace fg::client {
namespace {

struct Grid {
    const WalkArea& area;
    glm::ivec2 size;
    std::size_t index(glm::ivec2 c) const {
        return std::size_t(c.y) * std::size_t(size.x) + std::size_t(c.x);
    }
    glm::ivec2 cell(std::size_t i) const {
        return {int(i % std::size_t(size.x)), int(i / std::size_t(size.x))};
    }
};

// The free cell nearest P, among P's own and its neighbours out to 2 m: a point can be
// walkable while its cell's centre is not (it lies near a footprint's edge).
std::optional<glm::ivec2> freeCellNear(const WalkArea& area, glm::vec2 p) {
    const glm::ivec2 c = area.cellOf(p);
    std::optional<glm::ivec2> best;
    float bestDistance = std::numeric_limits<float>::max();
    const int reach = int(std::ceil(2.0f / kWalkCell));
    for (int dz = -reach; dz <= reach; ++dz)
        for (int dx = -reach; dx <= reach; ++dx) {
            const glm::ivec2 n = c + glm::ivec2(dx, dz);
            const float d = glm::distance(area.cellCentre(n), p);
            if (d < bestDistance && area.cellFree(n) && area.clearLine(p, area.cellCentre(n))) {
                best = n;
                bestDistance = d;
            }
        }
    return best;
}

// 8-connected A* with the octile distance; diagonals only where both sides are free, so a
// path never cuts a footprint's corner. Returns cells from START to GOAL, empty if none.
std::vector<glm::ivec2> searchCells(const WalkArea& area, glm::ivec2 start, glm::ivec2 goal) {
    const Grid grid{area, area.gridSize()};
    const std::size_t count = std::size_t(grid.size.x) * std::size_t(grid.size.y);
    constexpr float kInf = std::numeric_limits<float>::max();
    std::vector<float> cost(count, kInf);
    std::vector<std::uint32_t> from(count, std::numeric_limits<std::uint32_t>::max());
    auto guess = [&](glm::ivec2 c) {
        const glm::vec2 d = glm::abs(glm::vec2(goal - c));
        return std::max(d.x, d.y) + 0.41421356f * std::min(d.x, d.y);
    };
    using Entry = std::pair<float, std::uint32_t>; // estimated total, cell index
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> open;
    cost[grid.index(start)] = 0;
    open.push({guess(start), std::uint32_t(grid.index(start))});
    while (!open.empty()) {
        const auto [estimate, at] = open.top();
        open.pop();
        const glm::ivec2 c = grid.cell(at);
        if (c == goal) break;
        if (estimate - guess(c) > cost[at] + 1e-4f) continue; // a stale entry
        for (int dz = -1; dz <= 1; ++dz)
            for (int dx = -1; dx <= 1; ++dx) {
                const glm::ivec2 n = c + glm::ivec2(dx, dz);
                if ((dx == 0 && dz == 0) || !area.cellFree(n)) continue;
                if (dx != 0 && dz != 0 &&
                    (!area.cellFree(c + glm::ivec2(dx, 0)) ||
                     !area.cellFree(c + glm::ivec2(0, dz))))
                    continue;
                const float step = (dx != 0 && dz != 0) ? 1.41421356f : 1.0f;
                const std::size_t ni = grid.index(n);
                if (cost[at] + step >= cost[ni]) continue;
                cost[ni] = cost[at] + step;
                from[ni] = at;
                open.push({cost[ni] + guess(n), std::uint32_t(ni)});
            }
    }
    std::vector<glm::ivec2> cells;
    if (cost[grid.index(goal)] == kInf) return cells;
    for (std::uint32_t i = std::uint32_t(grid.index(goal)); i != grid.index(start); i = from[i])
        cells.push_back(grid.cell(i));
    cells.push_back(start);
    return {cells.rbegin(), cells.rend()};
}

// Keeps, from each point, the farthest following point it can walk to in a straight line.
std::vector<glm::vec2> pullString(const WalkArea& area, glm::vec2 from,
                                  const std::vector<glm::vec2>& points) {
    std::vector<glm::vec2> path;
    glm::vec2 at = from;
    std::size_t next = 0;
    while (next < points.size()) {
        std::size_t reach = next;
        while (reach + 1 < points.size() && area.clearLine(at, points[reach + 1]))
            ++reach;
        path.push_back(points[reach]);
        at = points[reach];
        next = reach + 1;
    }
    return path;
}

} // namespace

std::vector<glm::vec2> findWalkPath(const WalkArea& area, glm::vec2 from, glm::vec2 to) {
    if (area.clearLine(from, to)) return {to};
    const auto start = freeCellNear(area, from);
    const auto goal = freeCellNear(area, to);
    if (!start || !goal) return {};
    const std::vector<glm::ivec2> cells = searchCells(area, *start, *goal);
    if (cells.empty()) return {};
    std::vector<glm::vec2> points;
    points.reserve(cells.size() + 1);
    for (glm::ivec2 c : cells)
        points.push_back(area.cellCentre(c));
    points.push_back(to);
    return pullString(area, from, points);
}

} // namespace fg::client
