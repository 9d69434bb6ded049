// Booth publishing end to end over loopback: a real ServerApp on a random port, an exhibitor's
// PublishClient, the organiser's remote console and a visitor NetClient. Test-only.
#include "game/netclient/PublishClient.h"
#include "server/store/Store.h"
#include "tests/publish/PublishTestSupport.h"
#include "tests/server_net/TestWorld.h"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <random>

using namespace fg;
using namespace fg::test;
using netclient::ClientState;
using netclient::PublishClient;
using netclient::PublishPhase;

namespace {

// A server on DIR (kept between restarts) hosting TestWorld's exhibition.
std::unique_ptr<server::ServerApp> startServer(const std::filesystem::path& dir, bool autoApprove) {
    server::ServerConfig config;
    config.exhibitionPath = dir / "exhibition.json";
    if (!std::filesystem::exists(config.exhibitionPath)) writeTestExhibition(dir);
    config.dataDir = dir / "data";
    config.bindAddress = "127.0.0.1";
    config.port = 0;
    config.autoApprove = autoApprove;
    auto created = server::ServerApp::create(std::move(config));
    REQUIRE_MESSAGE(created.ok(), (created.ok() ? "" : created.error().message));
    return std::move(*created);
}

std::string tokenFor(server::ServerApp& app, store::Role role, const std::string& exhibitor) {
    auto issued = app.store().issueCredential(role, exhibitor, "test");
    REQUIRE(issued.ok());
    return issued->token;
}

netclient::ClientConfig exhibitor(std::uint16_t port, const std::string& name,
                                  const std::string& token, proto::Role role) {
    auto cfg = visitor(port, name);
    cfg.hello.role = role;
    cfg.hello.credential = token;
    return cfg;
}

// Pumps everything until the publish client finishes, feeding it its connection's messages.
void runPublish(server::ServerApp& app, const Clients& clients, TestClient& ex, PublishClient& pc,
                std::size_t& seen) {
    pumpUntil(
        app, clients,
        [&] {
            for (; seen < ex.inbox.size(); ++seen)
                pc.handle(ex.inbox[seen]);
            pc.pump();
            return pc.finished();
        },
        60.0);
}

// Runs one console line through the organiser's connection; returns ok and the output.
std::pair<bool, std::string> runConsole(server::ServerApp& app, const Clients& clients,
                                        TestClient& organiser, const std::string& line) {
    std::uint32_t id = organiser->console(line);
    const proto::ConsoleResponse* r = nullptr;
    pumpUntil(app, clients, [&] {
        r = organiser.find<proto::ConsoleResponse>(
            [&](const proto::ConsoleResponse& c) { return c.requestId == id; });
        return r != nullptr;
    });
    REQUIRE(r);
    return {r->ok, r->output};
}

// True when VISITOR receives fresh snapshots (the server is still serving presence).
bool stillServing(server::ServerApp& app, const Clients& clients, TestClient& visitor) {
    const std::uint32_t before = visitor->latestTick();
    return pumpUntil(app, clients, [&] { return visitor->latestTick() > before + 3; });
}

Bytes randomBytes(std::size_t n) {
    std::mt19937 rng(7);
    Bytes b(n);
    for (auto& x : b)
        x = std::uint8_t(rng());
    return b;
}

} // namespace

