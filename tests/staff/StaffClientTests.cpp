// The exhibitor's real client under Xvfb against a real in-process server: signed in with a
// token it stands in its booth (on duty), answers a visitor from the booth inbox, lists who is
// at the booth and exports the leads CSV (checked against the console's file). Screenshots of
// the inbox, the leads and who-is-here go to $FG_STAFF_SHOTS when set.
#include "engine/core/File.h"
#include "engine/core/Time.h"
#include "game/netclient/NetClient.h"
#include "server/store/Store.h"
#include "tests/client/ClientFixture.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <thread>

namespace {

namespace fs = std::filesystem;
namespace proto = fg::expo::proto;

const fs::path kSample = fs::path(FG_ASSETS_DIR) / "exhibitions/digital-world-2021/exhibition.json";
constexpr const char* kBooth = "vn-01"; // Lotus Bay Telecom's

fs::path shotsDir(const fs::path& fallback) {
    const char* env = std::getenv("FG_STAFF_SHOTS");
    return env && *env ? fs::absolute(env) : fallback;
}

// A visitor at the booth: leaves a card, writes, waits for staff, writes again, reads the reply.
struct Visitor {
    std::unique_ptr<fg::netclient::NetClient> net;
    bool started = false, staffSeen = false, asked = false;
    std::vector<std::string> staffNames;
    std::string replyFrom, replyCompany;

    void step() {
        net->update(0);
        for (auto& m : net->takeInbox()) {
            if (auto* sp = std::get_if<proto::StaffPresence>(&m); sp && sp->boothId == kBooth)
                staffNames = sp->names;
            if (auto* c = std::get_if<proto::ChatReceived>(&m); c && c->from != net->id()) {
                replyFrom = c->fromName;
                replyCompany = c->company;
            }
        }
        if (net->state() != fg::netclient::ClientState::Joined) return;
        if (!started) {
            started = true;
            net->teleport(proto::TeleportKind::Booth, 0, kBooth);
            net->dropCard({0, kBooth, "Minh Vo", "Saigon Roaming, Ltd", "minh@roam.example",
                           "Call me about \"eSIM\" plans", true});
            net->chat(proto::ChatScope::Booth, kBooth, 0, "Hello, do you sell eSIM plans?");
        }
        staffSeen = staffSeen ||
                    std::find(staffNames.begin(), staffNames.end(), "Lan Pham") != staffNames.end();
        if (staffSeen && !asked) {
            asked = true;
            net->chat(proto::ChatScope::Booth, kBooth, 0, "Can I see a demo this afternoon?");
        }
    }
};

} // namespace

TEST_CASE("an exhibitor's client answers from the booth inbox, lists who is here and exports "
          "the leads CSV") {
    fg::test::ClientFixture f("staff", kSample);
    f.width = 1280;
    f.height = 800;
    f.seconds = 400;
    // The panels are what is looked at: a quarter-scale 3D view keeps lavapipe quick.
    REQUIRE(fg::writeFileAtomic(
        f.dir / "client.json",
        std::string_view(
            R"({"settings": {"msaa": 1, "shadows": false, "resolution_scale": 0.25}})")));
    const std::string token = f.invite("invite exhibitor lotus-bay-telecom");
    auto& store = f.server.app->store();
    REQUIRE(store
                .addLead({0, kBooth, "lotus-bay-telecom", "Ana Lima", "Lima, Ltd", "ana@lima.pe",
                          "=HYPERLINK(\"x\")", true, 1634030000})
                .ok());
    f.server.start();
    const fs::path shots = shotsDir(f.dir);
    const fs::path csv = f.dir / "Downloads" / "leads-vn-01.csv";
    const std::string script = fmt::format(
        "1 teleport {0}\n5 open-inbox {0}\n60 reply-inbox {0} Yes: come by at 3 pm for a demo.\n"
        "80 screenshot {1}\n85 show-leads {0}\n100 export-leads {2} {0}\n130 screenshot {3}\n"
        "135 show-visitors {0}\n160 screenshot {4}\n165 open-booth {0}\n190 screenshot {5}\n"
        "195 quit\n",
        kBooth, (shots / "staff-inbox.png").string(), csv.string(),
        (shots / "staff-leads.png").string(), (shots / "staff-visitors.png").string(),
        (shots / "staff-booth-panel.png").string());
    std::atomic<bool> done{false};
    int rc = -1;
    std::thread client([&] {
        rc = std::system(f.command(token, script).c_str());
        done = true;
    });

    fg::netclient::ClientConfig cfg;
    cfg.port = f.port;
    cfg.hello.name = "Minh Vo";
    cfg.hello.country = "VN";
    cfg.hello.clientKey = "minh-install";
    auto connected = fg::netclient::NetClient::connect(cfg);
    REQUIRE(connected);
    Visitor minh{std::move(*connected)};
    const double end = fg::monotonicSeconds() + 420;
    while (!done && fg::monotonicSeconds() < end) {
        minh.step();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    client.join();
    f.stopServer();
    const std::string log = f.log();
    INFO("client log:\n" << log);
    CHECK(WIFEXITED(rc));
    CHECK(WEXITSTATUS(rc) == 0);
    CHECK(minh.staffSeen); // standing in the booth put Lan on duty, by name
    CHECK(minh.replyFrom == "Lan Pham");
    CHECK(minh.replyCompany == "Lotus Bay Telecom");
    auto written = fg::readFileText(csv);
    REQUIRE_MESSAGE(written, "no CSV at " << csv.string());
    auto console = store.leadsCsv(kBooth);
    REQUIRE(console);
    CHECK(*written == *console); // the console's file, byte for byte
    CHECK(written->find("\"Saigon Roaming, Ltd\"") != std::string::npos);
    CHECK(written->find("\"Call me about \"\"eSIM\"\" plans\",yes,") != std::string::npos);
    CHECK(written->find("'=HYPERLINK") != std::string::npos);
    CHECK(log.find("wrote 2 leads of booth vn-01") != std::string::npos);
    for (const char* shot :
         {"staff-inbox.png", "staff-leads.png", "staff-visitors.png", "staff-booth-panel.png"})
        CHECK_MESSAGE(fs::exists(shots / shot), shot);
}
