// The host of the visitor client's feature states: the one list of features (ClientFeatures.cpp),
// the client router every server message goes through once, and script actions by name.
// Window-free so tests drive it; must not render or talk to the server itself.
#pragma once

#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"

#include <memory>
#include <vector>

namespace fg::client {

class ClientFeatures {
public:
    // Creates every feature over SESSION and registers its handlers (and the core's).
    explicit ClientFeatures(Session& session);
    ClientFeatures(const ClientFeatures&) = delete;
    ClientFeatures& operator=(const ClientFeatures&) = delete;

    // The feature of type F, or nullptr when this build has none.
    template <class F>
    F* find() const {
        for (const auto& f : m_features)
            if (auto* typed = dynamic_cast<F*>(f.get())) return typed;
        return nullptr;
    }
    netclient::ClientRouter& router() { return m_router; }
    // The one dispatch point of server messages: each goes to its router handlers once.
    void dispatch(std::vector<proto::Message>& inbox);
    // A script action: the core's (walk-to, teleport, help, quit), else the owning feature's.
    Status runAction(const std::string& name, const std::vector<std::string>& args);
    void drawMenu();
    void drawPanels(const UiFrame& frame);
    bool drawBlocking();
    void onJoined();
    void update();

private:
    template <class F>
    F& add() {
        m_features.push_back(std::make_unique<F>(m_session, *this));
        return static_cast<F&>(*m_features.back());
    }

    Session& m_session;
    netclient::ClientRouter m_router;
    std::vector<std::unique_ptr<ClientFeature>> m_features;
};

} // namespace fg::client
