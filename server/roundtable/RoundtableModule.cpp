// RoundtableModule: the speaking lists through SpeakingFloor, checked against ProgrammeAccess
// (presents to request, moderates to control), pushed to attendees, timed on the tick. Must not
// decide the list's rules (SpeakingFloor does) nor reach beyond ServerContext and ProgrammeAccess.
#include "server/roundtable/RoundtableModule.h"

#include "engine/core/Log.h"

#include <algorithm>
#include <chrono>
#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

namespace {

double wallSeconds() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

constexpr std::uint32_t kInformEveryTicks = 5; // newcomers get the list within 5 ticks

bool needsPerson(FloorAction a) {
    return a == FloorAction::Give || a == FloorAction::Remove || a == FloorAction::MoveUp ||
           a == FloorAction::MoveDown;
}

} // namespace

std::string floorKey(const Session& s) {
    return s.verified() ? s.personKey : "guest:" + s.clientKey;
}

RoundtableModule::RoundtableModule(ServerContext& ctx, ProgrammeAccess& programme,
                                   std::function<double()> clock)
    : m_ctx(ctx), m_programme(programme),
      m_clock(clock ? std::move(clock) : std::function<double()>(wallSeconds)) {}

Status RoundtableModule::start() {
    auto floor = SpeakingFloor::open(m_ctx.store());
    if (!floor) return floor.error();
    m_floor = std::move(*floor);
    return {};
}

void RoundtableModule::registerHandlers(ServerRouter& router) {
    // Who may is per session (speakers, moderators): decided in the handlers.
    router.on<FloorRequest>(Permit::joined(),
                            [this](Session& s, const FloorRequest& m) { request(s, m); });
    router.on<FloorControl>(Permit::joined(),
                            [this](Session& s, const FloorControl& m) { controlFromClient(s, m); });
}

std::string RoundtableModule::closedReason(const std::string& session) const {
    const expo::Session* found = nullptr;
    for (const auto& s : m_ctx.exhibition().sessions)
        if (s.id == session) found = &s;
    if (!found) return fmt::format("unknown session \"{}\"", session);
    if (found->kind != expo::SessionKind::Roundtable)
        return fmt::format("session {} is not a roundtable", session);
    if (m_programme.state(session) != StageState::Live)
        return fmt::format("session {} is not live", session);
    return {};
}

void RoundtableModule::refuse(Session& s, std::uint32_t requestId, std::string why, bool lying) {
    ++m_refused;
    m_ctx.reply(s, requestId, makeError(std::move(why)));
    if (lying) m_ctx.fault(s, "roundtable: a moderator's action from a non-moderator");
}

void RoundtableModule::request(Session& s, const FloorRequest& m) {
    if (auto why = closedReason(m.sessionId); !why.empty())
        return refuse(s, m.requestId, "floor: " + why, false);
    if (!m_programme.presents(s, m.sessionId))
        return refuse(
            s, m.requestId,
            fmt::format("floor: only the speakers of session {} take the floor", m.sessionId),
            false);
    auto done = m_floor->request(m.sessionId, FloorPerson{floorKey(s), s.name}, m.request);
    if (!done) return refuse(s, m.requestId, done.error().message, false);
    m_ctx.reply(s, m.requestId, {}, 0, *done);
    push(m.sessionId);
}

Result<FloorPerson> RoundtableModule::target(const std::string& session, FloorAction action,
                                             std::uint16_t clientId) const {
    if (!needsPerson(action)) return FloorPerson{};
    const Session* who = nullptr;
    for (const Session& s : m_ctx.sessions())
        if (s.joined && s.id == clientId) who = &s;
    if (!who) return makeError(fmt::format("floor: nobody with client id #{} here", clientId));
    if (action == FloorAction::Give && !m_programme.presents(*who, session))
        return makeError(
            fmt::format("floor: {} is not a speaker of session {}", who->name, session));
    return FloorPerson{floorKey(*who), who->name};
}

void RoundtableModule::controlFromClient(Session& s, const FloorControl& m) {
    if (!m_programme.moderates(s, m.sessionId))
        return refuse(s, m.requestId,
                      fmt::format("floor: only the moderator of session {} runs the speaking list",
                                  m.sessionId),
                      true);
    auto person = target(m.sessionId, m.action, m.clientId);
    if (!person) return refuse(s, m.requestId, person.error().message, false);
    auto done = control(m.sessionId, m.action, *person, m.seconds);
    if (!done) return refuse(s, m.requestId, done.error().message, false);
    m_ctx.reply(s, m.requestId, {}, 0, *done);
}

