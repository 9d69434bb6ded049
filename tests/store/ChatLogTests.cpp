// ChatLog: append, per-room retention, paging, purge, reopen, and a newer slice schema refused.
// Each case works in its own temporary data folder.
#include "server/store/ChatLog.h"
#include "server/store/Sqlite.h"
#include "server/store/Store.h"
#include "tests/store/TempDir.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace fg::store;

namespace {
ChatRecord line(std::string room, int n) {
    return ChatRecord{0,         std::move(room), fmt::format("Visitor {}", n),
                      "visitor", 1000 + n,        fmt::format("line {}", n)};
}
} // namespace

TEST_CASE("chat log: keeps the newest lines of each room, oldest first, across a reopen") {
    fg::test::TempDir dir("chatlog");
    {
        auto store = Store::open(dir.path());
        REQUIRE(store);
        auto log = ChatLog::open(**store, 5);
        REQUIRE(log);
        for (int n = 1; n <= 8; ++n)
            REQUIRE((*log)->append(line("hall:h1", n)));
        REQUIRE((*log)->append(line("booth:b1", 100)));
    }
    auto store = Store::open(dir.path());
    REQUIRE(store);
    auto log = ChatLog::open(**store, 5);
    REQUIRE(log);
    auto hall = (*log)->recent("hall:h1", 50);
    REQUIRE(hall);
    REQUIRE(hall->size() == 5);
    CHECK(hall->front().text == "line 4");
    CHECK(hall->back().text == "line 8");
    CHECK(hall->back().senderName == "Visitor 8");
    CHECK(hall->back().sentMs == 1008);
    auto older = (*log)->recent("hall:h1", 2, hall->back().id);
    REQUIRE(older);
    REQUIRE(older->size() == 2);
    CHECK(older->front().text == "line 6");
    CHECK(older->back().text == "line 7");
    auto booth = (*log)->recent("booth:b1", 50);
    REQUIRE(booth);
    CHECK(booth->size() == 1);
}

TEST_CASE("chat log: purge one room or every room") {
    fg::test::TempDir dir("chatpurge");
    auto store = Store::open(dir.path());
    REQUIRE(store);
    auto log = ChatLog::open(**store);
    REQUIRE(log);
    for (int n = 0; n < 3; ++n) {
        REQUIRE((*log)->append(line("hall:h1", n)));
        REQUIRE((*log)->append(line("booth:b1", n)));
    }
    auto purged = (*log)->purge("booth:b1");
    REQUIRE(purged);
    CHECK(*purged == 3);
    auto rooms = (*log)->rooms();
    REQUIRE(rooms);
    REQUIRE(rooms->size() == 1);
    CHECK(rooms->front() == std::pair<std::string, std::int64_t>{"hall:h1", 3});
    auto all = (*log)->purge("");
    REQUIRE(all);
    CHECK(*all == 3);
    CHECK((*log)->recent("hall:h1", 10)->empty());
}

TEST_CASE("chat log: a data folder with a newer chat schema is refused with its name") {
    fg::test::TempDir dir("chatnewer");
    auto store = Store::open(dir.path());
    REQUIRE(store);
    REQUIRE(ChatLog::open(**store));
    REQUIRE(
        store.value()->database().exec("UPDATE slice_schema SET version = 9 WHERE slice = 'chat'"));
    auto again = ChatLog::open(**store);
    REQUIRE_FALSE(again);
    CHECK(again.error().message.find("slice 'chat' is at schema version 9") != std::string::npos);
}
