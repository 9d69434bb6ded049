// The moderator's client under Xvfb against a real in-process server: the sample exhibition
// with its opening forum moved to now; visitors ask, upvote and answer a poll over NetClients;
// the client pins, approves, shows results and takes screenshots of the Q&A and poll panels,
// then of the stage with the panels closed: the questions on the second screen, the poll's
// results on the main screen (to $FG_QNA_SHOTS when set). Test only.
#include "engine/core/File.h"
#include "engine/core/Time.h"
#include "game/netclient/NetClient.h"
#include "server/ServerApp.h"
#include "server/store/Store.h"
#include "tests/client/ServerThread.h"

#include <algorithm>
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
constexpr const char* kSession = "forum-opening";

// The sample copied to DIR with only its opening forum, live from 10 minutes ago.
fs::path liveSample(const fs::path& dir) {
    fs::copy(kSampleDir, dir / "sample", fs::copy_options::recursive);
    auto text = fg::readFileText(dir / "sample/exhibition.json");
    REQUIRE(text);
    auto j = nlohmann::json::parse(*text);
    const fg::UnixSeconds now = fg::unixNow();
    j["event"]["opens"] = fg::formatDate(now - 86400);
    j["event"]["closes"] = fg::formatDate(now + 86400);
    nlohmann::json forum;
    for (const auto& s : j["sessions"])
        if (s["id"] == kSession) forum = s;
    forum["start"] = fg::formatUtcTimestamp(now - 600);
    forum["end"] = fg::formatUtcTimestamp(now + 3600);
    j["sessions"] = nlohmann::json::array({forum});
    j["awards"] = nlohmann::json::array(); // their ceremony session is gone with the others
    for (auto& booth : j["booths"]) // meeting days name the 2021 dates: every event day instead
        if (booth.contains("meetings")) booth["meetings"].erase("days");
    REQUIRE(fg::writeFileAtomic(dir / "sample/exhibition.json", j.dump(2)));
    return dir / "sample/exhibition.json";
}

std::unique_ptr<NetClient> person(std::uint16_t port, const std::string& name,
                                  const std::string& token) {
    fg::netclient::ClientConfig cfg;
    cfg.port = port;
    cfg.hello.name = name;
    cfg.hello.country = "VN";
    cfg.hello.look = 0x2a9d8f;
    cfg.hello.clientKey = "key-" + name;
    cfg.hello.credential = token;
    auto c = NetClient::connect(cfg);
    REQUIRE(c);
    return std::move(*c);
}

std::string tokenFor(fg::server::ServerApp& app, fg::store::Role role, const std::string& label) {
    auto t = app.store().issueCredential(role, "", label);
    REQUIRE(t);
    return t->token;
}

fs::path shotsDir(const fs::path& fallback) {
    const char* env = std::getenv("FG_QNA_SHOTS");
    return env && *env ? fs::absolute(env) : fallback;
}

} // namespace

