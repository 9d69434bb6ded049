// The chat-history slice on the server: keeps every delivered chat line (the bus's chat/line
// events) in store::ChatLog, answers ChatHistoryRequest, sends a newcomer their hall's recent
// lines, and adds `chat rooms|purge` to the console. Never delivers live chat nor decides who
// may chat (the interactions module does both).
#pragma once

#include "server/console/ConsoleCommands.h"
#include "server/core/ServerContext.h"
#include "server/core/ServerModule.h"
#include "server/store/ChatLog.h"

#include <memory>
#include <string>

namespace fg::server {

class ChatHistoryModule final : public ServerModule {
public:
    explicit ChatHistoryModule(ServerContext& ctx) : m_ctx(ctx) {}
    ~ChatHistoryModule() override;

    Status start() override; // opens the slice's tables, subscribes to chat/line
    void registerHandlers(ServerRouter& router) override;
    void registerCommands(console::ConsoleCommands& commands) override;
    void onJoin(presence::Session& s) override;
    void addStatus(std::vector<console::StatusFigure>& figures) const override;

private:
    void record(std::span<const std::uint8_t> bytes);
    void answer(presence::Session& s, const proto::ChatHistoryRequest& m);
    // The room S may read for M, or the reason it may not.
    Result<std::string> roomFor(const presence::Session& s, const proto::ChatHistoryRequest& m);
    Result<proto::ChatHistory> history(const std::string& room, std::uint64_t beforeId);
    console::ConsoleResult command(const console::CommandArgs& args);

    ServerContext& m_ctx;
    std::unique_ptr<store::ChatLog> m_log;
    Bus::SubscriptionId m_subscription = 0;
    bool m_subscribed = false;
    std::uint64_t m_stored = 0, m_served = 0, m_storeErrors = 0;
};

} // namespace fg::server
