// The client's personal agenda without a window: stars saved in the profile and kept over a
// restart of the client state, the doors-open reminder once, registration rows from the server's
// messages, times in two named zones, and the .ics export parsed back with the right times.
#include "engine/calendar/Calendar.h"
#include "engine/core/File.h"
#include "engine/core/TimeZone.h"
#include "game/client/ClientFeatures.h"
#include "game/client/agenda/AgendaFeature.h"
#include "tests/store/TempDir.h"

#include <doctest/doctest.h>

using namespace fg;
using namespace fg::client;

namespace {

constexpr UnixSeconds kTen = 1634032800; // 2021-10-12T10:00:00Z

expo::Exhibition exhibition() {
    expo::Exhibition ex;
    ex.event.name = "Test Fair";
    ex.event.timeZone = "Asia/Ho_Chi_Minh";
    ex.halls.push_back(expo::Hall{});
    ex.halls.back().id = "h1";
    ex.halls.back().name = "Hall A";
    ex.halls.back().venues.push_back(
        expo::Venue{"room", "Masterclass room", {}, expo::VenueKind::Room, {0, 0, 10, 10}, 30});
    auto session = [&](const char* id, UnixSeconds start, expo::RegistrationMode mode) {
        expo::Session e;
        e.id = id;
        e.kind = expo::SessionKind::Masterclass;
        e.title = std::string("Session ") + id;
        e.start = start;
        e.end = start + 5400;
        e.venue = "room";
        e.speakers = {{"Sofia Reyes", "Venture Partner", "Seed Fund", "SG", ""}};
        e.description = "Ten slides.";
        e.registration = {mode, mode == expo::RegistrationMode::None ? 0u : 20u};
        ex.sessions.push_back(e);
    };
    session("pitch", kTen, expo::RegistrationMode::Required);
    session("ip", kTen + 86400, expo::RegistrationMode::None);
    session("apis", kTen + 2 * 86400, expo::RegistrationMode::Optional);
    return ex;
}

} // namespace

TEST_CASE("agenda client: stars are saved in the profile and survive a restart of the client") {
    fg::test::TempDir dir("agenda-stars");
    expo::Exhibition ex = exhibition();
    {
        Session s;
        s.ex = &ex;
        s.profile.name = "Linh";
        s.profileFile = dir.path() / "client.json";
        ClientFeatures features(s);
        auto* agenda = features.find<AgendaFeature>();
        REQUIRE(agenda);
        CHECK(features.runAction("agenda-star", {"apis"}));
        CHECK(features.runAction("agenda-star", {"pitch"}));
        CHECK(features.runAction("agenda-star", {"ip"}));
        CHECK(features.runAction("agenda-unstar", {"ip"}));
        CHECK(!features.runAction("agenda-star", {"no-such"}));
        CHECK(agenda->starred("pitch"));
    }
    auto profile = loadProfile(dir.path() / "client.json");
    REQUIRE(profile);
    CHECK(profile->starredSessions == std::vector<std::string>{"apis", "pitch"});
    Session s;
    s.ex = &ex;
    s.profile = *profile;
    ClientFeatures features(s);
    auto* agenda = features.find<AgendaFeature>();
    CHECK(agenda->starred("apis"));
    CHECK(agenda->starred("pitch"));
    CHECK_FALSE(agenda->starred("ip"));
}

TEST_CASE("agenda client: a bad starred_sessions entry is skipped, the profile still loads") {
    fg::test::TempDir dir("agenda-badstars");
    REQUIRE(writeFileAtomic(dir.path() / "client.json",
                            std::string(R"({"name": "Linh", "starred_sessions": ["a", 7, "",)"
                                        R"( "b"]})")));
    auto profile = loadProfile(dir.path() / "client.json");
    REQUIRE(profile);
    CHECK(profile->starredSessions == std::vector<std::string>{"a", "b"});
}

TEST_CASE("agenda client: the reminder comes when a starred session's doors open, once") {
    expo::Exhibition ex = exhibition();
    std::vector<std::string> starred{"apis", "pitch"};
    CHECK(agendaReminderDue(ex, starred, {}, kTen - 601) == nullptr);
    REQUIRE(agendaReminderDue(ex, starred, {}, kTen - 600));
    CHECK(agendaReminderDue(ex, starred, {}, kTen - 600)->id == "pitch");
    CHECK(agendaReminderDue(ex, starred, {"pitch"}, kTen - 300) == nullptr);
    CHECK(agendaReminderDue(ex, starred, {}, kTen + 5400) == nullptr); // ended
    CHECK(agendaReminderDue(ex, {"ip"}, {}, kTen - 300) == nullptr);   // not starred
}

TEST_CASE("agenda client: times in the event's zone and another, each named") {
    const expo::Session e = exhibition().sessions[0];
    CHECK(sessionTimes(e, "Asia/Ho_Chi_Minh") == "2021-10-12 17:00-18:30 +07 (Asia/Ho_Chi_Minh)");
    CHECK(sessionTimes(e, "Europe/Paris") == "2021-10-12 12:00-13:30 CEST (Europe/Paris)");
    CHECK(sessionTimes(e, "America/New_York") == "2021-10-12 06:00-07:30 EDT (America/New_York)");
    CHECK(sessionTimes(e, "Mars/Olympus") == "10:00-11:30 UTC (Mars/Olympus unknown)");
    CHECK_FALSE(tz::zoneExists("../../etc/passwd"));
    CHECK(!tz::inZone(kTen, "Nowhere/City"));
    CHECK(tz::inZone(kTen, "Nowhere/City").error().message ==
          "unknown time zone \"Nowhere/City\" (not in /usr/share/zoneinfo)");
    // A zone whose rules changed: Viet Nam was UTC+08:00 in 1970 and +07 today.
    auto old = tz::inZone(0, "Asia/Ho_Chi_Minh");
    REQUIRE(old);
    CHECK(tz::offsetText(*old) == "UTC+08:00");
    CHECK(tz::offsetText(*tz::inZone(kTen, "America/St_Johns")) == "UTC-02:30");
}

