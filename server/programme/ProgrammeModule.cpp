// The programme's state, the answers of ProgrammeAccess, and the moderator's and presenter's
// messages. Places and counts are in ProgrammeTick.cpp, who hears what in ProgrammeUpdates.cpp.
#include "server/programme/ProgrammeModule.h"

#include "engine/core/Log.h"

#include <algorithm>
#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;

namespace {

// Doors open this long before a session starts: speakers go backstage, the audience sits down.
constexpr UnixSeconds kDoorsOpenSeconds = 10 * 60;

bool contains(const std::vector<std::string>& ids, std::string_view id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
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

ProgrammeModule::~ProgrammeModule() {
    if (m_records) (void)flushAttendance();
}

// Opens the slice's tables and resumes every stored session as it was (state, page, peak,
// attendance): a restart during a live session goes on where it was.
Status ProgrammeModule::start() {
    auto records = store::StageRecords::open(m_ctx.store());
    if (!records) return records.error();
    m_records = std::move(*records);
    auto states = m_records->states();
    if (!states) return states.error();
    for (const store::StageRecord& r : *states) {
        Live& live = m_live[r.sessionId];
        live.state = StageState(std::clamp(r.state, 0, 3));
        live.autoSchedule = r.autoSchedule;
        live.page = r.page;
        live.liveSince = r.liveSince;
        live.peak = r.peak;
    }
    auto rows = m_records->attendance("");
    if (!rows) return rows.error();
    for (const store::StageAttendance& a : *rows)
        m_live[a.sessionId].attendance[a.person] = Attendee{a.name, a.role, a.firstSeen, a.seconds};
    m_places.resize(kMaxClientId + 1);
    followSchedule();
    return {};
}

void ProgrammeModule::registerHandlers(ServerRouter& router) {
    router.on<StageCommand>(Permit::joined(), [this](presence::Session& s, const StageCommand& m) {
        handleCommand(s, m);
    });
    router.on<StagePage>(Permit::joined().budget(20, 10),
                         [this](presence::Session& s, const StagePage& m) { handlePage(s, m); });
    router.on<OverflowRequest>(
        Permit::joined(),
        [this](presence::Session& s, const OverflowRequest& m) { handleOverflow(s, m); });
}

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

StageState ProgrammeModule::scheduled(const expo::Session& session) const {
    const UnixSeconds now = m_clock();
    if (now >= session.end) return StageState::Ended;
    if (now >= session.start) return StageState::Live;
    return now >= session.start - kDoorsOpenSeconds ? StageState::DoorsOpen : StageState::Scheduled;
}

ProgrammeModule::Live& ProgrammeModule::liveOf(const expo::Session& session) {
    auto it = m_live.find(session.id);
    if (it != m_live.end()) return it->second;
    Live& live = m_live[session.id];
    live.state = scheduled(session);
    if (live.state == StageState::Live) live.liveSince = session.start;
    return live;
}

const ProgrammeModule::Live* ProgrammeModule::live(std::string_view sessionId) const {
    auto it = m_live.find(sessionId);
    return it == m_live.end() || !find(sessionId) ? nullptr : &it->second;
}

void ProgrammeModule::saveState(const std::string& sessionId, const Live& live) {
    if (auto s = m_records->saveState(store::StageRecord{
            sessionId, int(live.state), live.autoSchedule, live.page, live.liveSince, live.peak});
        !s)
        log::error("server: programme: could not store session '{}': {}", sessionId,
                   s.error().message);
}

// A state change: stored, then everyone hears it (the agenda shows every session's state).
void ProgrammeModule::setState(const expo::Session& session, Live& live, StageState next) {
    if (live.state == next) return;
    live.state = next;
    if (next == StageState::Live && live.liveSince == 0)
        live.liveSince = live.autoSchedule ? session.start : m_clock();
    // A session that is not on has no audience: each hears that they stopped attending.
    if (next == StageState::Ended || next == StageState::Scheduled)
        for (auto& s : m_ctx.sessions())
            if (s.joined && s.id < m_places.size() && m_places[s.id].sessionId == session.id)
                setPlace(s, {}, StagePlaceKind::None);
    (void)flushAttendance();
    saveState(session.id, live);
    log::info("server: programme: '{}' is {}", session.id, stageStateName(next));
    sendToEveryone(session, live);
}

Status ProgrammeModule::startSession(std::string_view sessionId) {
    const expo::Session* session = find(sessionId);
    if (!session) return makeError(fmt::format("no session '{}'", sessionId));
    Live& live = liveOf(*session);
    if (live.state == StageState::Live) return makeError(fmt::format("'{}' is live", sessionId));
    live.autoSchedule = false;
    live.liveSince = 0;
    setState(*session, live, StageState::Live);
    return {};
}

Status ProgrammeModule::endSession(std::string_view sessionId) {
    const expo::Session* session = find(sessionId);
    if (!session) return makeError(fmt::format("no session '{}'", sessionId));
    Live& live = liveOf(*session);
    if (live.state == StageState::Ended) return makeError(fmt::format("'{}' has ended", sessionId));
    live.autoSchedule = false;
    setState(*session, live, StageState::Ended);
    return {};
}

Status ProgrammeModule::setAuto(std::string_view sessionId, bool on) {
    const expo::Session* session = find(sessionId);
    if (!session) return makeError(fmt::format("no session '{}'", sessionId));
    Live& live = liveOf(*session);
    live.autoSchedule = on;
    saveState(session->id, live);
    if (on) followSchedule();
    sendToEveryone(*session, live);
    return {};
}

Status ProgrammeModule::setPage(std::string_view sessionId, std::uint32_t page) {
    const expo::Session* session = find(sessionId);
    if (!session) return makeError(fmt::format("no session '{}'", sessionId));
    if (page > kMaxSlidePage)
        return makeError(
            fmt::format("page {} is past the last possible ({})", page + 1, kMaxSlidePage + 1));
    Live& live = liveOf(*session);
    if (live.state == StageState::Ended) return makeError(fmt::format("'{}' has ended", sessionId));
    live.page = page;
    saveState(session->id, live);
    sendToAudience(*session, live);
    return {};
}

StageState ProgrammeModule::state(std::string_view sessionId) const {
    const expo::Session* session = find(sessionId);
    if (!session) return StageState::Ended;
    auto it = m_live.find(sessionId);
    return it != m_live.end() ? it->second.state : scheduled(*session);
}

bool ProgrammeModule::attends(const presence::Session& s, std::string_view sessionId) const {
    if (!s.joined || s.id >= m_places.size()) return false;
    const Place& place = m_places[s.id];
    return place.sessionId == sessionId &&
           (place.kind == StagePlaceKind::Venue || place.kind == StagePlaceKind::Overflow);
}

bool ProgrammeModule::presents(const presence::Session& s, std::string_view sessionId) const {
    return moderates(s, sessionId) ||
           m_temporarySpeakers.count(std::pair(std::string(sessionId), s.id)) != 0 ||
           (s.joined && find(sessionId) && contains(s.speaksAt, sessionId));
}

void ProgrammeModule::setTemporarySpeaker(std::string_view sessionId, std::uint16_t id, bool on) {
    auto key = std::pair(std::string(sessionId), id);
    if (on)
        m_temporarySpeakers.insert(std::move(key));
    else
        m_temporarySpeakers.erase(key);
}

bool ProgrammeModule::moderates(const presence::Session& s, std::string_view sessionId) const {
    if (!s.joined || !find(sessionId)) return false;
    return s.role == Role::Organiser || contains(s.moderatesAt, sessionId);
}

std::vector<std::uint16_t> ProgrammeModule::attendees(std::string_view sessionId) const {
    std::vector<std::uint16_t> ids;
    for (const auto& s : m_ctx.sessions())
        if (s.id != 0 && attends(s, sessionId)) ids.push_back(s.id);
    return ids;
}

// The person learns the sessions their credential is bound to, then every session's state.
void ProgrammeModule::onJoin(presence::Session& s) {
    s.speaksAt.clear();
    s.moderatesAt.clear();
    if (s.verified()) {
        auto bound = m_records->bindings(s.personKey);
        if (!bound)
            log::error("server: programme: bindings of {}: {}", s.personKey, bound.error().message);
        for (const auto& b : bound ? *bound : std::vector<store::StageBinding>{}) {
            s.speaksAt.push_back(b.sessionId);
            if (b.moderator) s.moderatesAt.push_back(b.sessionId);
        }
    }
    if (s.id < m_places.size()) m_places[s.id] = Place{};
    sendRoles(s);
    for (const auto& session : m_ctx.exhibition().sessions)
        m_ctx.send(s, updateOf(session, liveOf(session)));
}

void ProgrammeModule::onLeave(presence::Session& s, LeaveReason) {
    if (s.id < m_places.size()) m_places[s.id] = Place{};
}

void ProgrammeModule::handleCommand(presence::Session& s, const StageCommand& m) {
    if (!moderates(s, m.sessionId)) {
        m_ctx.fault(s, "StageCommand from someone who does not moderate the session");
        return m_ctx.reply(
            s, m.requestId,
            makeError(fmt::format("only a moderator of '{}' can run it", m.sessionId)));
    }
    Status done = m.action == StageAction::Start ? startSession(m.sessionId)
                  : m.action == StageAction::End
                      ? endSession(m.sessionId)
                      : setAuto(m.sessionId, m.action == StageAction::AutoOn);
    log::info("server: programme: {} ('{}') {} '{}'{}", s.id, s.name, int(m.action), m.sessionId,
              done ? "" : ": " + done.error().message);
    m_ctx.reply(s, m.requestId, done);
}

void ProgrammeModule::handlePage(presence::Session& s, const StagePage& m) {
    if (!presents(s, m.sessionId)) {
        m_ctx.fault(s, "StagePage from someone who does not present the session");
        return m_ctx.reply(
            s, m.requestId,
            makeError(fmt::format("only the speakers and moderators of '{}' change its slides",
                                  m.sessionId)));
    }
    m_ctx.reply(s, m.requestId, setPage(m.sessionId, m.page), m.page);
}

void ProgrammeModule::handleOverflow(presence::Session& s, const OverflowRequest& m) {
    const expo::Session* session = find(m.sessionId);
    if (!session)
        return m_ctx.reply(s, m.requestId, makeError(fmt::format("no session '{}'", m.sessionId)));
    Live& live = liveOf(*session);
    Place& place = m_places[s.id];
    if (!m.join) {
        if (place.sessionId == m.sessionId && place.kind == StagePlaceKind::Overflow)
            setPlace(s, {}, StagePlaceKind::None);
        return m_ctx.reply(s, m.requestId, {});
    }
    if (live.state != StageState::DoorsOpen && live.state != StageState::Live)
        return m_ctx.reply(s, m.requestId,
                           makeError(fmt::format("'{}' is {}: its overflow opens with its doors",
                                                 m.sessionId, stageStateName(live.state))));
    if (place.sessionId == m.sessionId && place.kind == StagePlaceKind::Venue)
        return m_ctx.reply(s, m.requestId, makeError("you are in the venue already"));
    setPlace(s, session->id, StagePlaceKind::Overflow);
    m_ctx.reply(s, m.requestId, {});
}

} // namespace fg::server
