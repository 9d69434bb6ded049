// Loopback handshake and moderation tests: rejections with readable reasons, credentials and
// roles, kick and ban, organiser-only console, exhibitors acting only for their own booths.
#include "server/store/Store.h"
#include "tests/server_net/TestWorld.h"

using namespace fg;
using namespace fg::test;
using expo::proto::RejectReason;
using expo::proto::Role;

namespace {
RejectReason rejectionOf(TestClient& c) {
    REQUIRE((c.net->state() == netclient::ClientState::Rejected));
    return c.net->rejection().reason;
}
} // namespace

TEST_CASE("handshake rejects bad versions, names, taken names and a full server") {
    server::ServerConfig config;
    config.maxVisitors = 2;
    TestServer srv(config);
    auto first = connectClient(*srv.app, visitor(srv.app->port(), "Alice"));
    REQUIRE((first->net->state() == netclient::ClientState::Joined));
    CHECK((*first)->welcome().tickRate == 20);
    CHECK((*first)->welcome().exhibitionRevision >= 1);

    auto cfg = visitor(srv.app->port(), "Bob");
    cfg.hello.version = 99;
    auto old = connectClient(*srv.app, cfg, {first.get()});
    CHECK((rejectionOf(*old) == RejectReason::VersionMismatch));
    CHECK((*old)->rejection().text.find("protocol") != std::string::npos);

    auto bad = connectClient(*srv.app, visitor(srv.app->port(), " x"), {first.get()});
    CHECK((rejectionOf(*bad) == RejectReason::InvalidName));
    auto taken = connectClient(*srv.app, visitor(srv.app->port(), "ALICE"), {first.get()});
    CHECK((rejectionOf(*taken) == RejectReason::NameTaken));

    auto second = connectClient(*srv.app, visitor(srv.app->port(), "Carol"), {first.get()});
    CHECK((second->net->state() == netclient::ClientState::Joined));
    auto third =
        connectClient(*srv.app, visitor(srv.app->port(), "Dave"), {first.get(), second.get()});
    CHECK((rejectionOf(*third) == RejectReason::Full));
}

TEST_CASE("credentials decide the role and exhibitors act only for their own booths") {
    TestServer srv;
    auto& store = srv.app->store();
    auto acmeToken = store.issueCredential(store::Role::Exhibitor, "acme", "acme staff");
    REQUIRE(acmeToken.ok());

    auto cfg = visitor(srv.app->port(), "Fake");
    cfg.hello.role = Role::Exhibitor;
    cfg.hello.credential = "fgx_0000000000000000000000000000000000000000";
    auto fake = connectClient(*srv.app, cfg);
    CHECK((rejectionOf(*fake) == RejectReason::BadCredentials));

    cfg = visitor(srv.app->port(), "AcmeStaff");
    cfg.hello.role = Role::Organiser; // right token, wrong role
    cfg.hello.credential = acmeToken->token;
    auto wrongRole = connectClient(*srv.app, cfg);
    CHECK((rejectionOf(*wrongRole) == RejectReason::BadCredentials));

    cfg.hello.role = Role::Exhibitor;
    auto staff = connectClient(*srv.app, cfg);
    REQUIRE((staff->net->state() == netclient::ClientState::Joined));
    CHECK((*staff)->welcome().exhibitorId == "acme");
    auto guest = connectClient(*srv.app, visitor(srv.app->port(), "Guest"), {staff.get()});
    Clients all{staff.get(), guest.get()};

    std::uint32_t own = (*staff)->setStaffOnDuty("acme-booth", true);
    std::uint32_t other = (*staff)->setStaffOnDuty("globex-booth", true);
    std::uint32_t byVisitor = (*guest)->setStaffOnDuty("acme-booth", true);
    REQUIRE(pumpUntil(*srv.app, all, [&] {
        return staff->result(own) && staff->result(other) && guest->result(byVisitor);
    }));
    CHECK(staff->result(own)->ok);
    CHECK_FALSE(staff->result(other)->ok);
    CHECK_FALSE(guest->result(byVisitor)->ok);
    // Meetings at another exhibitor's booth: tests/meetings/MeetingsNetTests.cpp.
}

