// The stage slice over loopback: a moderator starts a session, the presenter pages, 50 attending
// clients show the same page, a visitor who pages is refused, a full venue's newcomers watch from
// the overflow and are counted, a restart resumes the page, the schedule and the console.
#include "tests/programme/StageWorld.h"

#include <doctest/doctest.h>

using namespace fg;
using namespace fg::test;
using namespace fg::expo::proto;

namespace {

bool placedIn(const TestClient& c, const std::string& sessionId, StagePlaceKind kind) {
    const StagePlace* p = latestPlace(c, sessionId);
    return p && p->place == kind;
}

bool showsPage(const TestClient& c, const std::string& sessionId, std::uint32_t page) {
    const StageUpdate* u = latestUpdate(c, sessionId);
    return u && u->page == page && u->state == StageWireState::Live;
}

// COUNT visitors named PREFIX0.. that teleported into the "stage" venue.
std::vector<std::unique_ptr<TestClient>> crowd(StageServer& server, const std::string& prefix,
                                               int count, Clients& all) {
    std::vector<std::unique_ptr<TestClient>> out;
    for (int i = 0; i < count; ++i) {
        out.push_back(connectClient(*server.app,
                                    visitor(server.app->port(), prefix + std::to_string(i)), all));
        all.push_back(out.back().get());
        out.back()->net->teleport(TeleportKind::Venue, 0, "stage");
    }
    return out;
}

} // namespace

TEST_CASE("stage: the moderator starts, the presenter pages, 50 attendees show the same page") {
    StageServer server;
    auto moderator = server.signedIn("Moderator", server.invite("forum-1 --moderator Chair"));
    auto presenter = server.signedIn("Presenter", server.invite("forum-1 Minister"), Role::Visitor,
                                     {moderator.get()});
    Clients all{moderator.get(), presenter.get()};
    // The speakers go on stage (they always enter; they attend too).
    moderator->net->teleport(TeleportKind::Venue, 0, "stage");
    presenter->net->teleport(TeleportKind::Venue, 0, "stage");
    REQUIRE(pumpUntil(*server.app, all, [&] {
        return !presenter->all<StageRoles>().empty() && !moderator->all<StageRoles>().empty();
    }));
    CHECK(presenter->all<StageRoles>().back() == StageRoles{{"forum-1"}, {}});
    CHECK(moderator->all<StageRoles>().back() == StageRoles{{"forum-1"}, {"forum-1"}});
    CHECK(latestUpdate(*presenter, "forum-1")->state == StageWireState::Scheduled);

    const auto r1 = moderator->net->request(StageCommand{0, "forum-1", StageAction::Start});
    REQUIRE(pumpUntil(*server.app, all, [&] { return moderator->result(r1) != nullptr; }));
    CHECK(moderator->result(r1)->ok);
    CHECK(server.json("session status forum-1 --json")[0]["state"] == "live");

    auto bots = crowd(server, "Bot", 50, all);
    REQUIRE(pumpUntil(
        *server.app, all,
        [&] {
            for (auto& b : bots)
                if (!placedIn(*b, "forum-1", StagePlaceKind::Venue)) return false;
            return true;
        },
        15.0));

    const auto r2 = presenter->net->request(StagePage{0, "forum-1", 4});
    REQUIRE(pumpUntil(
        *server.app, all,
        [&] {
            for (auto& b : bots)
                if (!showsPage(*b, "forum-1", 4)) return false;
            return presenter->result(r2) != nullptr;
        },
        10.0));
    CHECK(presenter->result(r2)->ok);

    SUBCASE("a visitor that pages or runs the session is refused") {
        const auto r3 = bots[7]->net->request(StagePage{0, "forum-1", 9});
        const auto r4 = bots[7]->net->request(StageCommand{0, "forum-1", StageAction::End});
        REQUIRE(pumpUntil(*server.app, all,
                          [&] { return bots[7]->result(r3) && bots[7]->result(r4); }));
        CHECK_FALSE(bots[7]->result(r3)->ok);
        CHECK(bots[7]->result(r3)->text == "only the speakers and moderators of 'forum-1' change "
                                           "its slides");
        CHECK_FALSE(bots[7]->result(r4)->ok);
        CHECK(bots[7]->result(r4)->text == "only a moderator of 'forum-1' can run it");
        auto stats = server.json("session stats forum-1 --json");
        CHECK(stats["slide"] == 5);
        CHECK(stats["state"] == "live");
        // A presenter of one session does not page another.
        const auto r5 = presenter->net->request(StagePage{0, "talk-0", 1});
        REQUIRE(pumpUntil(*server.app, all, [&] { return presenter->result(r5) != nullptr; }));
        CHECK_FALSE(presenter->result(r5)->ok);
    }
    SUBCASE("the moderator ends it; everyone hears") {
        CHECK(moderator->net->request(StageCommand{0, "forum-1", StageAction::End}) != 0);
        REQUIRE(pumpUntil(*server.app, all, [&] {
            for (auto& b : bots) {
                const StageUpdate* u = latestUpdate(*b, "forum-1");
                if (!u || u->state != StageWireState::Ended) return false;
                if (!placedIn(*b, "forum-1", StagePlaceKind::None)) return false; // no audience
            }
            return true;
        }));
        auto stats = server.json("session stats forum-1 --json");
        CHECK(stats["attendees"] == 52); // 50 visitors, the presenter and the moderator
        CHECK(stats["peak"] == 52);
        CHECK(stats["questions"] == 0);
    }
}

