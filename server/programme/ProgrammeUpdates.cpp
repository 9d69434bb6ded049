// Who hears what of the programme: a session's StageUpdate, encoded once per change, to
// everyone (states, full/free) or to its audience (pages, counts); each person's StageRoles.
// Must not change any state: the tick and the handlers decide, this file only sends.
#include "engine/core/Log.h"
#include "game/expo/protocol/MessageCodec.h"
#include "server/programme/ProgrammeModule.h"

namespace fg::server {

using namespace fg::expo::proto;

StageUpdate ProgrammeModule::updateOf(const expo::Session& session, const Live& live) const {
    std::uint32_t hall = 0;
    const expo::Venue* venue = venueOf(session, hall);
    auto count = [](std::size_t n) {
        return std::uint32_t(std::min<std::size_t>(n, kMaxStageCount));
    };
    return StageUpdate{session.id,
                       StageWireState(live.state),
                       live.autoSchedule,
                       live.page,
                       session.start,
                       live.liveSince,
                       count(live.inVenue),
                       count(venue ? venue->capacity : 0),
                       count(live.overflow),
                       std::uint32_t(live.attendance.size()),
                       live.peak};
}

void ProgrammeModule::sendToEveryone(const expo::Session& session, const Live& live) {
    auto packet = encode(Message(updateOf(session, live)));
    if (!packet) return log::error("server: programme: {}", packet.error().message);
    for (const auto& s : m_ctx.sessions())
        if (s.joined) m_ctx.sendPacket(s, net::kChannelControl, *packet);
}

// Its attendees, its speakers and moderators (backstage), and every organiser (live figures).
void ProgrammeModule::sendToAudience(const expo::Session& session, const Live& live) {
    auto packet = encode(Message(updateOf(session, live)));
    if (!packet) return log::error("server: programme: {}", packet.error().message);
    for (const auto& s : m_ctx.sessions())
        if (s.joined && (attends(s, session.id) || presents(s, session.id)))
            m_ctx.sendPacket(s, net::kChannelControl, *packet);
}

void ProgrammeModule::sendRoles(presence::Session& s) {
    StageRoles roles;
    for (const auto& id : s.speaksAt)
        if (roles.speaks.size() < kMaxStageRoles) roles.speaks.push_back(id);
    for (const auto& id : s.moderatesAt)
        if (roles.moderates.size() < kMaxStageRoles) roles.moderates.push_back(id);
    m_ctx.send(s, std::move(roles));
}

void ProgrammeModule::addStatus(std::vector<console::StatusFigure>& figures) const {
    double liveNow = 0, watching = 0;
    for (const auto& [id, live] : m_live)
        if (live.state == StageState::Live && find(id)) {
            ++liveNow;
            watching += live.inVenue + live.overflow;
        }
    figures.push_back({"sessions_live", "programme sessions live", liveNow});
    figures.push_back({"session_attendees", "people watching a live session", watching});
}

} // namespace fg::server
