// The chat-history slice on the client: asks for a room's stored lines when the visitor first
// looks at it (a booth whose panel opens, a direct conversation, a hall entered later) and hands
// the server's ChatHistory to the chat window. Never sends or shows live chat itself.
#pragma once

#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"

#include <set>
#include <string>

namespace fg::client {

class ClientFeatures;
class ChatFeature;

class ChatHistoryFeature : public ClientFeature {
public:
    ChatHistoryFeature(Session& s, ClientFeatures& features) : m_s(s), m_features(features) {}
    void registerHandlers(netclient::ClientRouter& router, PendingRequests&) override;
    std::optional<Status> runAction(const std::string& name,
                                    const std::vector<std::string>& args) override;
    void onJoined() override;
    void update() override;

    // Rooms asked for or received since the last Welcome ("hall:ID", "booth:ID", "direct:N").
    const std::set<std::string>& loaded() const { return m_loaded; }

private:
    void received(const proto::ChatHistory& h);
    // Sends one request for ROOM unless it was asked for since the last Welcome.
    bool ask(const std::string& room, proto::ChatHistoryRequest request);

    Session& m_s;
    ClientFeatures& m_features;
    std::set<std::string> m_loaded;
    bool m_hallPushed = false; // the join's hall history arrived (other halls are asked for)
};

} // namespace fg::client
