// An organiser's client moderates over loopback: kick, timed mute, unmute and ban reach the
// target through the console's code; announcements; the heat map goes to organisers only; a
// visitor or exhibitor client that sends an organiser's message is refused.
#include "tests/moderation/ModerationFixture.h"

using namespace fg;
using namespace fg::test;
using proto::ModerationAction;
using proto::ModerationVerb;
using store::Role;

TEST_CASE("moderation: an organiser's client mutes for a while, unmutes, kicks and bans") {
    TestServer srv;
    server::ServerApp& app = *srv.app;
    auto org = connectClient(app, signedIn(app, "Boss", Role::Organiser));
    REQUIRE(((*org)->state() == netclient::ClientState::Joined));
    auto vy = connectClient(app, visitor(app.port(), "Vy"), {org.get()});
    auto minh = connectClient(app, visitor(app.port(), "Minh"), {org.get(), vy.get()});
    Clients all{org.get(), vy.get(), minh.get()};

    auto muted = ask(app, *org, all,
                     ModerationAction{0, ModerationVerb::Mute, (*vy)->id(), 600, "calm down"}, 100);
    CHECK_MESSAGE(muted.ok, muted.text);
    CHECK(muted.text.starts_with("muted \"Vy\" until "));
    CHECK(muted.text.find("calm down") != std::string::npos);
    CHECK(*app.store().isMuted("Vy", "key-Vy"));
    std::uint32_t refused = (*vy)->chat(proto::ChatScope::Hall, "", 0, "hello?");
    REQUIRE(pumpUntil(app, all, [&] { return vy->result(refused) != nullptr; }));
    CHECK_FALSE(vy->result(refused)->ok);
    CHECK(vy->result(refused)->text.find("calm down") != std::string::npos);

    auto unmuted =
        ask(app, *org, all, ModerationAction{0, ModerationVerb::Unmute, (*vy)->id(), 0, ""}, 101);
    CHECK_MESSAGE(unmuted.ok, unmuted.text);
    say(app, *vy, all, "thanks");

    auto kicked = ask(app, *org, all,
                      ModerationAction{0, ModerationVerb::Kick, (*minh)->id(), 0, "be nice"}, 102);
    CHECK_MESSAGE(kicked.ok, kicked.text);
    CHECK(kicked.text.find("kicked #") == 0);
    REQUIRE(pumpUntil(app, all, [&] {
        return (*minh)->state() == netclient::ClientState::Rejected ||
               (*minh)->state() == netclient::ClientState::Disconnected;
    }));
    CHECK(((*minh)->rejection().reason == proto::RejectReason::Kicked));
    CHECK((*minh)->rejection().text.find("be nice") != std::string::npos);

    Clients two{org.get(), vy.get()};
    auto banned = ask(app, *org, two,
                      ModerationAction{0, ModerationVerb::Ban, (*vy)->id(), 3600, "spam"}, 103);
    CHECK_MESSAGE(banned.ok, banned.text);
    CHECK(banned.text.find("until") != std::string::npos);
    REQUIRE(pumpUntil(app, two, [&] { return (*vy)->state() != netclient::ClientState::Joined; }));
    CHECK(((*vy)->rejection().reason == proto::RejectReason::Banned));
    auto again = connectClient(app, visitor(app.port(), "Vy"), {org.get()});
    CHECK(((*again)->state() != netclient::ClientState::Joined));
    CHECK(((*again)->rejection().reason == proto::RejectReason::Banned));

    // Someone who is not connected cannot be acted on from the client.
    auto gone =
        ask(app, *org, {org.get()}, ModerationAction{0, ModerationVerb::Kick, 999, 0, ""}, 104);
    CHECK_FALSE(gone.ok);
    CHECK(gone.text.find("kick:") == 0);
}

TEST_CASE("moderation: an organiser announces to a hall or to everyone from the client") {
    TestServer srv;
    server::ServerApp& app = *srv.app;
    auto org = connectClient(app, signedIn(app, "Boss", Role::Organiser));
    auto vy = connectClient(app, visitor(app.port(), "Vy"), {org.get()});
    Clients all{org.get(), vy.get()};
    auto hall = ask(app, *org, all, proto::AnnounceRequest{0, "main", "Doors close at six"}, 7);
    CHECK_MESSAGE(hall.ok, hall.text);
    auto everyone = ask(app, *org, all, proto::AnnounceRequest{0, "", "Welcome all"}, 8);
    CHECK(everyone.ok);
    auto unknown = ask(app, *org, all, proto::AnnounceRequest{0, "attic", "hello"}, 9);
    CHECK_FALSE(unknown.ok);
    CHECK(unknown.text == "announce: unknown hall \"attic\" (try 'status')");
    REQUIRE(pumpUntil(app, all, [&] { return vy->all<proto::Announcement>().size() == 2; }));
    CHECK(vy->all<proto::Announcement>()[0].text == "Doors close at six");
    CHECK(vy->all<proto::Announcement>()[1].text == "Welcome all");
}

