// Organisers in the world, as a server module: kick, mute, ban and announce from an organiser's
// client (through the console's own code), the booth approval queue, the live booth heat map
// (organisers only), chat reports (console `reports`, the client's Reports panel) and deleting a
// chat line. Never decides bans or mutes itself (ConsoleCommands and the store do) nor delivers
// chat (the interactions module does).
#pragma once

#include "server/console/ConsoleCommands.h"
#include "server/core/ServerContext.h"
#include "server/core/ServerModule.h"
#include "server/store/ChatLog.h"
#include "server/store/ReportLog.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace fg::interact {
class Interactions;
}

namespace fg::server {

class ModerationModule final : public ServerModule {
public:
    ModerationModule(ServerContext& ctx, interact::Interactions& interactions)
        : m_ctx(ctx), m_interactions(interactions) {}

    Status start() override;
    void registerHandlers(ServerRouter& router) override;
    void registerCommands(console::ConsoleCommands& commands) override;
    void onJoin(presence::Session& s) override;
    void onTick(std::uint32_t tick, double now) override;
    void addStatus(std::vector<console::StatusFigure>& figures) const override;

    // The decisions both the console and an organiser's client take (one implementation):
    // the text to show, or why it failed. BY names who decided (kept with the report).
    Result<std::string> decideReport(std::int64_t reportId, proto::ReportVerdict verdict,
                                     std::uint32_t seconds, const std::string& by);
    Result<std::string> deleteLine(std::int64_t lineId, const std::string& by);

private:
    // ModerationModule.cpp: actions, approval queue, heat map.
    void action(presence::Session& s, const proto::ModerationAction& m);
    void announce(presence::Session& s, const proto::AnnounceRequest& m);
    void decideBooth(presence::Session& s, const proto::ApprovalDecision& m);
    proto::ApprovalQueue approvalQueue() const;
    proto::BoothHeat heat() const;
    void pushChanges();
    // Sends M to every organiser in the world (tools get none).
    void toOrganisers(const proto::Message& m);
    void answer(presence::Session& s, std::uint32_t requestId, const Result<std::string>& r);

    // ModerationReports.cpp: reports, deletion, the `reports` command.
    void report(presence::Session& s, const proto::ChatReport& m);
    Result<proto::ReportList> reportList();
    void pushReports();
    console::ConsoleResult reportsCommand(const console::CommandArgs& a);
    Status mayRead(const presence::Session& s, const store::ChatRecord& line) const;

    ServerContext& m_ctx;
    interact::Interactions& m_interactions;
    console::ConsoleCommands* m_console = nullptr; // set in registerCommands, before any message
    std::unique_ptr<store::ChatLog> m_chat;
    std::unique_ptr<store::ReportLog> m_reports;
    proto::BoothHeat m_lastHeat;
    proto::ApprovalQueue m_lastQueue;
    std::uint64_t m_actions = 0, m_reportsFiled = 0, m_linesDeleted = 0, m_heatSent = 0;
};

} // namespace fg::server
