// SpeakingFloor with time passed in: the queue in order, the countdown, overtime counted once,
// added time, moving and removing, and a reopened store resuming the list and the countdown.
#include "server/roundtable/SpeakingFloor.h"
#include "server/store/Store.h"
#include "tests/server_net/TestWorld.h"

#include <doctest/doctest.h>

using namespace fg;
using server::FloorPerson;
using server::SpeakingFloor;

namespace {

const FloorPerson kAna{"cred:1", "Minister Ana"}, kBo{"cred:2", "Minister Bo"},
    kChi{"cred:3", "Chi"};
constexpr double kT0 = 1634000000.0; // the injected clock's start
const std::string kRt = "rt-1";

// What a rule answered: its text, or "error: " and the refusal.
std::string said(const Result<std::string>& r) {
    return r.ok() ? r.value() : "error: " + r.error().message;
}

struct FloorFixture {
    std::filesystem::path dir = test::makeTempDir("floor");
    std::unique_ptr<store::Store> store;
    std::unique_ptr<SpeakingFloor> floor;
    FloorFixture() { reopen(); }
    ~FloorFixture() {
        floor.reset();
        store.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    void reopen() {
        floor.reset();
        store.reset();
        auto st = store::Store::open(dir);
        REQUIRE(st.ok());
        store = std::move(*st);
        auto f = SpeakingFloor::open(*store);
        REQUIRE_MESSAGE(f.ok(), (f.ok() ? "" : f.error().message));
        floor = std::move(*f);
    }
};

} // namespace

TEST_CASE("speaking floor: requests queue in order, next gives the floor, the countdown runs on "
          "the injected clock and overtime is counted once") {
    FloorFixture fx;
    SpeakingFloor& f = *fx.floor;
    CHECK(said(f.request(kRt, kAna, true)) == "on the list (1)");
    CHECK(said(f.request(kRt, kBo, true)) == "on the list (2)");
    CHECK(said(f.request(kRt, kAna, true)) == "already on the list (1)");
    REQUIRE(f.setSeconds(kRt, 120).ok());
    CHECK(said(f.next(kRt, kT0)) == "Minister Ana has the floor");
    CHECK(f.list(kRt).current == kAna);
    CHECK(f.list(kRt).queue == std::vector<FloorPerson>{kBo});
    CHECK(f.remainingMs(kRt, kT0) == 120000);
    CHECK(f.remainingMs(kRt, kT0 + 30.5) == 89500);
    CHECK(f.tick(kT0 + 119.9).empty());
    CHECK(f.tick(kT0 + 120.0) == std::vector<std::string>{kRt}); // time is up
    CHECK(f.tick(kT0 + 125.0).empty());                          // counted once
    CHECK(f.remainingMs(kRt, kT0 + 125.0) == -5000);
    CHECK(f.list(kRt).overtimes == 1);
    CHECK(said(f.next(kRt, kT0 + 126)) == "Minister Bo has the floor");
    CHECK(f.remainingMs(kRt, kT0 + 126) == 120000);
    CHECK(f.addTime(kRt, 60).ok());
    CHECK(f.remainingMs(kRt, kT0 + 246) == 60000);
    CHECK(f.tick(kT0 + 246).empty());
    CHECK(f.list(kRt).interventions == 2);
    CHECK(said(f.next(kRt, kT0 + 300)) == "the list is empty: nobody has the floor");
    CHECK_FALSE(f.list(kRt).speaking);
    CHECK(f.remainingMs(kRt, kT0 + 300) == 0);
    CHECK_FALSE(f.addTime(kRt, 60).ok());
    CHECK(f.list(kRt).interventions == 2);
    CHECK(f.list(kRt).overtimes == 1);
}

TEST_CASE("speaking floor: withdraw, give out of order, move, remove, clear and bad values") {
    FloorFixture fx;
    SpeakingFloor& f = *fx.floor;
    for (const FloorPerson& p : {kAna, kBo, kChi})
        REQUIRE(f.request(kRt, p, true).ok());
    CHECK(said(f.move(kRt, kChi.key, -1)) == "Chi is number 2");
    CHECK(f.list(kRt).queue == std::vector<FloorPerson>{kAna, kChi, kBo});
    CHECK(said(f.move(kRt, kAna.key, -1)) ==
          "error: floor: Minister Ana is at the top of the list already");
    CHECK(said(f.give(kRt, kBo, kT0)) == "Minister Bo has the floor");
    CHECK(f.list(kRt).queue == std::vector<FloorPerson>{kAna, kChi});
    CHECK(said(f.request(kRt, kBo, true)) == "error: floor: you have the floor already");
    CHECK(said(f.request(kRt, kBo, false)) == "floor yielded");
    CHECK_FALSE(f.list(kRt).speaking);
    CHECK(said(f.request(kRt, kAna, false)) == "withdrawn");
    CHECK(said(f.request(kRt, kAna, false)) == "error: floor: you are not on the speaking list");
    CHECK(said(f.remove(kRt, kChi.key)) == "Chi taken off the list");
    CHECK(f.list(kRt).queue.empty());
    CHECK_FALSE(f.setSeconds(kRt, 0).ok());
    CHECK_FALSE(f.setSeconds(kRt, 3601).ok());
    CHECK_FALSE(f.stop(kRt).ok());
    REQUIRE(f.request(kRt, kChi, true).ok());
    REQUIRE(f.next(kRt, kT0).ok());
    CHECK(said(f.clear(kRt)) == "speaking list cleared");
    CHECK_FALSE(f.list(kRt).speaking);
    CHECK(f.list("rt-other").queue.empty()); // lists are kept apart
}

TEST_CASE("speaking floor: a reopened store resumes the list, the speaker and the countdown") {
    FloorFixture fx;
    REQUIRE(fx.floor->setSeconds(kRt, 90).ok());
    for (const FloorPerson& p : {kAna, kBo, kChi})
        REQUIRE(fx.floor->request(kRt, p, true).ok());
    REQUIRE(fx.floor->next(kRt, kT0).ok());
    fx.reopen();
    SpeakingFloor& f = *fx.floor;
    CHECK(f.list(kRt).speaking);
    CHECK(f.list(kRt).current == kAna);
    CHECK(f.list(kRt).queue == std::vector<FloorPerson>{kBo, kChi});
    CHECK(f.list(kRt).secondsPerTurn == 90);
    CHECK(f.list(kRt).interventions == 1);
    CHECK(f.remainingMs(kRt, kT0 + 40) == 50000); // the same countdown, after the restart
    CHECK(f.tick(kT0 + 91).size() == 1);
    fx.reopen();
    CHECK(fx.floor->list(kRt).overtimes == 1);
    CHECK(fx.floor->tick(kT0 + 100).empty()); // the overtime was stored as counted
}
