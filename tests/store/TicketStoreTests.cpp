// Visitor tickets in the store: issue, hash-only storage, verify, revoke (code, prefix, #id,
// label), sign-in person keys, the tickets CSV, bans and mutes by person key, and the tickets
// slice migrated into a data folder from before it (a newer one refused).
#include "engine/core/File.h"
#include "server/store/Sqlite.h"
#include "server/store/Store.h"
#include "tests/store/OpenStore.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace fg::store;
using fg::test::openStore;
using fg::test::TempDir;

TEST_CASE("tickets: codes are stored only as hashes, survive a reopen and sign in as tickets") {
    TempDir dir("tickets-roundtrip");
    std::vector<IssuedTicket> issued;
    {
        auto store = openStore(dir);
        auto made = store->issueTickets(3, "press");
        REQUIRE(made);
        issued = *made;
    }
    REQUIRE(issued.size() == 3);
    CHECK(issued[0].code != issued[1].code);
    auto store = openStore(dir);
    (void)store->checkpoint();
    auto bytes = fg::readFileBytes(dir.path() / "fairground.db");
    REQUIRE(bytes);
    const std::string file(bytes->begin(), bytes->end());
    for (const IssuedTicket& t : issued) {
        CHECK(t.code.starts_with("fgt_"));
        CHECK(t.code.size() == 44);
        CHECK(file.find(t.code.substr(4)) == std::string::npos); // only the hash is kept
        auto back = store->verifyTicket(t.code);
        REQUIRE(back);
        CHECK(back->id == t.ticket.id);
        CHECK(back->label == "press");
        CHECK(back->hint == t.code.substr(4, 8));
        CHECK(back->issuedAt == t.ticket.issuedAt);
        CHECK_FALSE(back->firstUsedAt);
    }
    auto in = store->signIn(issued[1].code);
    REQUIRE(in);
    CHECK((in->role == Role::Visitor));
    CHECK(in->personKey == fmt::format("ticket:{}", issued[1].ticket.id));
    CHECK(store->verifyTicket(issued[1].code)->firstUsedAt.has_value());
    CHECK_FALSE(store->verifyTicket(issued[0].code)->firstUsedAt.has_value());
    auto listed = store->listTickets(std::string("press"));
    REQUIRE(listed);
    CHECK(listed->size() == 3);
    CHECK(store->listTickets(std::string("other"))->empty());
}

TEST_CASE("tickets: credentials sign in as cred:ID, and bad codes are refused with the reason") {
    TempDir dir("tickets-signin");
    auto store = openStore(dir);
    auto cred = store->issueCredential(Role::Exhibitor, "acme", "");
    REQUIRE(cred);
    auto in = store->signIn(cred->token);
    REQUIRE(in);
    CHECK((in->role == Role::Exhibitor));
    CHECK(in->exhibitorId == "acme");
    CHECK(in->personKey == fmt::format("cred:{}", cred->credential.id));
    auto malformed = store->signIn("fgt_12");
    REQUIRE_FALSE(malformed);
    CHECK(malformed.error().message == "ticket: malformed code (expected fgt_ and 40 hex digits)");
    auto unknown = store->signIn("fgt_" + std::string(40, '0'));
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().message == "ticket: unknown code");
    CHECK_FALSE(store->issueTickets(0, ""));
    CHECK_FALSE(store->issueTickets(100001, ""));
}

TEST_CASE(
    "tickets: revoked by code, prefix, #id or label, and a revoked ticket no longer signs in") {
    TempDir dir("tickets-revoke");
    auto store = openStore(dir);
    auto day1 = store->issueTickets(3, "day 1");
    auto day2 = store->issueTickets(2, "day 2");
    REQUIRE(day1);
    REQUIRE(day2);
    const auto& t = *day1;
    REQUIRE(store->revokeTicket(t[0].code));
    REQUIRE(store->revokeTicket(t[1].code.substr(0, 4 + 8)));
    auto byId = store->revokeTicket(fmt::format("#{}", t[2].ticket.id));
    REQUIRE(byId);
    CHECK(byId->label == "day 1");
    auto again = store->revokeTicket(t[0].code);
    REQUIRE_FALSE(again);
    CHECK(again.error().message.find("revoked") != std::string::npos);
    auto bad = store->revokeTicket("zz");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.find("is not a ticket code") != std::string::npos);
    auto gone = store->signIn(t[1].code);
    REQUIRE_FALSE(gone);
    CHECK(gone.error().message == "ticket: this ticket was revoked");
    auto labelled = store->revokeTicketsLabelled("day 2");
    REQUIRE(labelled);
    CHECK(*labelled == 2);
    CHECK(*store->revokeTicketsLabelled("day 2") == 0);
    CHECK_FALSE(store->signIn((*day2)[0].code));
    auto all = store->listTickets();
    REQUIRE(all);
    CHECK(all->size() == 5);
    for (const Ticket& k : *all)
        CHECK(k.revokedAt.has_value());
}

