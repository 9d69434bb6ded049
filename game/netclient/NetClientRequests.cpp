// NetClient's outgoing calls: movement input, teleport, chat and booth interactions, console.
// Builds messages only; validation of what is allowed happens on the server.
#include "game/netclient/NetClient.h"

namespace fg::netclient {

using namespace fg::expo::proto;

void NetClient::sendInput(glm::vec2 position, float heading, Anim anim) {
    if (m_state != ClientState::Joined) return;
    m_self = position;
    send(Input{++m_inputSequence, m_latestTick, m_hall, quantizePosition(position.x),
               quantizePosition(position.y), std::uint16_t(quantizeHeading(heading)), anim});
}

void NetClient::teleport(TeleportKind kind, std::uint32_t hall, const std::string& targetId) {
    send(Teleport{kind, hall, targetId});
}

std::uint32_t NetClient::chat(ChatScope scope, const std::string& boothId, std::uint16_t recipient,
                              const std::string& text) {
    std::uint32_t id = m_nextRequest++;
    send(ChatSend{id, scope, boothId, recipient, text});
    return id;
}

std::uint32_t NetClient::chatHistory(ChatHistoryRequest request) {
    request.requestId = m_nextRequest++;
    send(request);
    return request.requestId;
}

std::uint32_t NetClient::like(const std::string& boothId) {
    std::uint32_t id = m_nextRequest++;
    send(Like{id, boothId});
    return id;
}

std::uint32_t NetClient::openItem(const std::string& boothId, ItemKind kind, std::uint32_t index) {
    std::uint32_t id = m_nextRequest++;
    send(OpenItem{id, boothId, kind, index});
    return id;
}

std::uint32_t NetClient::dropCard(DropCard card) {
    card.requestId = m_nextRequest++;
    send(card);
    return card.requestId;
}

std::uint32_t NetClient::setStaffOnDuty(const std::string& boothId, bool onDuty) {
    std::uint32_t id = m_nextRequest++;
    send(StaffPresence{id, boothId, onDuty});
    return id;
}

std::uint32_t NetClient::console(const std::string& line) {
    std::uint32_t id = m_nextRequest++;
    send(ConsoleCommand{id, line});
    return id;
}

} // namespace fg::netclient
