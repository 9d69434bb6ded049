// The programme's state from the schedule and attendance from where avatars stand.
// Other slices ask through ProgrammeAccess; nothing here sends messages yet.
#include "server/programme/ProgrammeModule.h"

namespace fg::server {
namespace {

// Doors open this long before a session starts: speakers go backstage, the audience sits down.
constexpr UnixSeconds kDoorsOpenSeconds = 10 * 60;

bool inside(const expo::Rect& r, glm::vec2 p) {
    return p.x >= r.x && p.x <= r.x + r.width && p.y >= r.z && p.y <= r.z + r.depth;
}

} // namespace

const char* stageStateName(StageState state) {
    switch (state) {
    case StageState::Scheduled:
        return "scheduled";
    case StageState::DoorsOpen:
        return "doors open";
    case StageState::Live:
        return "live";
    case StageState::Ended:
        return "ended";
    }
    return "?";
}

ProgrammeModule::ProgrammeModule(ServerContext& ctx, std::function<UnixSeconds()> clock)
    : m_ctx(ctx), m_clock(std::move(clock)) {}

const expo::Session* ProgrammeModule::find(std::string_view sessionId) const {
    for (const auto& session : m_ctx.exhibition().sessions)
        if (session.id == sessionId) return &session;
    return nullptr;
}

const expo::Venue* ProgrammeModule::venueOf(const expo::Session& session,
                                            std::uint32_t& hall) const {
    const auto& halls = m_ctx.exhibition().halls;
    for (std::uint32_t h = 0; h < halls.size(); ++h)
        for (const auto& venue : halls[h].venues)
            if (venue.id == session.venue) {
                hall = h;
                return &venue;
            }
    return nullptr;
}

StageState ProgrammeModule::state(std::string_view sessionId) const {
    const expo::Session* session = find(sessionId);
    if (!session) return StageState::Ended;
    const UnixSeconds now = m_clock();
    if (now >= session->end) return StageState::Ended;
    if (now >= session->start) return StageState::Live;
    return now >= session->start - kDoorsOpenSeconds ? StageState::DoorsOpen
                                                     : StageState::Scheduled;
}

bool ProgrammeModule::attends(const presence::Session& s, std::string_view sessionId) const {
    const expo::Session* session = find(sessionId);
    std::uint32_t hall = 0;
    const expo::Venue* venue = session ? venueOf(*session, hall) : nullptr;
    if (!venue || !s.joined || !s.present) return false;
    const presence::Avatar* avatar = m_ctx.world().find(s.id);
    return avatar && avatar->active && avatar->hall == hall &&
           inside(venue->rect, avatar->position);
}

bool ProgrammeModule::presents(const presence::Session& s, std::string_view sessionId) const {
    return moderates(s, sessionId) ||
           m_temporarySpeakers.count(std::pair(std::string(sessionId), s.id)) != 0;
}

void ProgrammeModule::setTemporarySpeaker(std::string_view sessionId, std::uint16_t id, bool on) {
    auto key = std::pair(std::string(sessionId), id);
    if (on)
        m_temporarySpeakers.insert(std::move(key));
    else
        m_temporarySpeakers.erase(key);
}

bool ProgrammeModule::moderates(const presence::Session& s, std::string_view sessionId) const {
    return s.joined && s.role == expo::proto::Role::Organiser && find(sessionId) != nullptr;
}

std::vector<std::uint16_t> ProgrammeModule::attendees(std::string_view sessionId) const {
    std::vector<std::uint16_t> ids;
    for (const auto& s : m_ctx.sessions())
        if (s.id != 0 && attends(s, sessionId)) ids.push_back(s.id);
    return ids;
}

} // namespace fg::server
