// Interaction rules: permissions, likes, chat limits and mutes, item opens, business cards,
// staff duty and token buckets, against a temporary store.
#include "server/interactions/Interactions.h"
#include "server/store/Store.h"
#include "tests/interactions/TestExhibition.h"
#include "tests/store/TempDir.h"

#include <doctest/doctest.h>

using namespace fg;
using namespace fg::interact;
using store::Role;

namespace {
struct Fixture {
    test::TempDir dir{"interactions"};
    std::unique_ptr<store::Store> db = store::Store::open(dir.path()).value();
    expo::Exhibition ex = test::makeTestExhibition();
    Interactions in{*db, ex};
    Actor visitor{1, "Vy", Role::Visitor, "", "key-vy", "127.0.0.1"};
    Actor other{2, "Minh", Role::Visitor, "", "", "127.0.0.1"};
    Actor acme{3, "Acme staff", Role::Exhibitor, "acme", "key-acme", ""};
    Actor beta{4, "Beta staff", Role::Exhibitor, "beta", "key-beta", ""};
    Actor boss{5, "Boss", Role::Organiser, "", "", ""};
};

bool mentions(const fg::Error& e, const char* text) {
    return e.message.find(text) != std::string::npos;
}
} // namespace

TEST_CASE("interactions: organiser actions are refused to visitors and exhibitors") {
    Fixture f;
    CHECK(f.in.requireOrganiser(f.boss, "kick"));
    auto no = f.in.requireOrganiser(f.visitor, "kick");
    REQUIRE_FALSE(no);
    CHECK(mentions(no.error(), "kick: only organisers"));
    CHECK_FALSE(f.in.requireOrganiser(f.acme, "kick"));
}

TEST_CASE("interactions: an exhibitor acts only for its own booths") {
    Fixture f;
    CHECK(f.in.requireBoothStaff(f.acme, "acme-1", "leads"));
    CHECK(f.in.requireBoothStaff(f.boss, "acme-1", "leads"));
    auto wrong = f.in.requireBoothStaff(f.beta, "acme-1", "leads");
    REQUIRE_FALSE(wrong);
    CHECK(mentions(wrong.error(), "belongs to exhibitor \"acme\""));
    CHECK_FALSE(f.in.requireBoothStaff(f.visitor, "acme-1", "leads"));
    auto unknown = f.in.requireBoothStaff(f.acme, "nope", "leads");
    REQUIRE_FALSE(unknown);
    CHECK(mentions(unknown.error(), "unknown booth \"nope\""));
    CHECK_FALSE(f.in.leads(f.beta, "acme-1"));
    CHECK(f.in.leads(f.acme, "acme-1"));
    CHECK_FALSE(f.in.boothStats(f.visitor, "acme-1"));
    CHECK(f.in.setStaffOnDuty(f.acme, "acme-1", true));
    CHECK_FALSE(f.in.setStaffOnDuty(f.beta, "acme-1", true));
    CHECK_FALSE(f.in.setStaffOnDuty(f.visitor, "acme-1", true));
}

TEST_CASE("interactions: likes count once per visitor and not for the own booth") {
    Fixture f;
    auto first = f.in.like(f.visitor, "acme-1", 0);
    REQUIRE(first);
    CHECK(first->added);
    CHECK(first->count == 1);
    auto again = f.in.like(f.visitor, "acme-1", 0);
    REQUIRE(again);
    CHECK_FALSE(again->added);
    CHECK(again->count == 1);
    CHECK(f.in.like(f.other, "acme-1", 0)->count == 2);
    auto own = f.in.like(f.acme, "acme-1", 0);
    REQUIRE_FALSE(own);
    CHECK(mentions(own.error(), "own booth"));
    CHECK(f.in.like(f.beta, "acme-1", 0)->count == 3);
    CHECK_FALSE(f.in.like(f.visitor, "missing", 0));
}

TEST_CASE("interactions: chat text is trimmed and checked for length and encoding") {
    Fixture f;
    auto line = f.in.chat(f.visitor, ChatScope::Hall, "", 0, "  hello  ", 0);
    REQUIRE(line);
    CHECK(line->text == "hello");
    CHECK(line->fromName == "Vy");
    CHECK(mentions(f.in.chat(f.visitor, ChatScope::Hall, "", 0, "   ", 1).error(), "empty"));
    CHECK(mentions(f.in.chat(f.visitor, ChatScope::Hall, "", 0, std::string(501, 'a'), 2).error(),
                   "limit is 500"));
    CHECK(f.in.chat(f.visitor, ChatScope::Hall, "", 0, std::string(500, 'a'), 3));
    CHECK(mentions(f.in.chat(f.visitor, ChatScope::Hall, "", 0, "bad \xff", 4).error(), "UTF-8"));
    CHECK(mentions(f.in.chat(f.visitor, ChatScope::Hall, "", 0, "a\x01", 5).error(), "control"));
    CHECK(f.in.chat(f.visitor, ChatScope::Hall, "", 0, "xin chào", 6));
    CHECK(mentions(f.in.chat(f.visitor, ChatScope::Booth, "zzz", 0, "hi", 7).error(),
                   "unknown booth"));
    CHECK(f.in.chat(f.visitor, ChatScope::Booth, "acme-1", 0, "hi", 8)->boothId == "acme-1");
    CHECK_FALSE(f.in.chat(f.visitor, ChatScope::Direct, "", 1, "me", 9));
    CHECK(f.in.chat(f.visitor, ChatScope::Direct, "", 2, "you", 10)->recipient == 2);
}

