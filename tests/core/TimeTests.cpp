// Tests for engine/core/Time: strict ISO 8601 UTC parsing and formatting.
// Pure computation; no clocks are asserted on.
#include "engine/core/Time.h"

#include <doctest/doctest.h>

TEST_CASE("UTC timestamps parse and format back") {
    auto t = fg::parseUtcTimestamp("2021-10-12T09:30:05Z");
    REQUIRE(t);
    CHECK(*t == 1634031005);
    CHECK(fg::formatUtcTimestamp(*t) == "2021-10-12T09:30:05Z");
    auto leap = fg::parseDate("2020-02-29");
    REQUIRE(leap);
    CHECK(fg::formatDate(*leap) == "2020-02-29");
}

TEST_CASE("malformed times are rejected with a message") {
    for (const char* bad : {"2021-10-12", "2021-13-01T00:00:00Z", "2021-02-29T00:00:00Z",
                            "2021-10-12T24:00:00Z", "2021-10-12T09:30:05+07:00", "", "garbage"}) {
        auto t = fg::parseUtcTimestamp(bad);
        CHECK_MESSAGE(!t, bad);
        if (!t) CHECK(t.error().message.find("expected") != std::string::npos);
    }
    CHECK_FALSE(fg::parseDate("2021-1-01"));
}
