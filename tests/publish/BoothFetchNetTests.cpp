// Opening a booth from the server (BoothFetchRequest/Reply, the bundle by hash) over loopback
// with a real ServerApp: ownership, the never-published booth built from the exhibition, a
// pending and an approved revision, refusals, and replies the client must not trust. Test-only.
#include "game/booth/BoothEdits.h"
#include "game/netclient/BoothFetchClient.h"
#include "game/netclient/PublishClient.h"
#include "server/publish/PublishService.h"
#include "server/store/Store.h"
#include "tests/server_net/TestWorld.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace fg;
using namespace fg::test;
using netclient::BoothFetchClient;
using netclient::BoothFetchOptions;
using netclient::BoothFetchPhase;
using netclient::ContentFetcher;
using proto::BoothSource;

namespace {

std::string tokenFor(server::ServerApp& app, store::Role role, const std::string& exhibitor) {
    auto issued = app.store().issueCredential(role, exhibitor, "test");
    REQUIRE(issued.ok());
    return issued->token;
}

netclient::ClientConfig signedIn(std::uint16_t port, const std::string& name,
                                 const std::string& token, proto::Role role) {
    auto cfg = visitor(port, name);
    cfg.hello.role = role;
    cfg.hello.credential = token;
    return cfg;
}

// A joined client with its own content cache.
struct Opener {
    std::unique_ptr<TestClient> client;
    std::unique_ptr<ContentFetcher> fetcher;
};

Opener join(server::ServerApp& app, const std::string& name, const std::string& token,
            proto::Role role, const std::filesystem::path& cache) {
    Opener o;
    o.client = connectClient(app, signedIn(app.port(), name, token, role));
    REQUIRE(((*o.client)->state() == netclient::ClientState::Joined));
    o.fetcher = std::make_unique<ContentFetcher>(cache);
    o.fetcher->attach(*o.client->net);
    return o;
}

// Runs one open to its end (or to the pick list); the client keeps its result.
std::unique_ptr<BoothFetchClient> openBooth(server::ServerApp& app, Opener& o,
                                            BoothFetchOptions options) {
    auto fc = std::make_unique<BoothFetchClient>(*o.client->net, *o.fetcher, options);
    std::size_t seen = o.client->inbox.size();
    pumpUntil(
        app, {o.client.get()},
        [&] {
            for (; seen < o.client->inbox.size(); ++seen)
                fc->handle(o.client->inbox[seen]);
            fc->pump();
            return fc->finished() || fc->phase() == BoothFetchPhase::Choosing;
        },
        60.0);
    return fc;
}

BoothFetchOptions byId(const std::string& boothId, bool preferPending = false) {
    BoothFetchOptions options;
    options.boothId = boothId;
    options.preferPending = preferPending;
    options.label = "test server";
    return options;
}

bool hasSign(const booth::BoothBundle& b, const std::string& text) {
    const auto& signs = b.booth.content.signs;
    return std::find(signs.begin(), signs.end(), text) != signs.end();
}

// Publishes B over O's connection; returns the outcome.
proto::PublishOutcome publishBooth(server::ServerApp& app, Opener& o, const booth::BoothBundle& b) {
    netclient::PublishClient pc(*o.client->net, b.booth.id, booth::saveBundleBytes(b));
    std::size_t seen = o.client->inbox.size();
    pumpUntil(
        app, {o.client.get()},
        [&] {
            for (; seen < o.client->inbox.size(); ++seen)
                pc.handle(o.client->inbox[seen]);
            pc.pump();
            return pc.finished();
        },
        60.0);
    REQUIRE_MESSAGE(pc.result().has_value(), pc.statusText());
    INFO(pc.statusText());
    return pc.result()->outcome;
}

} // namespace