TEST_CASE("tickets CSV: header, one row per ticket, RFC 4180 quoting, CRLF") {
    IssuedTicket a{{1, "press, day 1", "00000000", 0, {}, {}}, "fgt_" + std::string(40, 'a')};
    IssuedTicket b{{2, "say \"hi\"", "00000000", 86400, {}, {}}, "fgt_" + std::string(40, 'b')};
    CHECK(ticketsCsv({a, b}) == "code,label,issued\r\n" + a.code +
                                    ",\"press, day 1\",1970-01-01T00:00:00Z\r\n" + b.code +
                                    ",\"say \"\"hi\"\"\",1970-01-02T00:00:00Z\r\n");
    CHECK(ticketsCsv({a}, "KEYFP") == "code,label,issued,invitation\r\n" + a.code +
                                          ",\"press, day 1\",1970-01-01T00:00:00Z," + a.code +
                                          "@KEYFP\r\n");
}

TEST_CASE("store: bans and mutes by person key match whatever name or client key is used") {
    TempDir dir("tickets-bans");
    auto store = openStore(dir);
    REQUIRE(store->addBan(BanKind::Person, "ticket:4", std::nullopt, "spam"));
    auto hit = store->findActiveBan("New Name", "10.1.1.1", "new-key", 10, "ticket:4");
    REQUIRE(hit);
    REQUIRE(hit->has_value());
    CHECK(((*hit)->kind == BanKind::Person));
    CHECK(store->listBans(0)->front().value == "ticket:4");
    CHECK_FALSE(
        store->findActiveBan("New Name", "10.1.1.1", "new-key", 10, "ticket:5")->has_value());
    CHECK_FALSE(store->findActiveBan("New Name", "10.1.1.1", "new-key", 10)->has_value());
    REQUIRE(store->setMuted("", "", true, std::nullopt, "shouting", "cred:2"));
    CHECK(*store->isMuted("anyone", "any-key", "cred:2"));
    CHECK_FALSE(*store->isMuted("anyone", "any-key", "cred:3"));
    REQUIRE(store->setMuted("", "", false, std::nullopt, "", "cred:2"));
    CHECK_FALSE(*store->isMuted("anyone", "any-key", "cred:2"));
}

TEST_CASE("tickets: a data folder from before tickets gains them and keeps its data") {
    TempDir dir("tickets-migrate");
    std::string token;
    {
        auto old = openStore(dir);
        auto issued = old->issueCredential(Role::Organiser, "", "boss");
        REQUIRE(issued);
        token = issued->token;
        REQUIRE(old->addBan(BanKind::Name, "bob", std::nullopt, "spam"));
        // What a server before tickets left behind: no tickets table, no slice row.
        REQUIRE(old->database().exec("DROP TABLE tickets; DELETE FROM slice_schema WHERE slice = "
                                     "'tickets'"));
        CHECK_FALSE(old->issueTickets(1, ""));
    }
    auto store = openStore(dir);
    CHECK(store->schemaVersion() == kSchemaVersion);
    CHECK(store->verifyToken(token));
    CHECK(store->findActiveBan("Bob", "", "", 0)->has_value());
    auto issued = store->issueTickets(2, "late");
    REQUIRE(issued);
    CHECK(store->signIn(issued->front().code));
}

TEST_CASE("tickets: a data folder with a newer tickets schema is refused with its name") {
    TempDir dir("tickets-newer");
    {
        auto store = openStore(dir);
        REQUIRE(
            store->database().exec("UPDATE slice_schema SET version = 9 WHERE slice = 'tickets'"));
    }
    auto again = Store::open(dir.path());
    REQUIRE_FALSE(again);
    CHECK(again.error().message.find("slice 'tickets' is at schema version 9") !=
          std::string::npos);
}
