// Makes tests/fixtures/data-v2: a server data folder with a real moderation queue, published over
// loopback. Skipped in normal runs (see the fixture's README.md for the command); test-only.
#include "game/netclient/PublishClient.h"
#include "server/store/Store.h"
#include "tests/publish/PublishTestSupport.h"
#include "tests/server_net/TestWorld.h"

#include <cstdlib>
#include <doctest/doctest.h>

using namespace fg;
using namespace fg::test;
using netclient::PublishClient;
using netclient::PublishPhase;

namespace {

std::unique_ptr<server::ServerApp> startFixtureServer(const std::filesystem::path& dir) {
    server::ServerConfig config;
    config.exhibitionPath = writeTestExhibition(dir);
    config.dataDir = dir / "data";
    config.bindAddress = "127.0.0.1";
    config.port = 0;
    auto created = server::ServerApp::create(std::move(config));
    REQUIRE_MESSAGE(created.ok(), (created.ok() ? "" : created.error().message));
    return std::move(*created);
}

std::unique_ptr<TestClient> connectAs(server::ServerApp& app, const std::string& name,
                                      store::Role role, const std::string& exhibitorId,
                                      proto::Role wire) {
    auto issued = app.store().issueCredential(role, exhibitorId, "fixture");
    REQUIRE(issued.ok());
    auto cfg = visitor(app.port(), name);
    cfg.hello.role = wire;
    cfg.hello.credential = issued->token;
    return connectClient(app, cfg);
}

// Uploads BUNDLE as EXHIBITORID's staff and waits for the server's verdict.
void publishAs(server::ServerApp& app, const std::string& exhibitorId,
               const booth::BoothBundle& bundle) {
    auto ex = connectAs(app, exhibitorId + "-staff", store::Role::Exhibitor, exhibitorId,
                        proto::Role::Exhibitor);
    Clients all{ex.get()};
    PublishClient pc(*ex->net, bundle.booth.id, booth::saveBundleBytes(bundle));
    std::size_t seen = 0;
    pumpUntil(
        app, all,
        [&] {
            for (; seen < ex->inbox.size(); ++seen)
                pc.handle(ex->inbox[seen]);
            pc.pump();
            return pc.finished();
        },
        60.0);
    REQUIRE_MESSAGE((pc.phase() == PublishPhase::Done), pc.statusText());
}

// The queue as the organiser's console changes it: the same path a real event takes.
void runConsoleLine(server::ServerApp& app, const std::string& line) {
    auto out = app.runPublishCommand(line);
    REQUIRE(out.has_value());
    REQUIRE_MESSAGE(out->ok(), (out->ok() ? **out : out->error().message));
}

booth::BoothBundle sized(const std::string& exhibitorId, expo::BoothSize size) {
    booth::BoothBundle b = publish::test::bundleFor(exhibitorId);
    b.booth.size = size; // TestWorld's booths are S, M and L
    return b;
}

} // namespace

TEST_CASE("fixture: make a data folder with an approved, a pending and a rejected booth" *
          doctest::skip()) {
    const char* out = std::getenv("FG_FIXTURE_OUT");
    REQUIRE_MESSAGE(out, "set FG_FIXTURE_OUT to the folder to write");
    auto dir = makeTempDir("fixture");
    {
        auto app = startFixtureServer(dir);
        publishAs(*app, "acme", sized("acme", expo::BoothSize::S));
        runConsoleLine(*app, "booth approve acme-booth");
        publishAs(*app, "globex", sized("globex", expo::BoothSize::M));
        publishAs(*app, "initech", sized("initech", expo::BoothSize::L));
        runConsoleLine(*app, "booth reject initech-booth the logo is blurry");
    }
    namespace fs = std::filesystem;
    fs::remove_all(dir / "data" / "publish" / "uploads");
    fs::remove_all(dir / "data" / "publish" / "scratch");
    fs::remove_all(out);
    fs::create_directories(out);
    fs::copy(dir, out, fs::copy_options::recursive);
    fs::remove_all(dir);
}
