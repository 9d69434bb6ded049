// Client-side collision for the visitor's own avatar: expo::WalkableArea (the server's own rule
// for hall walls and booth footprints) with sliding, free points and the path-finding grid. A
// slightly larger radius than the server's so the server never corrects a move it allowed.
#pragma once

#include "game/expo/Exhibition.h"
#include "game/expo/WalkableArea.h"

#include <cstdint>
#include <glm/vec2.hpp>
#include <optional>
#include <vector>

namespace fg::client {

inline constexpr float kClientAvatarRadius = 0.35f; // server uses 0.3 m

class WalkArea {
public:
    WalkArea() = default;
    WalkArea(const expo::Exhibition& exhibition, std::size_t hallIndex,
             float radius = kClientAvatarRadius);

    glm::vec2 size() const { return m_area.size(); }
    const expo::WalkableArea& area() const { return m_area; }
    bool walkable(glm::vec2 p) const { return m_area.walkable(p); }
    // Moves from FROM by DELTA, sliding along walls and footprints; never ends inside one.
    glm::vec2 move(glm::vec2 from, glm::vec2 delta) const;
    // Nearest walkable point to P (P itself when free), searching outwards on a small grid.
    glm::vec2 nearestWalkable(glm::vec2 p) const;
    // The point in front of a booth (its open side), as the server's teleport picks it.
    std::optional<glm::vec2> boothFront(const expo::Booth& booth) const;
    // True when the straight segment A-B stays in the hall and out of every footprint (grown by
    // the radius): the avatar can walk it without sliding.
    bool clearLine(glm::vec2 a, glm::vec2 b) const { return m_area.clearLine(a, b); }

    // The path-finding grid: cells of kWalkCell whose centres are walkable.
    glm::ivec2 gridSize() const { return m_gridSize; }
    bool cellFree(glm::ivec2 cell) const;
    glm::ivec2 cellOf(glm::vec2 p) const;
    glm::vec2 cellCentre(glm::ivec2 cell) const;

private:
    expo::WalkableArea m_area;
    glm::ivec2 m_gridSize{0};
    std::vector<std::uint8_t> m_free; // per cell, row-major: 1 when its centre is walkable

    void buildGrid();
};

// Unit vector a booth's open side faces (rotation 0 opens to -z, 90 to -x, 180 to +z, 270 to +x).
glm::vec2 boothFacing(const expo::Booth& booth);

} // namespace fg::client
