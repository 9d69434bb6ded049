// Loopback content transfer against a real ServerApp: manifest and assets by hash, warm cache,
// unknown hashes, a tampered cache, and many peers at once while presence keeps flowing.
// Tests only; sizes and counts are asserted, never timings.
#include "engine/asset/CookedFormat.h"
#include "game/expo/protocol/ContentNames.h"
#include "tests/content/ContentTestWorld.h"

#include <doctest/doctest.h>

namespace fg::test {

namespace fs = std::filesystem;
using netclient::ContentFetcher;

namespace {

Hash128 nameHash(const std::string& name) {
    expo::AssetName parsed;
    REQUIRE(expo::parseAssetName(name, parsed));
    return parsed.hash;
}

netclient::DownloadedExhibition download(std::uint16_t port, const fs::path& cache,
                                         const std::string& name) {
    auto client = joinVisitor(port, name);
    ContentFetcher fetcher(cache);
    auto got = netclient::downloadExhibition(*client, fetcher, {}, 60.0);
    REQUIRE_MESSAGE(got.ok(), (got.ok() ? "" : got.error().message));
    return std::move(*got);
}

} // namespace

TEST_CASE("content: manifest and every asset arrive over loopback, verified and cooked") {
    ContentServerFixture server;
    const fs::path cache = server.dir / "client-cache";
    auto got = download(server.port(), cache, "Ana");
    const expo::Exhibition& ex = got.exhibition;
    REQUIRE(ex.booths.size() == 2);
    const auto& acme = ex.booths[0].content;
    CHECK(acme.models[0].file.ends_with(".fgm"));
    CHECK(acme.posters[0].image.ends_with(".fgt"));
    CHECK(acme.documents[0].file.ends_with(".pdf"));
    CHECK(ex.exhibitors[0].logo == ex.exhibitors[1].logo); // one file, one name
    const auto names = netclient::assetNamesOf(ex);
    CHECK(names.size() == 5); // logo, poster, model, brochure, catalogue
    for (const auto& name : names) {
        auto bytes = readFileBytes(cache / name);
        REQUIRE(bytes.ok());
        CHECK((hash128(*bytes) == nameHash(name)));
    }
    auto model = readFileBytes(cache / acme.models[0].file);
    CHECK(readCookedModel(*model, "cube").ok());
    auto poster = readFileBytes(cache / acme.posters[0].image);
    CHECK(readCookedImage(*poster, "poster").ok());
    auto catalogue = readFileText(cache / ex.booths[1].content.documents[0].file);
    CHECK(*catalogue == catalogueText(3u << 20));
    CHECK(got.progress.filesCached == 0);
    CHECK(got.progress.failed == 0);
    CHECK(got.progress.requests == names.size() + 1); // + the manifest
    CHECK(got.progress.bytesReceived > (3u << 20));
}

TEST_CASE("content: a second fetch with a warm cache requests nothing but the manifest") {
    ContentServerFixture server;
    const fs::path cache = server.dir / "client-cache";
    auto cold = download(server.port(), cache, "Ana");
    auto warm = download(server.port(), cache, "Bea");
    CHECK((warm.exhibition == cold.exhibition));
    CHECK(warm.progress.requests == 1);
    CHECK(warm.progress.filesCached == netclient::assetNamesOf(warm.exhibition).size());
    CHECK(warm.progress.bytesReceived < cold.progress.bytesReceived / 100);
}

TEST_CASE("content: a tampered cache file is detected and fetched again") {
    ContentServerFixture server;
    const fs::path cache = server.dir / "client-cache";
    auto cold = download(server.port(), cache, "Ana");
    const std::string model = cold.exhibition.booths[0].content.models[0].file;
    auto bytes = readFileBytes(cache / model);
    (*bytes)[bytes->size() / 2] ^= 0x40;
    REQUIRE(writeFileAtomic(cache / model, *bytes));
    auto again = download(server.port(), cache, "Bea");
    CHECK(again.progress.requests == 2); // the manifest and the damaged model
    auto fixed = readFileBytes(cache / model);
    CHECK((hash128(*fixed) == nameHash(model)));
}

TEST_CASE("content: an unknown hash is refused with a reason, after one retry") {
    ContentServerFixture server;
    auto client = joinVisitor(server.port(), "Ana");
    ContentFetcher fetcher(server.dir / "client-cache");
    fetcher.attach(*client);
    const std::string name = std::string(32, 'a') + ".fgm";
    REQUIRE(fetcher.want(name));
    Status st = netclient::waitForFetches(*client, fetcher, {}, 30.0);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().message.find(name) != std::string::npos);
    CHECK(st.error().message.find("no content with hash") != std::string::npos);
    CHECK(fetcher.progress().requests == 2);
    CHECK_FALSE(fs::exists(fetcher.pathOf(name)));
    CHECK_FALSE(fetcher.want("not-a-name.fgm").ok());
}

