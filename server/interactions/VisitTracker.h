// Booth visits, dwell time and staff presence derived from avatar positions on the server;
// clients never report visits. Writes analytics to the store (batched there); no networking.
#pragma once

#include "server/interactions/Actor.h"
#include "server/interactions/BoothZones.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace fg::store {
class Store;
}

namespace fg::interact {

struct VisitEvent {
    enum class Kind : std::uint8_t { Enter, Leave } kind = Kind::Enter;
    std::uint32_t actorId = 0;
    std::string boothId;
    bool staff = false;      // the actor is staff of this booth (not counted as a visit)
    double dwellSeconds = 0; // Leave: time spent in this visit
};

struct VisitRules {
    float frontMargin = kVisitFrontMargin;
    float hysteresis = 0.5f;     // metres a visitor may drift past the zone before leaving
    double maxStepSeconds = 2.0; // longer gaps between updates do not count as dwell
    double dwellFlushSeconds = 10.0;
};

class VisitTracker {
public:
    VisitTracker(store::Store& store, const expo::Exhibition& exhibition, VisitRules rules = {});
    // Rebuilds zones after a reload; visitors keep their booth when its id still exists.
    void setExhibition(const expo::Exhibition& exhibition);

    // Feed every validated position (hall coordinates); NOW is monotonic seconds.
    std::vector<VisitEvent> update(const Actor& actor, const std::string& hall, glm::vec2 position,
                                   double now);
    // The actor disconnected: closes its visit.
    std::vector<VisitEvent> remove(std::uint32_t actorId, double now);
    // Writes accumulated dwell of everyone still inside (for save and shutdown).
    void flushDwell();

    std::string boothOf(std::uint32_t actorId) const; // empty when in no booth's zone
    std::uint32_t visitorsAt(const std::string& boothId) const;
    bool staffPresent(const std::string& boothId) const;
    // Everyone in BOOTHID's zone now (staff too), by connection id; STAFFONLY: its staff only.
    std::vector<std::uint32_t> actorsAt(const std::string& boothId, bool staffOnly = false) const;
    const BoothZones& zones() const { return m_zones; }

private:
    struct State {
        std::string boothId;
        std::string key;
        bool staff = false;
        double lastTime = 0;
        double visitDwell = 0;   // this visit so far
        double pendingDwell = 0; // not yet written to the store
    };
    VisitEvent leave(std::uint32_t actorId, State& state);
    void writeDwell(State& state);

    store::Store& m_store;
    VisitRules m_rules;
    BoothZones m_zones;
    std::unordered_map<std::uint32_t, State> m_states;
};

} // namespace fg::interact
