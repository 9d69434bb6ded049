// The real client under Xvfb against a real in-process server with the sample's awards open now:
// a juror from a finalist's company votes from the Awards panel (a closed category refuses with
// the reason) and scores from the jury panel (its own company's finalist disabled and refused);
// an organiser reveals the winner and sees the stage screen, the trophy and the winner badge.
// Screenshots go to $FG_AWARDS_SHOTS when set. Test only.
#include "engine/core/File.h"
#include "engine/core/Time.h"
#include "game/netclient/NetClient.h"
#include "server/ServerApp.h"
#include "server/console/ConsoleCommands.h"
#include "server/store/Store.h"
#include "tests/client/ServerThread.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <thread>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
namespace proto = fg::expo::proto;
using fg::netclient::NetClient;

const fs::path kSampleDir = fs::path(FG_ASSETS_DIR) / "exhibitions/digital-world-2021";
constexpr const char* kImpact = "sme-social-impact";

// The sample copied to DIR with only the awards ceremony, live now; Social Impact and Digital
// Inclusion vote now, Technological Innovation closed a minute ago.
fs::path liveAwards(const fs::path& dir) {
    fs::copy(kSampleDir, dir / "sample", fs::copy_options::recursive);
    auto text = fg::readFileText(dir / "sample/exhibition.json");
    REQUIRE(text);
    auto j = nlohmann::json::parse(*text);
    const fg::UnixSeconds now = fg::unixNow();
    j["event"]["opens"] = fg::formatDate(now - 86400);
    j["event"]["closes"] = fg::formatDate(now + 86400);
    nlohmann::json ceremony;
    for (const auto& s : j["sessions"])
        if (s["id"] == "awards-ceremony") ceremony = s;
    ceremony["start"] = fg::formatUtcTimestamp(now - 600);
    ceremony["end"] = fg::formatUtcTimestamp(now + 3600);
    j["sessions"] = nlohmann::json::array({ceremony});
    for (auto& a : j["awards"]) {
        const bool closed = a["id"] == "sme-tech-innovation";
        a["voting"]["opens"] = fg::formatUtcTimestamp(now - 3600);
        a["voting"]["closes"] = fg::formatUtcTimestamp(closed ? now - 60 : now + 3600);
    }
    for (auto& booth : j["booths"]) // meeting days name the 2021 dates: every event day instead
        if (booth.contains("meetings")) booth["meetings"].erase("days");
    REQUIRE(fg::writeFileAtomic(dir / "sample/exhibition.json", j.dump(2)));
    return dir / "sample/exhibition.json";
}

// The token an `invite ...` console line printed.
std::string invite(fg::server::ServerApp& app, const std::string& line) {
    const auto r = app.console().execute(line);
    REQUIRE_MESSAGE(r.ok, r.text);
    const std::string marker = "keep it safe): ";
    const auto at = r.text.find(marker);
    REQUIRE(at != std::string::npos);
    return r.text.substr(at + marker.size(),
                         r.text.find_first_of(" \n", at + marker.size()) - at - marker.size());
}

fs::path shotsDir(const fs::path& fallback) {
    const char* env = std::getenv("FG_AWARDS_SHOTS");
    return env && *env ? fs::absolute(env) : fallback;
}

struct Run {
    int rc = -1;
    std::string log;
};

