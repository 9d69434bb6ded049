// MeetingBook: meetings and hours round trip through the store and a reopen; held slots by
// booth and by visitor; counts; the old core `meetings` rows taken over once.
#include "server/store/MeetingBook.h"
#include "server/store/Sqlite.h"
#include "server/store/Store.h"
#include "tests/store/TempDir.h"

#include <doctest/doctest.h>

using namespace fg;
using namespace fg::store;

namespace {

MeetingRecord meeting(std::string booth, std::string visitor, UnixSeconds start) {
    MeetingRecord r;
    r.boothId = std::move(booth);
    r.exhibitorId = "acme";
    r.visitorKey = "key-" + visitor;
    r.visitorName = std::move(visitor);
    r.start = start;
    r.minutes = 30;
    r.note = "about \"5G\", roaming";
    return r;
}

} // namespace

TEST_CASE("meeting book: meetings and hours survive a reopen, with held slots and counts") {
    fg::test::TempDir dir("meetingbook");
    std::int64_t first = 0;
    {
        auto store = Store::open(dir.path());
        REQUIRE(store);
        auto book = MeetingBook::open(**store);
        REQUIRE(book);
        auto id = (*book)->add(meeting("acme-booth", "Vy", 36000));
        REQUIRE(id);
        first = *id;
        REQUIRE((*book)->add(meeting("acme-booth", "Lan", 37800)));
        auto moved = *(*(*book)->find(first));
        moved.start = 39600;
        moved.status = MeetingStatus::Proposed;
        moved.reason = "later?";
        REQUIRE((*book)->update(moved));
        StoredMeetingHours h{true, {86400 * 3, 86400 * 4}, 540, 720, 45, 2};
        REQUIRE((*book)->setHours("acme-booth", h));
        REQUIRE((*book)->setHours("globex-booth", StoredMeetingHours{}));
        CHECK_FALSE((*book)->update(MeetingRecord{.id = 999}));
    }
    auto store = Store::open(dir.path());
    REQUIRE(store);
    auto book = MeetingBook::open(**store);
    REQUIRE(book);
    auto got = (*book)->find(first);
    REQUIRE(got);
    REQUIRE(got->has_value());
    CHECK((*got)->start == 39600);
    CHECK((*got)->status == MeetingStatus::Proposed);
    CHECK((*got)->reason == "later?");
    CHECK((*got)->note == "about \"5G\", roaming");
    CHECK((*got)->visitorKey == "key-Vy");
    CHECK((*got)->createdAt > 0);
    CHECK_FALSE(*(*book)->find(first + 100));

    // Held: [37800, 39600) is Lan's only at the booth; Vy's moved one starts at 39600.
    CHECK((*book)->holding("acme-booth", "", 37800, 39600)->size() == 1);
    CHECK((*book)->holding("acme-booth", "", 39000, 39700)->size() == 2);
    CHECK((*book)->holding("acme-booth", "", 39600, 39700)->size() == 1);
    CHECK((*book)->holding("", "key-Vy", 39500, 40000)->size() == 1);
    CHECK((*book)->holding("", "key-Vy", 36000, 39600)->empty());
    CHECK((*book)->forVisitor("key-Lan")->size() == 1);
    CHECK((*book)->forExhibitor("acme")->size() == 2);
    CHECK((*book)->forBooth("")->size() == 2);
    CHECK((*book)->forBooth("globex-booth")->empty());

    auto hours = (*book)->hours("acme-booth");
    REQUIRE(hours);
    REQUIRE(hours->has_value());
    CHECK(**hours == StoredMeetingHours{true, {86400 * 3, 86400 * 4}, 540, 720, 45, 2});
    CHECK_FALSE((*(*book)->hours("globex-booth"))->open);
    CHECK_FALSE(*(*book)->hours("initech-booth"));

    auto declined = *(*(*book)->find(first));
    declined.status = MeetingStatus::Declined;
    REQUIRE((*book)->update(declined));
    CHECK((*book)->holding("", "key-Vy", 39500, 40000)->empty()); // a declined one holds nothing
    auto counts = (*book)->counts("acme-booth");
    REQUIRE(counts);
    CHECK(counts->requested == 2);
    CHECK(counts->confirmed == 0);
    CHECK(counts->declined == 1);
    CHECK((*book)->counts("globex-booth")->requested == 0);
}

TEST_CASE("meeting book: the old core meeting rows with a time are taken over once") {
    fg::test::TempDir dir("meetingbook-old");
    auto store = Store::open(dir.path());
    REQUIRE(store);
    REQUIRE((*store)->database().exec(
        "INSERT INTO meetings (booth, exhibitor, visitor_name, visitor_key, message, proposed_at, "
        "minutes, state, created_at, updated_at) VALUES ('acme-booth', 'acme', 'Vy', 'key-Vy', "
        "'hi', 36000, 30, 'pending', 1, 1), ('acme-booth', 'acme', 'Lan', 'key-Lan', 'any time', "
        "NULL, 30, 'accepted', 1, 1)"));
    auto book = MeetingBook::open(**store);
    REQUIRE(book);
    auto all = (*book)->forBooth("");
    REQUIRE(all);
    REQUIRE(all->size() == 1);
    CHECK((*all)[0].visitorName == "Vy");
    CHECK((*all)[0].status == MeetingStatus::Requested);
    CHECK((*all)[0].note == "hi");
    REQUIRE(MeetingBook::open(**store)); // a second open migrates nothing again
    CHECK((*book)->forBooth("")->size() == 1);
}