TEST_CASE("a moderator's client runs the Q&A and a poll and draws their panels") {
    const fs::path dir = fs::temp_directory_path() / fmt::format("fg-qna-window-{}", ::getpid());
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path exhibition = liveSample(dir);
    fg::server::ServerConfig config;
    config.exhibitionPath = exhibition;
    config.dataDir = dir / "server";
    config.bindAddress = "127.0.0.1";
    config.port = 0;
    auto app = fg::server::ServerApp::create(config);
    REQUIRE_MESSAGE(app, (app ? "" : app.error().message));
    fg::test::ServerThread server;
    server.app = std::move(*app);
    const std::uint16_t port = server.app->port();
    const std::string modToken =
        tokenFor(*server.app, fg::store::Role::Organiser, "Forum moderator");
    std::vector<std::string> tokens;
    for (int i = 0; i < 4; ++i)
        tokens.push_back(tokenFor(*server.app, fg::store::Role::Visitor, "forum"));
    server.start();

    std::vector<std::unique_ptr<NetClient>> people;
    const char* names[] = {"Vy", "Minh", "Lan", "Kim"};
    for (int i = 0; i < 4; ++i)
        people.push_back(person(port, names[i], tokens[std::size_t(i)]));
    auto pumpFor = [&](double seconds) {
        const double until = fg::monotonicSeconds() + seconds;
        while (fg::monotonicSeconds() < until) {
            for (auto& p : people)
                p->update(0);
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    };
    pumpFor(2);
    for (auto& p : people) {
        REQUIRE((p->state() == fg::netclient::ClientState::Joined));
        p->teleport(proto::TeleportKind::Venue, 0, "h1-forum-stage");
    }
    pumpFor(0.5);
    people[0]->request(proto::QnaAsk{0, kSession, "Which bands will 5G use in Viet Nam?", false});
    people[1]->request(
        proto::QnaAsk{0, kSession, "How will roaming charges change across ASEAN?", true});
    people[2]->request(proto::QnaAsk{0, kSession, "Is there funding for rural towers?", false});
    pumpFor(0.5);
    for (int voter = 0; voter < 4; ++voter)
        for (std::uint64_t q = 1; q <= std::uint64_t(voter % 3 + 1); ++q)
            people[std::size_t(voter)]->request(proto::QnaVote{0, kSession, q});
    people[3]->request(proto::HandRaise{0, kSession, true});
    pumpFor(0.5);

    const fs::path shots = shotsDir(dir);
    // The moderator pins the most upvoted question, requires approval, opens a poll that the
    // visitors answer (below, once it is open) and shows its results.
    // Frames are few: lavapipe on a busy 2-core box draws about one a second.
    const std::string script = fmt::format(
        "10 teleport h1-forum-stage\n12 wait-walk\n16 qna-pin top\n17 qna-approval on\n"
        "18 poll-create --open Which topic next? | Spectrum | Roaming | Rural coverage\n"
        "19 qna-sort votes\n30 screenshot {0}\n45 poll-close newest\n46 poll-results newest\n"
        "54 screenshot {1}\n55 qna-window off\n55 poll-window off\n55 stage\n"
        "56 key s down\n60 key s up\n68 screenshot {2}\n70 quit\n",
        (shots / "qna-panel.png").string(), (shots / "poll-results.png").string(),
        (shots / "stage-qna.png").string());
    REQUIRE(fg::writeFileAtomic(dir / "script.txt", script));
    REQUIRE(fg::writeFileAtomic(
        dir / "client.json", std::string_view(R"({"settings": {"msaa": 1, "shadows": false}})")));
    const std::string command = fmt::format(
        "timeout -k 5 400 xvfb-run -a -s '-screen 0 1280x720x24' '{}' --connect 127.0.0.1:{} "
        "--exhibition '{}' --token '{}' --name 'Mai Moderator' --organisation 'Fair HQ' --email "
        "mai@fair.example --country VN --config '{}' --cache '{}' --script '{}' --width 1280 "
        "--height 720 --no-vsync --exit-after 6000 > '{}' 2>&1",
        FG_CLIENT_EXE, port, exhibition.string(), modToken, (dir / "client.json").string(),
        (dir / "cache").string(), (dir / "script.txt").string(), (dir / "client.log").string());
    int rc = -1;
    std::atomic<bool> clientDone{false};
    std::thread client([&] {
        rc = std::system(command.c_str());
        clientDone = true;
    });

    // Each visitor answers the poll once it is open; all are pumped until the client quits.
    std::vector<bool> answered(people.size(), false);
    while (!clientDone) {
        for (std::size_t i = 0; i < people.size(); ++i) {
            people[i]->update(0);
            for (auto& m : people[i]->takeInbox())
                if (auto* u = std::get_if<proto::PollUpdate>(&m);
                    u && u->poll.state == proto::PollState::Open && !answered[i]) {
                    people[i]->request(
                        proto::PollAnswer{0, kSession, u->poll.id, 1u << (i == 0 ? 0 : i % 3)});
                    answered[i] = true;
                }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    CHECK(std::all_of(answered.begin(), answered.end(), [](bool a) { return a; }));
    client.join();
    auto logText = fg::readFileText(dir / "client.log");
    const std::string log = logText ? *logText : "(no log)";
    INFO("client log:\n" << log);
    CHECK(WIFEXITED(rc));
    CHECK(WEXITSTATUS(rc) == 0);
    CHECK(fs::exists(shots / "qna-panel.png"));
    CHECK(fs::exists(shots / "poll-results.png"));
    CHECK(fs::exists(shots / "stage-qna.png"));
    auto polls = server.app->console().execute("session polls forum-opening --json");
    server.stop = true;
    if (server.thread.joinable()) server.thread.join();
    REQUIRE(polls.ok);
    auto j = nlohmann::json::parse(polls.text);
    CHECK(j[0]["answers"] == 4);
    CHECK(j[0]["results_shown"] == true);
    fs::remove_all(dir);
}
