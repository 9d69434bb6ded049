// ServerApp's exhibitor-facing messages: booth statistics and newest leads for the booth panel,
// and "staff online" per booth pushed to every visitor. Permissions and figures come from
// fg_interactions and the store (as the console's `booth stats` and `leads`); none decided here.
#include "engine/core/Log.h"
#include "server/ServerApp.h"
#include "server/interactions/Interactions.h"
#include "server/store/Store.h"

#include <algorithm>
#include <cmath>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

namespace {

std::uint32_t clampCount(double v) {
    return std::uint32_t(std::clamp(std::round(v), 0.0, double(kMaxStatCount)));
}

std::string clip(std::string text, std::size_t max) {
    if (text.size() > max) text.resize(max); // stored values are already bounded; be safe
    return text;
}

} // namespace

bool ServerApp::handleExhibitorMessage(Session& s, Message& m) {
    auto* request = std::get_if<BoothStatsRequest>(&m);
    if (!request) return false;
    const interact::Actor who = actor(s);
    auto stats = m_interactions->boothStats(who, request->boothId);
    if (!stats) {
        reply(s, request->requestId, stats.error());
        return true;
    }
    auto leads = m_interactions->leads(who, request->boothId);
    if (!leads) {
        reply(s, request->requestId, leads.error());
        return true;
    }
    BoothStats out;
    out.requestId = request->requestId;
    out.boothId = request->boothId;
    out.visits = clampCount(double(stats->visits));
    out.uniqueVisitors = clampCount(double(stats->uniqueVisitors));
    out.meanDwellSeconds =
        stats->visits > 0 ? clampCount(stats->dwellSeconds / double(stats->visits)) : 0;
    out.likes = clampCount(double(stats->likes));
    out.cards = clampCount(double(stats->cards));
    out.documentOpens = clampCount(double(stats->documentOpens));
    out.linkOpens = clampCount(double(stats->linkOpens));
    out.videoOpens = clampCount(double(stats->videoOpens));
    out.visitorsNow = m_interactions->visits().visitorsAt(request->boothId);
    out.staffOnline = m_interactions->staffOnline(request->boothId);
    // The store lists leads oldest first; the panel shows the newest.
    for (auto it = leads->rbegin(); it != leads->rend() && out.recentLeads.size() < kMaxRecentLeads;
         ++it)
        out.recentLeads.push_back(LeadSummary{
            clip(it->visitorName, kMaxNameLength), clip(it->organisation, kMaxCompanyLength),
            clip(it->email, kMaxEmailLength), clip(it->message, kMaxNoteLength), it->createdAt});
    send(s, std::move(out));
    return true;
}

// Once a second: booths whose staff came online or went offline are announced to everyone.
void ServerApp::updateStaffPresence() {
    std::set<std::string> online;
    for (const expo::Booth& b : m_exhibition->booths)
        if (m_interactions->staffOnline(b.id)) online.insert(b.id);
    if (online == m_staffOnline) return;
    std::vector<StaffPresence> changes;
    for (const std::string& id : online)
        if (!m_staffOnline.count(id)) changes.push_back(StaffPresence{0, id, true});
    for (const std::string& id : m_staffOnline)
        if (!online.count(id)) changes.push_back(StaffPresence{0, id, false});
    m_staffOnline = std::move(online);
    for (const Session& s : m_sessions) {
        if (!s.joined) continue;
        for (const StaffPresence& c : changes)
            send(s, c);
    }
}

void ServerApp::sendStaffPresence(const Session& s) {
    for (const std::string& id : m_staffOnline)
        send(s, StaffPresence{0, id, true});
}

} // namespace fg::server
