// The moderation slice's client side: for organisers, kick, mute, ban and message from the
// people panel or a right-click on an avatar, announcements, the booth approval queue, chat
// reports and the live heat map on the hall map; for everyone, reporting a chat line.
// Decides nothing: the server checks every request (a visitor's would be refused).
#pragma once

#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fg::client {

class ClientFeatures;
struct ChatLine;

// "30s", "10m", "2h", "1d" (a number alone is minutes) as seconds; "forever" is 0 (until
// lifted). The error names TEXT.
Result<std::uint32_t> parseModerationDuration(const std::string& text);
// The colour-blind-safe (viridis) colour, 0xRRGGBB, of COUNT people on a scale up to MAX.
std::uint32_t heatColour(std::uint32_t count, std::uint32_t max);

class ModerationFeature : public ClientFeature {
public:
    ModerationFeature(Session& s, ClientFeatures& host) : m_s(s), m_host(host) {}
    void registerHandlers(netclient::ClientRouter& router, PendingRequests& pending) override;
    void drawMenu() override;
    void drawPanels(const UiFrame& frame) override;
    std::optional<Status> runAction(const std::string& name,
                                    const std::vector<std::string>& args) override;
    void onJoined() override;

    // True when the server admitted this client as an organiser (never a local guess).
    bool organiser() const;
    // The people panel's buttons for person ID (nothing unless organiser).
    void drawPersonActions(std::uint16_t id, const std::string& name);
    // While the heat map is on: people in BOOTHID's visit zone now and the booth's colour.
    std::optional<std::pair<std::uint32_t, std::uint32_t>> heat(const std::string& boothId) const;
    // The map's legend for the heat map (drawn inside the map window).
    void drawHeatLegend();

    // Requests; false when not joined. WHAT names the request in logs and toasts.
    bool act(proto::ModerationVerb verb, std::uint16_t target, std::uint32_t seconds,
             std::string reason, std::string what);
    bool announce(const std::string& hallId, const std::string& text);
    bool decideBooth(const std::string& boothId, bool approve, const std::string& reason);
    bool report(std::uint64_t lineId, const std::string& reason);
    bool decideReport(std::uint64_t reportId, proto::ReportVerdict verdict, std::uint32_t seconds);
    bool deleteLine(std::uint64_t lineId);

    const std::vector<proto::ApprovalEntry>& queue() const { return m_queue; }
    const std::vector<proto::ReportEntry>& reports() const { return m_reports; }

private:
    // A kick, mute or ban being confirmed in the "Moderate" window.
    struct Pending {
        std::uint16_t target = 0;
        std::string name;
        proto::ModerationVerb verb = proto::ModerationVerb::Kick;
        int duration = 1; // index into the duration choices
        std::string reason;
    };
    // Remembers REQUESTID so its answer is logged and shown; false when nothing was sent.
    bool track(std::uint32_t requestId, std::string what);
    std::uint16_t personNamed(const std::string& name) const;
    const ChatLine* lineMatching(const std::string& text, bool othersOnly) const;
    Status moderateAction(const std::string& name, const std::vector<std::string>& args);
    Status reportAction(const std::string& name, const std::vector<std::string>& args);
    void lineMenu(const ChatLine& line);
    // ModerationPanels.cpp
    void drawModerate();
    void drawQueue();
    void drawReports();
    void drawReport(const proto::ReportEntry& r);
    void drawAnnounce();
    void pickAvatar(const UiFrame& frame);

    Session& m_s;
    ClientFeatures& m_host;
    std::vector<proto::ApprovalEntry> m_queue;
    std::vector<proto::ReportEntry> m_reports;
    std::map<std::string, std::uint32_t> m_heat;
    std::optional<Pending> m_moderate;
    std::uint16_t m_menuTarget = 0;
    bool m_queueOpen = false, m_reportsOpen = false, m_announceOpen = false, m_heatOn = true;
    std::string m_rejectReason, m_announceText, m_reportReason;
    int m_announceHall = 0; // 0: everyone, else hall index + 1
    int m_reportMute = 1;   // duration choice for "Mute sender"
};

} // namespace fg::client
