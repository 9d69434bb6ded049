// Runs fg_server's ServerApp on a background thread for the single-player default.
// The client thread never touches the ServerApp after start(); stop is an atomic flag.
#include "game/client/EmbeddedServer.h"

#include "engine/core/Log.h"
#include "engine/net/SecureChannel.h"
#include "game/netclient/ScriptedSession.h"
#include "server/ServerApp.h"

namespace fg::client {

Result<std::unique_ptr<EmbeddedServer>>
EmbeddedServer::start(const std::filesystem::path& exhibition, const std::filesystem::path& dataDir,
                      std::uint16_t port, const std::string& liveSession) {
    std::error_code ec;
    std::filesystem::create_directories(dataDir, ec);
    if (ec)
        return makeError(
            fmt::format("embedded server: cannot create {}: {}", dataDir.string(), ec.message()));
    server::ServerConfig config;
    config.exhibitionPath = exhibition;
    config.dataDir = dataDir;
    config.bindAddress = "127.0.0.1";
    config.port = port;
    config.guests = true; // the bundled sample on this machine: nobody needs a ticket
    auto app = server::ServerApp::create(config);
    if (!app) return makeError("embedded server: " + app.error().message);
    std::unique_ptr<EmbeddedServer> out(new EmbeddedServer());
    out->m_app = std::move(*app);
    out->m_port = out->m_app->port();
    if (auto key = out->m_app->publicKey()) out->m_key = net::fingerprintOf(*key);
    // A failed scripted session costs the demo, not the fair: the visitor still walks in.
    if (Status st = out->startLiveSession(liveSession, dataDir); !st)
        log::warn("client: live session: {}", st.error().message);
    EmbeddedServer* self = out.get();
    out->m_thread = std::thread([self] {
        while (!self->m_stop.load(std::memory_order_relaxed))
            self->m_app->step(10);
    });
    log::info("client: embedded server on 127.0.0.1:{}", out->m_port);
    return out;
}

EmbeddedServer::~EmbeddedServer() {
    m_script.reset(); // its people leave while the server still answers
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
    if (m_app) (void)m_app->requestSave();
}

Result<std::unique_ptr<LocalServer>> startEmbeddedServer(const std::filesystem::path& exhibition,
                                                         const std::filesystem::path& dataDir,
                                                         const std::string& liveSession) {
    auto server = EmbeddedServer::start(exhibition, dataDir, 0, liveSession);
    if (!server) return server.error();
    return std::unique_ptr<LocalServer>(std::move(*server));
}

} // namespace fg::client
