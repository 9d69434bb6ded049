// ProgrammeModule's tick: sessions on their schedule follow it; who stands in a running venue
// attends it up to its capacity (a newcomer past it is put back and offered the overflow);
// counts, peak and minutes watched. Never sends anything but places, corrections and updates.
#include "engine/core/Log.h"
#include "server/programme/ProgrammeModule.h"

#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;

namespace {

constexpr double kCountsEverySeconds = 1.0;     // counts reach attendees at most this often
constexpr std::uint32_t kFlushEverySeconds = 5; // attendance rows are stored this often

bool inside(const expo::Rect& r, glm::vec2 p) {
    return p.x >= r.x && p.x <= r.x + r.width && p.y >= r.z && p.y <= r.z + r.depth;
}

bool running(StageState state) {
    return state == StageState::DoorsOpen || state == StageState::Live;
}

// Whom attendance is counted by: the verified person, else the install, else the connection.
std::string personOf(const presence::Session& s) {
    if (s.verified()) return s.personKey;
    if (!s.clientKey.empty()) return "key:" + s.clientKey;
    return fmt::format("id:{}", s.id);
}

} // namespace

void ProgrammeModule::onTick(std::uint32_t tick, double now) {
    const std::uint32_t rate = m_ctx.config().tickRate;
    if (tick % rate == 0) followSchedule();
    placePeople(now);
    countAndAccount(1.0 / double(rate), now);
    if (tick % (rate * kFlushEverySeconds) == 0) (void)flushAttendance();
}

// Sessions with auto on take the state their schedule gives now.
void ProgrammeModule::followSchedule() {
    for (const auto& session : m_ctx.exhibition().sessions) {
        Live& live = liveOf(session);
        if (live.autoSchedule) setState(session, live, scheduled(session));
    }
}

// Everyone joined and present: in a running venue (admitted or put back), in an overflow, or
// nowhere. People already admitted keep their seats before any newcomer is counted.
void ProgrammeModule::placePeople(double now) {
    struct Running {
        const expo::Session* session;
        Live* live;
        const expo::Venue* venue;
        std::uint32_t hall;
    };
    std::vector<Running> runningVenues;
    for (const auto& session : m_ctx.exhibition().sessions) {
        Live& live = liveOf(session);
        std::uint32_t hall = 0;
        const expo::Venue* venue = venueOf(session, hall);
        if (venue && running(live.state)) runningVenues.push_back({&session, &live, venue, hall});
        live.inVenue = 0;
    }
    auto venueAt = [&](const presence::Avatar& a) -> const Running* {
        for (const Running& r : runningVenues)
            if (r.hall == a.hall && inside(r.venue->rect, a.position)) return &r;
        return nullptr;
    };
    std::vector<std::pair<presence::Session*, const Running*>> newcomers;
    for (auto& s : m_ctx.sessions()) {
        if (!s.joined || !s.present) continue;
        const presence::Avatar* a = m_ctx.world().find(s.id);
        if (!a || !a->active) continue;
        Place& place = m_places[s.id];
        const Running* in = venueAt(*a);
        if (!in) {
            place.hasOutside = true;
            place.hall = a->hall;
            place.lastOutside = a->position;
            if (place.kind == StagePlaceKind::Venue) setPlace(s, {}, StagePlaceKind::None);
            continue;
        }
        if (place.kind == StagePlaceKind::Venue && place.sessionId == in->session->id)
            ++in->live->inVenue;
        else
            newcomers.push_back({&s, in});
    }
    for (auto& [s, in] : newcomers)
        admitOrRefuse(*s, *in->session, *in->live, in->venue->capacity, now);
}

// Speakers and moderators always enter; anyone else while there is a free place.
void ProgrammeModule::admitOrRefuse(presence::Session& s, const expo::Session& session, Live& live,
                                    std::uint32_t capacity, double now) {
    if (presents(s, session.id) || live.inVenue < capacity) {
        ++live.inVenue;
        setPlace(s, session.id, StagePlaceKind::Venue);
        return;
    }
    pushBack(s, now);
    Place& place = m_places[s.id];
    if (place.sessionId == session.id && place.kind == StagePlaceKind::Overflow) return;
    log::info("server: programme: '{}' is full ({}): {} ('{}') offered the overflow", session.id,
              capacity, s.id, s.name);
    m_ctx.send(s, StagePlace{session.id, StagePlaceKind::Full});
    if (place.kind == StagePlaceKind::Venue) setPlace(s, {}, StagePlaceKind::None);
}

