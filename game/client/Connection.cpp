// Connection state machine over NetClient: attempt, handshake deadline, reject, loss, backoff.
// Never blocks: update() services the socket without waiting.
#include "game/client/Connection.h"

#include "engine/core/Log.h"
#include "engine/core/Translate.h"
#include "game/client/LocalText.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace fg::client {

namespace {
constexpr double kHandshakeSeconds = 6.0;
}

const char* toString(LinkState state) {
    switch (state) {
    case LinkState::Connecting:
        return trMark("connecting");
    case LinkState::Joined:
        return trMark("connected");
    case LinkState::Reconnecting:
        return trMark("reconnecting");
    case LinkState::Failed:
        return trMark("refused");
    }
    return "unknown";
}

double backoffSeconds(int attempt) {
    return std::min(15.0, std::pow(2.0, double(std::max(attempt, 1) - 1)));
}

std::string Connection::address() const {
    return fmt::format("{}:{}", m_config.host, m_config.port);
}

bool Connection::takeJoined() {
    return std::exchange(m_joinedFlag, false);
}

void Connection::disconnect() {
    if (m_client) m_client->disconnect();
    m_client.reset();
}

void Connection::startAttempt(double now) {
    ++m_attempt;
    m_attemptStarted = now;
    m_client.reset();
    auto client = netclient::NetClient::connect(m_config);
    if (!client) {
        lost(now, trf("cannot reach {}: {}", address(), client.error().message));
        return;
    }
    m_client = std::move(*client);
}

void Connection::lost(double now, std::string why) {
    if (m_message != why) log::warn("client: {}", why);
    m_message = std::move(why);
    m_client.reset();
    m_state = LinkState::Reconnecting;
    m_nextAttempt = now + backoffSeconds(m_attempt);
}

void Connection::update(double now) {
    if (m_state == LinkState::Failed) return;
    if (!m_started) {
        m_started = true;
        startAttempt(now);
    } else if (!m_client && now >= m_nextAttempt) {
        startAttempt(now);
    }
    if (!m_client) return;
    m_client->update(0);
    switch (m_client->state()) {
    case netclient::ClientState::Connecting:
        if (now - m_attemptStarted > kHandshakeSeconds)
            lost(now, trf("no answer from {} (is the server running?)", address()));
        break;
    case netclient::ClientState::Joined:
        if (m_state != LinkState::Joined) {
            m_state = LinkState::Joined;
            m_joinedFlag = true;
            m_everJoined = true;
            m_attempt = 0;
            m_message.clear();
            log::info("client: joined {} as {} {}{}", address(),
                      expo::proto::toString(m_client->welcome().role), m_client->id(),
                      m_client->welcome().exhibitorId.empty()
                          ? ""
                          : " for exhibitor " + m_client->welcome().exhibitorId);
        }
        break;
    case netclient::ClientState::Rejected:
        m_message = m_client->keyRefused() ? trf("not connected, for your safety: {}",
                                                 serverText(m_client->rejection().text))
                                           : trf("the server refused to let you in: {}",
                                                 serverText(m_client->rejection().text));
        m_rejectReason = m_client->rejection().reason;
        log::warn("client: {}", m_message);
        // A shutdown after joining is a loss worth retrying, and so is "name taken" on a rejoin:
        // the server still holds our old session until it notices the lost peer. A refused
        // first handshake is final.
        if (m_everJoined &&
            (m_client->rejection().reason == expo::proto::RejectReason::ServerShutdown ||
             m_client->rejection().reason == expo::proto::RejectReason::NameTaken))
            lost(now, m_message);
        else {
            m_state = LinkState::Failed;
            m_client.reset();
        }
        break;
    case netclient::ClientState::Disconnected:
        lost(now, m_everJoined ? trf("lost the connection to {}", address())
                               : trf("could not connect to {}", address()));
        break;
    }
}

} // namespace fg::client
