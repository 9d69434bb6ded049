// The organiser's client under Xvfb against a real in-process server: it signs in with an
// organiser token, opens the people panel, the reports, the approval queue and the heat map
// (screenshots to $FG_MODERATION_SHOTS when set) and kicks a visitor, who is disconnected.
#include "engine/core/File.h"
#include "engine/core/Time.h"
#include "game/booth/BoothArchive.h"
#include "game/booth/BoothAssets.h"
#include "game/booth/BoothEdits.h"
#include "game/booth/BoothTemplates.h"
#include "game/netclient/NetClient.h"
#include "game/netclient/PublishClient.h"
#include "server/ServerApp.h"
#include "tests/client/ServerThread.h"

#include <chrono>
#include <cstdlib>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <memory>
#include <thread>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
namespace proto = fg::expo::proto;
using fg::netclient::NetClient;

const fs::path kSample = fs::path(FG_ASSETS_DIR) / "exhibitions/digital-world-2021/exhibition.json";

std::unique_ptr<NetClient> person(std::uint16_t port, const std::string& name) {
    fg::netclient::ClientConfig cfg;
    cfg.port = port;
    cfg.hello.name = name;
    cfg.hello.country = "VN";
    cfg.hello.look = 0x2a9d8f;
    cfg.hello.clientKey = "key-" + name;
    auto c = NetClient::connect(cfg);
    REQUIRE(c);
    return std::move(*c);
}

// Lotus Bay's booth as its exhibitor would submit it from the editor (for the approval queue).
fg::booth::BoothBundle lotusBooth() {
    using namespace fg::booth;
    BoothEditor ed(makeFromTemplate(BoothTemplate::Island3D, fg::expo::BoothSize::L, "vn-01",
                                    "lotus-bay-telecom"));
    fg::expo::Exhibitor p;
    p.id = "lotus-bay-telecom";
    p.name = "Lotus Bay Telecom";
    p.country = "VN";
    p.sector = "5G";
    p.website = "https://lotus.example";
    p.email = "hello@lotus.example";
    (void)setProfile(ed, p);
    auto png = fg::readFileBytes(fs::path(FG_ASSETS_DIR) / "test-models" / "checker.png");
    REQUIRE(png);
    (void)setLogo(ed, "logo.png", *png);
    (void)setPoster(ed, 0, "poster.png", *png);
    auto model = readModelFiles(fs::path(FG_ASSETS_DIR) / "test-models" / "cube.gltf");
    REQUIRE(model);
    (void)addModel(ed, "cube.gltf", *model);
    return ed.bundle();
}

fs::path shotsDir(const fs::path& fallback) {
    const char* env = std::getenv("FG_MODERATION_SHOTS");
    return env && *env ? fs::absolute(env) : fallback;
}

} // namespace

