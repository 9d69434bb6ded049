// The in-process server the client starts when given no --connect: NET's ServerApp on its own
// thread, bound to 127.0.0.1 on a free port. The one game/ adapter to server/ (fg_client_embedded,
// linked only into the fairground executable); owns nothing of the client, only start and stop.
#pragma once

#include "engine/core/Result.h"
#include "game/client/LocalServer.h"

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

namespace fg::server {
class ServerApp;
}
namespace fg::netclient {
class ScriptedSession;
}

namespace fg::client {

class EmbeddedServer : public LocalServer {
public:
    // Loads EXHIBITION (every problem in the error), opens the store in DATADIR, starts the thread.
    static Result<std::unique_ptr<EmbeddedServer>> start(const std::filesystem::path& exhibition,
                                                         const std::filesystem::path& dataDir,
                                                         std::uint16_t port = 0,
                                                         const std::string& liveSession = "off");
    ~EmbeddedServer() override;
    std::uint16_t port() const override { return m_port; }
    std::string keyFingerprint() const override { return m_key; }

private:
    EmbeddedServer() = default;
    // EmbeddedLiveSession.cpp: makes LIVESESSION live and starts its scripted people.
    Status startLiveSession(const std::string& liveSession, const std::filesystem::path& dataDir);

    std::unique_ptr<server::ServerApp> m_app;
    std::unique_ptr<netclient::ScriptedSession> m_script; // stopped before the server
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
    std::uint16_t m_port = 0;
    std::string m_key;
};

// EmbeddedServer::start as the app's LocalServerStarter (LIVESESSION: see --live-session).
Result<std::unique_ptr<LocalServer>> startEmbeddedServer(const std::filesystem::path& exhibition,
                                                         const std::filesystem::path& dataDir,
                                                         const std::string& liveSession = "off");

} // namespace fg::client
