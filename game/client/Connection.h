// The visitor's link to a server: connects, reports failures in words a person can read, and
// after a lost connection retries with exponential backoff. Wraps fg_netclient; no UI here.
#pragma once

#include "game/netclient/NetClient.h"

#include <memory>
#include <string>

namespace fg::client {

enum class LinkState : std::uint8_t {
    Connecting,   // first attempt in progress
    Joined,       // welcomed; the world is live
    Reconnecting, // lost or unreachable; waiting for the next attempt or attempting
    Failed,       // refused by the server (reason in message()); no retry
};
const char* toString(LinkState state);

// Seconds to wait before attempt N (1-based) after a loss: 1, 2, 4, 8, capped at 15.
double backoffSeconds(int attempt);

class Connection {
public:
    explicit Connection(netclient::ClientConfig config) : m_config(std::move(config)) {}

    // Drives connecting, the handshake and retries. NOW is monotonic seconds.
    void update(double now);
    LinkState state() const { return m_state; }
    // What went wrong last (empty when nothing did), e.g. "server refused: name taken".
    const std::string& message() const { return m_message; }
    // True once after each successful join (the app then places the avatar and restores state).
    bool takeJoined();
    int attempts() const { return m_attempt; }
    double nextAttemptAt() const { return m_nextAttempt; }
    bool everJoined() const { return m_everJoined; }
    // The server refused the credential (wrong or revoked invitation code or ticket).
    bool credentialRefused() const {
        return m_state == LinkState::Failed &&
               m_rejectReason == expo::proto::RejectReason::BadCredentials;
    }
    // The credential this link signs in with ("" for a plain visitor).
    const std::string& credential() const { return m_config.hello.credential; }
    std::string address() const;

    netclient::NetClient* client() { return m_client.get(); }
    const netclient::NetClient* client() const { return m_client.get(); }
    void setHello(const expo::proto::Hello& hello) { m_config.hello = hello; }
    void disconnect();

private:
    void startAttempt(double now);
    void lost(double now, std::string why);

    netclient::ClientConfig m_config;
    std::unique_ptr<netclient::NetClient> m_client;
    LinkState m_state = LinkState::Connecting;
    std::string m_message;
    expo::proto::RejectReason m_rejectReason = expo::proto::RejectReason::ServerShutdown;
    int m_attempt = 0;
    double m_nextAttempt = 0;
    double m_attemptStarted = 0;
    bool m_started = false, m_joinedFlag = false, m_everJoined = false;
};

} // namespace fg::client
