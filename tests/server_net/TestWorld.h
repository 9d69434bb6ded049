// Test fixture for server network tests: a small valid exhibition written to a temp folder, an
// in-process ServerApp on a random port, NetClients, and a pump that drives them all.
// Test helper only: never used by programs.
#pragma once

#include "engine/core/File.h"
#include "engine/core/Time.h"
#include "game/netclient/NetClient.h"
#include "server/ServerApp.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace fg::test {

namespace proto = fg::expo::proto;

// Hall "main" 100 x 60 m, spawn (50, 5); booths: acme S at (20,30), globex M at (50,30),
// initech L at (80,30); venue "stage" [40,60]x[50,58].
inline std::string testExhibitionJson() {
    return R"({
  "format": 1,
  "event": {"name": "Test Fair", "organiser": "Test Org", "host_country": "VN",
            "time_zone": "UTC", "opens": "2021-10-12", "closes": "2021-10-14"},
  "halls": [{"id": "main", "name": "Main Hall", "origin": [0, 0], "size": [100, 60],
             "wall_height": 8, "entrances": [{"wall": "south", "offset": 50, "width": 6}],
             "spawn": {"position": [50, 5], "yaw": 0},
             "venues": [{"id": "stage", "name": "Stage", "kind": "stage",
                         "rect": [40, 50, 20, 8], "capacity": 200}]}],
  "pavilions": [],
  "exhibitors": [
    {"id": "acme", "name": "Acme", "country": "VN", "sector": "5G", "description": "",
     "website": "https://acme.example", "email": "hi@acme.example", "logo": "logo.png"},
    {"id": "globex", "name": "Globex", "country": "KR", "sector": "AI", "description": "",
     "website": "https://globex.example", "email": "hi@globex.example", "logo": "logo.png"},
    {"id": "initech", "name": "Initech", "country": "FR", "sector": "IoT", "description": "",
     "website": "https://initech.example", "email": "hi@initech.example", "logo": "logo.png"}],
  "booths": [
    {"id": "acme-booth", "exhibitor": "acme", "hall": "main", "kind": "2d", "size": "S",
     "position": [20, 30], "rotation": 0, "content": {"posters": [], "models": [], "signs": [],
     "documents": [], "links": [{"title": "Site", "url": "https://acme.example"}], "videos": []}},
    {"id": "globex-booth", "exhibitor": "globex", "hall": "main", "kind": "2d", "size": "M",
     "position": [50, 30], "rotation": 0, "content": {"posters": [], "models": [], "signs": [],
     "documents": [], "links": [], "videos": []}},
    {"id": "initech-booth", "exhibitor": "initech", "hall": "main", "kind": "2d", "size": "L",
     "position": [80, 30], "rotation": 0, "content": {"posters": [], "models": [], "signs": [],
     "documents": [], "links": [], "videos": []}}],
  "sessions": [],
  "awards": []
})";
}

