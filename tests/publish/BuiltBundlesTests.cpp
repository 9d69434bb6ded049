// BuiltBundles: never-published booths built into stored .booth bundles, the index that avoids
// rebuilding them (and survives a restart), and the bundle-to-booth lookup behind the content
// guard. Test-only.
#include "game/booth/BoothBundle.h"
#include "server/publish/BuiltBundles.h"
#include "tests/publish/PublishTestSupport.h"

#include <doctest/doctest.h>

using namespace fg;
using namespace fg::publish;

TEST_CASE("built bundles: built once, cached by inputs across a restart, rebuilt on a change") {
    const auto dir = test::scratch("built-bundles");
    const auto files = dir / "exhibition";
    std::filesystem::create_directories(files);
    Bytes png = *readFileBytes(test::models() / "checker.png");
    REQUIRE(writeFileAtomic(files / "logo.png", png).ok());
    expo::Exhibition ex = test::exhibition();
    ex.exhibitors[0].logo = "logo.png";   // acme: present
    ex.exhibitors[1].logo = "absent.png"; // globex: not on the server
    ContentStore store(dir / "assets");

    BuiltBundles built(dir / "built.json", store);
    REQUIRE(built.load().ok());
    CHECK_FALSE(built.cached(ex, "acme-booth", files).has_value());
    auto first = built.get(ex, "acme-booth", files);
    REQUIRE_MESSAGE(first.ok(), first.error().message);
    CHECK_FALSE(first->fromCache);
    CHECK(first->missing.empty());
    CHECK(store.size(first->bundle) == first->size);
    auto bundle = booth::loadBundleBytes(*store.get(first->bundle), "stored");
    REQUIRE(bundle.ok());
    CHECK(bundle->booth.id == "acme-booth");
    CHECK(bundle->files.count("logo.png") == 1);
    auto again = built.get(ex, "acme-booth", files);
    REQUIRE(again.ok());
    CHECK(again->fromCache);
    CHECK(again->bundle == first->bundle);
    CHECK(built.builds() == 1);

    auto globex = built.get(ex, "globex-booth", files);
    REQUIRE(globex.ok());
    REQUIRE(globex->missing.size() == 1);
    CHECK(globex->missing[0] == "absent.png");
    CHECK_FALSE(built.get(ex, "no-such-booth", files).ok());

    // A restart reads the index: nothing is built again, and every bundle stays attributed.
    BuiltBundles restarted(dir / "built.json", store);
    REQUIRE(restarted.load().ok());
    auto cached = restarted.cached(ex, "acme-booth", files);
    REQUIRE(cached.has_value());
    CHECK(cached->bundle == first->bundle);
    CHECK(restarted.boothOf(first->bundle) == std::optional<std::string>("acme-booth"));
    CHECK(restarted.boothOf(globex->bundle) == std::optional<std::string>("globex-booth"));
    CHECK_FALSE(restarted.boothOf(Hash128{1, 2}).has_value());

    // A changed file (size) or a changed booth means a new bundle; the old one stays guarded.
    png.push_back(0);
    REQUIRE(writeFileAtomic(files / "logo.png", png).ok());
    CHECK_FALSE(restarted.cached(ex, "acme-booth", files).has_value());
    auto changed = restarted.get(ex, "acme-booth", files);
    REQUIRE(changed.ok());
    CHECK_FALSE(changed->bundle == first->bundle);
    ex.booths[0].content.signs.push_back("New sign");
    CHECK_FALSE(restarted.cached(ex, "acme-booth", files).has_value());
    CHECK(restarted.boothOf(first->bundle) == std::optional<std::string>("acme-booth"));
    CHECK(restarted.builds() == 1);
}
