// The editor's publishing against a real in-process server: remembered settings, EditorPublisher
// outcomes, and the editor program's --publish under Xvfb. Test-only.
#include "game/booth/BoothTemplates.h"
#include "server/store/Store.h"
#include "tests/publish/PublishTestSupport.h"
#include "tests/server_net/TestWorld.h"
#include "tools/editor/EditorPublisher.h"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <future>
#include <sys/stat.h>

using namespace fg;
using namespace fg::editor;
using namespace fg::test;

namespace {

std::string tokenFor(server::ServerApp& app, const std::string& exhibitor) {
    auto issued = app.store().issueCredential(store::Role::Exhibitor, exhibitor, "test");
    REQUIRE(issued.ok());
    return issued->token;
}

// Steps the server and the publisher until the publisher is no longer busy.
void pumpPublisher(server::ServerApp& app, EditorPublisher& pub) {
    pumpUntil(
        app, {},
        [&] {
            pub.pump();
            return !pub.busy();
        },
        60.0);
}

std::string serverOf(server::ServerApp& app) {
    return fmt::format("127.0.0.1:{}", app.port());
}

} // namespace

TEST_CASE("editor publish settings: remembered in a file only its owner can read") {
    auto dir = makeTempDir("editor-settings");
    auto file = dir / "sub" / "publish.json";
    auto missing = loadPublishSettings(file);
    REQUIRE(missing.ok());
    CHECK(missing->token.empty());
    REQUIRE(savePublishSettings(file, {"fair.example:7777", "fgx_abc"}).ok());
    auto back = loadPublishSettings(file);
    REQUIRE(back.ok());
    CHECK(back->server == "fair.example:7777");
    CHECK(back->token == "fgx_abc");
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    REQUIRE(writeFileAtomic(file, std::string("[1, 2]")).ok());
    CHECK_FALSE(loadPublishSettings(file).ok());
    std::filesystem::remove_all(dir);
}

TEST_CASE("editor publisher: queued on a real server / refused token / bad address / not yours") {
    TestServer srv;
    auto& app = *srv.app;
    Bytes bundle = booth::saveBundleBytes(publish::test::bundleFor("acme"));

    EditorPublisher pub;
    CHECK_FALSE(pub.start({"no-port", "fgx_x"}, "acme-booth", bundle).ok());
    CHECK(pub.statusText().find("HOST:PORT") != std::string::npos);
    CHECK_FALSE(pub.start({serverOf(app), ""}, "acme-booth", bundle).ok());
    CHECK(pub.statusText().find("token") != std::string::npos);

    REQUIRE(pub.start({serverOf(app), "fgx_0000000000000000000000000000000000000000"}, "acme-booth",
                      bundle)
                .ok());
    pumpPublisher(app, pub);
    CHECK((pub.state() == PublishState::Failed));
    CHECK_MESSAGE(pub.statusText().find("not valid") != std::string::npos, pub.statusText());

    REQUIRE(pub.start({serverOf(app), tokenFor(app, "globex")}, "acme-booth", bundle).ok());
    pumpPublisher(app, pub);
    CHECK((pub.state() == PublishState::Failed));
    CHECK_MESSAGE(pub.statusText().find("another exhibitor") != std::string::npos,
                  pub.statusText());

    REQUIRE(pub.start({serverOf(app), tokenFor(app, "acme")}, "acme-booth", bundle).ok());
    pumpPublisher(app, pub);
    REQUIRE_MESSAGE((pub.state() == PublishState::Finished), pub.statusText());
    REQUIRE(pub.result());
    CHECK((pub.result()->outcome == expo::proto::PublishOutcome::Queued));
    CHECK(pub.progress() == doctest::Approx(1.0));
    CHECK(pub.statusText() == "queued for the organiser's approval");
    REQUIRE(app.publisher()->pending().size() == 1);
    CHECK(app.publisher()->pending()[0].boothId == "acme-booth");
}

