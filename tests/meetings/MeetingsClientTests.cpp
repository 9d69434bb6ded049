// The client's side of meetings without a window: groups, reminders 5 minutes before, free
// slots for me, and the .ics export read back with libical (DTSTART, DTEND, SUMMARY, LOCATION).
#include "engine/calendar/Calendar.h"
#include "engine/core/File.h"
#include "game/client/ClientFeatures.h"
#include "game/client/meetings/MeetingsFeature.h"
#include "tests/store/TempDir.h"

#include <doctest/doctest.h>

using namespace fg;
using namespace fg::client;
using proto::MeetingInfo;
using proto::MeetingState;

namespace {

constexpr UnixSeconds kTen = 1634032800; // 2021-10-12T10:00:00Z

MeetingInfo info(std::uint64_t id, MeetingState state, UnixSeconds start, bool asHost = false) {
    return MeetingInfo{id, "b-001", "Linh", start, 30, state, asHost, "5G", ""};
}

expo::Exhibition exhibition() {
    expo::Exhibition ex;
    ex.event.name = "Test Fair";
    ex.halls.push_back(expo::Hall{});
    ex.halls.back().id = "h1";
    ex.halls.back().name = "Hall A";
    ex.exhibitors.push_back(expo::Exhibitor{});
    ex.exhibitors.back().id = "acme";
    ex.exhibitors.back().name = "Acme";
    ex.booths.push_back(expo::Booth{});
    ex.booths.back().id = "b-001";
    ex.booths.back().exhibitor = "acme";
    ex.booths.back().hall = "h1";
    return ex;
}

} // namespace

TEST_CASE("meetings client: upcoming, pending and past") {
    CHECK(meetingGroup(info(1, MeetingState::Accepted, kTen), kTen - 60) == MeetingGroup::Upcoming);
    CHECK(meetingGroup(info(1, MeetingState::Requested, kTen), kTen - 60) == MeetingGroup::Pending);
    CHECK(meetingGroup(info(1, MeetingState::Proposed, kTen), kTen - 60) == MeetingGroup::Pending);
    CHECK(meetingGroup(info(1, MeetingState::Declined, kTen), kTen - 60) == MeetingGroup::Past);
    CHECK(meetingGroup(info(1, MeetingState::Accepted, kTen), kTen + 1800) == MeetingGroup::Past);
    CHECK(meetingWhen(kTen, 45) == "2021-10-12 10:00-10:45 UTC");
    CHECK(meetingWhen(kTen, 45, "Asia/Ho_Chi_Minh", "Europe/Paris") ==
          "2021-10-12 17:00-17:45 +07 (Asia/Ho_Chi_Minh) / 2021-10-12 12:00-12:45 CEST "
          "(Europe/Paris)");
    CHECK(meetingWhen(kTen, 45, "Asia/Ho_Chi_Minh", "Asia/Ho_Chi_Minh") ==
          "2021-10-12 17:00-17:45 +07 (Asia/Ho_Chi_Minh)");
}

TEST_CASE("meetings client: the reminder comes 5 minutes before an accepted meeting, once") {
    CHECK_FALSE(reminderDue(info(1, MeetingState::Accepted, kTen), kTen - 301));
    CHECK(reminderDue(info(1, MeetingState::Accepted, kTen), kTen - 300));
    CHECK(reminderDue(info(1, MeetingState::Accepted, kTen), kTen - 1));
    CHECK_FALSE(reminderDue(info(1, MeetingState::Accepted, kTen), kTen));
    CHECK_FALSE(reminderDue(info(1, MeetingState::Requested, kTen), kTen - 60));

    expo::Exhibition ex = exhibition();
    Session s;
    s.ex = &ex;
    ClientFeatures features(s);
    auto* meetings = features.find<MeetingsFeature>();
    REQUIRE(meetings);
    std::vector<proto::Message> inbox{proto::MeetingList{{info(4, MeetingState::Accepted, kTen)}}};
    features.dispatch(inbox);
    meetings->checkReminders(kTen - 400);
    CHECK_FALSE(meetings->reminder());
    meetings->checkReminders(kTen - 240);
    REQUIRE(meetings->reminder());
    CHECK(*meetings->reminder() == 4);
    REQUIRE(s.toasts.size() == 1);
    CHECK(s.toasts[0].text == "meeting at booth b-001 in 4 min");
    meetings->checkReminders(kTen - 200); // once only
    CHECK(s.toasts.size() == 1);
}

