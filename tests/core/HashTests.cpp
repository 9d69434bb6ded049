// Tests for engine/core/Hash: stable values and hex round trip.
// Pure computation; no files.
#include "engine/core/Hash.h"

#include <doctest/doctest.h>

TEST_CASE("hash128 hex round-trips and differs for different input") {
    std::string a = "fairground", b = "fairgrounD";
    auto ha = fg::hash128({reinterpret_cast<const std::uint8_t*>(a.data()), a.size()});
    auto hb = fg::hash128({reinterpret_cast<const std::uint8_t*>(b.data()), b.size()});
    CHECK_FALSE(ha == hb);
    std::string hex = fg::toHex(ha);
    CHECK(hex.size() == 32);
    fg::Hash128 back;
    REQUIRE(fg::parseHex(hex, back));
    CHECK(back == ha);
}

TEST_CASE("parseHex rejects bad input") {
    fg::Hash128 out;
    CHECK_FALSE(fg::parseHex("", out));
    CHECK_FALSE(fg::parseHex("0123456789abcdef0123456789abcdeF", out));
    CHECK_FALSE(fg::parseHex("0123456789abcdef0123456789abcde", out));
    CHECK(fg::parseHex("0123456789abcdef0123456789abcdef", out));
    CHECK(out.high == 0x0123456789abcdefull);
}

TEST_CASE("hash64 of empty input is XXH3's documented seed-0 value") {
    CHECK(fg::hash64(std::string_view()) == 0x2D06800538D394C2ull);
}