inline std::filesystem::path makeTempDir(const std::string& tag) {
    std::random_device rd;
    auto dir = std::filesystem::temp_directory_path() /
               ("fg-" + tag + "-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir);
    return dir;
}

// Writes the exhibition (and the logo it references) into DIR; returns the JSON path.
inline std::filesystem::path writeTestExhibition(const std::filesystem::path& dir) {
    static const std::uint8_t kPng[] = {
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
        0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00,
        0x00, 0x90, 0x77, 0x53, 0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x08,
        0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xdd, 0x8d,
        0xb0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
    REQUIRE(writeFileAtomic(dir / "logo.png", std::span(kPng, sizeof kPng)).ok());
    REQUIRE(writeFileAtomic(dir / "exhibition.json", testExhibitionJson()).ok());
    return dir / "exhibition.json";
}

// A ServerApp on a random loopback port for EXHIBITION with its data in DATADIR (a restart
// opens the same folder again).
inline std::unique_ptr<server::ServerApp> startServer(const std::filesystem::path& exhibition,
                                                      const std::filesystem::path& dataDir,
                                                      server::ServerConfig config = {}) {
    config.exhibitionPath = exhibition;
    config.dataDir = dataDir;
    config.bindAddress = "127.0.0.1";
    config.port = 0;
    auto created = server::ServerApp::create(std::move(config));
    REQUIRE_MESSAGE(created.ok(), (created.ok() ? "" : created.error().message));
    return std::move(*created);
}

struct TestServer {
    std::filesystem::path dir;
    std::unique_ptr<server::ServerApp> app;

    explicit TestServer(server::ServerConfig config = {}) {
        dir = makeTempDir("server");
        app = startServer(writeTestExhibition(dir), dir / "data", std::move(config));
    }
    ~TestServer() {
        app.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
};

// A server on the test exhibition's files with its exhibition.json replaced by JSON, in a temp
// folder named after TAG; restart() starts it again on the same data (the programme slices).
struct JsonExhibitionServer {
    std::filesystem::path dir;
    std::unique_ptr<server::ServerApp> app;

    JsonExhibitionServer(const std::string& tag, const std::string& json) {
        dir = makeTempDir(tag);
        auto path = writeTestExhibition(dir);
        REQUIRE(writeFileAtomic(path, json).ok());
        app = startServer(path, dir / "data");
    }
    ~JsonExhibitionServer() {
        app.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    void restart() {
        app.reset();
        app = startServer(dir / "exhibition.json", dir / "data");
    }
};

inline netclient::ClientConfig visitor(std::uint16_t port, const std::string& name) {
    netclient::ClientConfig c;
    c.port = port;
    c.hello.name = name;
    c.hello.look = 0x3366cc;
    c.hello.country = "VN";
    c.hello.clientKey = "key-" + name;
    return c;
}

// A NetClient that keeps every message it received, so tests can look at them later.
struct TestClient {
    std::unique_ptr<netclient::NetClient> net;
    std::vector<proto::Message> inbox;

    void update() {
        net->update(0);
        for (auto& m : net->takeInbox())
            inbox.push_back(std::move(m));
    }
    template <class T>
    std::vector<T> all() const {
        std::vector<T> out;
        for (const auto& m : inbox)
            if (auto* t = std::get_if<T>(&m)) out.push_back(*t);
        return out;
    }
    template <class T>
    const T* find(const std::function<bool(const T&)>& match) const {
        for (const auto& m : inbox)
            if (auto* t = std::get_if<T>(&m); t && match(*t)) return t;
        return nullptr;
    }
    const proto::ActionResult* result(std::uint32_t requestId) const {
        return find<proto::ActionResult>(
            [&](const proto::ActionResult& r) { return r.requestId == requestId; });
    }
    netclient::NetClient* operator->() { return net.get(); }
};

using Clients = std::vector<TestClient*>;

// Steps the server and every client until DONE() holds or SECONDS pass; returns DONE().
inline bool pumpUntil(server::ServerApp& server, const Clients& clients,
                      const std::function<bool()>& done, double seconds = 5.0) {
    const double deadline = monotonicSeconds() + seconds;
    while (monotonicSeconds() < deadline) {
        server.step(2);
        for (auto* c : clients)
            c->update();
        if (done()) return true;
    }
    return done();
}

// Steps everything for SECONDS (lets traffic settle); never asserts on timing.
inline void pumpFor(server::ServerApp& server, const Clients& clients, double seconds) {
    pumpUntil(
        server, clients, [] { return false; }, seconds);
}

inline std::unique_ptr<TestClient> connectClient(server::ServerApp& server,
                                                 netclient::ClientConfig config,
                                                 const Clients& others = {}) {
    auto c = netclient::NetClient::connect(std::move(config));
    REQUIRE(c.ok());
    auto client = std::make_unique<TestClient>();
    client->net = std::move(*c);
    Clients all = others;
    all.push_back(client.get());
    pumpUntil(server, all,
              [&] { return client->net->state() != netclient::ClientState::Connecting; });
    return client;
}

} // namespace fg::test