TEST_CASE("open from server: the never-published booth, an edit published, then approved") {
    TestServer srv;
    auto& app = *srv.app;
    auto acme = join(app, "AcmeStaff", tokenFor(app, store::Role::Exhibitor, "acme"),
                     proto::Role::Exhibitor, srv.dir / "cache-acme");

    // Never published: the server makes the booth into a bundle with the exhibition's files.
    auto first = openBooth(app, acme, byId(""));
    REQUIRE_MESSAGE((first->phase() == BoothFetchPhase::Done), first->statusText());
    REQUIRE(first->entries().size() == 1);
    CHECK((first->entries()[0].source == BoothSource::Exhibition));
    CHECK(first->entries()[0].revision == 0);
    CHECK(first->entries()[0].name == "Acme");
    const booth::BoothBundle& fresh = *first->bundle();
    CHECK(fresh.booth.id == "acme-booth");
    CHECK(fresh.profile.id == "acme");
    CHECK(fresh.files.count("logo.png") == 1); // read from the exhibition's folder on the server
    REQUIRE(fresh.booth.content.links.size() == 1);
    CHECK(app.publisher()->built().builds() == 1);
    auto again = openBooth(app, acme, byId("acme-booth"));
    REQUIRE(again->phase() == BoothFetchPhase::Done);
    CHECK(again->entries()[0].bundle == first->entries()[0].bundle);
    CHECK(app.publisher()->built().builds() == 1); // unchanged inputs: not built again

    // The exhibitor edits it and publishes; the newer version waits for the organiser.
    booth::BoothEditor ed(fresh);
    REQUIRE(booth::addSign(ed, "Edited from the server").ok());
    auto png = readFileBytes(std::filesystem::path(FG_ASSETS_DIR) / "test-models" / "checker.png");
    REQUIRE(png.ok());
    REQUIRE(booth::setPoster(ed, 0, "poster.png", *png).ok());
    REQUIRE((publishBooth(app, acme, ed.bundle()) == proto::PublishOutcome::Queued));
    auto pending = openBooth(app, acme, byId(""));
    REQUIRE(pending->phase() == BoothFetchPhase::Done);
    REQUIRE(pending->entries().size() == 2);
    CHECK((pending->chosen()->source == BoothSource::Exhibition));
    CHECK_FALSE(hasSign(*pending->bundle(), "Edited from the server"));
    CHECK_MESSAGE(pending->note().find("waiting for the organiser's approval") != std::string::npos,
                  pending->note());
    auto mine = openBooth(app, acme, byId("acme-booth", /*preferPending=*/true));
    REQUIRE(mine->phase() == BoothFetchPhase::Done);
    CHECK((mine->chosen()->source == BoothSource::Pending));
    CHECK(hasSign(*mine->bundle(), "Edited from the server"));

    // Approved: opening again gives revision 1 with the edit.
    auto approved = app.runPublishCommand("booth approve acme-booth");
    REQUIRE(approved.has_value());
    REQUIRE_MESSAGE(approved->ok(), approved->error().message);
    auto live = openBooth(app, acme, byId(""));
    REQUIRE_MESSAGE((live->phase() == BoothFetchPhase::Done), live->statusText());
    REQUIRE(live->entries().size() == 1);
    CHECK((live->entries()[0].source == BoothSource::Published));
    CHECK(live->entries()[0].revision == 1);
    CHECK(hasSign(*live->bundle(), "Edited from the server"));
    CHECK(live->bundle()->booth.content.posters.size() == 1);
}

namespace {
// The same refusals whichever order the server composes its modules in: no access rule may
// depend on which handler runs first (the bundle guard once did).
void checkRefusals(bool reverseModules) {
    server::ServerConfig config;
    config.reverseModules = reverseModules;
    TestServer srv(config);
    auto& app = *srv.app;
    auto acme = join(app, "AcmeStaff", tokenFor(app, store::Role::Exhibitor, "acme"),
                     proto::Role::Exhibitor, srv.dir / "cache-acme");
    auto globex = join(app, "GlobexStaff", tokenFor(app, store::Role::Exhibitor, "globex"),
                       proto::Role::Exhibitor, srv.dir / "cache-globex");
    auto guest = join(app, "Guest", "", proto::Role::Visitor, srv.dir / "cache-guest");
    auto org = join(app, "Organiser", tokenFor(app, store::Role::Organiser, ""),
                    proto::Role::Organiser, srv.dir / "cache-org");

    auto refused = [&](Opener& o, const std::string& boothId, const std::string& reason) {
        CAPTURE(boothId);
        auto fc = openBooth(app, o, byId(boothId));
        REQUIRE((fc->phase() == BoothFetchPhase::Failed));
        CHECK_MESSAGE(fc->error().find(reason) != std::string::npos, fc->error());
        CHECK_FALSE(fc->bundle().has_value());
    };
    refused(globex, "acme-booth", "booth 'acme-booth' belongs to another exhibitor");
    refused(guest, "", "only the booth's exhibitor or an organiser");
    refused(guest, "acme-booth", "only the booth's exhibitor or an organiser");
    refused(acme, "no-such-booth", "booth 'no-such-booth' does not exist");
    refused(org, "", "organisers open a booth by its id");

    // The organiser opens any booth by id; the owner too.
    auto byOrganiser = openBooth(app, org, byId("globex-booth"));
    REQUIRE_MESSAGE((byOrganiser->phase() == BoothFetchPhase::Done), byOrganiser->statusText());
    CHECK(byOrganiser->bundle()->booth.id == "globex-booth");
    auto own = openBooth(app, acme, byId(""));
    REQUIRE(own->phase() == BoothFetchPhase::Done);

    // Knowing the hash is not enough: the bundle's bytes go only to its owner or an organiser.
    const Hash128 hash = own->entries()[0].bundle;
    for (Opener* o : {&globex, &guest}) {
        auto name = o->fetcher->wantByHash(hash, ".booth");
        REQUIRE(name.ok());
        pumpUntil(app, {o->client.get()}, [&] {
            o->fetcher->update();
            return !o->fetcher->busy();
        });
        CHECK((o->fetcher->state(*name) == netclient::AssetState::Failed));
        REQUIRE_FALSE(o->fetcher->errors().empty());
        CHECK_MESSAGE(o->fetcher->errors().back().find("not yours") != std::string::npos,
                      o->fetcher->errors().back());
    }
    auto orgFetch = org.fetcher->wantByHash(hash, ".booth");
    REQUIRE(orgFetch.ok());
    pumpUntil(app, {org.client.get()}, [&] {
        org.fetcher->update();
        return !org.fetcher->busy();
    });
    CHECK((org.fetcher->state(*orgFetch) == netclient::AssetState::Ready));
}
} // namespace

