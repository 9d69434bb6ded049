// Script mode of the terminal console: lines from a pipe run in order, each echoed before its
// output; a last line without newline still runs; the end of input is reported.
#include "server/console/ConsoleTerminal.h"
#include "tests/console/ConsoleFixture.h"

#include <cstdio>
#include <unistd.h>

using namespace fg;

namespace {
std::string readAll(std::FILE* file) {
    std::fflush(file);
    std::rewind(file);
    std::string out;
    char buffer[512];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0)
        out.append(buffer, n);
    return out;
}
} // namespace

TEST_CASE("console terminal: a piped script runs line by line until the input ends") {
    test::ConsoleFixture f;
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    std::string script = "hall close main\n\n  \nkick bob\nannounce main Doors open";
    REQUIRE(::write(fds[1], script.data(), script.size()) == ssize_t(script.size()));
    ::close(fds[1]);
    std::FILE* out = std::tmpfile();
    REQUIRE(out);
    {
        console::TerminalOptions options;
        options.inputFd = fds[0];
        options.output = out;
        console::ConsoleTerminal terminal(
            options, [&](std::string_view line) { return f.console.execute(line); });
        CHECK_FALSE(terminal.interactive());
        int rounds = 0;
        while (terminal.pump() && rounds < 1000)
            ++rounds;
        CHECK_FALSE(terminal.pump());
    }
    ::close(fds[0]);
    std::string text = readAll(out);
    std::fclose(out);
    CHECK(text == "> hall close main\nhall main is now closed\n"
                  "> kick bob\nkick: unknown visitor \"bob\" (try 'who')\n"
                  "> announce main Doors open\nannounced to hall main: Doors open\n");
    CHECK(f.host.calls.back() == "announce [main] Doors open");
}
