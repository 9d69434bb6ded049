// Exhibitor staff as a server module: BoothStatsRequest (statistics and newest leads for the
// booth panel), "staff online: NAMES" per booth pushed to everyone once a second (the switch, or
// standing in the booth), an own booth's whole lead list (LeadsRequest) and who is in its zone
// now (BoothVisitorsRequest), and the record of whose card each lead was (store::CardHolders).
// Permissions and figures are fg_interactions' and the store's; never touches presence or content.
#pragma once

#include "server/core/ServerContext.h"
#include "server/core/ServerModule.h"
#include "server/store/CardHolders.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace fg::interact {
class Interactions;
}

namespace fg::server {

class StaffModule final : public ServerModule {
public:
    StaffModule(ServerContext& ctx, interact::Interactions& interactions)
        : m_ctx(ctx), m_interactions(interactions) {}
    ~StaffModule() override;

    Status start() override; // opens the card holders' table, watches new leads
    void registerHandlers(ServerRouter& router) override;
    void onJoin(presence::Session& s) override;
    void onTick(std::uint32_t tick, double now) override;

private:
    void boothStats(presence::Session& s, const proto::BoothStatsRequest& request);
    void updateStaffPresence();
    // Names of the people staffing BOOTHID now, sorted.
    std::vector<std::string> staffNames(const std::string& boothId);
    // StaffRecords.cpp
    void leads(presence::Session& s, const proto::LeadsRequest& request);
    void visitors(presence::Session& s, const proto::BoothVisitorsRequest& request);
    proto::BoothVisitor describe(const presence::Session& person, const expo::Booth& booth);

    ServerContext& m_ctx;
    interact::Interactions& m_interactions;
    std::unique_ptr<store::CardHolders> m_cards;
    std::map<std::string, std::vector<std::string>> m_staffOnline; // booth -> names announced
};

} // namespace fg::server
