// The roundtable slice over loopback: two speakers request the floor, the moderator gives it in
// order, everyone attending (a late joiner too) sees the list; a visitor's request and a lying
// visitor's FloorControl are refused; forums and sessions not live have no list; a restart
// resumes the list and the current speaker; the session's end ends the intervention; the
// console's `session floor`.
#include "server/console/ConsoleCommands.h"
#include "tests/roundtable/RoundtableWorld.h"

using namespace fg;
using namespace fg::test;
using proto::FloorAction;
using proto::FloorControl;
using proto::FloorRequest;
using proto::SpeakingList;

namespace {

// Sends M from C, waits for its ActionResult and returns it.
template <class M>
proto::ActionResult ask(RoundtableServer& srv, TestClient& c, const Clients& all, M m) {
    const std::uint32_t id = c->request(std::move(m));
    REQUIRE(id != 0);
    REQUIRE(pumpUntil(*srv.app, all, [&] { return c.result(id) != nullptr; }));
    return *c.result(id);
}

void walkIn(RoundtableServer& srv, TestClient& c, const Clients& all) {
    c->teleport(proto::TeleportKind::Venue, 0, "room-b");
    REQUIRE(pumpUntil(*srv.app, all, [&] { return latestList(c) != nullptr; }));
}

// Every client in ALL has a list whose current speaker is NAME (empty: nobody).
bool everyoneSees(const Clients& all, const std::string& name) {
    for (TestClient* c : all) {
        const SpeakingList* l = latestList(*c);
        if (!l || l->speaking != !name.empty() || l->current.name != name) return false;
    }
    return true;
}

} // namespace

TEST_CASE("roundtable: speakers request the floor, the moderator gives it in order, everyone "
          "sees the list and the countdown, visitors are refused") {
    RoundtableServer srv;
    auto mod = srv.join("Chair", srv.organiserToken("chair"), {}, proto::Role::Organiser);
    auto ana = srv.join("Minister Ana", srv.invite("rt-1 Ana"), {mod.get()});
    auto bo = srv.join("Minister Bo", srv.invite("rt-1 Bo"), {mod.get(), ana.get()});
    auto vi = srv.join("Vi", "", {mod.get(), ana.get(), bo.get()});
    Clients all{mod.get(), ana.get(), bo.get(), vi.get()};
    for (TestClient* c : all)
        walkIn(srv, *c, all); // arriving, each gets the (empty) list
    CHECK(latestList(*vi)->queue.empty());
    CHECK(latestList(*vi)->secondsPerTurn == 180);

    auto r = ask(srv, *ana, all, FloorRequest{0, kRoundtable, true});
    CHECK_MESSAGE(r.ok, r.text);
    CHECK(r.text == "on the list (1)");
    CHECK(ask(srv, *bo, all, FloorRequest{0, kRoundtable, true}).text == "on the list (2)");
    REQUIRE(pumpUntil(*srv.app, all, [&] { return latestList(*vi)->queue.size() == 2; }));
    CHECK(latestList(*vi)->queue[0] == proto::FloorEntry{ana->net->id(), "Minister Ana"});
    CHECK(latestList(*vi)->queue[1] == proto::FloorEntry{bo->net->id(), "Minister Bo"});

    r = ask(srv, *vi, all, FloorRequest{0, kRoundtable, true});
    CHECK_FALSE(r.ok);
    CHECK(r.text == "floor: only the speakers of session rt-1 take the floor");
    // A visitor whose client claims the moderator's controls.
    r = ask(srv, *vi, all, FloorControl{0, kRoundtable, FloorAction::Next, 0, 0});
    CHECK_FALSE(r.ok);
    CHECK(r.text == "floor: only the moderator of session rt-1 runs the speaking list");
    r = ask(srv, *ana, all, FloorControl{0, kRoundtable, FloorAction::Give, ana->net->id(), 0});
    CHECK_FALSE(r.ok); // a speaker does not moderate either
    CHECK_FALSE(everyoneSees(all, "Minister Ana"));

    r = ask(srv, *mod, all, FloorControl{0, kRoundtable, FloorAction::Next, 0, 0});
    CHECK_MESSAGE(r.ok, r.text);
    CHECK(r.text == "Minister Ana has the floor");
    REQUIRE(pumpUntil(*srv.app, all, [&] { return everyoneSees(all, "Minister Ana"); }));
    const SpeakingList seen = *latestList(*vi);
    CHECK(seen.current.clientId == ana->net->id());
    CHECK(seen.queue == std::vector<proto::FloorEntry>{{bo->net->id(), "Minister Bo"}});
    CHECK(seen.interventions == 1);
    CHECK(seen.remainingMs <= 180000); // the countdown itself is tested on an injected clock

    CHECK(ask(srv, *mod, all, FloorControl{0, kRoundtable, FloorAction::SetTime, 0, 60}).ok);
    r = ask(srv, *mod, all, FloorControl{0, kRoundtable, FloorAction::Next, 0, 0});
    CHECK(r.text == "Minister Bo has the floor");
    REQUIRE(pumpUntil(*srv.app, all, [&] { return everyoneSees(all, "Minister Bo"); }));
    CHECK(latestList(*ana)->secondsPerTurn == 60);
    CHECK(latestList(*ana)->remainingMs <= 60000);
    CHECK(latestList(*ana)->queue.empty());

    // Give out of order, to a speaker who did not ask; and never to a visitor.
    r = ask(srv, *mod, all, FloorControl{0, kRoundtable, FloorAction::Give, vi->net->id(), 0});
    CHECK(r.text == "floor: Vi is not a speaker of session rt-1");
    r = ask(srv, *mod, all, FloorControl{0, kRoundtable, FloorAction::Give, ana->net->id(), 0});
    CHECK(r.text == "Minister Ana has the floor");
    CHECK(ask(srv, *mod, all, FloorControl{0, kRoundtable, FloorAction::AddTime, 0, 30}).ok);

    // A late joiner gets the list on arrival.
    auto late = srv.join("Late", "", all);
    all.push_back(late.get());
    walkIn(srv, *late, all);
    CHECK(latestList(*late)->current.name == "Minister Ana");
    CHECK(latestList(*late)->interventions == 3);
}