TEST_CASE("chat by scope: hall to the hall, booth to its audience and the sender, direct to two") {
    TestServer srv;
    auto token = srv.app->store().issueCredential(store::Role::Exhibitor, "acme", "staff");
    REQUIRE(token.ok());
    auto cfg = visitor(srv.app->port(), "AcmeStaff");
    cfg.hello.role = Role::Exhibitor;
    cfg.hello.credential = token->token;
    auto staff = connectClient(*srv.app, cfg);
    auto vy = connectClient(*srv.app, visitor(srv.app->port(), "Vy"), {staff.get()});
    auto minh = connectClient(*srv.app, visitor(srv.app->port(), "Minh"), {staff.get(), vy.get()});
    Clients all{staff.get(), vy.get(), minh.get()};
    using expo::proto::ChatReceived;
    using expo::proto::ChatScope;
    auto lines = [](TestClient& c, const std::string& text) {
        std::size_t n = 0;
        for (const ChatReceived& r : c.all<ChatReceived>())
            n += r.text == text;
        return n;
    };
    std::uint32_t hall = (*vy)->chat(ChatScope::Hall, "", 0, "hello hall");
    std::uint32_t booth = (*vy)->chat(ChatScope::Booth, "acme-booth", 0, "hello acme");
    std::uint32_t direct = (*vy)->chat(ChatScope::Direct, "", (*minh)->id(), "hello minh");
    REQUIRE(pumpUntil(*srv.app, all, [&] {
        return vy->result(hall) && vy->result(booth) && vy->result(direct) &&
               lines(*minh, "hello minh") == 1;
    }));
    CHECK(vy->result(hall)->value == 3);
    CHECK(vy->result(booth)->value == 2); // the booth's staff and the sender (not at the booth)
    CHECK(vy->result(direct)->value == 2);
    pumpUntil(*srv.app, all, [&] { return lines(*staff, "hello acme") == 1; });
    for (TestClient* c : all)
        CHECK(lines(*c, "hello hall") == 1);
    CHECK(lines(*staff, "hello acme") == 1);
    CHECK(lines(*vy, "hello acme") == 1);
    CHECK(lines(*minh, "hello acme") == 0);
    CHECK(lines(*vy, "hello minh") == 1);
    CHECK(lines(*staff, "hello minh") == 0);
}

TEST_CASE("a visitor cannot run organiser commands but an organiser can") {
    TestServer srv;
    std::vector<std::string> ran;
    srv.app->setConsoleRunner([&](std::string_view line) -> Result<std::string> {
        ran.emplace_back(line);
        return std::string("ok: ") + std::string(line);
    });
    auto guest = connectClient(*srv.app, visitor(srv.app->port(), "Guest"));
    std::uint32_t req = (*guest)->console("kick 1 spam");
    auto refused = [&] {
        return guest->find<expo::proto::ConsoleResponse>(
            [&](auto& r) { return r.requestId == req; });
    };
    REQUIRE(pumpUntil(*srv.app, {guest.get()}, [&] { return refused() != nullptr; }));
    CHECK_FALSE(refused()->ok);
    CHECK(ran.empty());

    auto token = srv.app->store().issueCredential(store::Role::Organiser, "", "ops");
    REQUIRE(token.ok());
    auto cfg = visitor(srv.app->port(), "Ops");
    cfg.hello.role = Role::Organiser;
    cfg.hello.credential = token->token;
    auto ops = connectClient(*srv.app, cfg, {guest.get()});
    REQUIRE((ops->net->state() == netclient::ClientState::Joined));
    req = (*ops)->console("status");
    REQUIRE(pumpUntil(*srv.app, {guest.get(), ops.get()},
                      [&] { return !ops->all<expo::proto::ConsoleResponse>().empty(); }));
    CHECK(ops->all<expo::proto::ConsoleResponse>().front().ok);
    CHECK(ops->all<expo::proto::ConsoleResponse>().front().output == "ok: status");
    CHECK(ran == std::vector<std::string>{"status"});
}

TEST_CASE("kick removes a visitor and a ban keeps them out") {
    TestServer srv;
    auto a = connectClient(*srv.app, visitor(srv.app->port(), "Spammer"));
    auto b = connectClient(*srv.app, visitor(srv.app->port(), "Witness"), {a.get()});
    Clients all{a.get(), b.get()};
    REQUIRE(srv.app->kick((*a)->id(), "spamming").ok());
    REQUIRE(pumpUntil(*srv.app, all, [&] {
        return a->net->state() == netclient::ClientState::Rejected &&
               srv.app->visitors().size() == 1;
    }));
    CHECK(((*a)->rejection().reason == RejectReason::Kicked));
    CHECK((*a)->rejection().text.find("spamming") != std::string::npos);
    CHECK_FALSE(srv.app->kick(999, "nobody").ok());

    auto again = connectClient(*srv.app, visitor(srv.app->port(), "Spammer"), {b.get()});
    REQUIRE((again->net->state() == netclient::ClientState::Joined));
    REQUIRE(srv.app->store().addBan(store::BanKind::Name, "spammer", std::nullopt, "abuse").ok());
    REQUIRE(srv.app->disconnectBanned((*again)->id(), "abuse").ok());
    REQUIRE(pumpUntil(*srv.app, {b.get(), again.get()},
                      [&] { return again->net->state() == netclient::ClientState::Rejected; }));
    CHECK(((*again)->rejection().reason == RejectReason::Banned));
    auto retry = connectClient(*srv.app, visitor(srv.app->port(), "Spammer"), {b.get()});
    CHECK((rejectionOf(*retry) == RejectReason::Banned));
}