TEST_CASE("publish: exhibitor uploads, organiser approves by console, visitors get the revision") {
    auto dir = makeTempDir("publish-flow");
    auto app = startServer(dir, false);
    auto guest = connectClient(*app, visitor(app->port(), "Guest"));
    auto ex = connectClient(*app,
                            exhibitor(app->port(), "AcmeStaff",
                                      tokenFor(*app, store::Role::Exhibitor, "acme"),
                                      proto::Role::Exhibitor),
                            {guest.get()});
    auto org =
        connectClient(*app,
                      exhibitor(app->port(), "Organiser",
                                tokenFor(*app, store::Role::Organiser, ""), proto::Role::Organiser),
                      {guest.get(), ex.get()});
    REQUIRE((ex->net->state() == ClientState::Joined));
    REQUIRE((org->net->state() == ClientState::Joined));
    const std::uint64_t welcomeRevision = (*guest)->welcome().exhibitionRevision;
    Clients all{guest.get(), ex.get(), org.get()};

    Bytes bytes = booth::saveBundleBytes(publish::test::bundleFor("acme"));
    PublishClient pc(*ex->net, "acme-booth", bytes);
    std::size_t seen = 0;
    runPublish(*app, all, *ex, pc, seen);
    REQUIRE_MESSAGE((pc.phase() == PublishPhase::Done), pc.statusText());
    CHECK_MESSAGE((pc.result()->outcome == proto::PublishOutcome::Queued), pc.statusText());
    CHECK(pc.progress() == doctest::Approx(1.0));
    CHECK(guest->all<proto::BoothRevision>().empty()); // nothing is live before approval

    auto pending = runConsole(*app, all, *org, "booth pending");
    CHECK(pending.first);
    CHECK(pending.second.find("acme-booth") != std::string::npos);
    auto approved = runConsole(*app, all, *org, "booth approve acme-booth");
    CHECK_MESSAGE(approved.first, approved.second);
    REQUIRE(pumpUntil(*app, all, [&] { return !guest->all<proto::BoothRevision>().empty(); }));

    const proto::BoothRevision rev = guest->all<proto::BoothRevision>().front();
    CHECK(rev.boothId == "acme-booth");
    CHECK(rev.revision == 1);
    CHECK(rev.exhibitionRevision > welcomeRevision);
    auto published = app->publisher()->published("acme-booth");
    REQUIRE(published.has_value());
    CHECK(rev.assets == published->assets);
    CHECK(rev.assets.size() == 3); // cooked model, cooked image (poster = logo), nothing else
    for (const Hash128& h : rev.assets)
        CHECK(app->publisher()->store().has(h));
    auto manifest = booth::parseBoothJson(rev.manifestJson, "BoothRevision");
    REQUIRE(manifest.ok());
    REQUIRE(manifest->booth.content.models.size() == 1);

    const expo::Booth* live = expo::findBooth(app->exhibition(), "acme-booth");
    REQUIRE(live);
    REQUIRE(live->content.models.size() == 1);
    CHECK(live->content.models[0].file == manifest->booth.content.models[0].file);
    CHECK((live->kind == expo::BoothKind::ThreeD)); // was "2d" in the exhibition file

    // Reloading the exhibition file keeps the approved booth.
    auto reloaded = app->reloadExhibition();
    REQUIRE_MESSAGE(reloaded.ok(), reloaded.error().message);
    live = expo::findBooth(app->exhibition(), "acme-booth");
    REQUIRE(live);
    CHECK(live->content.models.size() == 1);

    // A visitor joining later is told of the live revision too; a restart keeps it.
    auto late = connectClient(*app, visitor(app->port(), "Late"), all);
    all.push_back(late.get());
    REQUIRE(pumpUntil(*app, all, [&] { return !late->all<proto::BoothRevision>().empty(); }));
    CHECK(late->all<proto::BoothRevision>().front().assets == rev.assets);
    CHECK((*late)->welcome().exhibitionRevision > welcomeRevision);
    guest.reset(), ex.reset(), org.reset(), late.reset();
    app.reset();
    app = startServer(dir, false);
    const expo::Booth* again = expo::findBooth(app->exhibition(), "acme-booth");
    REQUIRE(again);
    REQUIRE(again->content.models.size() == 1);
    CHECK(again->content.models[0].file == manifest->booth.content.models[0].file);
    app.reset();
    std::filesystem::remove_all(dir);
}

