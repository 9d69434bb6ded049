// RegistrationModule: sign-ups and cancels through RegistrationBook, updates to the person's
// connected clients (and to whoever a cancel promotes), the entry guard of "required" venues.
// Must not send outside ServerContext nor decide a session's state (ProgrammeAccess does).
#include "server/registration/RegistrationModule.h"

#include "engine/core/Log.h"
#include "server/store/Store.h"

#include <algorithm>
#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

namespace {

constexpr double kRefusalNoticeSeconds = 1.0; // a client walking into the wall hears it once

bool inside(const expo::Rect& r, glm::vec2 p) {
    return p.x >= r.x && p.x <= r.x + r.width && p.y >= r.z && p.y <= r.z + r.depth;
}

bool takesRegistration(const expo::Session& e) {
    return e.registration.mode != expo::RegistrationMode::None;
}

} // namespace

std::string RegistrationModule::registrantKey(const Session& s) {
    if (s.verified()) return s.personKey;
    return s.clientKey.empty() ? std::string() : "guest:" + s.clientKey;
}

Status RegistrationModule::start() {
    auto book = store::RegistrationBook::open(m_ctx.store());
    if (!book) return book.error();
    m_book = std::move(*book);
    m_ctx.addEntryGuard(
        [this](const Session& s, const AvatarMove& move) { return entryRefusal(s, move); });
    return {};
}

void RegistrationModule::registerHandlers(ServerRouter& router) {
    // Who may register for which session (guests not for "required") is decided per session.
    router.on<RegistrationRequest>(
        Permit::joined().budget(10, 2),
        [this](Session& s, const RegistrationRequest& m) { request(s, m); });
}

void RegistrationModule::request(Session& s, const RegistrationRequest& m) {
    const expo::Session* e = expo::findSession(m_ctx.exhibition(), m.sessionId);
    Result<std::string> done =
        !e         ? Result<std::string>(makeError(fmt::format("no session \"{}\"", m.sessionId)))
        : m.cancel ? cancel(s, *e)
                   : signUp(s, *e);
    if (!done) return m_ctx.reply(s, m.requestId, done.error());
    m_ctx.reply(s, m.requestId, {}, 0, *done);
}

Result<std::string> RegistrationModule::signUp(Session& s, const expo::Session& e) {
    if (!takesRegistration(e))
        return makeError(fmt::format("session \"{}\" takes no registration", e.id));
    if (m_programme.state(e.id) == StageState::Ended)
        return makeError(fmt::format("session \"{}\" has ended", e.id));
    const std::string key = registrantKey(s);
    if (e.registration.mode == expo::RegistrationMode::Required && !s.verified())
        return makeError(fmt::format("session \"{}\" requires registration with a ticket or "
                                     "credential: guests cannot register",
                                     e.id));
    if (key.empty()) return makeError("registration needs a client key or a ticket");
    const std::uint32_t capacity = expo::registrationCapacity(m_ctx.exhibition(), e);
    auto r = m_book->add(e.id, key, s.name, capacity);
    if (!r) return r.error();
    ++m_registered;
    log::info("server: '{}' registered for '{}' ({})", s.name, e.id,
              store::placeStatusName(r->status));
    tell(key, e.id, *r, false);
    if (r->status == store::PlaceStatus::Waiting)
        return fmt::format("on the waiting list of \"{}\" at position {}", e.title, r->position);
    return fmt::format("registered for \"{}\"", e.title);
}

Result<std::string> RegistrationModule::cancel(Session& s, const expo::Session& e) {
    const std::string key = registrantKey(s);
    const std::uint32_t capacity = expo::registrationCapacity(m_ctx.exhibition(), e);
    auto promoted = m_book->cancel(e.id, key, capacity);
    if (!promoted) return promoted.error();
    ++m_cancelled;
    tell(key, e.id, std::nullopt, false);
    for (const store::RegistrationRecord& p : *promoted) {
        ++m_promoted;
        log::info("server: '{}' promoted from the waiting list of '{}'", p.name, e.id);
        tell(p.personKey, e.id, p, true);
    }
    // Everyone still waiting moved up: their positions changed.
    auto list = m_book->forSession(e.id);
    if (list)
        for (const store::RegistrationRecord& w : *list)
            if (w.status == store::PlaceStatus::Waiting) tell(w.personKey, e.id, w, false);
    return fmt::format("registration for \"{}\" cancelled", e.title);
}

