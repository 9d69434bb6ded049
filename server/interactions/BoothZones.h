// Where each booth's visit zone lies: its footprint plus a strip in front of its open side, and
// a grid per hall to find the zone under a position quickly. Geometry only; no store, no time.
#pragma once

#include "game/expo/Exhibition.h"

#include <glm/vec2.hpp>
#include <string>
#include <unordered_map>
#include <vector>

namespace fg::interact {

// Depth of the strip in front of a booth that still counts as visiting it (metres): "about
// 1.5 m", made 1.75 so someone standing 1.5 m in front (as the bots do) stays inside despite
// positions being quantized to 1 cm on the wire.
inline constexpr float kVisitFrontMargin = 1.75f;

// The open side of a booth as a unit vector in hall (x, z): at rotation 0 a booth opens towards
// -z (the south wall); 90 -> -x, 180 -> +z, 270 -> +x.
glm::vec2 boothFront(const expo::Booth& booth);
// Footprint grown by FRONTMARGIN on the open side and by SIDEMARGIN on every side.
expo::Rect visitZone(const expo::Booth& booth, float frontMargin, float sideMargin = 0.0f);
bool contains(const expo::Rect& rect, glm::vec2 point);

class BoothZones {
public:
    BoothZones() = default;
    explicit BoothZones(const expo::Exhibition& exhibition, float frontMargin = kVisitFrontMargin);

    // Index into exhibition.booths of the booth whose zone holds POSITION in HALL, or -1.
    // PREFER (a booth index, or -1) wins when it still holds the position grown by HYSTERESIS,
    // so a visitor standing on a zone edge is not counted as entering again and again.
    int boothAt(const std::string& hall, glm::vec2 position, int prefer = -1,
                float hysteresis = 0.0f) const;
    const expo::Booth* booth(int index) const;
    int indexOf(const std::string& boothId) const;

private:
    struct HallGrid {
        glm::vec2 size{0.0f};
        int columns = 0, rows = 0;
        std::vector<std::vector<int>> cells;
    };
    static constexpr float kCell = 4.0f;
    void insert(HallGrid& grid, int boothIndex, const expo::Rect& zone);

    std::vector<expo::Booth> m_booths;
    std::vector<expo::Rect> m_zones;
    std::vector<std::string> m_hallOf;
    float m_frontMargin = kVisitFrontMargin;
    std::unordered_map<std::string, HallGrid> m_grids;
    std::unordered_map<std::string, int> m_index;
};

} // namespace fg::interact