TEST_CASE("an organiser's client kicks a visitor and draws its moderation panels") {
    const fs::path dir = fs::temp_directory_path() / fmt::format("fg-moderation-{}", ::getpid());
    fs::remove_all(dir);
    fs::create_directories(dir);
    fg::server::ServerConfig config;
    config.exhibitionPath = kSample;
    config.dataDir = dir / "server";
    config.bindAddress = "127.0.0.1";
    config.port = 0;
    auto app = fg::server::ServerApp::create(config);
    REQUIRE_MESSAGE(app, (app ? "" : app.error().message));
    fg::test::ServerThread server;
    server.app = std::move(*app);
    const std::uint16_t port = server.app->port();
    auto invited = server.app->console().execute("invite organiser Floor manager");
    REQUIRE(invited.ok);
    const std::string token = invited.text.substr(invited.text.find("fgx_"), 44);
    auto staff = server.app->console().execute("invite exhibitor lotus-bay-telecom Booth team");
    REQUIRE(staff.ok);
    const std::string staffToken = staff.text.substr(staff.text.find("fgx_"), 44);
    server.start();

    // Visitors: Vy says something rude, Minh reports it; three stand at booths for the heat map.
    std::vector<std::unique_ptr<NetClient>> people;
    for (const char* name : {"Vy", "Minh", "Lan", "Kim", "Hoa"})
        people.push_back(person(port, name));
    NetClient& vy = *people[0];
    NetClient& minh = *people[1];
    auto pumpAll = [&] {
        for (auto& p : people)
            if (p) p->update(0);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    };
    const double joinBy = fg::monotonicSeconds() + 20;
    while (fg::monotonicSeconds() < joinBy && minh.state() != fg::netclient::ClientState::Joined)
        pumpAll();
    REQUIRE((vy.state() == fg::netclient::ClientState::Joined));
    people[2]->teleport(proto::TeleportKind::Booth, 0, "vn-08");
    people[3]->teleport(proto::TeleportKind::Booth, 0, "vn-08");
    people[4]->teleport(proto::TeleportKind::Booth, 0, "vn-09");
    vy.chat(proto::ChatScope::Hall, "", 0, "this fair is a scam, you are all idiots");
    std::uint64_t rude = 0;
    while (fg::monotonicSeconds() < joinBy + 10 && rude == 0) {
        pumpAll();
        for (auto& m : minh.takeInbox())
            if (auto* line = std::get_if<proto::ChatReceived>(&m)) rude = line->lineId;
    }
    REQUIRE(rude != 0);
    minh.request(proto::ChatReport{0, rude, "insults everyone"});

    // Lotus Bay's staff submits its booth: it waits in the approval queue.
    {
        fg::netclient::ClientConfig cfg;
        cfg.port = port;
        cfg.hello.name = "Lotus staff";
        cfg.hello.role = proto::Role::Exhibitor;
        cfg.hello.credential = staffToken;
        cfg.hello.presence = false; // the editor publishing: not in the world
        auto exh = NetClient::connect(cfg);
        REQUIRE(exh);
        const double joined = fg::monotonicSeconds() + 20;
        while (fg::monotonicSeconds() < joined &&
               (*exh)->state() == fg::netclient::ClientState::Connecting) {
            pumpAll();
            (*exh)->update(0);
        }
        REQUIRE(((*exh)->state() == fg::netclient::ClientState::Joined));
        const auto bundle = lotusBooth();
        fg::netclient::PublishClient pc(**exh, "vn-01", fg::booth::saveBundleBytes(bundle));
        const double by = fg::monotonicSeconds() + 60;
        while (fg::monotonicSeconds() < by && !pc.finished()) {
            pumpAll();
            (*exh)->update(0);
            for (auto& m : (*exh)->takeInbox())
                pc.handle(m);
            pc.pump();
        }
        REQUIRE_MESSAGE(pc.result().has_value(), pc.statusText());
        REQUIRE_MESSAGE((pc.result()->outcome == proto::PublishOutcome::Queued), pc.statusText());
    }

    const fs::path shots = shotsDir(dir);
    const std::string script = fmt::format(
        "30 people\n40 screenshot {0}\n41 people\n42 reports\n50 screenshot {1}\n51 reports\n"
        "52 approvals\n58 screenshot {2}\n59 approvals\n60 map large\n70 screenshot {3}\n71 map\n"
        "72 kick Vy be nice\n110 quit\n",
        (shots / "organiser-people.png").string(), (shots / "organiser-reports.png").string(),
        (shots / "organiser-approvals.png").string(), (shots / "organiser-heatmap.png").string());
    REQUIRE(fg::writeFileAtomic(dir / "script.txt", script));
    REQUIRE(fg::writeFileAtomic(
        dir / "client.json", std::string_view(R"({"settings": {"msaa": 1, "shadows": false}})")));
    const std::string command = fmt::format(
        "timeout -k 5 240 xvfb-run -a -s '-screen 0 1024x640x24' '{}' --connect 127.0.0.1:{} "
        "--exhibition '{}' --token '{}' --name 'Mai Organiser' --organisation 'Fair HQ' --email "
        "mai@fair.example --country VN --config '{}' --cache '{}' --script '{}' --width 1024 "
        "--height 640 --no-vsync --exit-after 6000 > '{}' 2>&1",
        FG_CLIENT_EXE, port, kSample.string(), token, (dir / "client.json").string(),
        (dir / "cache").string(), (dir / "script.txt").string(), (dir / "client.log").string());
    int rc = -1;
    std::thread client([&] { rc = std::system(command.c_str()); });

    bool kicked = false;
    std::string why;
    const double end = fg::monotonicSeconds() + 250;
    while (fg::monotonicSeconds() < end && !kicked) {
        pumpAll();
        if (vy.state() != fg::netclient::ClientState::Joined &&
            vy.state() != fg::netclient::ClientState::Connecting) {
            kicked = vy.rejection().reason == proto::RejectReason::Kicked;
            why = vy.rejection().text;
        }
    }
    client.join();
    auto logText = fg::readFileText(dir / "client.log");
    const std::string log = logText ? *logText : "(no log)";
    INFO("client log:\n" << log);
    CHECK(WIFEXITED(rc));
    CHECK(WEXITSTATUS(rc) == 0);
    CHECK(log.find("as organiser") != std::string::npos);
    CHECK(kicked);
    CHECK(why.find("be nice") != std::string::npos);
    CHECK(log.find("client: kick Vy: kicked #") != std::string::npos);
    for (const char* shot : {"organiser-people.png", "organiser-reports.png",
                             "organiser-approvals.png", "organiser-heatmap.png"})
        CHECK(fs::exists(shots / shot));
    server.stop = true;
    if (server.thread.joinable()) server.thread.join();
    fs::remove_all(dir);
}
