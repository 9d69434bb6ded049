// ServerContext: sending, replies and the one fault counter every refusal goes through.
// Must not decide any capability's rules.
#include "server/core/ServerContext.h"

#include "engine/core/Log.h"
#include "game/expo/protocol/MessageCodec.h"
#include "server/store/Role.h"

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

bool ServerContext::send(const Session& s, Message message) {
    const std::uint8_t channel = channelOf(message);
    auto packet = encode(std::move(message));
    if (!packet) {
        log::error("server: {}", packet.error().message);
        return false;
    }
    return m_state.host->send(s.id - 1u, channel, *packet);
}

bool ServerContext::sendPacket(const Session& s, std::uint8_t channel,
                               std::span<const std::uint8_t> bytes) {
    return m_state.host->send(s.id - 1u, channel, bytes);
}

void ServerContext::reply(const Session& s, std::uint32_t requestId, const Status& status,
                          std::uint32_t value, std::string text) {
    if (!status) text = status.error().message;
    if (text.size() > kMaxReasonLength) text.resize(kMaxReasonLength);
    send(s, ActionResult{requestId, status.ok(), value, std::move(text)});
}

void ServerContext::fault(Session& s, std::string_view what) {
    ++s.badPackets;
    log::debug("server: client {} sent bad data: {}", s.id, what);
    if (s.badPackets > m_state.config.maxBadPackets)
        reject(s, RejectReason::BadData, "too many malformed or unexpected messages");
}

void ServerContext::reject(Session& s, RejectReason reason, std::string text) {
    m_reject(s, reason, std::move(text));
}

std::size_t ServerContext::queuedBytes(const Session& s, std::uint8_t channel) const {
    return m_state.host->queuedBytes(s.id - 1u, channel);
}

Session* ServerContext::session(std::uint32_t id) {
    auto& sessions = m_state.sessions;
    if (id == 0 || id > sessions.size() || sessions[id - 1].id != id) return nullptr;
    return &sessions[id - 1];
}

interact::Actor ServerContext::actor(const Session& s) const {
    return interact::Actor{s.id,        s.name,    s.role,     s.exhibitorId,
                           s.clientKey, s.address, s.personKey};
}

std::uint32_t ServerContext::hallIndex(std::string_view hallId) const {
    const auto& halls = m_state.exhibition->halls;
    for (std::uint32_t h = 0; h < halls.size(); ++h)
        if (halls[h].id == hallId) return h;
    return std::uint32_t(halls.size());
}

} // namespace fg::server
