// Floor plan of the sample fair: halls, venues, pavilion rectangles and every booth's spot, in
// tidy rows with aisles. Geometry only; content and file names come from SampleBuilder.
#pragma once

#include <glm/glm.hpp>
#include <string>
#include <vector>

namespace fg::sample {

struct RectSpec {
    float x = 0, z = 0, w = 0, d = 0;
};

struct VenueSpec {
    std::string id;
    std::string name;
    std::string kind; // "stage" or "room"
    RectSpec rect;
    int capacity = 0;
};

struct EntranceSpec {
    std::string wall;
    float offset = 0;
    float width = 0;
};

struct HallSpec {
    std::string id;
    std::string name;
    glm::vec2 origin{0.0f};
    glm::vec2 size{0.0f};
    float wallHeight = 0;
    std::vector<EntranceSpec> entrances;
    glm::vec2 spawn{0.0f};
    float spawnYaw = 0;
    std::vector<VenueSpec> venues;
};

struct PavilionSpec {
    std::string id;
    std::string country;
    std::string hall;
    RectSpec rect;
};

// One booth place: size template letter, footprint centre, rotation, where it stands.
struct BoothSpot {
    char size = 'S';
    glm::vec2 position{0.0f};
    int rotation = 0;
    std::string hall;
    std::string pavilion; // empty in the SME zone
};

struct Layout {
    std::vector<HallSpec> halls;
    std::vector<PavilionSpec> pavilions; // in pavilionCountries() order
    std::vector<BoothSpot> spots;        // in companies() order
};

Layout buildLayout();

// Footprint of a spot (template size, swapped at 90/270 degrees).
RectSpec footprint(const BoothSpot& spot);
glm::vec2 templateSize(char size);

// Self-check of the plan: booths inside halls and pavilions, nothing overlapping, aisles kept.
// Returns one line per problem (empty when the plan is sound).
std::vector<std::string> checkLayout(const Layout& layout);

} // namespace fg::sample
