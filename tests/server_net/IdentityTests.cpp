// Loopback identity: per-person counts follow the visitor ticket, not the client key or name;
// revoked tickets, guests on a guests-off server and banned or muted tickets under a new client
// key or name are refused.
#include "server/store/Store.h"
#include "tests/server_net/TestWorld.h"

#include <nlohmann/json.hpp>

using namespace fg;
using namespace fg::test;
using expo::proto::RejectReason;
using netclient::ClientState;

namespace {

std::string oneTicket(server::ServerApp& app, const std::string& label = "") {
    auto issued = app.store().issueTickets(1, label);
    REQUIRE(issued.ok());
    return issued->front().code;
}

netclient::ClientConfig holder(std::uint16_t port, const std::string& name, const std::string& key,
                               const std::string& code) {
    auto cfg = visitor(port, name);
    cfg.hello.clientKey = key;
    cfg.hello.credential = code;
    return cfg;
}

std::string run(server::ServerApp& app, const std::string& line) {
    auto result = app.console().execute(line);
    INFO(line << ": " << result.text);
    CHECK(result.ok);
    return result.text;
}

// Joins with CFG, walks into BOOTH's visit zone (teleported to its front), likes it and leaves.
void visitAndLike(server::ServerApp& app, netclient::ClientConfig cfg, const std::string& booth) {
    auto c = connectClient(app, std::move(cfg));
    REQUIRE((c->net->state() == ClientState::Joined));
    Clients one{c.get()};
    const auto before = app.store().boothStats(booth)->visits;
    (*c)->teleport(expo::proto::TeleportKind::Booth, 0, booth);
    REQUIRE(pumpUntil(app, one, [&] { return app.store().boothStats(booth)->visits > before; }));
    const std::uint32_t liked = (*c)->like(booth);
    REQUIRE(pumpUntil(app, one, [&] { return c->result(liked) != nullptr; }));
    CHECK(c->result(liked)->ok);
    (*c)->disconnect();
    pumpUntil(app, one, [&] { return app.world().count() == 0; });
}

} // namespace

TEST_CASE("two client keys and another name with one ticket count as one visitor and one like") {
    TestServer srv;
    const std::uint16_t port = srv.app->port();
    const std::string code = oneTicket(*srv.app, "press");
    visitAndLike(*srv.app, holder(port, "Lan", "laptop-key", code), "acme-booth");
    visitAndLike(*srv.app, holder(port, "Lan", "phone-key", code), "acme-booth");
    visitAndLike(*srv.app, holder(port, "Lan Nguyen", "tablet-key", code), "acme-booth");
    auto stats = srv.app->store().boothStats("acme-booth");
    REQUIRE(stats);
    CHECK(stats->visits == 3);
    CHECK(stats->uniqueVisitors == 1);
    CHECK(stats->likes == 1);
    // A guest is counted by its client key: a new key is a new visitor (what tickets are for).
    visitAndLike(*srv.app, visitor(port, "Guest"), "acme-booth");
    stats = srv.app->store().boothStats("acme-booth");
    CHECK(stats->uniqueVisitors == 2);
    CHECK(stats->likes == 2);
}

TEST_CASE("a revoked ticket is refused with the reason, another ticket still joins") {
    TestServer srv;
    auto issued = srv.app->store().issueTickets(2, "day 1");
    REQUIRE(issued);
    run(*srv.app, "tickets revoke #" + std::to_string(issued->front().ticket.id));
    auto gone =
        connectClient(*srv.app, holder(srv.app->port(), "Gone", "k1", issued->front().code));
    REQUIRE((gone->net->state() == ClientState::Rejected));
    CHECK(((*gone)->rejection().reason == RejectReason::BadCredentials));
    CHECK((*gone)->rejection().text == "the ticket or token is not valid: this ticket was revoked");
    auto kept = connectClient(*srv.app, holder(srv.app->port(), "Kept", "k2", issued->back().code));
    CHECK((kept->net->state() == ClientState::Joined));
}