TEST_CASE("publish: another exhibitor's token and a visitor are refused with a reason") {
    TestServer srv;
    auto& app = *srv.app;
    auto globex = connectClient(app, exhibitor(app.port(), "GlobexStaff",
                                               tokenFor(app, store::Role::Exhibitor, "globex"),
                                               proto::Role::Exhibitor));
    auto guest = connectClient(app, visitor(app.port(), "Guest"), {globex.get()});
    Clients all{globex.get(), guest.get()};
    Bytes bytes = booth::saveBundleBytes(publish::test::bundleFor("acme"));

    PublishClient other(*globex->net, "acme-booth", bytes);
    std::size_t seen = 0;
    runPublish(app, all, *globex, other, seen);
    REQUIRE((other.phase() == PublishPhase::Failed));
    CHECK_MESSAGE(other.error().find("belongs to another exhibitor") != std::string::npos,
                  other.error());

    PublishClient anonymous(*guest->net, "acme-booth", bytes);
    std::size_t seenGuest = 0;
    runPublish(app, all, *guest, anonymous, seenGuest);
    REQUIRE((anonymous.phase() == PublishPhase::Failed));
    CHECK(anonymous.error().find("only exhibitors") != std::string::npos);
    CHECK(app.publisher()->pending().empty());
}

TEST_CASE(
    "publish: each malformed bundle is refused with its reason and the server keeps serving") {
    TestServer srv;
    auto& app = *srv.app;
    auto guest = connectClient(app, visitor(app.port(), "Guest"));
    auto ex = connectClient(app,
                            exhibitor(app.port(), "AcmeStaff",
                                      tokenFor(app, store::Role::Exhibitor, "acme"),
                                      proto::Role::Exhibitor),
                            {guest.get()});
    Clients all{guest.get(), ex.get()};
    booth::BoothBundle good = publish::test::bundleFor("acme");
    auto withEntry = [&](const std::string& name, Bytes data) {
        auto e = booth::readArchive(booth::saveBundleBytes(good), "x");
        REQUIRE(e.ok());
        (*e)[name] = std::move(data);
        return booth::writeArchive(*e);
    };
    booth::BoothBundle broken = good;
    const std::string model = broken.booth.content.models[0].file;
    broken.files[model] = std::make_shared<const Bytes>(Bytes{'{', '"', 'a', 's'});
    Bytes zip(40, 0);
    zip[0] = 'P', zip[1] = 'K', zip[2] = 3, zip[3] = 4;

    const std::vector<std::pair<Bytes, std::string>> cases = {
        {withEntry("../escape.png", {1}), "escapes the bundle"},
        {withEntry("/abs/x.png", {1}), "escapes the bundle"},
        {withEntry("docs/big.pdf", Bytes(40u << 20, 0)), "per-file limit"},
        {withEntry("images/zeros.png", Bytes(16u << 20, 0)), "compression bomb"},
        {booth::saveBundleBytes(broken), "bad file"},
        {zip, "not a .booth"},
    };
    std::size_t seen = 0;
    for (const auto& [bytes, reason] : cases) {
        CAPTURE(reason);
        PublishClient pc(*ex->net, "acme-booth", bytes);
        runPublish(app, all, *ex, pc, seen);
        REQUIRE_MESSAGE((pc.phase() == PublishPhase::Done), pc.statusText());
        CHECK((pc.result()->outcome == proto::PublishOutcome::Refused));
        CHECK_MESSAGE(pc.result()->reasons.find(reason) != std::string::npos, pc.result()->reasons);
        CHECK(stillServing(app, all, *guest));
    }
    CHECK(app.publisher()->pending().empty());
    PublishClient ok(*ex->net, "acme-booth", booth::saveBundleBytes(good));
    runPublish(app, all, *ex, ok, seen);
    REQUIRE(ok.result().has_value());
    CHECK_MESSAGE((ok.result()->outcome == proto::PublishOutcome::Queued), ok.statusText());
}

