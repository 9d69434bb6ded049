// Booth interactions as a server module: chat (hall chat through the bus), likes, item opens,
// business cards and staff duty, plus visit tracking from positions every few ticks.
// Owns no rules: every decision is fg_interactions'; never touches presence input or content.
#pragma once

#include "server/core/BusTopics.h"
#include "server/core/ServerContext.h"
#include "server/core/ServerModule.h"

namespace fg::interact {
class Interactions;
}

namespace fg::server {

class InteractionsModule final : public ServerModule {
public:
    InteractionsModule(ServerContext& ctx, interact::Interactions& interactions);
    ~InteractionsModule() override;

    void registerHandlers(ServerRouter& router) override;
    void onLeave(presence::Session& s, proto::LeaveReason reason) override;
    void onTick(std::uint32_t tick, double now) override;

private:
    void like(presence::Session& s, const proto::Like& m);
    void openItem(presence::Session& s, const proto::OpenItem& m);
    void dropCard(presence::Session& s, const proto::DropCard& m);
    void staffDuty(presence::Session& s, const proto::StaffPresence& m);
    void chat(presence::Session& s, const proto::ChatSend& m);
    std::size_t deliverChat(presence::Session& s, const proto::ChatSend& chat,
                            const std::string& boothId, proto::ChatReceived out);
    void publishLine(const presence::Session& s, const proto::ChatSend& chat, ChatLineEvent event);
    void updateVisits(double now);
    // A booth's audience: people in its visit zone and its exhibitor's staff.
    bool inAudience(const presence::Session& s, const std::string& boothId,
                    const expo::Booth* booth) const;
    void deliverToAudience(std::string_view topic, std::span<const std::uint8_t> bytes);
    std::string staffCompany(const presence::Session& s, const std::string& boothId) const;

    ServerContext& m_ctx;
    interact::Interactions& m_interactions;
    Bus::SubscriptionId m_boothTopics = 0;
};

} // namespace fg::server