TEST_CASE("with guests off a visitor needs a ticket, with guests on a guest joins as a guest") {
    server::ServerConfig config;
    config.guests = false;
    TestServer closed(config);
    auto none = connectClient(*closed.app, visitor(closed.app->port(), "NoTicket"));
    REQUIRE((none->net->state() == ClientState::Rejected));
    CHECK(((*none)->rejection().reason == RejectReason::BadCredentials));
    CHECK((*none)->rejection().text == "this event admits visitors with a ticket only: sign in "
                                       "with the ticket code you were sent");
    const std::string code = oneTicket(*closed.app);
    auto with = connectClient(*closed.app, holder(closed.app->port(), "Ticket", "k", code));
    REQUIRE((with->net->state() == ClientState::Joined));
    auto who = nlohmann::json::parse(run(*closed.app, "who --json"), nullptr, false);
    REQUIRE(who.size() == 1);
    CHECK(who[0]["verified"] == true);
    CHECK(who[0]["person"].get<std::string>().starts_with("ticket:"));

    TestServer open; // guests on: the default, as the embedded server
    auto guest = connectClient(*open.app, visitor(open.app->port(), "Walker"));
    REQUIRE((guest->net->state() == ClientState::Joined));
    who = nlohmann::json::parse(run(*open.app, "who --json"), nullptr, false);
    REQUIRE(who.size() == 1);
    CHECK(who[0]["verified"] == false);
    CHECK(who[0]["person"] == "");
}

TEST_CASE("a banned ticket cannot come back with another client key or name") {
    TestServer srv;
    const std::uint16_t port = srv.app->port();
    const std::string code = oneTicket(*srv.app);
    auto troll = connectClient(*srv.app, holder(port, "Troll", "key-1", code));
    REQUIRE((troll->net->state() == ClientState::Joined));
    std::string out = run(*srv.app, "ban Troll spamming the hall");
    CHECK(out.find("person \"ticket:") != std::string::npos);
    Clients one{troll.get()};
    REQUIRE(pumpUntil(*srv.app, one, [&] { return troll->net->state() != ClientState::Joined; }));
    auto back = connectClient(*srv.app, holder(port, "Friendly", "key-2", code));
    REQUIRE((back->net->state() == ClientState::Rejected));
    CHECK(((*back)->rejection().reason == RejectReason::Banned));
    CHECK((*back)->rejection().text == "banned: spamming the hall");
    // Not an address ban: someone else on the same machine with their own ticket joins.
    auto other = connectClient(*srv.app, holder(port, "Other", "key-3", oneTicket(*srv.app)));
    CHECK((other->net->state() == ClientState::Joined));
}

TEST_CASE("a ticket banned offline by ticket:ID is refused, and a mute follows the ticket") {
    TestServer srv;
    const std::uint16_t port = srv.app->port();
    auto issued = srv.app->store().issueTickets(2, "");
    REQUIRE(issued);
    const auto& banned = issued->front();
    run(*srv.app, "ban ticket:" + std::to_string(banned.ticket.id) + " 1h resold ticket");
    auto refused = connectClient(*srv.app, holder(port, "Buyer", "key-9", banned.code));
    REQUIRE((refused->net->state() == ClientState::Rejected));
    CHECK(((*refused)->rejection().reason == RejectReason::Banned));

    const auto& loud = issued->back();
    auto first = connectClient(*srv.app, holder(port, "Loud", "key-1", loud.code));
    REQUIRE((first->net->state() == ClientState::Joined));
    run(*srv.app, "mute Loud shouting");
    (*first)->disconnect();
    Clients gone{first.get()};
    pumpUntil(*srv.app, gone, [&] { return srv.app->world().count() == 0; });
    auto again = connectClient(*srv.app, holder(port, "Quiet", "key-2", loud.code));
    REQUIRE((again->net->state() == ClientState::Joined));
    Clients one{again.get()};
    const std::uint32_t line = (*again)->chat(expo::proto::ChatScope::Hall, "", 0, "hello");
    REQUIRE(pumpUntil(*srv.app, one, [&] { return again->result(line) != nullptr; }));
    CHECK_FALSE(again->result(line)->ok);
    CHECK(again->result(line)->text.find("muted") != std::string::npos);
}
