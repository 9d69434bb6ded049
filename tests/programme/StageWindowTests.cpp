// The stage panel in the real `fairground` under Xvfb against a real in-process server: an
// organiser on stage sees the live session's state, page, presenter and moderator controls and
// the attendance figures, and pages forward; a visitor watches from the overflow view.
// Screenshots go to $FG_STAGE_SHOTS (docs/images/ when taken for the docs).
#include "tests/client/ServerThread.h"
#include "tests/programme/StageWorld.h"

#include <cstdlib>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using namespace fg;

struct Fixture {
    fs::path dir, exhibition;
    test::ServerThread server;

    Fixture() {
        dir = fs::temp_directory_path() / fmt::format("fg-stage-window-{}", ::getpid());
        fs::remove_all(dir);
        fs::create_directories(dir);
        exhibition = test::writeTestExhibition(dir);
        REQUIRE(writeFileAtomic(exhibition, test::stageExhibitionJson(200)).ok());
        server.app = test::startServer(exhibition, dir / "server");
        for (const char* who : {"organiser", "visitor"})
            REQUIRE(writeFileAtomic(
                dir / fmt::format("{}.json", who),
                std::string_view(R"({"settings": {"msaa": 1, "shadows": false}})")));
    }
    ~Fixture() {
        server.stop = true;
        if (server.thread.joinable()) server.thread.join();
        fs::remove_all(dir);
    }
    // Console lines run before the server thread starts (the console is the server thread's).
    std::string console(const std::string& line) {
        auto out = server.app->console().execute(line);
        REQUIRE_MESSAGE(out.ok, out.text);
        return out.text;
    }
    int run(const std::string& who, const std::string& name, const std::string& extra,
            const std::string& script) {
        REQUIRE(writeFileAtomic(dir / (who + ".txt"), script));
        const std::string cmd = fmt::format(
            "timeout -k 5 290 xvfb-run -a -s '-screen 0 1024x700x24' '{}' --connect 127.0.0.1:{} "
            "--exhibition '{}' {} --name '{}' --organisation 'Lotus Bay' --email lan@lotus.example "
            "--country VN --config '{}' --cache '{}' --script "
            "'{}' --width 1024 --height 700 --no-vsync --exit-after 4000 > '{}' 2>&1",
            FG_CLIENT_EXE, server.app->port(), exhibition.string(), extra, name,
            (dir / (who + ".json")).string(), (dir / "cache").string(),
            (dir / (who + ".txt")).string(), (dir / (who + ".log")).string());
        return std::system(cmd.c_str());
    }
    std::string log(const std::string& who) const {
        auto text = readFileText(dir / (who + ".log"));
        return text ? *text : std::string("(no log)");
    }
};

fs::path shotsDir(const fs::path& fallback) {
    const char* env = std::getenv("FG_STAGE_SHOTS");
    return env && *env ? fs::absolute(env) : fallback;
}

void checkRan(int rc, const std::string& log) {
    INFO("client log:\n" << log);
    CHECK(WIFEXITED(rc));
    CHECK(WEXITSTATUS(rc) == 0);
    CHECK(log.find("script line") == std::string::npos); // no script action failed
}

} // namespace

TEST_CASE("window: the organiser's stage panel on a live session, and the overflow view") {
    Fixture f;
    f.console("session start forum-1");
    f.console("session slide forum-1 3");
    auto out = f.server.app->console().execute("invite organiser Chair");
    REQUIRE(out.ok);
    const auto at = out.text.find("fgx_");
    REQUIRE(at != std::string::npos);
    const std::string token = out.text.substr(at, 44);
    f.server.start();
    const fs::path shots = shotsDir(f.dir);

    int rc = f.run("organiser", "Chair Person", "--token '" + token + "'",
                   fmt::format("1 teleport stage\n30 stage-next\n50 screenshot {}\n55 quit\n",
                               (shots / "stage-panel.png").string()));
    checkRan(rc, f.log("organiser"));
    rc = f.run("visitor", "Lan Pham", "",
               fmt::format("1 stage-overflow forum-1\n30 screenshot {}\n35 quit\n",
                           (shots / "stage-overflow.png").string()));
    checkRan(rc, f.log("visitor"));

    f.server.stop = true;
    f.server.thread.join();
    auto stats = nlohmann::json::parse(f.console("session stats forum-1 --json"));
    CHECK(stats["slide"] == 4);     // the organiser paged from 3 to 4
    CHECK(stats["attendees"] == 2); // on stage and in the overflow
    CHECK(fs::exists(shots / "stage-panel.png"));
    CHECK(fs::exists(shots / "stage-overflow.png"));
}