TEST_CASE("publish: an upload interrupted by a disconnect resumes from the server's bytes") {
    auto dir = makeTempDir("publish-resume");
    auto app = startServer(dir, true);
    const std::string token = tokenFor(*app, store::Role::Exhibitor, "acme");
    auto guest = connectClient(*app, visitor(app->port(), "Guest"));
    auto ex = connectClient(
        *app, exhibitor(app->port(), "AcmeStaff", token, proto::Role::Exhibitor), {guest.get()});
    booth::BoothEditor ed(publish::test::bundleFor("acme"));
    REQUIRE(booth::addDocument(ed, "Datasheet", "datasheet.pdf", randomBytes(900u << 10)).ok());
    Bytes bytes = booth::saveBundleBytes(ed.bundle());
    REQUIRE(bytes.size() > 3 * PublishClient::kWindowBytes);

    PublishClient pc(*ex->net, "acme-booth", bytes);
    std::size_t seen = 0;
    Clients all{guest.get(), ex.get()};
    REQUIRE(pumpUntil(*app, all, [&] {
        for (; seen < ex->inbox.size(); ++seen)
            pc.handle(ex->inbox[seen]);
        pc.pump();
        return pc.upload().ackedBytes() >= 128u << 10;
    }));
    REQUIRE(pc.upload().ackedBytes() < bytes.size());
    (*ex)->disconnect();
    ex.reset();
    pumpFor(*app, {guest.get()}, 0.3);

    auto back = connectClient(
        *app, exhibitor(app->port(), "AcmeStaff", token, proto::Role::Exhibitor), {guest.get()});
    REQUIRE((back->net->state() == ClientState::Joined));
    pc.reconnected(*back->net);
    all = {guest.get(), back.get()};
    seen = 0;
    runPublish(*app, all, *back, pc, seen);
    const auto statuses = back->all<proto::UploadStatus>();
    REQUIRE_FALSE(statuses.empty());
    CHECK(statuses.front().heldBytes >= 128u << 10);
    CHECK(statuses.front().heldBytes < bytes.size());
    CHECK(pc.resumes() == 1);
    REQUIRE_MESSAGE((pc.phase() == PublishPhase::Done), pc.statusText());
    CHECK_MESSAGE((pc.result()->outcome == proto::PublishOutcome::Approved), pc.statusText());
    CHECK(pc.result()->revision == 1);
    CHECK(pumpUntil(*app, all, [&] { return !guest->all<proto::BoothRevision>().empty(); }));
    back.reset(), guest.reset();
    app.reset();
    std::filesystem::remove_all(dir);
}

TEST_CASE("publish: the real server routes booth commands typed on its terminal") {
    auto dir = makeTempDir("publish-stdin");
    const auto exhibition = writeTestExhibition(dir);
    // A port the kernel just handed out, so no other test's server is on it.
    std::uint16_t port = 0;
    {
        auto probe = startServer(dir, false);
        port = probe->port();
    }
    const std::string cmd =
        fmt::format("printf 'booth pending\\nbooth approve acme-booth\\nbooth stats "
                    "acme-booth\\nshutdown 0\\n' "
                    "| timeout 60 {}/server/fairground-server --exhibition {} --data {} --port {} "
                    "--bind 127.0.0.1 --auto-approve > {} 2>&1",
                    FG_BINARY_DIR, exhibition.string(), (dir / "data").string(), port,
                    (dir / "out.txt").string());
    const int rc = std::system(cmd.c_str());
    auto out = readFileText(dir / "out.txt");
    REQUIRE(out.ok());
    CHECK_MESSAGE(rc == 0, *out);
    CHECK_MESSAGE(out->find("no booths waiting for approval") != std::string::npos, *out);
    CHECK_MESSAGE(out->find("booth acme-booth: nothing pending") != std::string::npos, *out);
    // `booth stats` still reaches the command registry.
    CHECK_MESSAGE(out->find("visits") != std::string::npos, *out);
    std::filesystem::remove_all(dir);
}