// Back to where the avatar last stood outside every running venue (else its hall's spawn).
void ProgrammeModule::pushBack(presence::Session& s, double now) {
    presence::PresenceWorld& world = m_ctx.world();
    const Place& place = m_places[s.id];
    Status moved = place.hasOutside ? world.placeAt(s.id, place.hall, place.lastOutside, now)
                                    : makeError("no spot outside known");
    if (!moved) {
        const presence::Avatar* a = world.find(s.id);
        moved = world.teleport(s.id, TeleportKind::Spawn, a ? a->hall : 0, "", now);
    }
    if (!moved)
        log::warn("server: programme: could not put {} back: {}", s.id, moved.error().message);
    AvatarState me = world.quantized(s.id);
    m_ctx.send(s, Correction{s.lastInput, world.find(s.id)->hall, me.x, me.z, me.heading});
}

// A person starts or stops attending: they hear where they are, then (attending) the session.
void ProgrammeModule::setPlace(presence::Session& s, const std::string& sessionId,
                               StagePlaceKind kind) {
    Place& place = m_places[s.id];
    if (place.sessionId == sessionId && place.kind == kind) return;
    if (!place.sessionId.empty() && place.sessionId != sessionId)
        if (auto it = m_live.find(place.sessionId); it != m_live.end())
            it->second.countsDirty = true;
    const std::string left = place.sessionId;
    place.sessionId = kind == StagePlaceKind::None ? std::string() : sessionId;
    place.kind = kind;
    m_ctx.send(s, StagePlace{kind == StagePlaceKind::None ? left : sessionId, kind});
    if (kind == StagePlaceKind::None) return;
    const expo::Session* session = find(sessionId);
    if (!session) return;
    Live& live = liveOf(*session);
    live.countsDirty = true;
    m_ctx.send(s, updateOf(*session, live));
}

// Counts per session, the peak and minutes watched while live, and the counts' updates.
void ProgrammeModule::countAndAccount(double dt, double now) {
    for (auto& [id, live] : m_live)
        live.overflow = 0;
    const UnixSeconds wall = m_clock();
    for (auto& s : m_ctx.sessions()) {
        if (!s.joined || s.id >= m_places.size()) continue;
        const Place& place = m_places[s.id];
        if (place.sessionId.empty()) continue;
        auto it = m_live.find(place.sessionId);
        if (it == m_live.end()) continue;
        Live& live = it->second;
        if (place.kind == StagePlaceKind::Overflow) ++live.overflow;
        if (live.state != StageState::Live) continue;
        Attendee& a = live.attendance[personOf(s)];
        if (a.firstSeen == 0) {
            a.firstSeen = wall;
            live.countsDirty = true;
        }
        a.name = s.name;
        a.role = toString(s.role);
        a.seconds += dt;
        a.dirty = true;
    }
    for (const auto& session : m_ctx.exhibition().sessions) {
        Live& live = liveOf(session);
        std::uint32_t hall = 0;
        const expo::Venue* venue = venueOf(session, hall);
        const std::uint32_t watching = live.inVenue + live.overflow;
        if (live.state == StageState::Live && watching > live.peak) live.peak = watching;
        const bool full = venue && running(live.state) && live.inVenue >= venue->capacity;
        if (full != live.full) {
            live.full = full;
            live.countsSentAt = now;
            live.countsDirty = false;
            sendToEveryone(session, live);
        } else if (live.countsDirty && now - live.countsSentAt >= kCountsEverySeconds) {
            live.countsSentAt = now;
            live.countsDirty = false;
            sendToAudience(session, live);
        }
    }
}

Status ProgrammeModule::flushAttendance() {
    std::vector<store::StageAttendance> rows;
    for (auto& [sessionId, live] : m_live)
        for (auto& [person, a] : live.attendance)
            if (a.dirty) {
                rows.push_back({sessionId, person, a.name, a.role, a.firstSeen, a.seconds});
                a.dirty = false;
            }
    if (rows.empty()) return {};
    for (auto& [sessionId, live] : m_live)
        if (live.peak > 0) saveState(sessionId, live);
    Status saved = m_records->saveAttendance(rows);
    if (!saved) log::error("server: programme: attendance not stored: {}", saved.error().message);
    return saved;
}

} // namespace fg::server