TEST_CASE("interactions: chat is rate limited per sender by a token bucket") {
    Fixture f;
    for (int i = 0; i < 5; ++i)
        CHECK(f.in.chat(f.visitor, ChatScope::Hall, "", 0, "spam", 100.0));
    auto refused = f.in.chat(f.visitor, ChatScope::Hall, "", 0, "spam", 100.0);
    REQUIRE_FALSE(refused);
    CHECK(mentions(refused.error(), "too fast"));
    CHECK(f.in.chat(f.other, ChatScope::Hall, "", 0, "other sender", 100.0));
    CHECK(f.in.chat(f.visitor, ChatScope::Hall, "", 0, "later", 101.0));
    CHECK_FALSE(f.in.chat(f.visitor, ChatScope::Hall, "", 0, "again", 101.0));
}

TEST_CASE("interactions: muted users cannot chat until unmuted") {
    Fixture f;
    REQUIRE(f.db->setMuted(f.visitor.name, f.visitor.clientKey, true));
    auto refused = f.in.chat(f.visitor, ChatScope::Hall, "", 0, "hello", 0);
    REQUIRE_FALSE(refused);
    CHECK(mentions(refused.error(), "muted"));
    REQUIRE(f.db->setMuted(f.visitor.name, f.visitor.clientKey, false));
    CHECK(f.in.chat(f.visitor, ChatScope::Hall, "", 0, "hello", 0));
}

TEST_CASE("interactions: opening items returns them and counts per booth") {
    Fixture f;
    CHECK(*f.in.openItem(f.visitor, "acme-1", ItemKind::Document, 0, 0) == "docs/acme.pdf");
    CHECK(*f.in.openItem(f.visitor, "acme-1", ItemKind::Link, 0, 0) == "https://acme.example");
    auto missing = f.in.openItem(f.visitor, "acme-1", ItemKind::Document, 1, 0);
    REQUIRE_FALSE(missing);
    CHECK(mentions(missing.error(), "no document #1 (it has 1)"));
    CHECK_FALSE(f.in.openItem(f.visitor, "beta-1", ItemKind::Video, 0, 0));
    auto stats = f.db->boothStats("acme-1");
    REQUIRE(stats);
    CHECK(stats->documentOpens == 1);
    CHECK(stats->linkOpens == 1);
}

TEST_CASE("interactions: a business card needs consent and an e-mail and becomes a lead") {
    Fixture f;
    BusinessCard card{"Vy", "VNPT", "vy@vnpt.vn", "Interested in 5G", false};
    auto noConsent = f.in.dropCard(f.visitor, "acme-1", card, 0);
    REQUIRE_FALSE(noConsent);
    CHECK(mentions(noConsent.error(), "consent"));
    card.consent = true;
    card.email = "not-an-email";
    CHECK(mentions(f.in.dropCard(f.visitor, "acme-1", card, 0).error(), "not an e-mail"));
    card.email = "vy@vnpt.vn";
    card.name = "";
    CHECK(mentions(f.in.dropCard(f.visitor, "acme-1", card, 0).error(), "name is required"));
    card.name = "Vy";
    auto id = f.in.dropCard(f.visitor, "acme-1", card, 0);
    REQUIRE(id);
    auto leads = f.in.leads(f.acme, "acme-1");
    REQUIRE(leads);
    REQUIRE(leads->size() == 1);
    CHECK((*leads)[0].exhibitorId == "acme");
    CHECK((*leads)[0].organisation == "VNPT");
    CHECK(f.db->boothStats("acme-1")->cards == 1);
}

TEST_CASE("interactions: other actions share a per-sender rate limit") {
    Fixture f;
    int accepted = 0;
    for (int i = 0; i < 20; ++i)
        if (f.in.openItem(f.visitor, "acme-1", ItemKind::Document, 0, 50.0)) ++accepted;
    CHECK(accepted == 10);
    auto refused = f.in.like(f.visitor, "acme-1", 50.0);
    REQUIRE_FALSE(refused);
    CHECK(mentions(refused.error(), "too many requests"));
    f.in.removeActor(f.visitor.id, 50.0); // a reconnect starts with a fresh bucket
    CHECK(f.in.like(f.visitor, "acme-1", 50.0));
}

TEST_CASE("interactions: token bucket refills at its rate up to its burst") {
    TokenBucket bucket(2, 0.5);
    CHECK(bucket.take(0));
    CHECK(bucket.take(0));
    CHECK_FALSE(bucket.take(0));
    CHECK(bucket.waitSeconds(0) == doctest::Approx(2.0));
    CHECK_FALSE(bucket.take(1.0));
    CHECK(bucket.take(2.0));
    CHECK(bucket.take(100.0));
    CHECK(bucket.take(100.0));
    CHECK_FALSE(bucket.take(100.0));
}

TEST_CASE("interactions: staff on duty shows the booth staffed until they leave") {
    Fixture f;
    CHECK_FALSE(f.in.staffOnline("acme-1"));
    REQUIRE(f.in.setStaffOnDuty(f.acme, "acme-1", true));
    CHECK(f.in.staffOnline("acme-1"));
    CHECK_FALSE(f.in.staffOnline("beta-1"));
    REQUIRE(f.in.setStaffOnDuty(f.acme, "acme-1", false));
    CHECK_FALSE(f.in.staffOnline("acme-1"));
    REQUIRE(f.in.setStaffOnDuty(f.acme, "acme-1", true));
    f.in.removeActor(f.acme.id, 0); // disconnecting ends the duty
    CHECK_FALSE(f.in.staffOnline("acme-1"));
    auto organiser = f.in.setStaffOnDuty(f.boss, "acme-1", true);
    REQUIRE_FALSE(organiser);
    CHECK(mentions(organiser.error(), "only exhibitors staff booths"));
}