TEST_CASE("a peer that keeps sending garbage is disconnected") {
    TestServer srv;
    auto a = connectClient(*srv.app, visitor(srv.app->port(), "Fuzzer"));
    Clients all{a.get()};
    std::vector<std::uint8_t> junk{0xff, 0xff, 0xff};
    for (int i = 0; i < 20; ++i)
        (*a)->sendBytes(0, junk);
    REQUIRE(pumpUntil(*srv.app, all,
                      [&] { return a->net->state() != netclient::ClientState::Joined; }));
    CHECK(((*a)->rejection().reason == RejectReason::BadData));
    pumpUntil(*srv.app, all, [&] { return srv.app->world().count() == 0; });
    CHECK(srv.app->world().count() == 0);
}

TEST_CASE(
    "refused messages are faults: a visitor who keeps sending organiser commands is removed") {
    TestServer srv;
    auto a = connectClient(*srv.app, visitor(srv.app->port(), "Pretender"));
    Clients all{a.get()};
    for (int i = 0; i < 20; ++i)
        (*a)->console("kick 1 spam");
    REQUIRE(pumpUntil(*srv.app, all,
                      [&] { return a->net->state() != netclient::ClientState::Joined; }));
    CHECK(((*a)->rejection().reason == RejectReason::BadData));
    // Each refusal was still answered while the peer was connected.
    CHECK_FALSE(a->all<expo::proto::ConsoleResponse>().empty());
}

TEST_CASE("with guests off, a visitor needs a valid visitor ticket") {
    server::ServerConfig config;
    config.guests = false;
    TestServer srv(config);
    auto none = connectClient(*srv.app, visitor(srv.app->port(), "NoTicket"));
    CHECK((rejectionOf(*none) == RejectReason::BadCredentials));
    auto ticket = srv.app->store().issueCredential(store::Role::Visitor, "", "day pass");
    REQUIRE(ticket.ok());
    auto cfg = visitor(srv.app->port(), "HasTicket");
    cfg.hello.credential = ticket->token;
    auto with = connectClient(*srv.app, cfg);
    CHECK((with->net->state() == netclient::ClientState::Joined));
    auto exhibitorToken = srv.app->store().issueCredential(store::Role::Exhibitor, "acme", "x");
    REQUIRE(exhibitorToken.ok());
    // The credential decides the role: a visitor Hello with an exhibitor token joins as that
    // exhibitor (it used to be refused as "not a visitor ticket").
    cfg = visitor(srv.app->port(), "Staff");
    cfg.hello.credential = exhibitorToken->token;
    auto staff = connectClient(*srv.app, cfg, {with.get()});
    REQUIRE((staff->net->state() == netclient::ClientState::Joined));
    CHECK(((*staff)->welcome().role == Role::Exhibitor));
    cfg = visitor(srv.app->port(), "WrongKind");
    cfg.hello.credential = "fgx_" + std::string(40, 'a');
    auto wrong = connectClient(*srv.app, cfg, {with.get(), staff.get()});
    CHECK((rejectionOf(*wrong) == RejectReason::BadCredentials));
}

TEST_CASE("a timed mute tells the muted visitor until when and why, and unmute lifts it") {
    TestServer srv;
    auto vy = connectClient(*srv.app, visitor(srv.app->port(), "Vy"));
    Clients one{vy.get()};
    auto muted = srv.app->console().execute("mute Vy 30m flooding the hall");
    REQUIRE_MESSAGE(muted.ok, muted.text);
    std::uint32_t refused = (*vy)->chat(expo::proto::ChatScope::Hall, "", 0, "hello?");
    REQUIRE(pumpUntil(*srv.app, one, [&] { return vy->result(refused) != nullptr; }));
    CHECK_FALSE(vy->result(refused)->ok);
    const std::string& why = vy->result(refused)->text;
    CHECK(why.find("chat: you are muted by the organiser until ") == 0);
    CHECK(why.find(": flooding the hall") != std::string::npos);
    REQUIRE(srv.app->console().execute("unmute Vy").ok);
    std::uint32_t allowed = (*vy)->chat(expo::proto::ChatScope::Hall, "", 0, "sorry");
    REQUIRE(pumpUntil(*srv.app, one, [&] { return vy->result(allowed) != nullptr; }));
    CHECK(vy->result(allowed)->ok);
}
