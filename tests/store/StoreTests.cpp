// Store round trips: exhibition revisions, credentials and token hashing, bans, mutes, leads,
// CSV quoting, likes, analytics batching, migration from a v1 database.
#include "engine/core/File.h"
#include "server/store/Store.h"
#include "tests/store/OpenStore.h"

#include <doctest/doctest.h>

using namespace fg::store;
using fg::test::openStore;
using fg::test::TempDir;

TEST_CASE("store: a new database is at the latest schema and imports the exhibition once") {
    TempDir dir("store-new");
    auto store = openStore(dir);
    CHECK(store->schemaVersion() == kSchemaVersion);
    CHECK(std::filesystem::exists(dir.path() / "fairground.db"));
    auto first = store->importExhibitionIfEmpty(R"({"format":1})", "a.json");
    REQUIRE(first);
    CHECK(*first);
    auto second = store->importExhibitionIfEmpty(R"({"format":2})", "b.json");
    REQUIRE(second);
    CHECK_FALSE(*second);
    auto rev = store->storeExhibition(R"({"format":3})", "reload");
    REQUIRE(rev);
    CHECK(*rev == 2);
    store.reset();
    auto again = openStore(dir);
    auto current = again->currentExhibition();
    REQUIRE(current);
    REQUIRE(current->has_value());
    CHECK((*current)->revision == 2);
    CHECK((*current)->json == R"({"format":3})");
    CHECK((*current)->source == "reload");
}

TEST_CASE("store: tokens are stored only as hashes and verify and stop working when revoked") {
    TempDir dir("store-tokens");
    auto store = openStore(dir);
    auto issued = store->issueCredential(Role::Exhibitor, "acme", "Acme staff");
    REQUIRE(issued);
    const std::string token = issued->token;
    CHECK(token.starts_with("fgx_"));
    CHECK(token.size() == 44);
    auto other = store->issueCredential(Role::Organiser, "", "");
    REQUIRE(other);
    CHECK(other->token != token);

    auto ok = store->verifyToken(token);
    REQUIRE(ok);
    CHECK((ok->role == Role::Exhibitor));
    CHECK(ok->exhibitorId == "acme");
    CHECK_FALSE(store->verifyToken(token.substr(0, 43) + (token.back() == '0' ? "1" : "0")));
    CHECK_FALSE(store->verifyToken("nonsense"));

    // The database file must not contain the token text anywhere.
    store->checkpoint().ok();
    auto bytes = fg::readFileText(dir.path() / "fairground.db");
    REQUIRE(bytes);
    CHECK(bytes->find(token.substr(4)) == std::string::npos);
    CHECK(bytes->find(issued->credential.hint) != std::string::npos);

    auto revoked = store->revokeCredential(token.substr(0, 10)); // fgx_ + 6 digits
    REQUIRE_MESSAGE(revoked, (revoked ? "" : revoked.error().message));
    CHECK(revoked->id == issued->credential.id);
    auto after = store->verifyToken(token);
    REQUIRE_FALSE(after);
    CHECK(after.error().message.find("revoked") != std::string::npos);
    CHECK(store->verifyToken(other->token));
    CHECK_FALSE(store->revokeCredential("#" + std::to_string(issued->credential.id)));
    CHECK(store->revokeCredential("#" + std::to_string(other->credential.id)));
    CHECK_FALSE(store->revokeCredential("zz"));
    CHECK_FALSE(store->issueCredential(Role::Exhibitor, "", ""));
}

TEST_CASE("store: bans match by name case-insensitively or by address or key and expire") {
    TempDir dir("store-bans");
    auto store = openStore(dir);
    REQUIRE(store->addBan(BanKind::Name, "Bob", std::nullopt, "spam"));
    REQUIRE(store->addBan(BanKind::Address, "10.0.0.7", 1000, "flood"));
    auto byName = store->findActiveBan("BOB", "", "", 10);
    REQUIRE(byName);
    REQUIRE(byName->has_value());
    CHECK((*byName)->reason == "spam");
    auto byIp = store->findActiveBan("alice", "10.0.0.7", "", 999);
    REQUIRE(byIp);
    CHECK(byIp->has_value());
    auto expired = store->findActiveBan("alice", "10.0.0.7", "", 1000);
    REQUIRE(expired);
    CHECK_FALSE(expired->has_value());
    auto none = store->findActiveBan("", "", "", 0);
    REQUIRE(none);
    CHECK_FALSE(none->has_value());
    auto removed = store->removeBans(BanKind::Name, "bob");
    REQUIRE(removed);
    CHECK(*removed == 1);
    auto list = store->listBans(0);
    REQUIRE(list);
    CHECK(list->size() == 1);
}