Result<std::string> RoundtableModule::control(const std::string& session, FloorAction action,
                                              const FloorPerson& target, std::uint32_t seconds) {
    if (auto why = closedReason(session); !why.empty()) return makeError("floor: " + why);
    Result<std::string> done = makeError("floor: unknown action");
    switch (action) {
    case FloorAction::Next:
        done = m_floor->next(session, m_clock());
        break;
    case FloorAction::Give:
        done = m_floor->give(session, target, m_clock());
        break;
    case FloorAction::Remove:
        done = m_floor->remove(session, target.key);
        break;
    case FloorAction::MoveUp:
        done = m_floor->move(session, target.key, -1);
        break;
    case FloorAction::MoveDown:
        done = m_floor->move(session, target.key, +1);
        break;
    case FloorAction::SetTime:
        done = m_floor->setSeconds(session, seconds);
        break;
    case FloorAction::AddTime:
        done = m_floor->addTime(session, seconds);
        break;
    case FloorAction::Stop:
        done = m_floor->stop(session);
        break;
    case FloorAction::Clear:
        done = m_floor->clear(session);
        break;
    }
    if (done) push(session);
    return done;
}

SpeakingList RoundtableModule::view(const std::string& session) const {
    const store::StoredFloor& f = m_floor->list(session);
    std::map<std::string, std::uint16_t> online; // person key -> client id
    for (const Session& s : m_ctx.sessions())
        if (s.joined && s.id != 0) online[floorKey(s)] = s.id;
    auto entry = [&](const FloorPerson& p) {
        auto it = online.find(p.key);
        return FloorEntry{it != online.end() ? it->second : std::uint16_t(0),
                          p.name.substr(0, kMaxNameLength)};
    };
    SpeakingList out{session,
                     f.secondsPerTurn,
                     f.speaking,
                     entry(f.current),
                     m_floor->remainingMs(session, m_clock()),
                     {},
                     0,
                     0};
    if (!f.speaking) out.current = {};
    for (const FloorPerson& p : f.queue)
        if (out.queue.size() < kMaxFloorQueue) out.queue.push_back(entry(p));
    out.interventions = std::min(f.interventions, kMaxFloorCount);
    out.overtimes = std::min(f.overtimes, kMaxFloorCount);
    return out;
}

void RoundtableModule::push(const std::string& session) {
    if (!closedReason(session).empty()) return; // a closed list is shown to nobody
    const SpeakingList list = view(session);
    auto& informed = m_informed[session];
    for (std::uint16_t id : m_programme.attendees(session))
        if (const Session* s = m_ctx.session(id)) {
            m_ctx.send(*s, list);
            informed.insert(id);
        }
}

// Whoever started attending a live roundtable since the last look gets its list (late joiners,
// the overflow, reconnects); whoever left is forgotten so a return is told again.
void RoundtableModule::informNewcomers() {
    for (const auto& session : m_ctx.exhibition().sessions) {
        if (session.kind != expo::SessionKind::Roundtable) continue;
        if (!closedReason(session.id).empty()) {
            m_informed.erase(session.id);
            if (m_programme.state(session.id) == StageState::Ended &&
                m_floor->list(session.id).speaking) // the session's end ends the intervention
                if (auto stopped = m_floor->stop(session.id); !stopped)
                    log::error("server: {}", stopped.error().message);
            continue;
        }
        auto& informed = m_informed[session.id];
        std::set<std::uint16_t> now;
        bool newcomer = false;
        for (std::uint16_t id : m_programme.attendees(session.id)) {
            now.insert(id);
            newcomer = newcomer || !informed.count(id);
        }
        informed = std::move(now);
        if (newcomer) push(session.id); // everyone: a newcomer on the list gets its client id
    }
}

void RoundtableModule::onTick(std::uint32_t tick, double) {
    for (const std::string& session : m_floor->tick(m_clock()))
        m_dirty.insert(session); // the speaker's time ran out: shown as over time
    for (const std::string& session : m_dirty)
        push(session);
    m_dirty.clear();
    if (tick % kInformEveryTicks == 0) informNewcomers();
}

// A person on a list who leaves is shown as not connected from the next tick (still joined now).
void RoundtableModule::onLeave(Session& s, LeaveReason) {
    const std::string key = floorKey(s);
    for (auto& [session, informed] : m_informed) {
        informed.erase(s.id);
        const store::StoredFloor& f = m_floor->list(session);
        bool listed = f.speaking && f.current.key == key;
        for (const FloorPerson& p : f.queue)
            listed = listed || p.key == key;
        if (listed) m_dirty.insert(session);
    }
}

void RoundtableModule::addStatus(std::vector<console::StatusFigure>& figures) const {
    figures.push_back({"floor_refusals", "floor requests/controls refused", double(m_refused)});
}

} // namespace fg::server
