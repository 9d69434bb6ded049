// Booth visits and dwell derived from sequences of positions: zones with the front strip,
// hysteresis, unique visitors, capped gaps, staff presence and disconnects.
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
    test::TempDir dir{"visits"};
    std::unique_ptr<store::Store> db = store::Store::open(dir.path()).value();
    expo::Exhibition ex = test::makeTestExhibition();
    Interactions in{*db, ex};
};
const Actor kVy{1, "Vy", Role::Visitor, "", "key-vy", ""};
const Actor kMinh{2, "Minh", Role::Visitor, "", "key-minh", ""};
const Actor kStaff{3, "Acme staff", Role::Exhibitor, "acme", "key-acme", ""};
} // namespace

TEST_CASE("visits: zones include a 1.75 m strip on the open side only") {
    Fixture f;
    const BoothZones& z = f.in.visits().zones();
    CHECK(z.boothAt("main", {10.0f, 10.0f}) == z.indexOf("acme-1"));
    CHECK(z.boothAt("main", {10.0f, 7.6f}) == z.indexOf("acme-1"));  // in front (-z)
    CHECK(z.boothAt("main", {10.0f, 6.5f}) == -1);                   // beyond the strip
    CHECK(z.boothAt("main", {10.0f, 12.5f}) == -1);                  // behind
    CHECK(z.boothAt("main", {17.0f, 10.0f}) == z.indexOf("beta-1")); // rotated 90: front is -x
    CHECK(z.boothAt("main", {22.5f, 10.0f}) == -1);
    CHECK(z.boothAt("other-hall", {10.0f, 10.0f}) == -1);
    CHECK(z.boothAt("main", {-5.0f, 10.0f}) == -1);
    CHECK(z.boothAt("main", {std::nanf(""), 10.0f}) == -1);
}

TEST_CASE("visits: a walk through a booth counts one visit and its dwell time") {
    Fixture f;
    CHECK(f.in.updatePosition(kVy, "main", {10.0f, 2.0f}, 0.0).empty());
    auto enter = f.in.updatePosition(kVy, "main", {10.0f, 8.0f}, 1.0);
    REQUIRE(enter.size() == 1);
    CHECK(enter[0].kind == VisitEvent::Kind::Enter);
    CHECK(enter[0].boothId == "acme-1");
    CHECK(f.in.visits().boothOf(kVy.id) == "acme-1");
    f.in.updatePosition(kVy, "main", {10.0f, 9.0f}, 2.0);
    f.in.updatePosition(kVy, "main", {10.0f, 10.0f}, 3.0);
    auto leave = f.in.updatePosition(kVy, "main", {10.0f, 3.0f}, 4.0);
    REQUIRE(leave.size() == 1);
    CHECK(leave[0].kind == VisitEvent::Kind::Leave);
    CHECK(leave[0].dwellSeconds == doctest::Approx(3.0));
    auto stats = f.db->boothStats("acme-1");
    REQUIRE(stats);
    CHECK(stats->visits == 1);
    CHECK(stats->uniqueVisitors == 1);
    CHECK(stats->dwellSeconds == doctest::Approx(3.0));
}

TEST_CASE("visits: standing on the zone edge does not re-enter every tick") {
    Fixture f;
    f.in.updatePosition(kVy, "main", {10.0f, 6.9f}, 0.0);
    for (int i = 1; i <= 10; ++i) {
        float z = (i % 2) ? 6.5f : 6.9f; // 0.25 m outside, then inside again
        CHECK(f.in.updatePosition(kVy, "main", {10.0f, z}, i * 0.05).empty());
    }
    CHECK(f.db->boothStats("acme-1")->visits == 1);
}

TEST_CASE("visits: unique visitors and repeated visits are told apart") {
    Fixture f;
    f.in.updatePosition(kVy, "main", {10.0f, 10.0f}, 0.0);
    f.in.updatePosition(kVy, "main", {10.0f, 2.0f}, 1.0);
    f.in.updatePosition(kVy, "main", {10.0f, 10.0f}, 2.0);
    f.in.updatePosition(kMinh, "main", {10.0f, 10.0f}, 2.0);
    f.in.updatePosition(kMinh, "main", {17.5f, 10.0f}, 3.0); // straight into beta-1
    auto acme = f.db->boothStats("acme-1");
    CHECK(acme->visits == 3);
    CHECK(acme->uniqueVisitors == 2);
    CHECK(f.db->boothStats("beta-1")->visits == 1);
    CHECK(f.in.visits().visitorsAt("acme-1") == 1);
}

TEST_CASE("visits: long gaps between updates are capped and disconnects close the visit") {
    Fixture f;
    f.in.updatePosition(kVy, "main", {10.0f, 10.0f}, 0.0);
    f.in.updatePosition(kVy, "main", {10.0f, 10.0f}, 60.0); // 60 s silence counts as 2 s
    auto gone = f.in.removeActor(kVy.id, 61.0);
    REQUIRE(gone.size() == 1);
    CHECK(gone[0].dwellSeconds == doctest::Approx(3.0));
    CHECK(f.db->boothStats("acme-1")->dwellSeconds == doctest::Approx(3.0));
    CHECK(f.in.visits().boothOf(kVy.id).empty());
}

TEST_CASE("visits: exhibitor staff at their own booth are presence, not visits") {
    Fixture f;
    CHECK_FALSE(f.in.staffOnline("acme-1"));
    auto e = f.in.updatePosition(kStaff, "main", {10.0f, 10.0f}, 0.0);
    REQUIRE(e.size() == 1);
    CHECK(e[0].staff);
    f.in.updatePosition(kStaff, "main", {10.0f, 10.0f}, 5.0);
    CHECK(f.in.staffOnline("acme-1"));
    CHECK_FALSE(f.in.staffOnline("beta-1"));
    auto stats = f.db->boothStats("acme-1");
    CHECK(stats->visits == 0);
    CHECK(stats->dwellSeconds == 0);
    f.in.updatePosition(kStaff, "main", {17.5f, 10.0f}, 6.0); // visiting someone else's booth
    CHECK(f.db->boothStats("beta-1")->visits == 1);
    CHECK_FALSE(f.in.staffOnline("acme-1"));
}

TEST_CASE("visits: a reload keeps visitors whose booth still exists") {
    Fixture f;
    f.in.updatePosition(kVy, "main", {10.0f, 10.0f}, 0.0);
    f.in.updatePosition(kMinh, "main", {20.0f, 10.0f}, 0.0);
    expo::Exhibition next = f.ex;
    next.booths.pop_back(); // beta-1 removed
    f.in.setExhibition(next);
    CHECK(f.in.visits().boothOf(kVy.id) == "acme-1");
    CHECK(f.in.visits().boothOf(kMinh.id).empty());
    CHECK(f.in.updatePosition(kVy, "main", {10.0f, 10.0f}, 1.0).empty());
}