TEST_CASE("content: many peers fetching at once all finish while snapshots keep flowing") {
    server::ServerConfig config;
    config.contentLimits.pumpBudgetBytes = 256 * 1024; // several ticks for everyone's 3 MiB
    ContentServerFixture server(config);
    constexpr int kPeers = 6;
    std::vector<std::unique_ptr<netclient::NetClient>> clients;
    std::vector<std::unique_ptr<ContentFetcher>> fetchers;
    std::vector<std::uint64_t> snapshotsAtStart;
    for (int i = 0; i < kPeers; ++i) {
        clients.push_back(joinVisitor(server.port(), "peer" + std::to_string(i)));
        fetchers.push_back(
            std::make_unique<ContentFetcher>(server.dir / ("cache" + std::to_string(i))));
        fetchers.back()->attach(*clients.back());
        fetchers.back()->requestManifest();
        snapshotsAtStart.push_back(clients.back()->stats().snapshots);
    }
    std::vector<bool> wanted(kPeers, false);
    std::vector<std::uint64_t> snapshotsWhileBusy(kPeers, 0);
    const double deadline = monotonicSeconds() + 120.0;
    auto anyBusy = [&] {
        for (auto& f : fetchers)
            if (f->busy()) return true;
        return false;
    };
    while (anyBusy() && monotonicSeconds() < deadline) {
        for (int i = 0; i < kPeers; ++i) {
            clients[i]->update(1);
            fetchers[i]->update();
            if (auto json = fetchers[i]->takeManifest()) {
                auto ex = netclient::readManifest(*json);
                REQUIRE(ex.ok());
                for (const auto& name : netclient::assetNamesOf(*ex))
                    REQUIRE(fetchers[i]->want(name));
                wanted[i] = true;
            }
            if (fetchers[i]->busy())
                snapshotsWhileBusy[i] = clients[i]->stats().snapshots - snapshotsAtStart[i];
        }
    }
    for (int i = 0; i < kPeers; ++i) {
        CAPTURE(i);
        CHECK(wanted[i]);
        CHECK_FALSE(fetchers[i]->busy());
        CHECK(fetchers[i]->errors().empty());
        CHECK(fetchers[i]->progress().filesDone == 6);
        CHECK(fetchers[i]->progress().bytesReceived > (3u << 20));
        // Presence went on during the download: snapshots arrived while it was in progress.
        CHECK(snapshotsWhileBusy[i] > 0);
        CHECK((clients[i]->state() == netclient::ClientState::Joined));
    }
}

TEST_CASE("content: without serveContent the manifest is refused, published assets still served") {
    // The client's embedded server and --no-content: nothing cooked, but approved booths' files
    // (the publish store, DATA/publish/assets) must still reach visitors by hash.
    const fs::path dir = makeTempDir("content-nocook");
    server::ServerConfig config;
    config.exhibitionPath = writeContentExhibition(dir / "expo");
    config.dataDir = dir / "data";
    config.bindAddress = "127.0.0.1";
    config.port = 0;
    auto created = server::ServerApp::create(config);
    REQUIRE(created.ok());
    auto app = std::move(*created);
    const std::string text = "a published brochure";
    publish::ContentStore published(dir / "data/publish/assets");
    auto hash = published.put(Bytes(text.begin(), text.end()));
    REQUIRE(hash.ok());
    struct Stepper { // stops the server thread even when a REQUIRE below fails
        server::ServerApp& app;
        std::atomic<bool> stop{false};
        std::thread thread{[this] {
            while (!stop)
                app.step(5);
        }};
        ~Stepper() {
            stop = true;
            thread.join();
        }
    };
    {
        Stepper stepper{*app};
        auto client = joinVisitor(app->port(), "Ana");
        ContentFetcher fetcher(dir / "cache");
        auto got = netclient::downloadExhibition(*client, fetcher, {}, 30.0);
        REQUIRE_FALSE(got.ok());
        CHECK(got.error().message.find("does not serve its exhibition") != std::string::npos);
        const std::string name = toHex(*hash) + ".txt";
        REQUIRE(fetcher.want(name));
        REQUIRE(netclient::waitForFetches(*client, fetcher, {}, 30.0));
        CHECK(*readFileText(dir / "cache" / name) == text);
    }
    app.reset();
    fs::remove_all(dir);
}

} // namespace fg::test
