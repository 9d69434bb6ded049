// Staff module: booth statistics for the exhibitor's panel and staff-online announcements with
// names. Leads and booth visitors are in StaffRecords.cpp.
// Must not decide who may see a booth's figures: fg_interactions does, with readable reasons.
#include "server/staff/StaffModule.h"

#include "engine/core/Log.h"
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

StaffModule::~StaffModule() {
    m_interactions.setLeadObserver({}); // the observer points at this module
}

Status StaffModule::start() {
    auto cards = store::CardHolders::open(m_ctx.store());
    if (!cards) return cards.error();
    m_cards = std::move(*cards);
    m_interactions.setLeadObserver([this](const interact::Actor& who, const store::Lead& lead) {
        if (Status st = m_cards->record(lead.id, lead.exhibitorId, interact::visitorKey(who)); !st)
            log::error("staff: lead {}: {}", lead.id, st.error().message);
    });
    return {};
}

void StaffModule::registerHandlers(ServerRouter& router) {
    // Which booths a person may see the figures, leads and visitors of is fg_interactions' rule
    // (readable replies), so every joined person may ask.
    router.on<BoothStatsRequest>(
        Permit::joined(), [this](Session& s, const BoothStatsRequest& m) { boothStats(s, m); });
    router.on<LeadsRequest>(Permit::joined(),
                            [this](Session& s, const LeadsRequest& m) { leads(s, m); });
    router.on<BoothVisitorsRequest>(
        Permit::joined(), [this](Session& s, const BoothVisitorsRequest& m) { visitors(s, m); });
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
    for (const auto& [id, names] : m_staffOnline)
        m_ctx.send(s, StaffPresence{0, id, true, names});
}

void StaffModule::onTick(std::uint32_t tick, double) {
    if (tick % m_ctx.config().tickRate == 0) updateStaffPresence();
}

std::vector<std::string> StaffModule::staffNames(const std::string& boothId) {
    std::vector<std::string> names;
    for (std::uint32_t id : m_interactions.staffAt(boothId))
        if (const Session* s = m_ctx.session(id); s && s->joined) names.push_back(s->name);
    std::sort(names.begin(), names.end());
    if (names.size() > kMaxStaffNames) names.resize(kMaxStaffNames);
    return names;
}

// Once a second: booths whose staff changed (came, went, or someone else took over) are
// announced to everyone with the names of who is there now.
void StaffModule::updateStaffPresence() {
    std::map<std::string, std::vector<std::string>> online;
    for (const expo::Booth& b : m_ctx.exhibition().booths)
        if (auto names = staffNames(b.id); !names.empty()) online.emplace(b.id, std::move(names));
    if (online == m_staffOnline) return;
    std::vector<StaffPresence> changes;
    for (const auto& [id, names] : online)
        if (auto it = m_staffOnline.find(id); it == m_staffOnline.end() || it->second != names)
            changes.push_back(StaffPresence{0, id, true, names});
    for (const auto& [id, names] : m_staffOnline)
        if (!online.count(id)) changes.push_back(StaffPresence{0, id, false, {}});
    m_staffOnline = std::move(online);
    for (const Session& s : m_ctx.sessions()) {
        if (!s.joined) continue;
        for (const StaffPresence& c : changes)
            m_ctx.send(s, c);
    }
}

} // namespace fg::server
