// Booth revisions on the client side, window-free: a revision's assets are fetched by hash and
// the booth changes only once all of them are cached; stale, malformed and unfetchable
// revisions are refused or dropped with a reason. Tests only.
#include "game/booth/BoothBundle.h"
#include "game/client/ClientContent.h"
#include "tests/content/ContentTestWorld.h"

#include <doctest/doctest.h>

namespace fg::test {

namespace fs = std::filesystem;
using client::ClientContent;

namespace {

struct Visitor {
    std::unique_ptr<netclient::NetClient> net;
    expo::Exhibition ex; // as downloaded: references are asset names
    std::unique_ptr<ClientContent> content;
};

Visitor downloadedVisitor(ContentServerFixture& server, const std::string& name) {
    Visitor v;
    v.net = joinVisitor(server.port(), name);
    const fs::path cache = server.dir / ("cache-" + name);
    netclient::ContentFetcher fetcher(cache);
    auto got = netclient::downloadExhibition(*v.net, fetcher, {}, 60.0);
    REQUIRE_MESSAGE(got.ok(), (got.ok() ? "" : got.error().message));
    v.ex = got->exhibition;
    fetcher.detach();
    v.content = std::make_unique<ClientContent>(cache, fs::absolute(cache));
    return v;
}

// Initech's booth rebuilt from Acme's assets (already on the server), as PUBLISH announces it.
proto::BoothRevision initechRevision(const expo::Exhibition& ex, std::uint64_t revision) {
    booth::BoothBundle bundle;
    bundle.booth = ex.booths[1];
    bundle.profile = ex.exhibitors[1];
    bundle.booth.content.posters = ex.booths[0].content.posters;
    bundle.booth.content.documents = ex.booths[0].content.documents;
    bundle.booth.content.documents[0].title = "New brochure";
    return proto::BoothRevision{"initech-booth", revision, 2, booth::toBoothJson(bundle), {}};
}

bool pumpUntilApplied(Visitor& v, std::vector<std::string>& failed) {
    const double deadline = monotonicSeconds() + 30.0;
    while (monotonicSeconds() < deadline) {
        v.net->update(5);
        if (v.content->pump(v.net.get(), v.ex, failed)) return true;
        if (!failed.empty()) return false;
    }
    return false;
}

} // namespace

TEST_CASE("content revisions: assets are fetched by hash, then the booth changes") {
    ContentServerFixture server;
    Visitor v = downloadedVisitor(server, "Ana");
    // A fresh cache, so the revision's assets really travel.
    const fs::path fresh = server.dir / "fresh";
    v.content = std::make_unique<ClientContent>(fresh, fs::absolute(fresh));
    proto::BoothRevision rev = initechRevision(v.ex, 2);
    REQUIRE(v.content->updates().receive(rev, v.content->fetcher()));
    CHECK(v.ex.booths[1].content.posters.empty()); // nothing changes before the assets are here
    std::vector<std::string> failed;
    REQUIRE(pumpUntilApplied(v, failed));
    CHECK(failed.empty());
    const auto& content = v.ex.booths[1].content;
    REQUIRE(content.documents.size() == 1);
    CHECK(content.documents[0].title == "New brochure");
    CHECK(fs::exists(fresh / content.posters[0].image));
    CHECK(fs::exists(fresh / content.documents[0].file));
    CHECK(v.content->fetcher().progress().requests == 3); // poster, brochure, logo
    CHECK(v.content->updates().appliedRevision("initech-booth") == 2);
    // The same or an older revision again changes nothing and fetches nothing.
    REQUIRE(v.content->updates().receive(initechRevision(v.ex, 1), v.content->fetcher()));
    CHECK_FALSE(v.content->updates().waiting());
}

TEST_CASE("content revisions: a local exhibition stores absolute cache paths for new assets") {
    ContentServerFixture server;
    Visitor v = downloadedVisitor(server, "Ana");
    const fs::path cache = server.dir / "cache-Ana";
    v.content = std::make_unique<ClientContent>(cache, server.dir / "expo");
    REQUIRE(v.content->updates().receive(initechRevision(v.ex, 2), v.content->fetcher()));
    std::vector<std::string> failed;
    REQUIRE(pumpUntilApplied(v, failed));
    const fs::path poster = v.ex.booths[1].content.posters[0].image;
    CHECK(poster.is_absolute());
    CHECK(fs::exists(poster));                            // baseDir / poster is the cached file
    CHECK(v.content->fetcher().progress().requests == 0); // all were cached already
}

TEST_CASE("content revisions: malformed ones are refused, unfetchable ones dropped") {
    ContentServerFixture server;
    Visitor v = downloadedVisitor(server, "Ana");
    const expo::Exhibition before = v.ex;
    proto::BoothRevision wrongBooth = initechRevision(v.ex, 2);
    wrongBooth.boothId = "acme-booth";
    CHECK_FALSE(v.content->updates().receive(wrongBooth, v.content->fetcher()).ok());
    proto::BoothRevision authoring = initechRevision(v.ex, 2);
    auto pos = authoring.manifestJson.find(".fgt");
    REQUIRE(pos != std::string::npos);
    authoring.manifestJson.replace(pos, 4, ".png");
    Status st = v.content->updates().receive(authoring, v.content->fetcher());
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().message.find("not an asset name") != std::string::npos);
    proto::BoothRevision unknown = initechRevision(v.ex, 3);
    const std::string poster = v.ex.booths[0].content.posters[0].image;
    pos = unknown.manifestJson.find(poster);
    REQUIRE(pos != std::string::npos);
    unknown.manifestJson.replace(pos, 32, std::string(32, 'b'));
    REQUIRE(v.content->updates().receive(unknown, v.content->fetcher()));
    std::vector<std::string> failed;
    CHECK_FALSE(pumpUntilApplied(v, failed));
    REQUIRE(failed.size() == 1);
    CHECK(failed[0].find("booth initech-booth revision 3") != std::string::npos);
    CHECK((v.ex == before));
}

} // namespace fg::test