TEST_CASE("moderation: visitor and exhibitor clients that send organiser messages are refused") {
    TestServer srv;
    server::ServerApp& app = *srv.app;
    auto vy = connectClient(app, visitor(app.port(), "Vy"));
    auto exh = connectClient(app, signedIn(app, "Acme staff", Role::Exhibitor, "acme"), {vy.get()});
    REQUIRE(((*exh)->state() == netclient::ClientState::Joined));
    Clients all{vy.get(), exh.get()};
    const std::string why = "only an organiser may do this";

    auto kick =
        ask(app, *vy, all, ModerationAction{0, ModerationVerb::Kick, (*exh)->id(), 0, ""}, 1);
    CHECK_FALSE(kick.ok);
    CHECK(kick.text == why);
    auto ban = ask(app, *exh, all, ModerationAction{0, ModerationVerb::Ban, (*vy)->id(), 0, ""}, 2);
    CHECK(ban.text == why);
    CHECK(ask(app, *vy, all, proto::AnnounceRequest{0, "", "I am the organiser"}, 3).text == why);
    CHECK(ask(app, *exh, all, proto::ApprovalDecision{0, "acme-booth", true, ""}, 4).text == why);
    CHECK(ask(app, *vy, all, proto::ApprovalQueueRequest{}, 5).text == why);
    CHECK(ask(app, *exh, all, proto::ReportListRequest{}, 6).text == why);
    CHECK(
        ask(app, *vy, all, proto::ReportDecision{0, 1, proto::ReportVerdict::Dismiss, 0}, 7).text ==
        why);
    CHECK(ask(app, *exh, all, proto::ChatDelete{0, 1}, 8).text == why);

    // Nothing happened: both are still here, nobody was muted, nothing was announced.
    pumpFor(app, all, 0.2);
    CHECK(((*vy)->state() == netclient::ClientState::Joined));
    CHECK(((*exh)->state() == netclient::ClientState::Joined));
    CHECK_FALSE(*app.store().isMuted("Vy", "key-Vy"));
    CHECK(vy->all<proto::Announcement>().empty());
    CHECK(vy->all<proto::ApprovalQueue>().empty());
    CHECK(exh->all<proto::ReportList>().empty());
}

TEST_CASE("moderation: the booth heat map goes to organisers only and follows the visitors") {
    TestServer srv;
    server::ServerApp& app = *srv.app;
    auto org = connectClient(app, signedIn(app, "Boss", Role::Organiser));
    auto vy = connectClient(app, visitor(app.port(), "Vy"), {org.get()});
    auto minh = connectClient(app, visitor(app.port(), "Minh"), {org.get(), vy.get()});
    auto lan = connectClient(app, visitor(app.port(), "Lan"), {org.get(), vy.get(), minh.get()});
    Clients all{org.get(), vy.get(), minh.get(), lan.get()};
    (*vy)->teleport(proto::TeleportKind::Booth, 0, "acme-booth");
    (*minh)->teleport(proto::TeleportKind::Booth, 0, "acme-booth");
    (*lan)->teleport(proto::TeleportKind::Booth, 0, "globex-booth");
    auto latest = [&]() -> proto::BoothHeat {
        auto heats = org->all<proto::BoothHeat>();
        return heats.empty() ? proto::BoothHeat{} : heats.back();
    };
    const proto::BoothHeat expected{{{"acme-booth", 2}, {"globex-booth", 1}}};
    REQUIRE(pumpUntil(app, all, [&] { return latest() == expected; }));

    (*lan)->teleport(proto::TeleportKind::Booth, 0, "acme-booth");
    const proto::BoothHeat moved{{{"acme-booth", 3}}};
    REQUIRE(pumpUntil(app, all, [&] { return latest() == moved; }));
    CHECK(vy->all<proto::BoothHeat>().empty());
    CHECK(lan->all<proto::BoothHeat>().empty());
}
