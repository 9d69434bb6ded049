// Staff module: booth statistics for the exhibitor's panel and staff-online announcements.
// Must not decide who may see a booth's figures: fg_interactions does, with readable reasons.
#include "server/staff/StaffModule.h"

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

BoothStats statsMessage(const BoothStatsRequest& request, const store::BoothStats& stats) {
    BoothStats out;
    out.requestId = request.requestId;
    out.boothId = request.boothId;
    out.visits = clampCount(double(stats.visits));
    out.uniqueVisitors = clampCount(double(stats.uniqueVisitors));
    out.meanDwellSeconds =
        stats.visits > 0 ? clampCount(stats.dwellSeconds / double(stats.visits)) : 0;
    out.likes = clampCount(double(stats.likes));
    out.cards = clampCount(double(stats.cards));
    out.documentOpens = clampCount(double(stats.documentOpens));
    out.linkOpens = clampCount(double(stats.linkOpens));
    out.videoOpens = clampCount(double(stats.videoOpens));
    return out;
}

} // namespace

void StaffModule::registerHandlers(ServerRouter& router) {
    // Which booths a person may see the figures of is fg_interactions' rule (readable replies).
    router.on<BoothStatsRequest>(
        Permit::joined(), [this](Session& s, const BoothStatsRequest& m) { boothStats(s, m); });
}

void StaffModule::boothStats(Session& s, const BoothStatsRequest& request) {
    const interact::Actor who = m_ctx.actor(s);
    auto stats = m_interactions.boothStats(who, request.boothId);
    if (!stats) return m_ctx.reply(s, request.requestId, stats.error());
    auto leads = m_interactions.leads(who, request.boothId);
    if (!leads) return m_ctx.reply(s, request.requestId, leads.error());
    BoothStats out = statsMessage(request, *stats);
    out.visitorsNow = m_interactions.visits().visitorsAt(request.boothId);
    out.staffOnline = m_interactions.staffOnline(request.boothId);
    // The store lists leads oldest first; the panel shows the newest.
    for (auto it = leads->rbegin(); it != leads->rend() && out.recentLeads.size() < kMaxRecentLeads;
         ++it)
        out.recentLeads.push_back(LeadSummary{
            clip(it->visitorName, kMaxNameLength), clip(it->organisation, kMaxCompanyLength),
            clip(it->email, kMaxEmailLength), clip(it->message, kMaxNoteLength), it->createdAt});
    m_ctx.send(s, std::move(out));
}

void StaffModule::onJoin(Session& s) {
    for (const std::string& id : m_staffOnline)
        m_ctx.send(s, StaffPresence{0, id, true});
}

void StaffModule::onTick(std::uint32_t tick, double) {
    if (tick % m_ctx.config().tickRate == 0) updateStaffPresence();
}

// Once a second: booths whose staff came online or went offline are announced to everyone.
void StaffModule::updateStaffPresence() {
    std::set<std::string> online;
    for (const expo::Booth& b : m_ctx.exhibition().booths)
        if (m_interactions.staffOnline(b.id)) online.insert(b.id);
    if (online == m_staffOnline) return;
    std::vector<StaffPresence> changes;
    for (const std::string& id : online)
        if (!m_staffOnline.count(id)) changes.push_back(StaffPresence{0, id, true});
    for (const std::string& id : m_staffOnline)
        if (!online.count(id)) changes.push_back(StaffPresence{0, id, false});
    m_staffOnline = std::move(online);
    for (const Session& s : m_ctx.sessions()) {
        if (!s.joined) continue;
        for (const StaffPresence& c : changes)
            m_ctx.send(s, c);
    }
}

} // namespace fg::server