TEST_CASE("stage: a full venue puts newcomers in the overflow and counts them") {
    StageServer server(5);
    auto org = server.organiser("Organiser");
    Clients all{org.get()};
    server.console("session start forum-1");
    auto people = crowd(server, "Guest", 8, all);
    REQUIRE(pumpUntil(*server.app, all, [&] {
        int in = 0, refused = 0;
        for (auto& p : people) {
            in += placedIn(*p, "forum-1", StagePlaceKind::Venue);
            refused += placedIn(*p, "forum-1", StagePlaceKind::Full);
        }
        return in == 5 && refused == 3;
    }));
    const expo::Rect stage{40, 50, 20, 8};
    for (auto& p : people) {
        if (!placedIn(*p, "forum-1", StagePlaceKind::Full)) continue;
        // Put back where it stood, outside the venue.
        const auto* avatar = server.app->world().find(p->net->id());
        REQUIRE(avatar);
        CHECK(avatar->position.y < stage.z);
        p->net->request(OverflowRequest{0, "forum-1", true});
    }
    REQUIRE(pumpUntil(*server.app, all, [&] {
        for (auto& p : people)
            if (!placedIn(*p, "forum-1", StagePlaceKind::Venue) &&
                !placedIn(*p, "forum-1", StagePlaceKind::Overflow))
                return false;
        const StageUpdate* u = latestUpdate(*org, "forum-1");
        return u && u->inVenue == 5 && u->overflow == 3 && u->attendees == 8;
    }));
    server.console("session slide forum-1 2");
    REQUIRE(pumpUntil(*server.app, all, [&] {
        for (auto& p : people)
            if (!showsPage(*p, "forum-1", 1)) return false;
        return true;
    }));
    auto stats = server.json("session stats forum-1 --json");
    CHECK(stats["attendees"] == 8);
    CHECK(stats["in_venue"] == 5);
    CHECK(stats["overflow"] == 3);
    CHECK(stats["peak"] == 8);

    const auto csv = server.dir / "attendance.csv";
    server.console("session attendance forum-1 --csv " + csv.string());
    auto text = readFileText(csv);
    REQUIRE(text.ok());
    CHECK(text->starts_with("name,role,minutes,first_seen\r\n"));
    CHECK(std::count(text->begin(), text->end(), '\n') == 9);
    CHECK(text->find("Guest7,visitor,") != std::string::npos);

    // One leaves the overflow; the counts follow.
    Clients none;
    for (auto& p : people)
        if (placedIn(*p, "forum-1", StagePlaceKind::Overflow)) {
            p->net->request(OverflowRequest{0, "forum-1", false});
            break;
        }
    REQUIRE(pumpUntil(*server.app, all, [&] {
        const StageUpdate* u = latestUpdate(*org, "forum-1");
        return u && u->overflow == 2;
    }));
}

