// Test fixture for content transfer: a small exhibition with an image, a model, documents and
// one large document, served by an in-process ServerApp (serveContent) on its own thread.
// Test helper only: never used by programs.
#pragma once

#include "engine/core/File.h"
#include "game/netclient/ContentFetcher.h"
#include "server/content/ContentService.h"
#include "tests/server_net/TestWorld.h"

#include <atomic>
#include <string>
#include <thread>

namespace fg::test {

// Hall "main" 100 x 60 m; acme-booth (3d, S) has a poster, a model and a PDF; initech-booth (L)
// a 3 MiB text document; every exhibitor shares logo.png.
inline std::string contentExhibitionJson() {
    return R"({
  "format": 1,
  "event": {"name": "Content Fair", "organiser": "Test Org", "host_country": "VN",
            "time_zone": "UTC", "opens": "2021-10-12", "closes": "2021-10-14"},
  "halls": [{"id": "main", "name": "Main Hall", "origin": [0, 0], "size": [100, 60],
             "wall_height": 8, "entrances": [{"wall": "south", "offset": 50, "width": 6}],
             "spawn": {"position": [50, 5], "yaw": 0}, "venues": []}],
  "pavilions": [],
  "exhibitors": [
    {"id": "acme", "name": "Acme", "country": "VN", "sector": "5G", "description": "",
     "website": "https://acme.example", "email": "hi@acme.example", "logo": "logo.png"},
    {"id": "initech", "name": "Initech", "country": "FR", "sector": "IoT", "description": "",
     "website": "https://initech.example", "email": "hi@initech.example", "logo": "logo.png"}],
  "booths": [
    {"id": "acme-booth", "exhibitor": "acme", "hall": "main", "kind": "3d", "size": "S",
     "position": [20, 30], "rotation": 0, "content": {
       "posters": [{"slot": 0, "image": "media/checker.png"}],
       "models": [{"file": "media/cube.glb", "position": [0, 0, 0], "rotation": [0, 0, 0],
                   "scale": [1, 1, 1]}],
       "signs": [], "documents": [{"title": "Brochure", "file": "docs/brochure.pdf"}],
       "links": [], "videos": []}},
    {"id": "initech-booth", "exhibitor": "initech", "hall": "main", "kind": "2d", "size": "L",
     "position": [80, 30], "rotation": 0, "content": {"posters": [], "models": [], "signs": [],
       "documents": [{"title": "Catalogue", "file": "docs/catalogue.txt"}], "links": [],
       "videos": []}}],
  "sessions": [],
  "awards": []
})";
}

// Deterministic filler text of BYTES bytes (not compressible to nothing, so chunks are real).
inline std::string catalogueText(std::size_t bytes) {
    std::string text;
    text.reserve(bytes);
    std::uint32_t x = 12345;
    while (text.size() < bytes) {
        x = x * 1664525u + 1013904223u;
        text.push_back(char('a' + (x >> 24) % 26));
        if (x % 61 == 0) text.push_back('\n');
    }
    text.resize(bytes);
    return text;
}

inline std::filesystem::path writeContentExhibition(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    fs::create_directories(dir / "media");
    fs::create_directories(dir / "docs");
    writeTestExhibition(dir); // logo.png (and a JSON we overwrite)
    const fs::path models = fs::path(FG_ASSETS_DIR) / "test-models";
    fs::copy_file(models / "checker.png", dir / "media/checker.png");
    fs::copy_file(models / "cube.glb", dir / "media/cube.glb");
    REQUIRE(writeFileAtomic(dir / "docs/brochure.pdf", std::string_view("%PDF-1.4\n% test\n")));
    REQUIRE(writeFileAtomic(dir / "docs/catalogue.txt", catalogueText(3u << 20)));
    REQUIRE(writeFileAtomic(dir / "exhibition.json", contentExhibitionJson()));
    return dir / "exhibition.json";
}

// A ServerApp serving content, stepped on its own thread so blocking client code can run.
struct ContentServerFixture {
    std::filesystem::path dir;
    std::unique_ptr<server::ServerApp> app;
    std::atomic<bool> stop{false};
    std::thread thread;

    explicit ContentServerFixture(server::ServerConfig config = {}) {
        dir = makeTempDir("content");
        config.exhibitionPath = writeContentExhibition(dir / "expo");
        config.dataDir = dir / "data";
        config.bindAddress = "127.0.0.1";
        config.port = 0;
        config.serveContent = true;
        auto created = server::ServerApp::create(std::move(config));
        REQUIRE_MESSAGE(created.ok(), (created.ok() ? "" : created.error().message));
        app = std::move(*created);
        app->contentService()->waitReady();
        REQUIRE_FALSE(app->contentService()->failed());
        thread = std::thread([this] {
            while (!stop)
                app->step(5);
        });
    }
    ~ContentServerFixture() {
        stop = true;
        thread.join();
        app.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    std::uint16_t port() const { return app->port(); }
};

// A joined visitor NetClient on PORT (pumped here until joined).
inline std::unique_ptr<netclient::NetClient> joinVisitor(std::uint16_t port,
                                                         const std::string& name) {
    auto client = netclient::NetClient::connect(visitor(port, name));
    REQUIRE(client.ok());
    const double deadline = monotonicSeconds() + 10.0;
    while ((*client)->state() == netclient::ClientState::Connecting &&
           monotonicSeconds() < deadline)
        (*client)->update(5);
    REQUIRE(((*client)->state() == netclient::ClientState::Joined));
    return std::move(*client);
}

} // namespace fg::test
