// libical adapter: builds and parses VCALENDAR components, frees everything libical allocates.
// Must not leak libical types into its header; times go through UTC only.
#include "engine/calendar/Calendar.h"

#include <cstdlib>
#include <fmt/format.h>
#include <libical/ical.h>
#include <memory>

namespace fg::calendar {
namespace {

struct ComponentFree {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

icaltimetype utcTime(UnixSeconds t) {
    return icaltime_from_timet_with_zone(time_t(t), 0, icaltimezone_get_utc_timezone());
}

UnixSeconds unixTime(icaltimetype t) {
    return UnixSeconds(icaltime_as_timet_with_zone(t, icaltimezone_get_utc_timezone()));
}

icalproperty_status statusOf(EventStatus s) {
    switch (s) {
    case EventStatus::Tentative:
        return ICAL_STATUS_TENTATIVE;
    case EventStatus::Cancelled:
        return ICAL_STATUS_CANCELLED;
    case EventStatus::Confirmed:
        break;
    }
    return ICAL_STATUS_CONFIRMED;
}

EventStatus statusFrom(icalproperty_status s) {
    if (s == ICAL_STATUS_TENTATIVE) return EventStatus::Tentative;
    if (s == ICAL_STATUS_CANCELLED) return EventStatus::Cancelled;
    return EventStatus::Confirmed;
}

icalcomponent* makeEvent(const CalendarEvent& e, UnixSeconds now) {
    icalcomponent* ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    icalcomponent_add_property(ev, icalproperty_new_uid(e.uid.c_str()));
    icalcomponent_add_property(ev, icalproperty_new_dtstamp(utcTime(now)));
    icalcomponent_add_property(ev, icalproperty_new_dtstart(utcTime(e.start)));
    icalcomponent_add_property(ev, icalproperty_new_dtend(utcTime(e.end)));
    icalcomponent_add_property(ev, icalproperty_new_summary(e.summary.c_str()));
    if (!e.location.empty())
        icalcomponent_add_property(ev, icalproperty_new_location(e.location.c_str()));
    if (!e.description.empty())
        icalcomponent_add_property(ev, icalproperty_new_description(e.description.c_str()));
    icalcomponent_add_property(ev, icalproperty_new_status(statusOf(e.status)));
    return ev;
}

std::string text(const char* s) {
    return s ? std::string(s) : std::string();
}

} // namespace

Result<std::string> toICalendar(const std::vector<CalendarEvent>& events,
                                std::string_view productId) {
    Component cal(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
    if (!cal) return makeError("calendar: libical could not make a calendar");
    icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal.get(), icalproperty_new_prodid(std::string(productId).c_str()));
    icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
    const UnixSeconds now = unixNow();
    for (const CalendarEvent& e : events) {
        if (e.end < e.start)
            return makeError(fmt::format("calendar: event {} ends before it starts", e.uid));
        icalcomponent_add_component(cal.get(), makeEvent(e, now));
    }
    char* out = icalcomponent_as_ical_string_r(cal.get()); // ours to free
    if (!out) return makeError("calendar: libical could not write the calendar");
    std::string result(out);
    std::free(out);
    return result;
}

Result<std::vector<CalendarEvent>> parseICalendar(std::string_view input) {
    const std::string owned(input);
    Component cal(icalparser_parse_string(owned.c_str()));
    if (!cal || icalcomponent_isa(cal.get()) != ICAL_VCALENDAR_COMPONENT)
        return makeError("calendar: no VCALENDAR in the text");
    std::vector<CalendarEvent> out;
    for (icalcomponent* ev = icalcomponent_get_first_component(cal.get(), ICAL_VEVENT_COMPONENT);
         ev; ev = icalcomponent_get_next_component(cal.get(), ICAL_VEVENT_COMPONENT)) {
        CalendarEvent e;
        e.uid = text(icalcomponent_get_uid(ev));
        if (!icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY))
            return makeError(fmt::format("calendar: event {} has no DTSTART", out.size()));
        e.start = unixTime(icalcomponent_get_dtstart(ev));
        e.end = unixTime(icalcomponent_get_dtend(ev));
        e.summary = text(icalcomponent_get_summary(ev));
        e.location = text(icalcomponent_get_location(ev));
        e.description = text(icalcomponent_get_description(ev));
        e.status = statusFrom(icalcomponent_get_status(ev));
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace fg::calendar
