// Staff and exhibitor statistics as a server module: BoothStatsRequest (statistics and newest
// leads for the booth panel) and "staff online" per booth pushed to everyone once a second.
// Permissions and figures are fg_interactions' and the store's; never touches presence or content.
#pragma once

#include "server/core/ServerContext.h"
#include "server/core/ServerModule.h"

#include <set>
#include <string>

namespace fg::interact {
class Interactions;
}

namespace fg::server {

class StaffModule final : public ServerModule {
public:
    StaffModule(ServerContext& ctx, interact::Interactions& interactions)
        : m_ctx(ctx), m_interactions(interactions) {}

    void registerHandlers(ServerRouter& router) override;
    void onJoin(presence::Session& s) override;
    void onTick(std::uint32_t tick, double now) override;

private:
    void boothStats(presence::Session& s, const proto::BoothStatsRequest& request);
    void updateStaffPresence();

    ServerContext& m_ctx;
    interact::Interactions& m_interactions;
    std::set<std::string> m_staffOnline; // booths announced as staffed
};

} // namespace fg::server
