// Visit and dwell derivation: enter when a position falls in a booth's zone, leave when it is
// past the zone plus hysteresis. Staff of a booth are tracked for presence, never as visitors.
#include "server/interactions/VisitTracker.h"

#include "server/store/Store.h"

#include <algorithm>

namespace fg::interact {

VisitTracker::VisitTracker(store::Store& store, const expo::Exhibition& exhibition,
                           VisitRules rules)
    : m_store(store), m_rules(rules), m_zones(exhibition, rules.frontMargin) {}

void VisitTracker::setExhibition(const expo::Exhibition& exhibition) {
    m_zones = BoothZones(exhibition, m_rules.frontMargin);
    for (auto& [id, state] : m_states) {
        if (!state.boothId.empty() && m_zones.indexOf(state.boothId) < 0) (void)leave(id, state);
    }
}

void VisitTracker::writeDwell(State& state) {
    if (!state.staff && !state.boothId.empty() && state.pendingDwell > 0)
        m_store.recordDwell(state.boothId, state.pendingDwell);
    state.pendingDwell = 0;
}

VisitEvent VisitTracker::leave(std::uint32_t actorId, State& state) {
    writeDwell(state);
    VisitEvent e{VisitEvent::Kind::Leave, actorId, state.boothId, state.staff, state.visitDwell};
    state.boothId.clear();
    state.staff = false;
    state.visitDwell = 0;
    return e;
}

std::vector<VisitEvent> VisitTracker::update(const Actor& actor, const std::string& hall,
                                             glm::vec2 position, double now) {
    std::vector<VisitEvent> events;
    auto [it, fresh] = m_states.try_emplace(actor.id);
    State& s = it->second;
    if (fresh) s.key = visitorKey(actor);
    if (!fresh && !s.boothId.empty()) {
        double step = std::clamp(now - s.lastTime, 0.0, m_rules.maxStepSeconds);
        s.visitDwell += step;
        s.pendingDwell += step;
        if (s.pendingDwell >= m_rules.dwellFlushSeconds) writeDwell(s);
    }
    s.lastTime = now;
    int current = m_zones.indexOf(s.boothId);
    int found = m_zones.boothAt(hall, position, current, m_rules.hysteresis);
    if (found == current) return events;
    if (!s.boothId.empty()) events.push_back(leave(actor.id, s));
    if (const expo::Booth* booth = m_zones.booth(found)) {
        s.boothId = booth->id;
        s.staff = actor.role == store::Role::Exhibitor && actor.exhibitorId == booth->exhibitor;
        if (!s.staff) m_store.recordVisit(booth->id, s.key);
        events.push_back({VisitEvent::Kind::Enter, actor.id, booth->id, s.staff, 0});
    }
    return events;
}

std::vector<VisitEvent> VisitTracker::remove(std::uint32_t actorId, double now) {
    std::vector<VisitEvent> events;
    auto it = m_states.find(actorId);
    if (it == m_states.end()) return events;
    State& s = it->second;
    if (!s.boothId.empty()) {
        double step = std::clamp(now - s.lastTime, 0.0, m_rules.maxStepSeconds);
        s.visitDwell += step;
        s.pendingDwell += step;
        events.push_back(leave(actorId, s));
    }
    m_states.erase(it);
    return events;
}

void VisitTracker::flushDwell() {
    for (auto& [id, state] : m_states)
        writeDwell(state);
}

std::string VisitTracker::boothOf(std::uint32_t actorId) const {
    auto it = m_states.find(actorId);
    return it == m_states.end() ? std::string() : it->second.boothId;
}

std::uint32_t VisitTracker::visitorsAt(const std::string& boothId) const {
    std::uint32_t n = 0;
    for (const auto& [id, s] : m_states)
        if (!s.staff && s.boothId == boothId) ++n;
    return n;
}

bool VisitTracker::staffPresent(const std::string& boothId) const {
    for (const auto& [id, s] : m_states)
        if (s.staff && s.boothId == boothId) return true;
    return false;
}

std::vector<std::uint32_t> VisitTracker::actorsAt(const std::string& boothId,
                                                  bool staffOnly) const {
    std::vector<std::uint32_t> ids;
    for (const auto& [id, s] : m_states)
        if (s.boothId == boothId && (s.staff || !staffOnly)) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace fg::interact