TEST_CASE("stage: a restart during a live session resumes it on the same page") {
    StageServer server;
    server.console("session start forum-1");
    server.console("session slide forum-1 3");
    {
        auto v = connectClient(*server.app, visitor(server.app->port(), "Early"));
        Clients all{v.get()};
        v->net->teleport(TeleportKind::Venue, 0, "stage");
        REQUIRE(pumpUntil(*server.app, all, [&] { return showsPage(*v, "forum-1", 2); }));
        pumpFor(*server.app, all, 0.5);
    }
    server.restart();
    auto status = server.json("session status forum-1 --json")[0];
    CHECK(status["state"] == "live");
    CHECK(status["page"] == 3);
    CHECK(status["auto"] == false);
    CHECK(server.json("session stats forum-1 --json")["attendees"] == 1);
    auto late = connectClient(*server.app, visitor(server.app->port(), "Late"));
    Clients all{late.get()};
    late->net->teleport(TeleportKind::Venue, 0, "stage");
    REQUIRE(pumpUntil(*server.app, all, [&] {
        return placedIn(*late, "forum-1", StagePlaceKind::Venue) && showsPage(*late, "forum-1", 2);
    }));
}

TEST_CASE("stage: sessions follow their schedule until a moderator takes over") {
    StageServer server;
    auto v = connectClient(*server.app, visitor(server.app->port(), "Ana"));
    Clients all{v.get()};
    REQUIRE(pumpUntil(*server.app, all,
                      [&] { return latestUpdate(*v, "talk-0") && latestUpdate(*v, "forum-1"); }));
    CHECK(latestUpdate(*v, "talk-0")->state == StageWireState::Live);
    CHECK(latestUpdate(*v, "talk-0")->autoSchedule);
    CHECK(latestUpdate(*v, "forum-1")->state == StageWireState::Scheduled);
    // The overflow opens with the doors.
    const auto r1 = v->net->request(OverflowRequest{0, "forum-1", true});
    const auto r2 = v->net->request(OverflowRequest{0, "talk-0", true});
    REQUIRE(pumpUntil(*server.app, all, [&] { return v->result(r1) && v->result(r2); }));
    CHECK_FALSE(v->result(r1)->ok);
    CHECK(v->result(r2)->ok);
    CHECK(placedIn(*v, "talk-0", StagePlaceKind::Overflow));
    server.console("session end talk-0");
    REQUIRE(pumpUntil(*server.app, all,
                      [&] { return latestUpdate(*v, "talk-0")->state == StageWireState::Ended; }));
    server.console("session auto talk-0 on");
    REQUIRE(pumpUntil(*server.app, all,
                      [&] { return latestUpdate(*v, "talk-0")->state == StageWireState::Live; }));
}

TEST_CASE("stage: console verbs refuse bad input with the reason") {
    StageServer server;
    auto run = [&](const std::string& line) { return server.app->console().execute(line); };
    auto r = run("session start nope");
    CHECK_FALSE(r.ok);
    CHECK(r.text == "session start: no session 'nope'\n");
    r = run("session slide forum-1 x");
    CHECK_FALSE(r.ok);
    CHECK(r.text == "session slide: \"x\" is not a page number (1, 2, ...)\n");
    r = run("session slide forum-1 0");
    CHECK_FALSE(r.ok);
    r = run("session frobnicate forum-1");
    CHECK_FALSE(r.ok);
    CHECK(r.text.find("expected one of:") != std::string::npos);
    r = run("session stats forum-1 --bogus");
    CHECK_FALSE(r.ok);
    r = run("session attendance forum-1");
    CHECK_FALSE(r.ok);
    r = run("invite speaker nope");
    CHECK_FALSE(r.ok);
    CHECK(r.text == "invite speaker: unknown session \"nope\"\n");
    r = run("session end forum-1");
    CHECK(r.ok);
    r = run("session end forum-1");
    CHECK_FALSE(r.ok);
    CHECK(r.text == "session end: 'forum-1' has ended\n");
    CHECK(run("session").text.find("start") != std::string::npos);
    CHECK(run("credentials").text.find("speaker") == std::string::npos);
    server.invite("forum-1,talk-0 Two sessions");
    CHECK(run("credentials").text.find("speaker forum-1,talk-0: Two sessions") !=
          std::string::npos);
}
