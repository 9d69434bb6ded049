// Meeting hours: clock text, days, slots and their problems (the exhibition file's rules for
// booths[].meetings, and the server's for an exhibitor's own setting). No I/O.
#include "game/expo/MeetingHours.h"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace fg::expo {
namespace {

constexpr UnixSeconds kDay = 86400;

void checkDays(const MeetingHours& h, const Event& event, std::vector<MeetingHoursProblem>& out) {
    if (h.days.size() > kMaxMeetingDays)
        out.push_back({"days", fmt::format("at most {} days", kMaxMeetingDays),
                       fmt::format("{} days", h.days.size())});
    std::set<UnixSeconds> seen;
    for (std::size_t i = 0; i < h.days.size(); ++i) {
        const std::string key = fmt::format("days[{}]", i);
        const std::string found = "\"" + formatDate(h.days[i]) + "\"";
        if (h.days[i] < event.opens || h.days[i] > event.closes)
            out.push_back({key,
                           fmt::format("a day of the event, {} to {}", formatDate(event.opens),
                                       formatDate(event.closes)),
                           found});
        else if (!seen.insert(h.days[i]).second)
            out.push_back({key, "a day not already listed", found});
    }
}

} // namespace

bool isMeetingSlotLength(int minutes) {
    return minutes == 15 || minutes == 30 || minutes == 45 || minutes == 60;
}

Result<int> parseClock(std::string_view t) {
    auto digit = [&](std::size_t i) { return t[i] >= '0' && t[i] <= '9'; };
    if (t.size() != 5 || t[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4))
        return makeError(fmt::format("expected a time of day HH:MM, found \"{}\"", t));
    const int hours = (t[0] - '0') * 10 + (t[1] - '0');
    const int minutes = (t[3] - '0') * 10 + (t[4] - '0');
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0))
        return makeError(fmt::format("expected a time of day 00:00 to 24:00, found \"{}\"", t));
    return hours * 60 + minutes;
}

std::string clockText(int minutes) {
    return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

std::vector<UnixSeconds> meetingDays(const MeetingHours& h, const Event& event) {
    std::vector<UnixSeconds> days = h.days;
    if (days.empty())
        for (UnixSeconds d = event.opens; d <= event.closes && days.size() < kMaxMeetingDays;
             d += kDay)
            days.push_back(d);
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return days;
}

std::vector<UnixSeconds> meetingSlotStarts(const MeetingHours& h, const Event& event) {
    std::vector<UnixSeconds> out;
    if (!isMeetingSlotLength(h.slotMinutes)) return out; // a broken setting makes no slots
    for (UnixSeconds day : meetingDays(h, event))
        for (int m = h.fromMinute; m + h.slotMinutes <= h.toMinute; m += h.slotMinutes)
            out.push_back(day + UnixSeconds(m) * 60);
    return out;
}

bool isMeetingSlot(const MeetingHours& h, const Event& event, UnixSeconds start) {
    const auto slots = meetingSlotStarts(h, event);
    return std::binary_search(slots.begin(), slots.end(), start);
}

std::string MeetingHoursProblem::toString() const {
    return fmt::format("{}: expected {}, found {}", key, expected, found);
}

std::vector<MeetingHoursProblem> checkMeetingHours(const MeetingHours& h, const Event& event) {
    std::vector<MeetingHoursProblem> out;
    if (!isMeetingSlotLength(h.slotMinutes))
        out.push_back({"slot_minutes", "15, 30, 45 or 60", std::to_string(h.slotMinutes)});
    if (h.tables < 1 || h.tables > kMaxMeetingTables)
        out.push_back(
            {"tables", fmt::format("1 to {}", kMaxMeetingTables), std::to_string(h.tables)});
    if (h.fromMinute < 0 || h.fromMinute >= 24 * 60)
        out.push_back({"from", "a time of day 00:00 to 23:59", std::to_string(h.fromMinute)});
    else if (h.toMinute > 24 * 60 ||
             h.toMinute < h.fromMinute + (isMeetingSlotLength(h.slotMinutes) ? h.slotMinutes : 1))
        out.push_back({"to",
                       fmt::format("a time at least one slot ({} min) after from \"{}\", at most "
                                   "24:00",
                                   h.slotMinutes, clockText(h.fromMinute)),
                       h.toMinute >= 0 && h.toMinute <= 24 * 60
                           ? "\"" + clockText(h.toMinute) + "\""
                           : std::to_string(h.toMinute)});
    checkDays(h, event, out);
    return out;
}

proto::MeetingHoursInfo meetingHoursInfo(const std::optional<MeetingHours>& hours) {
    proto::MeetingHoursInfo out;
    if (!hours) return out;
    out.open = true;
    out.days.assign(hours->days.begin(), hours->days.end());
    out.fromMinute = std::uint32_t(std::clamp(hours->fromMinute, 0, 24 * 60));
    out.toMinute = std::uint32_t(std::clamp(hours->toMinute, 0, 24 * 60));
    out.slotMinutes = std::uint32_t(std::clamp(hours->slotMinutes, 15, 60));
    out.tables = std::uint32_t(std::clamp(hours->tables, 1, kMaxMeetingTables));
    return out;
}

std::optional<MeetingHours> meetingHoursFrom(const proto::MeetingHoursInfo& info) {
    if (!info.open) return std::nullopt;
    MeetingHours h;
    h.days.assign(info.days.begin(), info.days.end());
    h.fromMinute = int(info.fromMinute);
    h.toMinute = int(info.toMinute);
    h.slotMinutes = int(info.slotMinutes);
    h.tables = int(info.tables);
    return h;
}

} // namespace fg::expo