TEST_CASE("store: mutes by name or key survive reopening and can be lifted") {
    TempDir dir("store-mutes");
    {
        auto store = openStore(dir);
        REQUIRE(store->setMuted("Carol", "key-1", true));
        CHECK_FALSE(store->setMuted("", "", true));
    }
    auto store = openStore(dir);
    CHECK(*store->isMuted("carol", ""));
    CHECK(*store->isMuted("someone", "key-1"));
    CHECK_FALSE(*store->isMuted("dave", "key-2"));
    REQUIRE(store->setMuted("carol", "key-1", false));
    CHECK_FALSE(*store->isMuted("carol", "key-1"));
}

TEST_CASE("store: a timed mute ends at its time, keeps its reason, and a new mute replaces it") {
    TempDir dir("store-timed-mutes");
    auto store = openStore(dir);
    REQUIRE(store->setMuted("Carol", "key-1", true, 1000, "flooding the hall"));
    auto during = store->findActiveMute("carol", "", 999);
    REQUIRE(during);
    REQUIRE(during->has_value());
    CHECK((*during)->reason == "flooding the hall");
    CHECK((*during)->expiresAt == std::optional<fg::UnixSeconds>(1000));
    CHECK(store->findActiveMute("", "key-1", 999)->has_value());
    CHECK_FALSE(store->findActiveMute("carol", "key-1", 1000)->has_value()); // ended
    REQUIRE(store->setMuted("carol", "", true));                             // until unmuted now
    auto later = store->findActiveMute("carol", "", 5000);
    REQUIRE(later->has_value());
    CHECK_FALSE((*later)->expiresAt.has_value());
}

TEST_CASE("store: CSV fields follow RFC 4180 quoting") {
    CHECK(csvField("plain") == "plain");
    CHECK(csvField("a,b") == "\"a,b\"");
    CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csvField("two\nlines") == "\"two\nlines\"");
    CHECK(csvField("cr\r") == "\"cr\r\"");
    CHECK(csvField("") == "");
}

TEST_CASE("store: leads round-trip and export as CSV with CRLF rows") {
    TempDir dir("store-leads");
    auto store = openStore(dir);
    Lead lead{0,           "booth-1",           "acme", "Nguyen, Van A", "VNPT",
              "a@vnpt.vn", "Call \"me\"\nsoon", true,   1634029200};
    REQUIRE(store->addLead(lead));
    REQUIRE(store->addLead(Lead{0, "booth-2", "beta", "X", "Y", "x@y.z", "", false, 5}));
    auto leads = store->leadsForBooth("booth-1");
    REQUIRE(leads);
    REQUIRE(leads->size() == 1);
    CHECK((*leads)[0].visitorName == "Nguyen, Van A");
    CHECK((*leads)[0].consent);
    auto csv = store->leadsCsv("booth-1");
    REQUIRE(csv);
    CHECK(*csv == "id,booth,exhibitor,name,organisation,email,message,consent,time\r\n"
                  "1,booth-1,acme,\"Nguyen, Van A\",VNPT,a@vnpt.vn,\"Call \"\"me\"\"\nsoon\","
                  "yes,2021-10-12T09:00:00Z\r\n");
}

TEST_CASE("store: lead cells that a spreadsheet would run as formulas are defused") {
    TempDir dir("store-csv-injection");
    auto store = openStore(dir);
    REQUIRE(
        store->addLead(Lead{0, "b", "e", "=HYPERLINK(\"http://x\")", "+1", "@a", "-2", true, 0}));
    auto csv = store->leadsCsv("b");
    REQUIRE(csv);
    CHECK(csv->find(",\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'@a,'-2,") != std::string::npos);
}

TEST_CASE("store: likes are one per visitor per booth") {
    TempDir dir("store-likes");
    auto store = openStore(dir);
    CHECK(*store->addLike("b1", "v1"));
    CHECK_FALSE(*store->addLike("b1", "v1"));
    CHECK(*store->addLike("b1", "v2"));
    CHECK(*store->addLike("b2", "v1"));
    CHECK(*store->likeCount("b1") == 2);
}

