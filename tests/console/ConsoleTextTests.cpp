// Word splitting with quotes, durations, byte and duration formatting, table alignment.
// Pure text functions only; no host, no store.
#include "server/console/ConsoleLine.h"
#include "server/console/ConsoleText.h"

#include <doctest/doctest.h>

using namespace fg::console;

TEST_CASE("console text: words split on spaces with quotes and escapes") {
    auto w = splitWords(R"(  ban "Nguyen Van A"  2h 'no "spam"' "say \"hi\""  )");
    REQUIRE(w);
    CHECK(*w == std::vector<std::string>{"ban", "Nguyen Van A", "2h", "no \"spam\"", "say \"hi\""});
    CHECK(splitWords("")->empty());
    CHECK(*splitWords("a \"\" b") == std::vector<std::string>{"a", "", "b"});
    auto open = splitWords("kick 'bob");
    REQUIRE_FALSE(open);
    CHECK(open.error().message == "column 6: unterminated single quote");
    CHECK_FALSE(splitWords("x \"a\\"));
    CHECK(quoteWord("plain") == "plain");
    CHECK(quoteWord("two words") == "\"two words\"");
    CHECK(*splitWords(quoteWord("say \"hi\" \\ ok")) ==
          std::vector<std::string>{"say \"hi\" \\ ok"});
}

TEST_CASE("console text: durations parse units and combinations") {
    CHECK(*parseDuration("30s") == 30);
    CHECK(*parseDuration("30m") == 1800);
    CHECK(*parseDuration("2h") == 7200);
    CHECK(*parseDuration("7d") == 604800);
    CHECK(*parseDuration("1h30m") == 5400);
    for (const char* bad : {"", "h", "30", "5x", "0m", "-1h", "99999999d", "1h 2m"})
        CHECK_FALSE(parseDuration(bad));
    CHECK(parseDuration("5x").error().message ==
          "bad duration \"5x\" (use e.g. 30m, 2h, 7d or 1h30m)");
}

TEST_CASE("console text: durations and byte counts format for people") {
    CHECK(formatDuration(0) == "0s");
    CHECK(formatDuration(59.6) == "1m 00s");
    CHECK(formatDuration(3725) == "1h 02m 05s");
    CHECK(formatDuration(90061) == "1d 01h 01m");
    CHECK(formatBytes(512) == "512 B");
    CHECK(formatBytes(1536) == "1.5 KiB");
}

TEST_CASE("console text: tables size columns to the widest cell") {
    Table t({"id", "name"});
    t.alignRight(0);
    t.addRow({"7", "Nguyễn"});
    t.addRow({"123", "Bo"});
    CHECK(t.render() == " id  name\n  7  Nguyễn\n123  Bo\n");
}
