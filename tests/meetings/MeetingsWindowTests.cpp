// The meetings slice in the real `fairground` under Xvfb against a real in-process server: a
// visitor's booth panel shows the free slots and requests the first; the exhibitor's "My
// meetings" lists it and proposes the next slot; the visitor accepts the proposal and exports
// the .ics, which parses back with the accepted slot. Screenshots go to $FG_MEETING_SHOTS.
#include "engine/calendar/Calendar.h"
#include "server/console/ConsoleCommands.h"
#include "tests/client/ServerThread.h"
#include "tests/meetings/MeetingWorld.h"

#include <cstdlib>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using namespace fg;

struct Fixture {
    fs::path dir;
    fs::path exhibition;
    test::ServerThread server;

    Fixture() {
        dir = fs::temp_directory_path() / fmt::format("fg-meetings-window-{}", ::getpid());
        fs::remove_all(dir);
        fs::create_directories(dir);
        exhibition = test::writeMeetingExhibition(dir);
        server.app = test::startServer(exhibition, dir / "server");
        for (const char* who : {"visitor", "exhibitor"})
            REQUIRE(writeFileAtomic(
                dir / fmt::format("{}.json", who),
                std::string_view(R"({"settings": {"msaa": 1, "shadows": false}})")));
    }
    ~Fixture() {
        server.stop = true;
        if (server.thread.joinable()) server.thread.join();
        fs::remove_all(dir);
    }
    std::string invite() {
        auto out = server.app->console().execute("invite exhibitor acme");
        REQUIRE_MESSAGE(out.ok, out.text);
        auto at = out.text.find("fgx_");
        REQUIRE(at != std::string::npos);
        return out.text.substr(at, 44);
    }
    // Runs the client as WHO (its own client.json: its own client key) with SCRIPT; exit status.
    int run(const std::string& who, const std::string& name, const std::string& extra,
            const std::string& script) {
        REQUIRE(writeFileAtomic(dir / (who + ".txt"), script));
        const std::string cmd = fmt::format(
            "timeout -k 5 170 xvfb-run -a -s '-screen 0 1024x700x24' '{}' --connect 127.0.0.1:{} "
            "--exhibition '{}' {} --name '{}' --organisation 'Lotus Bay' --email "
            "lan@lotus.example --country VN --config '{}' --cache '{}' --script '{}' --width 1024 "
            "--height 700 --no-vsync --exit-after 4000 > '{}' 2>&1",
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
    const char* env = std::getenv("FG_MEETING_SHOTS");
    return env && *env ? fs::absolute(env) : fallback;
}

// The client exited normally, every script action ran, and the log has EXPECTED (a toast).
void checkRan(int rc, const std::string& log, const std::string& expected) {
    INFO("client log:\n" << log);
    CHECK(WIFEXITED(rc));
    CHECK(WEXITSTATUS(rc) == 0);
    CHECK(log.find("script line") == std::string::npos); // no script action failed
    CHECK(log.find(expected) != std::string::npos);
}

} // namespace

TEST_CASE("window: a visitor books from the booth panel, the exhibitor proposes another slot "
          "from My meetings, the visitor accepts and exports the calendar") {
    Fixture f;
    const std::string token = f.invite();
    f.server.start();
    const fs::path shots = shotsDir(f.dir);

    int rc = f.run("visitor", "Lan Pham", "",
                   fmt::format("1 teleport acme-booth\n4 open-booth acme-booth\n30 "
                               "meetings-section\n50 request-meeting first Roaming tariffs for "
                               "5G\n90 meetings-section\n110 screenshot {}\n120 quit\n",
                               (shots / "meetings-slots.png").string()));
    checkRan(rc, f.log("visitor"), "meeting requested at booth acme-booth (#1)");

    rc = f.run("exhibitor", "Acme Staff", "--token '" + token + "'",
               fmt::format("1 meetings-window\n40 screenshot {}\n50 propose-meeting newest next\n"
                           "90 screenshot {}\n100 quit\n",
                           (shots / "meetings.png").string(),
                           (shots / "meetings-proposed.png").string()));
    checkRan(rc, f.log("exhibitor"), "meeting #1 at booth acme-booth: other time proposed");

    const fs::path ics = f.dir / "visitor.ics";
    rc = f.run("visitor", "Lan Pham", "",
               fmt::format("1 meetings-window\n30 accept-proposal newest\n70 export-ics {}\n"
                           "80 quit\n",
                           ics.string()));
    checkRan(rc, f.log("visitor"), "meeting #1 at booth acme-booth: accepted");

    auto text = readFileText(ics);
    REQUIRE_MESSAGE(text, f.log("visitor"));
    auto events = calendar::parseICalendar(*text);
    REQUIRE_MESSAGE(events, (events ? "" : events.error().message));
    REQUIRE(events->size() == 1);
    // The first free slot was tomorrow 09:00; the booth proposed the next one, 09:30.
    CHECK((*events)[0].start == test::slotAt(1, 9, 30));
    CHECK((*events)[0].end == test::slotAt(1, 10, 0));
    CHECK((*events)[0].summary == "Meeting at Acme");
    CHECK((*events)[0].location == "Test Fair, Main Hall, booth acme-booth");
    CHECK((*events)[0].description == "Roaming tariffs for 5G");
    CHECK((*events)[0].status == calendar::EventStatus::Confirmed);
    CHECK(fs::exists(shots / "meetings.png"));
    CHECK(fs::exists(shots / "meetings-slots.png"));
}
