// Typed pending requests: remember, take, and route an ActionResult to the kind's handler.
// Must not toast or send: the core's ActionResult handler does the user-facing part.
#include "game/client/PendingRequests.h"

namespace fg::client {

const char* pendingName(const PendingRequest& request) {
    return std::visit([](const auto& p) { return std::decay_t<decltype(p)>::kName; }, request);
}

void PendingRequests::add(std::uint32_t requestId, PendingRequest what) {
    if (requestId) m_pending.insert_or_assign(requestId, std::move(what));
}

std::optional<PendingRequest> PendingRequests::take(std::uint32_t requestId) {
    auto it = m_pending.find(requestId);
    if (it == m_pending.end()) return std::nullopt;
    PendingRequest out = std::move(it->second);
    m_pending.erase(it);
    return out;
}

const PendingRequest* PendingRequests::find(std::uint32_t requestId) const {
    auto it = m_pending.find(requestId);
    return it == m_pending.end() ? nullptr : &it->second;
}

bool PendingRequests::resolve(const proto::ActionResult& result) {
    std::optional<PendingRequest> what = take(result.requestId);
    if (!what) return false;
    if (const Handler& h = m_handlers[what->index()]) h(*what, result);
    return true;
}

} // namespace fg::client
