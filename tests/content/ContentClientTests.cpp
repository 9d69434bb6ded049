// The real visitor client under Xvfb with --connect to a server whose exhibition is NOT on the
// client's disk: it downloads the manifest and assets, builds its world from the cooked files,
// and a second start with a warm cache downloads only the manifest. Tests only.
#include "tests/content/ContentTestWorld.h"

#include <cstdlib>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/wait.h>

namespace fg::test {

namespace fs = std::filesystem;

namespace {

struct Run {
    int exitCode = -1;
    std::string log;
};

Run runClient(const fs::path& dir, std::uint16_t port, const std::string& name) {
    const fs::path log = dir / (name + ".log");
    const std::string command = fmt::format(
        "timeout -k 5 150 xvfb-run -a -s '-screen 0 480x270x24' '{}' --connect 127.0.0.1:{} "
        "--name '{}' --organisation 'Lima Ltd' --email ana@example.vn --country VN --color "
        "'#22aa66' --config '{}' --cache '{}' --width 480 --height 270 --no-vsync --exit-after 12 "
        "--screenshot-at 10 '{}' > '{}' 2>&1",
        FG_CLIENT_EXE, port, name, (dir / "client.json").string(), (dir / "cache").string(),
        (dir / (name + ".png")).string(), log.string());
    Run run;
    const int rc = std::system(command.c_str());
    run.exitCode = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    auto text = readFileText(log);
    run.log = text ? *text : std::string("(no log)");
    return run;
}

} // namespace

TEST_CASE("content client: --connect builds the world from downloaded assets, warm start is "
          "manifest only") {
    ContentServerFixture server;
    const fs::path dir = server.dir / "client";
    fs::create_directories(dir);
    REQUIRE(writeFileAtomic(dir / "client.json",
                            std::string_view(R"({"settings": {"msaa": 1, "shadows": false}})")));
    Run cold = runClient(dir, server.port(), "Ana Lima");
    INFO("cold client log:\n" << cold.log);
    CHECK(cold.exitCode == 0);
    CHECK(cold.log.find("6 files, 0 cached, 6 downloaded") != std::string::npos);
    CHECK(cold.log.find("world of 2 booths, 1 posters, 1 models") != std::string::npos);
    CHECK(cold.log.find("0 placeholders") != std::string::npos);
    CHECK(fs::exists(dir / "Ana Lima.png"));

    Run warm = runClient(dir, server.port(), "Bea Lima");
    INFO("warm client log:\n" << warm.log);
    CHECK(warm.exitCode == 0);
    CHECK(warm.log.find("6 files, 5 cached, 1 downloaded") != std::string::npos);
    CHECK(warm.log.find("1 requests") != std::string::npos);
}

} // namespace fg::test