RegistrationInfo RegistrationModule::info(const std::string& sessionId,
                                          const std::optional<store::RegistrationRecord>& r) {
    RegistrationInfo out;
    out.sessionId = sessionId;
    if (r) {
        out.state = r->status == store::PlaceStatus::Waiting ? RegistrationState::Waiting
                                                             : RegistrationState::Confirmed;
        out.position = std::min(r->position, kMaxPlaces);
    }
    if (const expo::Session* e = expo::findSession(m_ctx.exhibition(), sessionId))
        out.capacity = std::min(expo::registrationCapacity(m_ctx.exhibition(), *e), kMaxPlaces);
    if (auto counts = m_book->counts(sessionId))
        out.confirmed = std::min(counts->confirmed, kMaxPlaces);
    return out;
}

void RegistrationModule::tell(const std::string& personKey, const std::string& sessionId,
                              const std::optional<store::RegistrationRecord>& r, bool promoted) {
    RegistrationInfo entry = info(sessionId, r);
    entry.promoted = promoted;
    for (const Session& other : m_ctx.sessions())
        if (other.joined && registrantKey(other) == personKey)
            m_ctx.send(other, RegistrationStatus{false, {entry}});
}

void RegistrationModule::onJoin(Session& s) {
    RegistrationStatus status{true, {}};
    const std::string key = registrantKey(s);
    if (!key.empty()) {
        auto list = m_book->forPerson(key);
        if (!list) return log::error("server: registrations: {}", list.error().message);
        for (const store::RegistrationRecord& r : *list)
            if (status.entries.size() < kMaxRegistrations)
                status.entries.push_back(info(r.sessionId, r));
    }
    m_ctx.send(s, std::move(status)); // sent even when empty: the list is loaded
}

void RegistrationModule::onLeave(Session& s, LeaveReason) {
    m_lastRefusalNotice.erase(s.id);
}

// Staff always enter: organisers, and whoever presents or moderates the session.
bool RegistrationModule::mayEnter(const Session& s, const expo::Session& e) {
    if (s.role == Role::Organiser || m_programme.presents(s, e.id) ||
        m_programme.moderates(s, e.id))
        return true;
    if (!s.verified()) return false;
    auto r = m_book->find(e.id, s.personKey);
    return r && *r && (*r)->status == store::PlaceStatus::Confirmed;
}

// Refuses a step from outside into the venue of a "required" session whose doors are open or
// that is live; people already inside (or coming back in) are not locked in or out mid-step.
std::string RegistrationModule::entryRefusal(const Session& s, const AvatarMove& move) {
    if (!s.present) return {};
    const expo::Exhibition& ex = m_ctx.exhibition();
    for (const expo::Session& e : ex.sessions) {
        if (e.registration.mode != expo::RegistrationMode::Required) continue;
        std::uint32_t hall = 0;
        const expo::Venue* venue = expo::findVenue(ex, e.venue, &hall);
        if (!venue || move.toHall != hall || !inside(venue->rect, move.to)) continue;
        if (move.fromHall == hall && inside(venue->rect, move.from)) continue;
        const StageState state = m_programme.state(e.id);
        if (state != StageState::DoorsOpen && state != StageState::Live) continue;
        if (mayEnter(s, e)) continue;
        ++m_entriesRefused;
        const std::string why =
            fmt::format("\"{}\" is for registered participants only: register in the agenda "
                        "(a place, or the waiting list)",
                        e.title);
        const double now = monotonicSeconds();
        auto [it, fresh] = m_lastRefusalNotice.try_emplace(s.id, now);
        if (fresh || now - it->second >= kRefusalNoticeSeconds) {
            it->second = now;
            m_ctx.send(s, EntryRefused{e.id, bounded(why, kMaxReasonLength)});
        }
        return why;
    }
    return {};
}

void RegistrationModule::addStatus(std::vector<console::StatusFigure>& figures) const {
    figures.push_back({"registrations", "session registrations made", double(m_registered)});
    figures.push_back(
        {"registrations_cancelled", "session registrations cancelled", double(m_cancelled)});
    figures.push_back(
        {"registrations_promoted", "promoted from waiting lists", double(m_promoted)});
    figures.push_back({"entries_refused", "moves into a registration-only venue refused",
                       double(m_entriesRefused)});
}

} // namespace fg::server
