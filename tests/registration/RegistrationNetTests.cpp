// The agenda slice over loopback: places and a waiting list promoted in order (the promoted
// person is told), one registration per person across client keys, guests refused for
// "required", and a lying client that walks or teleports into the room unregistered is refused
// with the reason while a registered one and an organiser get in; console `session registrations`.
#include "engine/core/File.h"
#include "server/console/ConsoleCommands.h"
#include "tests/registration/RegistrationWorld.h"

using namespace fg;
using namespace fg::test;
using proto::RegistrationInfo;
using proto::RegistrationState;

namespace {

proto::ActionResult ask(server::ServerApp& srv, TestClient& c, const Clients& all,
                        const std::string& session, bool cancel = false) {
    const std::uint32_t id = c->request(proto::RegistrationRequest{0, session, cancel});
    REQUIRE(id != 0);
    REQUIRE(pumpUntil(srv, all, [&] { return c.result(id) != nullptr; }));
    return *c.result(id);
}

// The newest registration entry C was told for SESSION (null before any).
const RegistrationInfo* latest(const TestClient& c, const std::string& session) {
    const RegistrationInfo* found = nullptr;
    for (const auto& m : c.inbox)
        if (auto* st = std::get_if<proto::RegistrationStatus>(&m))
            for (const RegistrationInfo& e : st->entries)
                if (e.sessionId == session) found = &e;
    return found;
}

std::string run(server::ServerApp& app, const std::string& line) {
    auto result = app.console().execute(line);
    INFO(line << ": " << result.text);
    CHECK(result.ok);
    return result.text;
}

glm::vec2 serverPosition(server::ServerApp& app, TestClient& c) {
    return app.world().find(c->id())->position;
}

// Steps C from the spawn (50, 5) to (50, 7.5) at walking pace, then sends one step into the
// room (50, 8.6): returns whether the server accepted it.
bool walkIn(server::ServerApp& app, TestClient& c, const Clients& all) {
    pumpFor(app, all, 0.6);
    c->sendInput({50.0f, 7.5f}, 0, proto::Anim::Walk);
    pumpUntil(app, all, [&] { return serverPosition(app, c).y > 7.4f; });
    REQUIRE(serverPosition(app, c).y > 7.4f);
    pumpFor(app, all, 0.3);
    c->sendInput({50.0f, 8.6f}, 0, proto::Anim::Walk);
    pumpUntil(
        app, all, [&] { return serverPosition(app, c).y > 8.5f; }, 1.0);
    return serverPosition(app, c).y > 8.5f;
}

} // namespace

TEST_CASE("registration: two places, then a waiting list promoted in order, the promoted person "
          "is told, it all survives a server restart") {
    RegistrationServer srv;
    std::vector<std::unique_ptr<TestClient>> people;
    Clients all;
    for (const char* name : {"Ana", "Ben", "Chi", "Dan"}) {
        people.push_back(srv.holder(name, srv.ticket(), std::string("key-") + name, all));
        all.push_back(people.back().get());
    }
    REQUIRE(pumpUntil(*srv.app, all, [&] {
        for (auto* c : all)
            if (!c->find<proto::RegistrationStatus>(
                    [](const proto::RegistrationStatus& s) { return s.complete; }))
                return false;
        return true;
    }));
    CHECK(ask(*srv.app, *people[0], all, "mc").text == "registered for \"Masterclass: pitching\"");
    CHECK(ask(*srv.app, *people[1], all, "mc").ok);
    auto chi = ask(*srv.app, *people[2], all, "mc");
    CHECK(chi.ok);
    CHECK(chi.text == "on the waiting list of \"Masterclass: pitching\" at position 1");
    CHECK(ask(*srv.app, *people[3], all, "mc").ok);
    REQUIRE(latest(*people[3], "mc"));
    CHECK((latest(*people[3], "mc")->state == RegistrationState::Waiting));
    CHECK(latest(*people[3], "mc")->position == 2);
    CHECK(latest(*people[0], "mc")->capacity == 2);

    // Ana cancels: Chi (first in line) gets the place and is told; Dan moves up to 1.
    CHECK(ask(*srv.app, *people[0], all, "mc", true).ok);
    REQUIRE(pumpUntil(*srv.app, all, [&] {
        auto* c = latest(*people[2], "mc");
        auto* d = latest(*people[3], "mc");
        return c && c->promoted && d && d->position == 1;
    }));
    CHECK((latest(*people[2], "mc")->state == RegistrationState::Confirmed));
    CHECK((latest(*people[0], "mc")->state == RegistrationState::None));
    // Ben cancels: Dan is promoted.
    CHECK(ask(*srv.app, *people[1], all, "mc", true).ok);
    REQUIRE(pumpUntil(*srv.app, all, [&] {
        auto* d = latest(*people[3], "mc");
        return d && d->promoted && d->state == RegistrationState::Confirmed;
    }));
    // Cancelling again is refused with the reason.
    auto again = ask(*srv.app, *people[1], all, "mc", true);
    CHECK(!again.ok);
    CHECK(again.text == "session \"mc\": not registered");

    const std::string table = run(*srv.app, "session registrations mc");
    CHECK(table.find("2 of 2 places taken") != std::string::npos);
    CHECK(table.find("Chi") < table.find("Dan"));
    CHECK(table.find("Ana") == std::string::npos);
    const auto csv = srv.dir / "mc.csv";
    run(*srv.app, "session registrations mc --csv " + csv.string());
    auto text = readFileText(csv);
    REQUIRE(text);
    CHECK(text->starts_with("position,name,person,status,registered_utc\r\n1,Chi,ticket:"));
    CHECK(text->find("2,Dan,ticket:") != std::string::npos);
    CHECK(!srv.app->console().execute("session registrations nope").ok);

    // After a restart Dan's place is still there: the list on join says so.
    for (auto& p : people)
        (*p)->disconnect();
    people.clear();
    srv.restart();
    auto code = srv.ticket(); // a newcomer joins the (now empty) waiting list
    auto eve = srv.holder("Eve", code, "key-eve");
    Clients one{eve.get()};
    auto r = ask(*srv.app, *eve, one, "mc");
    CHECK(r.text == "on the waiting list of \"Masterclass: pitching\" at position 1");
}

