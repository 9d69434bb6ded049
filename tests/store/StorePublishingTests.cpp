// The moderation queue's records in the store: save-load-compare of every submission field,
// pending replacement, decisions, import, and a damaged row reported with its id and booth.
#include "server/store/Sqlite.h"
#include "server/store/Store.h"
#include "tests/store/TempDir.h"

#include <doctest/doctest.h>

using namespace fg;
using namespace fg::store;
using fg::test::TempDir;

namespace {

std::unique_ptr<Store> openStore(const TempDir& dir) {
    auto store = Store::open(dir.path());
    REQUIRE_MESSAGE(store.ok(), (store.ok() ? "" : store.error().message));
    return std::move(*store);
}

Hash128 hashOf(std::uint64_t hi, std::uint64_t lo) {
    Hash128 h;
    h.high = hi;
    h.low = lo;
    return h;
}

Submission sample(const std::string& booth, std::uint64_t seed) {
    Submission s;
    s.boothId = booth;
    s.exhibitorId = booth.substr(0, booth.find('-'));
    s.state = SubmissionState::Pending;
    s.submittedAt = 1634029200 + std::int64_t(seed);
    s.bundle = hashOf(0x0123456789abcdefULL + seed, 0xfedcba9876543210ULL);
    s.manifest = hashOf(seed, ~seed);
    s.warnings = std::uint32_t(seed * 3);
    return s;
}

void checkSame(const Submission& a, const Submission& b) {
    CHECK(a.boothId == b.boothId);
    CHECK(a.exhibitorId == b.exhibitorId);
    CHECK((a.state == b.state));
    CHECK(a.reason == b.reason);
    CHECK(a.submittedAt == b.submittedAt);
    CHECK(a.bundle == b.bundle);
    CHECK(a.manifest == b.manifest);
    CHECK(a.revision == b.revision);
    CHECK(a.warnings == b.warnings);
}

} // namespace

TEST_CASE("store publishing: submissions save, reload and compare field by field") {
    TempDir dir("store-publishing");
    std::vector<Submission> expected;
    {
        auto store = openStore(dir);
        REQUIRE(store->submitPending(sample("acme-booth", 1)));
        REQUIRE(store->submitPending(sample("globex-booth", 2)));
        REQUIRE(store->submitPending(sample("acme-booth", 3))); // replaces the first
        Submission approved = sample("acme-booth", 3);
        approved.state = SubmissionState::Approved;
        approved.revision = 1;
        REQUIRE(store->decideSubmission(approved));
        Submission rejected = sample("globex-booth", 2);
        rejected.state = SubmissionState::Rejected;
        rejected.reason = "poster shows a competitor's logo, \"quoted\"";
        REQUIRE(store->decideSubmission(rejected));
        CHECK_FALSE(store->decideSubmission(rejected)); // nothing pending any more
        CHECK_FALSE(store->submitPending(approved));    // only pending ones are submitted
        REQUIRE(store->submitPending(sample("initech-booth", 4)));
        expected = {rejected, approved, sample("initech-booth", 4)};
    }
    auto store = openStore(dir);
    auto loaded = store->submissions();
    REQUIRE(loaded.ok());
    REQUIRE(loaded->size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        checkSame((*loaded)[i], expected[i]);
}

TEST_CASE("store publishing: an import keeps the order and every field") {
    TempDir dir("store-publishing-import");
    Submission a = sample("acme-booth", 5);
    a.state = SubmissionState::Approved;
    a.revision = 2;
    Submission b = sample("acme-booth", 6);
    {
        auto store = openStore(dir);
        REQUIRE(store->importSubmissions({a, b}));
    }
    auto loaded = openStore(dir)->submissions();
    REQUIRE(loaded.ok());
    REQUIRE(loaded->size() == 2);
    checkSame((*loaded)[0], a);
    checkSame((*loaded)[1], b);
}

TEST_CASE("store publishing: a damaged row is an error naming the row and booth") {
    TempDir dir("store-publishing-damaged");
    {
        auto store = openStore(dir);
        REQUIRE(store->submitPending(sample("acme-booth", 1)));
    }
    {
        auto db = sql::Database::open(dir.path() / "fairground.db");
        REQUIRE(db.ok());
        REQUIRE((*db)->exec("UPDATE submissions SET state = 'lost' WHERE booth = 'acme-booth'"));
    }
    auto loaded = openStore(dir)->submissions();
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().message.find("row 1 (booth 'acme-booth'): unknown state 'lost'") !=
          std::string::npos);
    {
        auto db = sql::Database::open(dir.path() / "fairground.db");
        REQUIRE(db.ok());
        REQUIRE((*db)->exec("UPDATE submissions SET state = 'pending', manifest = 'xyz'"));
    }
    auto again = openStore(dir)->submissions();
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message.find("manifest is not a 32-digit hash") != std::string::npos);
}

TEST_CASE("store publishing: the live revision is the stored exhibition's plus every approval") {
    TempDir dir("pub-revision");
    auto store = openStore(dir);
    REQUIRE(store->storeExhibition("{}", "import"));
    CHECK(*store->liveExhibitionRevision() == 1);
    REQUIRE(store->submitPending(sample("acme-booth", 1)));
    CHECK(*store->liveExhibitionRevision() == 1); // pending is not live
    Submission approved = sample("acme-booth", 1);
    approved.state = SubmissionState::Approved;
    approved.revision = 1;
    REQUIRE(store->decideSubmission(approved));
    CHECK(*store->liveExhibitionRevision() == 2);
    CHECK((*store->currentExhibition())->revision == 1); // no copy of the exhibition per publish
    REQUIRE(store->storeExhibition("{}", "reload"));
    CHECK(*store->liveExhibitionRevision() == 3);
}
