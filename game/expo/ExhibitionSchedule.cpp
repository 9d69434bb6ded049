// Time rules: event dates, session times inside the event, venues that exist, and no two
// sessions in one venue at once. Reads the model only; no files, no JSON.
#include "game/expo/ExhibitionSyntax.h"
#include "game/expo/ExhibitionValidator.h"
#include "game/expo/MeetingHours.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <unordered_map>

namespace fg::expo::detail {
namespace {

constexpr UnixSeconds kDay = 86400;

std::string timeText(UnixSeconds t) {
    return quoteJson(formatUtcTimestamp(t));
}

void checkSessionTimes(const Exhibition& ex, std::size_t i, Checker& c) {
    const Session& s = ex.sessions[i];
    std::string p = indexPath("sessions", i);
    bool eventOk =
        c.intact("event.opens") && c.intact("event.closes") && ex.event.opens <= ex.event.closes;
    UnixSeconds from = ex.event.opens, to = ex.event.closes + kDay;
    std::string window = fmt::format("a time within the event, {} to {}", formatUtcTimestamp(from),
                                     formatUtcTimestamp(to));
    bool startIn = s.start >= from && s.start < to;
    if (eventOk && !startIn) c.expect(p + ".start", window, timeText(s.start));
    if (s.end <= s.start) {
        if (c.intact(p + ".start"))
            c.expect(p + ".end", fmt::format("a time after start {}", timeText(s.start)),
                     timeText(s.end));
    } else if (eventOk && s.end > to) {
        c.expect(p + ".end", window, timeText(s.end));
    }
}

struct Slot {
    UnixSeconds start, end;
    std::size_t session;
};

// Sessions sharing a venue must not overlap; each clash is reported on the later session,
// naming the one it collides with. Touching (end == next start) is fine.
void checkVenueClashes(const Exhibition& ex, std::map<std::string, std::vector<Slot>>& byVenue,
                       Checker& c) {
    for (auto& [venue, slots] : byVenue) {
        std::sort(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) {
            return a.start != b.start ? a.start < b.start : a.session < b.session;
        });
        std::size_t latest = 0; // slot with the latest end so far
        for (std::size_t k = 1; k < slots.size(); ++k) {
            const Slot& prev = slots[latest];
            if (slots[k].start < prev.end) {
                const Session& other = ex.sessions[prev.session];
                c.expect(indexPath("sessions", slots[k].session) + ".start",
                         fmt::format("a time when venue {} is free ({} {} runs {} to {})",
                                     quoteJson(venue), indexPath("sessions", prev.session),
                                     quoteJson(other.id), formatUtcTimestamp(other.start),
                                     formatUtcTimestamp(other.end)),
                         timeText(slots[k].start));
            }
            if (slots[k].end > prev.end) latest = k;
        }
    }
}

// booths[].meetings: the shared rules of MeetingHours.h (the server applies the same ones to an
// exhibitor's own setting); days are checked only against readable event dates.
void checkMeetingHoursOfBooths(const Exhibition& ex, Checker& c) {
    const bool eventOk = c.intact("event.opens") && c.intact("event.closes");
    for (std::size_t i = 0; i < ex.booths.size(); ++i) {
        if (!ex.booths[i].meetings) continue;
        const std::string p = indexPath("booths", i) + ".meetings.";
        for (const MeetingHoursProblem& m : checkMeetingHours(*ex.booths[i].meetings, ex.event))
            if (eventOk || m.key.rfind("days", 0) != 0) c.expect(p + m.key, m.expected, m.found);
    }
}

} // namespace

void checkSchedule(const Exhibition& ex, Checker& c) {
    if (ex.event.closes < ex.event.opens && c.intact("event.opens"))
        c.expect("event.closes",
                 fmt::format("a date not before opens {}", quoteJson(formatDate(ex.event.opens))),
                 quoteJson(formatDate(ex.event.closes)));
    std::unordered_map<std::string, bool> venues;
    for (const Hall& h : ex.halls)
        for (const Venue& v : h.venues)
            venues.emplace(v.id, true);
    std::map<std::string, std::vector<Slot>> byVenue;
    bool venuesOk = c.venueIdsIntact(ex);
    for (std::size_t i = 0; i < ex.sessions.size(); ++i) {
        const Session& s = ex.sessions[i];
        std::string p = indexPath("sessions", i);
        checkSessionTimes(ex, i, c);
        if (!venues.contains(s.venue)) {
            if (venuesOk)
                c.expect(p + ".venue", "the id of a venue in some hall", foundText(s.venue));
            continue;
        }
        if (s.end > s.start && c.intact(p + ".start") && c.intact(p + ".end"))
            byVenue[s.venue].push_back(Slot{s.start, s.end, i});
    }
    checkVenueClashes(ex, byVenue, c);
    checkMeetingHoursOfBooths(ex, c);
}

} // namespace fg::expo::detail
