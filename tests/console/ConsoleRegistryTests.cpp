// Commands added by server modules: a module command and a sub-command of a built-in one run
// through the one registry, with `help` and completion for them. Test-only.
#include "tests/console/ConsoleFixture.h"

using namespace fg;
using namespace fg::test;

TEST_CASE("registry: a module's command runs with argument checks, help and completion") {
    ConsoleFixture f;
    std::vector<std::string> got;
    f.console.add({"stage",
                   "stage open|close VENUE",
                   "open or close a stage",
                   "A closed stage admits nobody new.",
                   2,
                   2,
                   {},
                   {"open", "close"},
                   [&](const console::CommandArgs& a) {
                       got = a.words;
                       return console::ConsoleResult{"stage " + a.rest(0), true};
                   }});
    CHECK(f.run("stage open main") == "stage open main\n");
    CHECK(got == std::vector<std::string>{"open", "main"});
    CHECK(contains(f.run("stage open", false), "stage: missing argument (usage: stage open|close"));
    CHECK(contains(f.run("help"), "stage open|close VENUE"));
    CHECK(contains(f.run("help stage"), "A closed stage admits nobody new."));
    CHECK(f.console.complete("stag") == std::vector<std::string>{"stage"});
    CHECK(f.console.complete("stage cl") == std::vector<std::string>{"close"});
}

TEST_CASE("registry: sub-commands of booth go to their module, stats stays the store's") {
    ConsoleFixture f;
    std::vector<std::string> got;
    f.console.addSubcommand("booth", "approve", [&](const console::CommandArgs& a) {
        got = a.words;
        return console::ConsoleResult{"approved " + a.rest(1), true};
    });
    CHECK(f.run("booth approve acme-1 --now extra words") == "approved acme-1 --now extra words\n");
    CHECK(got.front() == "approve");
    CHECK(contains(f.run("booth stats acme-1"), "acme-1"));
    CHECK(contains(f.run("booth nothing", false), "booth: unknown sub-command"));
    CHECK(f.console.complete("booth ap") == std::vector<std::string>{"approve"});
}

TEST_CASE("registry: status shows module figures when not zero, and always in --json") {
    ConsoleFixture f;
    f.host.serverStats.figures = {{"booths_pending", "booths waiting for approval", 0}};
    CHECK_FALSE(contains(f.run("status"), "booths waiting for approval"));
    CHECK(contains(f.run("status --json"), "\"booths_pending\": 0"));
    f.host.serverStats.figures[0].value = 2;
    CHECK(contains(f.run("status"), "booths waiting for approval 2\n"));
}