// The client signed in with TOKEN plays SCRIPT while PUMP keeps the test's own clients talking.
template <class Pump>
Run runClient(const fs::path& dir, const std::string& tag, std::uint16_t port,
              const fs::path& exhibition, const std::string& token, const std::string& name,
              const std::string& script, Pump&& pump) {
    REQUIRE(fg::writeFileAtomic(dir / (tag + ".txt"), script));
    const std::string command = fmt::format(
        "timeout -k 5 400 xvfb-run -a -s '-screen 0 1280x720x24' '{}' --connect 127.0.0.1:{} "
        "--exhibition '{}' --token '{}' --name '{}' --organisation 'Fair HQ' --email "
        "p@fair.example --country VN --config '{}' --cache '{}' --script '{}' --width 1280 "
        "--height 720 --no-vsync --exit-after 6000 > '{}' 2>&1",
        FG_CLIENT_EXE, port, exhibition.string(), token, name, (dir / "client.json").string(),
        (dir / "cache").string(), (dir / (tag + ".txt")).string(), (dir / (tag + ".log")).string());
    Run run;
    std::atomic<bool> done{false};
    std::thread client([&] {
        run.rc = std::system(command.c_str());
        done = true;
    });
    while (!done)
        pump(0.05);
    client.join();
    auto text = fg::readFileText(dir / (tag + ".log"));
    run.log = text ? *text : std::string("(no log)");
    return run;
}

bool has(const std::string& log, const std::string& text) {
    return log.find(text) != std::string::npos;
}

} // namespace

