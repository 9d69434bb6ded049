// Path finding for click-to-walk: A* over a 0.5 m grid of one hall's free cells, then cut down
// to straight segments wherever the way is clear. Pure geometry; no rendering, network or I/O.
#pragma once

#include <glm/vec2.hpp>
#include <vector>

namespace fg::client {

class WalkArea;

inline constexpr float kWalkCell = 0.5f; // grid step (m); booth footprints are at least 3 m

// Waypoints from FROM to TO around booths and walls: TO is the last, FROM is not included. A
// clear straight line gives {TO}. Empty when TO cannot be reached from FROM (closed off).
std::vector<glm::vec2> findWalkPath(const WalkArea& area, glm::vec2 from, glm::vec2 to);

} // namespace fg::client