TEST_CASE("open from server: another exhibitor, a visitor, an unknown booth are refused") {
    checkRefusals(false);
}

TEST_CASE("open from server: the same refusals with the modules composed in reverse order") {
    checkRefusals(true);
}

TEST_CASE("open from server: a bad or oversized reply is rejected before anything opens") {
    TestServer srv;
    auto& app = *srv.app;
    auto acme = join(app, "AcmeStaff", tokenFor(app, store::Role::Exhibitor, "acme"),
                     proto::Role::Exhibitor, srv.dir / "cache-acme");
    auto real = openBooth(app, acme, byId("acme-booth"));
    REQUIRE(real->phase() == BoothFetchPhase::Done);
    const proto::BoothFetchEntry good = real->entries()[0];

    // A second session of the same exhibitor, with an empty cache, for the download cases.
    auto fresh = join(app, "AcmeStaff2", tokenFor(app, store::Role::Exhibitor, "acme"),
                      proto::Role::Exhibitor, srv.dir / "cache-fresh");

    // Each case: a reply the client gets instead of the server's (same request id).
    auto answer = [&](Opener& o, proto::BoothFetchEntry entry, const Bytes* cached = nullptr) {
        if (cached) {
            entry.bundle = hash128(*cached);
            entry.size = cached->size();
            const auto file = o.fetcher->pathOf(toHex(entry.bundle) + ".booth");
            std::filesystem::create_directories(file.parent_path());
            REQUIRE(writeFileAtomic(file, *cached).ok());
        }
        BoothFetchClient fc(*o.client->net, *o.fetcher, byId("acme-booth"));
        REQUIRE(fc.handle(proto::BoothFetchReply{fc.requestId(), true, {}, {}, {entry}}));
        pumpUntil(
            app, {o.client.get()},
            [&] {
                fc.pump();
                return fc.finished();
            },
            30.0);
        CHECK((fc.phase() == BoothFetchPhase::Failed));
        CHECK_FALSE(fc.bundle().has_value());
        return fc.error();
    };
    auto expect = [](const std::string& error, const std::string& part) {
        CHECK_MESSAGE(error.find(part) != std::string::npos, error);
    };
    proto::BoothFetchEntry huge = good;
    huge.size = 1ull << 40;
    expect(answer(acme, huge), "a .booth has 1 to");
    proto::BoothFetchEntry other = good;
    other.boothId = "globex-booth";
    expect(answer(acme, other), "the server offered 'globex-booth'");
    proto::BoothFetchEntry badId = good;
    badId.boothId = "../../etc";
    expect(answer(acme, badId), "not usable");
    proto::BoothFetchEntry wrongSize = good; // the chunks do not match the announced size
    wrongSize.size = good.size + 1;
    expect(answer(fresh, wrongSize),
           fmt::format("sends {} bytes where {} were announced", good.size, good.size + 1));
    const Bytes garbage(5000, 0x42);
    expect(answer(acme, good, &garbage), "not a .booth");
    booth::BoothBundle foreign = *real->bundle();
    foreign.booth.id = "globex-booth";
    const Bytes foreignBytes = booth::saveBundleBytes(foreign);
    expect(answer(acme, good, &foreignBytes), "holds booth 'globex-booth'");
}
