// RegistrationBook: places then a waiting list, promotion in sign-up order on cancel, one
// registration per person, positions, and a reopen keeps everything. Own temp folder per case.
#include "server/store/RegistrationBook.h"
#include "server/store/Store.h"
#include "tests/store/TempDir.h"

#include <doctest/doctest.h>

using namespace fg::store;

TEST_CASE("registration book: capacity, then a waiting list promoted in order on cancels") {
    fg::test::TempDir dir("registrations");
    {
        auto store = Store::open(dir.path());
        REQUIRE(store);
        auto book = RegistrationBook::open(**store);
        REQUIRE(book);
        auto& b = **book;
        for (const char* who : {"a", "b", "c", "d", "e"})
            REQUIRE(b.add("mc", std::string("ticket:") + who, who, 2));
        auto list = b.forSession("mc");
        REQUIRE(list);
        REQUIRE(list->size() == 5);
        CHECK((*list)[0].name == "a");
        CHECK(((*list)[1].status == PlaceStatus::Confirmed));
        CHECK(((*list)[2].status == PlaceStatus::Waiting));
        CHECK((*list)[2].position == 1);
        CHECK((*list)[4].position == 3);

        // One registration per person: the same key gets its record back, nothing is added.
        auto again = b.add("mc", "ticket:d", "d (phone)", 2);
        REQUIRE(again);
        CHECK((again->status == PlaceStatus::Waiting));
        CHECK(again->position == 2);
        CHECK(b.counts("mc")->waiting == 3);

        // A confirmed person cancels: the first waiting (c) is promoted, d and e move up.
        auto promoted = b.cancel("mc", "ticket:a", 2);
        REQUIRE(promoted);
        REQUIRE(promoted->size() == 1);
        CHECK(promoted->front().name == "c");
        CHECK((*b.find("mc", "ticket:d"))->position == 1);
        // A waiting person cancels: nobody is promoted.
        promoted = b.cancel("mc", "ticket:d", 2);
        REQUIRE(promoted);
        CHECK(promoted->empty());
        CHECK(!b.cancel("mc", "ticket:d", 2)); // not registered any more
    }
    auto store = Store::open(dir.path());
    REQUIRE(store);
    auto book = RegistrationBook::open(**store);
    REQUIRE(book);
    auto list = (*book)->forSession("mc");
    REQUIRE(list);
    REQUIRE(list->size() == 3);
    CHECK((*list)[0].name == "b");
    CHECK((*list)[1].name == "c");
    CHECK(((*list)[1].status == PlaceStatus::Confirmed));
    CHECK((*list)[2].name == "e");
    CHECK((*list)[2].position == 1);
    // A bigger capacity (the organiser edited the file) promotes several at once, in order.
    REQUIRE((*book)->add("mc", "ticket:f", "f", 2));
    auto promoted = (*book)->cancel("mc", "ticket:b", 4);
    REQUIRE(promoted);
    REQUIRE(promoted->size() == 2);
    CHECK((*promoted)[0].name == "e");
    CHECK((*promoted)[1].name == "f");
    auto mine = (*book)->forPerson("ticket:e");
    REQUIRE(mine);
    REQUIRE(mine->size() == 1);
    CHECK((mine->front().status == PlaceStatus::Confirmed));
}
