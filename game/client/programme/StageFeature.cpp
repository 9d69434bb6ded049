// Which programme session the avatar attends, from the schedule and where it stands.
// Reads the exhibition and the avatar only.
#include "game/client/programme/StageFeature.h"

#include "game/client/AvatarController.h"

namespace fg::client {
namespace {

constexpr UnixSeconds kDoorsOpenSeconds = 10 * 60; // as the server's ProgrammeModule

bool inside(const expo::Rect& r, glm::vec2 p) {
    return p.x >= r.x && p.x <= r.x + r.width && p.y >= r.z && p.y <= r.z + r.depth;
}

// The id of the venue in hall HALL that P stands in, or empty.
std::string venueAt(const expo::Exhibition& ex, std::uint32_t hall, glm::vec2 p) {
    if (hall >= ex.halls.size()) return {};
    for (const auto& venue : ex.halls[hall].venues)
        if (inside(venue.rect, p)) return venue.id;
    return {};
}

} // namespace

void StageFeature::update() {
    m_attending.clear();
    if (!m_s.ex || !m_s.avatar) return;
    const std::string venue = venueAt(*m_s.ex, m_s.hall, m_s.avatar->position());
    if (venue.empty()) return;
    const UnixSeconds now = unixNow();
    for (const auto& session : m_s.ex->sessions)
        if (session.venue == venue && now < session.end && now >= session.start - kDoorsOpenSeconds)
            m_attending = session.id;
}

const expo::Session* StageFeature::attending() const {
    if (!m_s.ex || m_attending.empty()) return nullptr;
    for (const auto& session : m_s.ex->sessions)
        if (session.id == m_attending) return &session;
    return nullptr;
}

} // namespace fg::client