TEST_CASE(
    "awards window: a juror votes and scores from the panels - an organiser reveals the winner") {
    const fs::path dir = fs::temp_directory_path() / fmt::format("fg-awards-window-{}", ::getpid());
    fs::remove_all(dir);
    fs::create_directories(dir);
    fg::server::ServerConfig config;
    config.exhibitionPath = liveAwards(dir);
    config.dataDir = dir / "server";
    config.bindAddress = "127.0.0.1";
    config.port = 0;
    auto app = fg::server::ServerApp::create(config);
    REQUIRE_MESSAGE(app, (app ? "" : app.error().message));
    fg::test::ServerThread server;
    server.app = std::move(*app);
    const std::uint16_t port = server.app->port();
    // Ana scores Social Impact and Digital Inclusion; she works for Shamba Sense (sme-01).
    const std::string juror = invite(
        *server.app, "invite jury sme-social-impact,sme-digital-inclusion --from shamba-sense Ana");
    const std::string organiser = invite(*server.app, "invite organiser Host");
    auto tickets = server.app->store().issueTickets(3, "voters");
    REQUIRE(tickets.ok());
    server.start();

    // Three ticket holders vote for Pocket Clinic (sme-02) before the clients run.
    std::vector<std::unique_ptr<NetClient>> voters;
    for (std::size_t i = 0; i < tickets->size(); ++i) {
        fg::netclient::ClientConfig cfg;
        cfg.port = port;
        cfg.hello.name = fmt::format("Voter {}", i);
        cfg.hello.country = "VN";
        cfg.hello.clientKey = fmt::format("voter-key-{}", i);
        cfg.hello.credential = (*tickets)[i].code;
        auto c = NetClient::connect(cfg);
        REQUIRE(c);
        voters.push_back(std::move(*c));
    }
    auto pump = [&](double seconds) {
        const double until = fg::monotonicSeconds() + seconds;
        while (fg::monotonicSeconds() < until) {
            for (auto& v : voters) {
                v->update(0);
                v->takeInbox();
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    };
    pump(2);
    for (auto& v : voters) {
        REQUIRE((v->state() == fg::netclient::ClientState::Joined));
        v->request(proto::BallotCast{0, kImpact, "sme-02"});
    }
    pump(1);
    REQUIRE(fg::writeFileAtomic(
        dir / "client.json", std::string_view(R"({"settings": {"msaa": 1, "shadows": false}})")));
    const fs::path shots = shotsDir(dir);

    // The juror: a ballot from the panel, a refusal (closed), scores, a conflict refused.
    const Run jury = runClient(
        dir, "juror", port, config.exhibitionPath, juror, "Ana Juror",
        fmt::format("3 live-now-dismiss\n5 awards-tab {0}\n6 wait-seconds 2\n"
                    "7 awards-vote {0} sme-02\n8 wait-seconds 2\n"
                    "9 awards-vote sme-tech-innovation sme-04\n10 wait-seconds 2\n"
                    "11 awards-tab {0}\n14 screenshot {1}\n15 awards off\n16 jury\n"
                    "17 jury-score {0} sme-02 9 8 7\n18 wait-seconds 2\n"
                    "19 jury-score {0} sme-01 5 5 5\n20 wait-seconds 2\n23 screenshot {2}\n"
                    "24 awards-log\n26 quit\n",
                    kImpact, (shots / "awards-panel.png").string(),
                    (shots / "awards-jury.png").string()),
        pump);
    INFO("juror's client log:\n" << jury.log);
    CHECK(WIFEXITED(jury.rc));
    CHECK(WEXITSTATUS(jury.rc) == 0);
    CHECK(has(jury.log,
              "awards: sme-social-impact ballot=sme-02 juror=1 scored=sme-02 "
              "conflicts=sme-01 winner=- totals=hidden refusal=\"score: you may not score"));
    CHECK(has(jury.log, "awards: sme-tech-innovation ballot=- juror=0"));
    CHECK(has(jury.log, "Technological Innovation\" closed at"));
    CHECK(fs::exists(shots / "awards-panel.png"));
    CHECK(fs::exists(shots / "awards-jury.png"));

    // The organiser: the awards board, then the reveal on the ceremony's screen, the trophy.
    const Run host = runClient(
        dir, "organiser", port, config.exhibitionPath, organiser, "Host",
        fmt::format("2 live-now-dismiss\n3 teleport sme-10\n4 wait-walk\n6 mouse 1130 0\n"
                    "9 wait-seconds 2\n10 screenshot {1}\n"
                    "11 teleport h1-forum-stage\n12 wait-walk\n13 wait-seconds 2\n"
                    "14 qna-window off\n15 poll-window off\n16 stage\n17 mouse 0 -70\n"
                    "18 awards-reveal {0} 30\n19 wait-seconds 1\n20 screenshot {2}\n"
                    "21 awards-log\n22 wait-seconds 32\n24 screenshot {3}\n"
                    "25 teleport sme-02\n26 wait-walk\n28 wait-seconds 2\n30 screenshot {4}\n"
                    "31 open-booth sme-02\n32 awards-section\n33 screenshot {6}\n34 close-panel\n"
                    "35 directory-finalists\n37 screenshot {5}\n38 awards-log\n40 quit\n",
                    kImpact, (shots / "awards-board.png").string(),
                    (shots / "awards-countdown.png").string(),
                    (shots / "awards-reveal.png").string(), (shots / "awards-trophy.png").string(),
                    (shots / "awards-directory.png").string(),
                    (shots / "awards-booth.png").string()),
        pump);
    INFO("organiser's client log:\n" << host.log);
    CHECK(WIFEXITED(host.rc));
    CHECK(WEXITSTATUS(host.rc) == 0);
    CHECK(has(host.log, "awards: reveal sme-social-impact on h1-forum-stage: countdown"));
    CHECK(has(host.log, "awards: reveal sme-social-impact on h1-forum-stage: winner sme-02"));
    CHECK(has(host.log, "awards: sme-social-impact ballot=- juror=0 scored=- conflicts=- "
                        "winner=sme-02 totals=shown"));
    CHECK(has(host.log, "awards: world: trophies=sme-02 badges=sme-02"));
    for (const char* shot : {"awards-board.png", "awards-countdown.png", "awards-reveal.png",
                             "awards-trophy.png", "awards-directory.png", "awards-booth.png"})
        CHECK(fs::exists(shots / shot));

    server.stop = true;
    if (server.thread.joinable()) server.thread.join();
    const auto status = server.app->console().execute("awards status --json");
    REQUIRE_MESSAGE(status.ok, status.text);
    INFO(status.text);
    CHECK(has(status.text, "sme-02"));
    const auto progress = server.app->console().execute("awards progress");
    INFO(progress.text);
    CHECK(has(progress.text, "Ana"));
    fs::remove_all(dir);
}
