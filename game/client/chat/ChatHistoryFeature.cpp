// Which rooms' history to ask for, and when: once per room per connection, the hall's pushed by
// the server on join. Reads the open booth and the chat window's tab; changes neither.
#include "game/client/chat/ChatHistoryFeature.h"

#include "engine/core/Log.h"
#include "game/client/ClientFeatures.h"
#include "game/client/chat/ChatFeature.h"

#include <fmt/format.h>

namespace fg::client {

void ChatHistoryFeature::registerHandlers(netclient::ClientRouter& router, PendingRequests&) {
    router.on<proto::ChatHistory>([this](proto::ChatHistory& h) { received(h); });
}

void ChatHistoryFeature::onJoined() {
    m_loaded.clear(); // a new connection: the server pushes the spawn hall's lines again
    m_hallPushed = false;
}

void ChatHistoryFeature::received(const proto::ChatHistory& h) {
    if (h.scope == proto::ChatScope::Hall) m_loaded.insert("hall:" + h.boothId);
    if (h.requestId == 0) m_hallPushed = true;
    if (auto* chat = m_features.find<ChatFeature>()) chat->addHistory(h);
    log::debug("client: {} earlier chat lines for {} {}", h.lines.size(),
               h.scope == proto::ChatScope::Hall ? "hall" : "room", h.boothId);
}

bool ChatHistoryFeature::ask(const std::string& room, proto::ChatHistoryRequest request) {
    auto* c = joinedClient(m_s);
    if (!c || !m_loaded.insert(room).second) return false;
    c->chatHistory(std::move(request));
    return true;
}

void ChatHistoryFeature::update() {
    if (!joinedClient(m_s)) return;
    // The spawn hall's lines come with the Welcome; a hall entered later is asked for here.
    if (m_hallPushed && m_s.ex && m_s.hall < m_s.ex->halls.size())
        ask("hall:" + m_s.ex->halls[m_s.hall].id, {0, proto::ChatScope::Hall, "", 0, 0});
    if (const expo::Booth* b = selectedBooth(m_s))
        ask("booth:" + b->id, {0, proto::ChatScope::Booth, b->id, 0, 0});
    auto* chat = m_features.find<ChatFeature>();
    if (chat && chat->windowOpen() && chat->tab() == ChatTab::Direct && chat->directTo())
        ask(fmt::format("direct:{}", chat->directTo()),
            {0, proto::ChatScope::Direct, "", chat->directTo(), 0});
}

std::optional<Status> ChatHistoryFeature::runAction(const std::string& name,
                                                    const std::vector<std::string>& args) {
    if (name != "chat-history") return std::nullopt;
    // chat-history BOOTHID: that booth's stored lines now (scripts and tests).
    if (Status st = needArgs(name, args, 1); !st) return st;
    m_loaded.erase("booth:" + args[0]);
    return actionRan(ask("booth:" + args[0], {0, proto::ChatScope::Booth, args[0], 0, 0}), name,
                     args);
}

} // namespace fg::client