TEST_CASE("registration: one per person across client keys, guests may not register for a "
          "required session but may for an optional one") {
    RegistrationServer srv;
    const std::string code = srv.ticket();
    auto laptop = srv.holder("Lan", code, "laptop-key");
    auto phone = srv.holder("Lan on the phone", code, "phone-key", {laptop.get()});
    auto guest =
        connectClient(*srv.app, visitor(srv.app->port(), "Guest"), {laptop.get(), phone.get()});
    Clients all{laptop.get(), phone.get(), guest.get()};
    CHECK(ask(*srv.app, *laptop, all, "mc").ok);
    CHECK(ask(*srv.app, *phone, all, "mc").ok); // the same place, not a second one
    // Both of Lan's clients are told.
    REQUIRE(pumpUntil(*srv.app, all, [&] { return latest(*phone, "mc") != nullptr; }));
    CHECK((latest(*phone, "mc")->state == RegistrationState::Confirmed));
    CHECK(latest(*phone, "mc")->confirmed == 1);
    const std::string table = run(*srv.app, "session registrations mc");
    CHECK(table.find("1 of 2 places taken") != std::string::npos);

    auto refused = ask(*srv.app, *guest, all, "mc");
    CHECK(!refused.ok);
    CHECK(refused.text == "session \"mc\" requires registration with a ticket or credential: "
                          "guests cannot register");
    CHECK(ask(*srv.app, *guest, all, "opt").ok);
    // The optional session's one place is the guest's: Lan waits.
    auto waits = ask(*srv.app, *laptop, all, "opt");
    CHECK(waits.text == "on the waiting list of \"Open forum\" at position 1");
    CHECK(!ask(*srv.app, *guest, all, "no-such").ok);
}

TEST_CASE("registration: a lying client that walks or teleports into a required room "
          "unregistered is refused with the reason, registered people and organisers get in") {
    RegistrationServer srv;
    auto liar = srv.holder("Liar", srv.ticket(), "liar-key");
    auto member = srv.holder("Member", srv.ticket(), "member-key", {liar.get()});
    Clients all{liar.get(), member.get()};
    CHECK(ask(*srv.app, *member, all, "mc").ok);

    CHECK(!walkIn(*srv.app, *liar, all));
    REQUIRE(pumpUntil(*srv.app, all, [&] {
        return liar->find<proto::EntryRefused>(
                   [](const proto::EntryRefused& e) { return e.sessionId == "mc"; }) != nullptr;
    }));
    const auto* refused =
        liar->find<proto::EntryRefused>([](const proto::EntryRefused&) { return true; });
    CHECK(refused->reason == "\"Masterclass: pitching\" is for registered participants only: "
                             "register in the agenda (a place, or the waiting list)");
    CHECK(serverPosition(*srv.app, *liar).y < 8.0f);
    // A teleport into the venue is undone: the liar stays outside.
    (*liar)->teleport(proto::TeleportKind::Venue, 0, "class-room");
    pumpFor(*srv.app, all, 0.3);
    CHECK(serverPosition(*srv.app, *liar).y < 8.0f);

    CHECK(walkIn(*srv.app, *member, all));
    // An organiser is staff: no registration needed.
    auto token = srv.app->store().issueCredential(store::Role::Organiser, "", "Org");
    REQUIRE(token.ok());
    auto cfg = visitor(srv.app->port(), "Org");
    cfg.hello.role = proto::Role::Organiser;
    cfg.hello.credential = token->token;
    auto org = connectClient(*srv.app, cfg, all);
    all.push_back(org.get());
    (*org)->teleport(proto::TeleportKind::Venue, 0, "class-room");
    CHECK(pumpUntil(*srv.app, all, [&] { return serverPosition(*srv.app, *org).y > 8.0f; }));

    // Once the liar registers (the room has a second place), the door opens.
    CHECK(ask(*srv.app, *liar, all, "mc").text == "registered for \"Masterclass: pitching\"");
    (*liar)->teleport(proto::TeleportKind::Venue, 0, "class-room");
    CHECK(pumpUntil(*srv.app, all, [&] { return serverPosition(*srv.app, *liar).y > 8.0f; }));
}
