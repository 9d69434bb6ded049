// VoiceZones: a copy of the exhibition holding only the private-voice booths feeds BoothZones,
// so a private booth's zone is found even where it overlaps a public neighbour's.
#include "server/voice/VoiceZones.h"

namespace fg::server {

namespace {
const std::string kNoBooth;
constexpr float kZoneHysteresis = 0.5f; // metres, as VisitRules::hysteresis
} // namespace

void VoiceZones::update(const expo::Exhibition& exhibition, std::uint64_t revision) {
    if (revision == m_revision) return;
    m_revision = revision;
    expo::Exhibition privateOnly;
    privateOnly.halls = exhibition.halls;
    m_boothIds.clear();
    for (const expo::Booth& b : exhibition.booths)
        if (b.privateVoice) {
            privateOnly.booths.push_back(b);
            m_boothIds.push_back(b.id);
        }
    m_zones = interact::BoothZones(privateOnly);
}

std::uint32_t VoiceZones::zoneAt(const std::string& hallId, glm::vec2 p,
                                 std::uint32_t previous) const {
    if (m_boothIds.empty()) return 0;
    const int index = m_zones.boothAt(hallId, p, int(previous) - 1, kZoneHysteresis);
    return index < 0 ? 0 : std::uint32_t(index) + 1;
}

const std::string& VoiceZones::boothOf(std::uint32_t zone) const {
    return zone == 0 || zone > m_boothIds.size() ? kNoBooth : m_boothIds[zone - 1];
}

} // namespace fg::server
