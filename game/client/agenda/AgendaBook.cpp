// Agenda rules for the client: stars, the doors-open reminder, zoned times, the registration
// line and the .ics entries. Pure functions over the exhibition; nothing is drawn or sent here.
#include "game/client/agenda/AgendaBook.h"

#include "engine/core/TimeZone.h"
#include "engine/core/Translate.h"

#include <algorithm>
#include <fmt/format.h>

namespace fg::client {

bool isStarred(const std::vector<std::string>& starred, const std::string& sessionId) {
    return std::find(starred.begin(), starred.end(), sessionId) != starred.end();
}

bool setStarred(std::vector<std::string>& starred, const std::string& sessionId, bool on) {
    auto it = std::find(starred.begin(), starred.end(), sessionId);
    if (on == (it != starred.end())) return false;
    if (on)
        starred.push_back(sessionId);
    else
        starred.erase(it);
    return true;
}

const expo::Session* agendaReminderDue(const expo::Exhibition& ex,
                                       const std::vector<std::string>& starred,
                                       const std::vector<std::string>& shown, UnixSeconds now) {
    const expo::Session* due = nullptr;
    for (const expo::Session& e : ex.sessions) {
        if (!isStarred(starred, e.id) || isStarred(shown, e.id)) continue;
        if (now < e.start - kDoorsOpenBefore || now >= e.end) continue;
        if (!due || e.start < due->start) due = &e;
    }
    return due;
}

std::string sessionTimes(const expo::Session& e, const std::string& zone) {
    return zonedSpan(e.start, e.end, zone);
}

std::string eventAndViewerSpan(UnixSeconds start, UnixSeconds end, const std::string& eventZone,
                               const std::string& viewerZone) {
    std::string text = zonedSpan(start, end, eventZone);
    if (viewerZone != eventZone) text += " / " + zonedSpan(start, end, viewerZone);
    return text;
}

std::string zonedSpan(UnixSeconds start, UnixSeconds end, const std::string& zone) {
    auto from = tz::inZone(start, zone);
    auto to = tz::inZone(end, zone);
    if (!from || !to)
        return trf("{}-{} UTC ({} unknown)", formatUtcTimestamp(start).substr(11, 5),
                   formatUtcTimestamp(end).substr(11, 5), zone);
    const bool sameDay = from->day == to->day && from->month == to->month;
    return fmt::format("{:04}-{:02}-{:02} {}-{}{} {} ({})", from->year, from->month, from->day,
                       tz::clockText(*from), sameDay ? "" : "+1 ", tz::clockText(*to),
                       from->abbreviation, zone);
}

std::string registrationText(const expo::Session& e, const proto::RegistrationInfo* mine,
                             std::uint32_t capacity) {
    if (e.registration.mode == expo::RegistrationMode::None) return {};
    const char* need = e.registration.mode == expo::RegistrationMode::Required
                           ? tr("registration required")
                           : tr("registration optional");
    if (mine && mine->state == proto::RegistrationState::Confirmed)
        return trf("{}: you have a place ({} of {} taken)", need, mine->confirmed, mine->capacity);
    if (mine && mine->state == proto::RegistrationState::Waiting)
        return trf("{}: you are number {} on the waiting list", need, mine->position);
    if (mine && mine->capacity != 0)
        return trf("{}: {} of {} places taken", need, mine->confirmed, mine->capacity);
    return trf("{}: {} places", need, capacity);
}

std::vector<calendar::CalendarEvent> agendaCalendar(const expo::Exhibition& ex,
                                                    const std::vector<std::string>& sessionIds) {
    std::vector<calendar::CalendarEvent> out;
    for (const std::string& id : sessionIds) {
        const expo::Session* e = expo::findSession(ex, id);
        if (!e) continue;
        std::uint32_t hall = 0;
        const expo::Venue* v = expo::findVenue(ex, e->venue, &hall);
        calendar::CalendarEvent c;
        c.uid = fmt::format("session-{}@fairground", e->id);
        c.start = e->start;
        c.end = e->end;
        c.summary = e->title;
        c.location =
            fmt::format("{}, {}{}", ex.event.name, v ? ex.halls[hall].name + ", " : std::string(),
                        v ? v->name : e->venue);
        std::string text = e->description;
        for (const expo::Speaker& p : e->speakers)
            text += (text.empty() ? "" : "\n") + speakerLine(p);
        c.description = text;
        out.push_back(std::move(c));
    }
    return out;
}

std::string speakerLine(const expo::Speaker& p) {
    std::string where = p.organisation;
    if (!p.country.empty()) where += (where.empty() ? "" : ", ") + p.country;
    std::string line = p.name;
    if (!p.title.empty()) line += ", " + p.title;
    if (!where.empty()) line += " (" + where + ")";
    return line;
}

} // namespace fg::client