TEST_CASE("meetings client: a slot is free for me unless full or I hold another meeting then") {
    proto::MeetingSlots slots{0, "b-002", proto::MeetingHoursInfo{true, {}, 540, 720, 30, 2}, {}};
    std::map<std::uint64_t, MeetingInfo> mine{{1, info(1, MeetingState::Requested, kTen)}};
    CHECK(slotRefusal(slots, {kTen, 2}, {}) == std::optional<std::string>("full"));
    CHECK(slotRefusal(slots, {kTen - 900, 1}, mine) ==
          std::optional<std::string>("you have a meeting then (booth b-001)"));
    CHECK_FALSE(slotRefusal(slots, {kTen + 1800, 1}, mine));
    mine[1].state = MeetingState::Cancelled;
    CHECK_FALSE(slotRefusal(slots, {kTen, 1}, mine));
    mine[1] = info(1, MeetingState::Requested, kTen, true); // the booth's own meeting: not mine
    CHECK_FALSE(slotRefusal(slots, {kTen, 1}, mine));
}

TEST_CASE("meetings client: the .ics export parses back with the meeting's times and place") {
    fg::test::TempDir dir("meetings-ics");
    expo::Exhibition ex = exhibition();
    Session s;
    s.ex = &ex;
    ClientFeatures features(s);
    auto* meetings = features.find<MeetingsFeature>();
    std::vector<proto::Message> inbox{proto::MeetingList{
        {info(4, MeetingState::Accepted, kTen), info(5, MeetingState::Proposed, kTen + 3600, true),
         info(6, MeetingState::Declined, kTen + 7200)}}};
    features.dispatch(inbox);
    auto path = meetings->exportIcs(dir.path() / "mine.ics");
    REQUIRE_MESSAGE(path, (path ? "" : path.error().message));
    auto text = readFileText(*path);
    REQUIRE(text);
    CHECK(text->find("BEGIN:VCALENDAR\r\n") == 0);
    CHECK(text->find("DTSTART:20211012T100000Z\r\n") != std::string::npos);
    CHECK(text->find("DTEND:20211012T103000Z\r\n") != std::string::npos);
    auto events = calendar::parseICalendar(*text);
    REQUIRE_MESSAGE(events, (events ? "" : events.error().message));
    REQUIRE(events->size() == 2); // the declined one is not in the calendar
    const calendar::CalendarEvent& e = (*events)[0];
    CHECK(e.uid == "meeting-4-visitor@fairground");
    CHECK(e.start == kTen);
    CHECK(e.end == kTen + 1800);
    CHECK(e.summary == "Meeting at Acme");
    CHECK(e.location == "Test Fair, Hall A, booth b-001");
    CHECK(e.description == "5G");
    CHECK(e.status == calendar::EventStatus::Confirmed);
    CHECK((*events)[1].summary == "Meeting with Linh (Acme)");
    CHECK((*events)[1].status == calendar::EventStatus::Tentative);
    CHECK((*events)[1].start == kTen + 3600);
}

TEST_CASE("calendar: text with commas and line breaks survives and bad input is an error") {
    calendar::CalendarEvent e{"x-1@test",
                              kTen,
                              kTen + 900,
                              "Talk, then; lunch",
                              "Hall B\\C",
                              "line one\nline two",
                              calendar::EventStatus::Cancelled};
    auto text = calendar::toICalendar({e}, "-//Test//EN");
    REQUIRE(text);
    auto back = calendar::parseICalendar(*text);
    REQUIRE(back);
    REQUIRE(back->size() == 1);
    CHECK((*back)[0] == e);
    CHECK_FALSE(calendar::parseICalendar("not a calendar"));
    CHECK_FALSE(calendar::toICalendar({calendar::CalendarEvent{"y", 10, 5}}, "-//Test//EN"));
}