TEST_CASE("agenda client: registration rows follow the server's messages, a promotion is told") {
    expo::Exhibition ex = exhibition();
    Session s;
    s.ex = &ex;
    ClientFeatures features(s);
    auto* agenda = features.find<AgendaFeature>();
    const expo::Session& pitch = ex.sessions[0];
    CHECK(registrationText(pitch, agenda->registration("pitch"), 20) ==
          "registration required: 20 places");
    std::vector<proto::Message> inbox{proto::RegistrationStatus{
        true, {proto::RegistrationInfo{"pitch", proto::RegistrationState::Waiting, 3, 20, 20}}}};
    features.dispatch(inbox);
    CHECK(registrationText(pitch, agenda->registration("pitch"), 20) ==
          "registration required: you are number 3 on the waiting list");
    inbox = {proto::RegistrationStatus{
        false,
        {proto::RegistrationInfo{"pitch", proto::RegistrationState::Confirmed, 0, 20, 20, true}}}};
    features.dispatch(inbox);
    CHECK(registrationText(pitch, agenda->registration("pitch"), 20) ==
          "registration required: you have a place (20 of 20 taken)");
    REQUIRE(!s.toasts.empty());
    CHECK(s.toasts.back().text == "a place freed up: you are registered for \"Session pitch\"");
    inbox = {proto::EntryRefused{"pitch", "registered participants only"}};
    features.dispatch(inbox);
    CHECK(s.toasts.back().text == "registered participants only");
    CHECK(s.toasts.back().error);
    CHECK(registrationText(ex.sessions[1], nullptr, 0).empty());
}

TEST_CASE("agenda client: the .ics export holds the starred sessions with their UTC times") {
    fg::test::TempDir dir("agenda-ics");
    expo::Exhibition ex = exhibition();
    Session s;
    s.ex = &ex;
    ClientFeatures features(s);
    auto* agenda = features.find<AgendaFeature>();
    CHECK(!agenda->exportIcs(false, dir.path() / "none.ics")); // nothing starred yet
    REQUIRE(agenda->star("apis", true));
    REQUIRE(agenda->star("pitch", true));
    auto path = agenda->exportIcs(false, dir.path() / "agenda.ics");
    REQUIRE_MESSAGE(path, (path ? "" : path.error().message));
    auto text = readFileText(*path);
    REQUIRE(text);
    CHECK(text->find("DTSTART:20211012T100000Z\r\n") != std::string::npos);
    auto events = calendar::parseICalendar(*text);
    REQUIRE_MESSAGE(events, (events ? "" : events.error().message));
    REQUIRE(events->size() == 2);
    const calendar::CalendarEvent& apis = (*events)[0];
    CHECK(apis.uid == "session-apis@fairground");
    CHECK(apis.start == kTen + 2 * 86400);
    CHECK(apis.end == kTen + 2 * 86400 + 5400);
    CHECK(apis.summary == "Session apis");
    CHECK(apis.location == "Test Fair, Hall A, Masterclass room");
    CHECK(apis.description == "Ten slides.\nSofia Reyes, Venture Partner (Seed Fund, SG)");
    CHECK((*events)[1].start == kTen);
    // All: every session of the programme.
    CHECK(features.runAction("agenda-export-ics", {"all", (dir.path() / "all.ics").string()}));
    auto all = calendar::parseICalendar(*readFileText(dir.path() / "all.ics"));
    REQUIRE(all);
    CHECK(all->size() == 3);
}

TEST_CASE("agenda client: a session the server says is live raises the \"Live now\" prompt once") {
    expo::Exhibition ex = exhibition();
    Session s;
    s.ex = &ex;
    ClientFeatures features(s);
    auto* agenda = features.find<AgendaFeature>();
    agenda->update();
    CHECK_FALSE(agenda->livePrompt()); // the schedule says 2021: nothing is live
    proto::StageUpdate u;
    u.sessionId = "ip";
    u.state = proto::StageWireState::Scheduled;
    std::vector<proto::Message> inbox{u};
    features.dispatch(inbox);
    agenda->update();
    CHECK_FALSE(agenda->livePrompt());
    u.state = proto::StageWireState::Live; // a moderator started it (the embedded default does)
    inbox = {u};
    features.dispatch(inbox);
    agenda->update();
    REQUIRE(agenda->livePrompt());
    CHECK(*agenda->livePrompt() == "ip");
    // Told once per run: dismissing it and hearing the same state again raises nothing.
    auto dismissed = agenda->runAction("live-now-dismiss", {});
    REQUIRE(dismissed.has_value());
    CHECK(dismissed->ok());
    CHECK_FALSE(agenda->livePrompt());
    inbox = {u};
    features.dispatch(inbox);
    agenda->update();
    CHECK_FALSE(agenda->livePrompt());
}
