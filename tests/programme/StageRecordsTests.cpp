// StageRecords round trip: state, attendance and bindings survive reopening the store.
#include "server/store/StageRecords.h"
#include "server/store/Store.h"
#include "tests/server_net/TestWorld.h"

#include <doctest/doctest.h>

using namespace fg;

TEST_CASE("stage records: state, attendance and bindings are kept") {
    auto dir = test::makeTempDir("stage-records");
    const store::StageRecord state{"forum-1", 2, false, 7, 1634030000, 12};
    const store::StageAttendance row{"forum-1", "cred:3", "Ana", "visitor", 1634030005, 125.5};
    {
        auto st = store::Store::open(dir);
        REQUIRE(st.ok());
        auto rec = store::StageRecords::open(**st);
        REQUIRE(rec.ok());
        REQUIRE((*rec)->saveState(state).ok());
        REQUIRE((*rec)->saveAttendance({row}).ok());
        REQUIRE((*rec)->bind({"cred:3", "forum-1", true}).ok());
        REQUIRE((*rec)->bind({"cred:4", "talk-0", false}).ok());
    }
    auto st = store::Store::open(dir);
    REQUIRE(st.ok());
    auto rec = store::StageRecords::open(**st);
    REQUIRE(rec.ok());
    auto states = (*rec)->states();
    REQUIRE(states.ok());
    CHECK(*states == std::vector<store::StageRecord>{state});
    auto rows = (*rec)->attendance("forum-1");
    REQUIRE(rows.ok());
    CHECK(*rows == std::vector<store::StageAttendance>{row});
    CHECK((*rec)->attendance("talk-0")->empty());
    auto mine = (*rec)->bindings("cred:3");
    REQUIRE(mine.ok());
    CHECK(*mine == std::vector<store::StageBinding>{{"cred:3", "forum-1", true}});
    CHECK((*rec)->bindings("")->size() == 2);
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}