TEST_CASE("store: analytics are batched until flushed and then counted per booth") {
    TempDir dir("store-analytics");
    StoreOptions options;
    options.analyticsFlushEvents = 1000;
    options.analyticsFlushSeconds = 3600;
    auto store = openStore(dir, options);
    store->recordVisit("b1", "v1");
    store->recordVisit("b1", "v1");
    store->recordVisit("b1", "v2");
    store->recordDwell("b1", 12.5);
    store->recordDocumentOpen("b1");
    store->recordLinkOpen("b1");
    store->recordVideoOpen("b1");
    store->recordVisit("b2", "v1");
    CHECK(store->pendingAnalytics() == 8);
    REQUIRE(store->flushIfDue()); // neither full nor old: stays queued
    CHECK(store->pendingAnalytics() == 8);
    REQUIRE(store->addLike("b1", "v1"));
    auto stats = store->boothStats("b1");
    REQUIRE(stats);
    CHECK(store->pendingAnalytics() == 0);
    CHECK(stats->visits == 3);
    CHECK(stats->uniqueVisitors == 2);
    CHECK(stats->dwellSeconds == doctest::Approx(12.5));
    CHECK(stats->documentOpens == 1);
    CHECK(stats->linkOpens == 1);
    CHECK(stats->videoOpens == 1);
    CHECK(stats->likes == 1);
    auto all = store->allBoothStats();
    REQUIRE(all);
    REQUIRE(all->size() == 2);
    CHECK((*all)[0].boothId == "b1");
    auto empty = store->boothStats("nobody");
    REQUIRE(empty);
    CHECK(empty->visits == 0);
}

TEST_CASE("store: a full batch flushes by itself") {
    TempDir dir("store-batch");
    StoreOptions options;
    options.analyticsFlushEvents = 3;
    options.analyticsFlushSeconds = 3600;
    auto store = openStore(dir, options);
    store->recordDocumentOpen("b");
    store->recordDocumentOpen("b");
    CHECK(store->pendingAnalytics() == 2);
    store->recordDocumentOpen("b");
    CHECK(store->pendingAnalytics() == 0);
}

TEST_CASE("store: a v1 database is migrated forward and keeps its data") {
    TempDir dir("store-migrate");
    std::string token;
    {
        StoreOptions v1;
        v1.migrateTo = 1;
        auto old = openStore(dir, v1);
        CHECK(old->schemaVersion() == 1);
        auto issued = old->issueCredential(Role::Organiser, "", "boss");
        REQUIRE(issued);
        token = issued->token;
        REQUIRE(old->addLead(Lead{0, "b1", "acme", "N", "O", "n@o.p", "m", true, 1}));
        CHECK_FALSE(old->addLike("b1", "v1")); // no likes table before v2
    }
    auto store = openStore(dir);
    CHECK(store->schemaVersion() == kSchemaVersion);
    CHECK(store->verifyToken(token));
    CHECK(store->leadsForBooth("b1")->size() == 1);
    CHECK(*store->addLike("b1", "v1"));
}

TEST_CASE("store: a file that is not a database is refused with its path") {
    TempDir dir("store-garbage");
    REQUIRE(fg::writeFileAtomic(dir.path() / "fairground.db",
                                std::string_view("this is not an SQLite database, just text....")));
    auto store = Store::open(dir.path());
    REQUIRE_FALSE(store);
    CHECK(store.error().message.find("fairground.db") != std::string::npos);
}

TEST_CASE("store: a database from a newer server is refused, not downgraded") {
    TempDir dir("store-newer");
    { auto store = openStore(dir); } // closing the last connection folds the WAL into the file
    auto bytes = fg::readFileBytes(dir.path() / "fairground.db");
    REQUIRE(bytes);
    REQUIRE(bytes->size() > 64);
    (*bytes)[60] = 0; // user_version lives at offset 60, big-endian
    (*bytes)[61] = 0;
    (*bytes)[62] = 0;
    (*bytes)[63] = 99;
    REQUIRE(fg::writeFileAtomic(dir.path() / "fairground.db", *bytes));
    auto store = Store::open(dir.path());
    REQUIRE_FALSE(store);
    CHECK(store.error().message.find("schema version 99 is newer") != std::string::npos);
}
