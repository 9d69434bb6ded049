// Private voice zones: the visit zones (server/interactions' BoothZones) of the booths marked
// "private_voice", numbered 1.. for game/voice's VoiceSpeaker/VoiceListener zone. Geometry only.
#pragma once

#include "game/expo/Exhibition.h"
#include "server/interactions/BoothZones.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace fg::server {

class VoiceZones {
public:
    // Rebuilds the zones when REVISION differs from the one they were built for.
    void update(const expo::Exhibition& exhibition, std::uint64_t revision);
    // The private zone holding P in hall HALLID (1-based), or 0 in the open hall. PREVIOUS (the
    // zone last found) is kept while P stays within half a metre of it, as visits are.
    std::uint32_t zoneAt(const std::string& hallId, glm::vec2 p, std::uint32_t previous) const;
    bool empty() const { return m_boothIds.empty(); }
    // The booth id of ZONE (1-based), or "" for 0 or an unknown zone.
    const std::string& boothOf(std::uint32_t zone) const;

private:
    interact::BoothZones m_zones; // built from the private booths only
    std::vector<std::string> m_boothIds;
    std::uint64_t m_revision = std::numeric_limits<std::uint64_t>::max();
};

} // namespace fg::server
