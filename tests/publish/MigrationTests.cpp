// Opening a data folder written before the store held the moderation queue (tests/fixtures/
// data-v2, made by FixtureMaker.cpp): the queue, the approved revision and the live booth survive.
#include "server/store/Store.h"
#include "tests/publish/PublishTestSupport.h"
#include "tests/server_net/TestWorld.h"

#include <doctest/doctest.h>

using namespace fg;
using namespace fg::test;

namespace {

namespace fs = std::filesystem;

// A copy of the fixture: the server migrates what it opens, the committed files stay as made.
fs::path copyOfFixture() {
    const fs::path fixture = fs::path(FG_SOURCE_DIR) / "tests" / "fixtures" / "data-v2";
    REQUIRE(fs::exists(fixture / "data" / "fairground.db"));
    auto dir = makeTempDir("migrate");
    fs::copy(fixture, dir, fs::copy_options::recursive);
    return dir;
}

std::unique_ptr<server::ServerApp> openServer(const fs::path& dir) {
    return startServer(dir / "exhibition.json", dir / "data");
}

// What the fixture's README says it holds, checked through the server's public surface.
void checkQueue(server::ServerApp& app) {
    const publish::PublishService& pub = *app.publisher();
    REQUIRE(pub.pending().size() == 1);
    CHECK(pub.pending()[0].boothId == "globex-booth");
    CHECK(pub.pending()[0].exhibitorId == "globex");
    auto approved = pub.approvedSubmission("acme-booth");
    REQUIRE(approved.has_value());
    CHECK(approved->revision == 1);
    auto rejected = pub.latest("initech-booth");
    REQUIRE(rejected.has_value());
    CHECK((rejected->state == publish::SubmissionState::Rejected));
    CHECK(rejected->reason == "the logo is blurry");
    CHECK_FALSE(pub.approvedSubmission("globex-booth").has_value());

    auto rev = pub.published("acme-booth");
    REQUIRE(rev.has_value());
    CHECK(rev->assets.size() == 3); // cooked model, cooked image (poster = logo), nothing else
    for (const Hash128& h : rev->assets)
        CHECK(pub.store().has(h));
    REQUIRE(rev->manifest.booth.content.models.size() == 1);
    const expo::Booth* live = expo::findBooth(app.exhibition(), "acme-booth");
    REQUIRE(live);
    REQUIRE(live->content.models.size() == 1);
    CHECK(live->content.models[0].file == rev->manifest.booth.content.models[0].file);
    CHECK((live->kind == expo::BoothKind::ThreeD)); // "2d" in the exhibition file
    const expo::Booth* queued = expo::findBooth(app.exhibition(), "globex-booth");
    REQUIRE(queued);
    CHECK(queued->content.models.empty()); // pending is not live
}

} // namespace

TEST_CASE("migration: a v2 data folder's queue.json moves into the store, once") {
    const fs::path dir = copyOfFixture();
    const fs::path queue = dir / "data" / "publish" / "queue.json";
    REQUIRE(fs::exists(queue));
    {
        auto app = openServer(dir);
        CHECK(app->store().schemaVersion() == store::kSchemaVersion);
        checkQueue(*app);
        CHECK_FALSE(fs::exists(queue));
        CHECK(fs::exists(dir / "data" / "publish" / "queue.json.imported"));
        auto rows = app->store().submissions();
        REQUIRE(rows.ok());
        CHECK(rows->size() == 3);
    }
    auto again = openServer(dir); // the store alone now
    checkQueue(*again);
    CHECK(again->store().submissions()->size() == 3);
    CHECK_FALSE(fs::exists(queue));
    again.reset();
    fs::remove_all(dir);
}

TEST_CASE("migration: a visitor joining the migrated server is sent the approved revision") {
    const fs::path dir = copyOfFixture();
    auto app = openServer(dir);
    auto guest = connectClient(*app, visitor(app->port(), "Guest"));
    Clients all{guest.get()};
    REQUIRE(pumpUntil(*app, all, [&] { return !guest->all<proto::BoothRevision>().empty(); }));
    const auto revs = guest->all<proto::BoothRevision>();
    REQUIRE(revs.size() == 1);
    CHECK(revs[0].boothId == "acme-booth");
    CHECK(revs[0].revision == 1);
    CHECK(revs[0].assets == app->publisher()->published("acme-booth")->assets);
    guest.reset();
    app.reset();
    fs::remove_all(dir);
}