TEST_CASE("roundtable: only live roundtables have a speaking list") {
    RoundtableServer srv;
    auto mod = srv.join("Chair", srv.organiserToken("chair"), {}, proto::Role::Organiser);
    Clients all{mod.get()};
    auto r = ask(srv, *mod, all, FloorControl{0, "forum-1", FloorAction::Next, 0, 0});
    CHECK(r.text == "floor: session forum-1 is not a roundtable");
    r = ask(srv, *mod, all, FloorControl{0, "rt-later", FloorAction::Next, 0, 0});
    CHECK(r.text == "floor: session rt-later is not live");
    r = ask(srv, *mod, all, FloorRequest{0, "nope", true});
    CHECK(r.text == "floor: unknown session \"nope\"");
    CHECK_FALSE(srv.run("session floor nope").ok);
    CHECK_FALSE(srv.run("session floor rt-1 time abc").ok);
    CHECK_FALSE(srv.run("session floor rt-1 jump").ok);
    CHECK(srv.run("session floor rt-later next").text == "floor: session rt-later is not live\n");
}

TEST_CASE("roundtable: a restart mid-session resumes the list and the current speaker, the "
          "console runs it") {
    RoundtableServer srv;
    const std::string anaToken = srv.invite("rt-1 Ana"), boToken = srv.invite("rt-1 Bo");
    {
        auto ana = srv.join("Minister Ana", anaToken, {});
        auto bo = srv.join("Minister Bo", boToken, {ana.get()});
        Clients all{ana.get(), bo.get()};
        for (TestClient* c : all)
            walkIn(srv, *c, all);
        REQUIRE(ask(srv, *bo, all, FloorRequest{0, kRoundtable, true}).ok);
        REQUIRE(ask(srv, *ana, all, FloorRequest{0, kRoundtable, true}).ok);
        auto out = srv.run("session floor rt-1 time 240");
        REQUIRE_MESSAGE(out.ok, out.text);
        out = srv.run("session floor rt-1 next");
        CHECK(out.text == "Minister Bo has the floor\n");
        REQUIRE(pumpUntil(*srv.app, all, [&] { return everyoneSees(all, "Minister Bo"); }));
    }
    srv.restart();
    auto ana = srv.join("Minister Ana", anaToken, {});
    Clients all{ana.get()};
    walkIn(srv, *ana, all);
    const SpeakingList* l = latestList(*ana);
    CHECK(l->speaking);
    CHECK(l->current.name == "Minister Bo");
    CHECK(l->current.clientId == 0); // Bo has not come back
    CHECK(l->secondsPerTurn == 240);
    CHECK(l->queue == std::vector<proto::FloorEntry>{{ana->net->id(), "Minister Ana"}});
    CHECK(l->interventions == 1);

    auto json = nlohmann::json::parse(srv.run("session floor rt-1 --json").text);
    CHECK(json["speaker"] == "Minister Bo");
    CHECK(json["queue"][0]["name"] == "Minister Ana");
    CHECK(json["seconds_per_turn"] == 240);
    CHECK(srv.run("session floor rt-1 up Minister Ana").text ==
          "floor: Minister Ana is at the top of the list already\n");
    CHECK(srv.run("session floor rt-1 give Minister Ana").text == "Minister Ana has the floor\n");
    const std::string text = srv.run("session floor rt-1").text;
    CHECK(text.find("floor: Minister Ana (") != std::string::npos);
    CHECK(text.find("(nobody waiting)") != std::string::npos);
    CHECK_FALSE(srv.run("session floor rt-1 up Minister Bo").ok); // not waiting, not here
    CHECK(srv.run("session floor rt-1 add 30").text == "30 s more for Minister Ana\n");

    // The session's end ends the intervention; the list is closed.
    REQUIRE(srv.run("session end rt-1").ok);
    REQUIRE(pumpUntil(*srv.app, all, [&] {
        auto j = nlohmann::json::parse(srv.run("session floor rt-1 --json").text);
        return j["speaker"].is_null();
    }));
    CHECK(srv.run("session floor rt-1 next").text == "floor: session rt-1 is not live\n");
    CHECK(srv.run("session floor rt-1 clear").text == "floor: session rt-1 is not live\n");
}