TEST_CASE("editor publisher: a queued booth waits for the organiser's rejection or approval") {
    TestServer srv;
    auto& app = *srv.app;
    Bytes bundle = booth::saveBundleBytes(publish::test::bundleFor("acme"));
    const std::string token = tokenFor(app, "acme");
    auto waitVerdict = [&](EditorPublisher& pub) {
        pumpUntil(
            app, {},
            [&] {
                pub.pump();
                return !pub.busy() && !pub.awaitingVerdict();
            },
            60.0);
    };

    EditorPublisher pub;
    REQUIRE(pub.start({serverOf(app), token}, "acme-booth", bundle).ok());
    pumpPublisher(app, pub);
    REQUIRE_MESSAGE((pub.state() == PublishState::Finished), pub.statusText());
    CHECK(pub.awaitingVerdict());
    auto rejected = app.runPublishCommand("booth reject acme-booth the posters are unreadable");
    REQUIRE(rejected.has_value());
    REQUIRE(rejected->ok());
    waitVerdict(pub);
    REQUIRE(pub.result());
    CHECK((pub.result()->outcome == expo::proto::PublishOutcome::Refused));
    CHECK_MESSAGE(pub.statusText() == "rejected by the organiser: the posters are unreadable",
                  pub.statusText());

    REQUIRE(pub.start({serverOf(app), token}, "acme-booth", bundle).ok());
    pumpPublisher(app, pub);
    REQUIRE(pub.awaitingVerdict());
    auto approved = app.runPublishCommand("booth approve acme-booth");
    REQUIRE(approved.has_value());
    REQUIRE(approved->ok());
    waitVerdict(pub);
    REQUIRE(pub.result());
    CHECK((pub.result()->outcome == expo::proto::PublishOutcome::Approved));
    CHECK_MESSAGE(pub.statusText() == "approved by the organiser: revision 1", pub.statusText());
}

TEST_CASE("editor under Xvfb: --publish queues the booth on a real server and remembers it") {
    TestServer srv;
    auto& app = *srv.app;
    const std::string token = tokenFor(app, "acme");
    auto dir = makeTempDir("editor-publish");
    const std::string models = (std::filesystem::path(FG_ASSETS_DIR) / "test-models").string();
    REQUIRE(
        writeFileAtomic(dir / "script.txt", fmt::format("2 import {}/cube.glb\n"
                                                        "3 profile name \"Acme Devices\"\n"
                                                        "3 profile country VN\n"
                                                        "3 profile sector Devices\n"
                                                        "3 profile website https://acme.example\n"
                                                        "3 profile email hi@acme.example\n"
                                                        "3 logo {}/checker.png\n",
                                                        models, models))
            .ok());
    const std::string cmd = fmt::format(
        "xvfb-run -a -s '-screen 0 1280x800x24' {} --width 1024 --height 700 --scratch {} "
        "--new 3d-island --size S --booth-id acme-booth --exhibitor acme --script {} "
        "--publish {} --token {} --settings {} > {} 2>&1",
        FG_EDITOR_EXE, (dir / "scratch").string(), (dir / "script.txt").string(), serverOf(app),
        token, (dir / "publish.json").string(), (dir / "log.txt").string());
    auto editor = std::async(std::launch::async, [&] { return std::system(cmd.c_str()); });
    pumpUntil(
        app, {},
        [&] { return editor.wait_for(std::chrono::seconds(0)) == std::future_status::ready; },
        240.0);
    REQUIRE((editor.wait_for(std::chrono::seconds(0)) == std::future_status::ready));
    const int rc = editor.get();
    auto log = readFileText(dir / "log.txt");
    const std::string logText = log ? *log : std::string("(no log)");
    REQUIRE_MESSAGE(rc == 0, logText);
    CHECK(logText.find("fairground-editor: queued for the organiser's approval") !=
          std::string::npos);
    REQUIRE(app.publisher()->pending().size() == 1);
    CHECK(app.publisher()->pending()[0].exhibitorId == "acme");
    auto remembered = loadPublishSettings(dir / "publish.json");
    REQUIRE(remembered.ok());
    CHECK(remembered->server == serverOf(app));
    CHECK(remembered->token == token);
    std::filesystem::remove_all(dir);
}
