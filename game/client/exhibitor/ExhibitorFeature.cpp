// Own-booth statistics and staff on duty: polling, the typed answers, the
// "Your booth (live)" section of the booth panel and the script actions. ImGui widgets only;
// sends BoothStatsRequest and StaffPresence (the server checks each).
#include "game/client/exhibitor/ExhibitorFeature.h"

#include "engine/core/Time.h"
#include "engine/core/Translate.h"
#include "game/client/ClientFeatures.h"
#include "game/client/booth/BoothFeature.h"

#include <cstdlib>
#include <fmt/format.h>
#include <imgui.h>

namespace fg::client {
namespace {

std::string minutesSeconds(std::uint32_t seconds) {
    return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
}

void statsTable(const proto::BoothStats& st) {
    if (!ImGui::BeginTable("boothstats", 4, ImGuiTableFlags_SizingFixedFit)) return;
    const std::pair<const char*, std::string> cells[] = {
        {tr("Visits"), std::to_string(st.visits)},
        {tr("Unique visitors"), std::to_string(st.uniqueVisitors)},
        {tr("Mean dwell"), minutesSeconds(st.meanDwellSeconds)},
        {tr("Here now"), std::to_string(st.visitorsNow)},
        {tr("Likes"), std::to_string(st.likes)},
        {tr("Cards (leads)"), std::to_string(st.cards)},
        {tr("Document opens"), std::to_string(st.documentOpens)},
        {tr("Link / video opens"), fmt::format("{} / {}", st.linkOpens, st.videoOpens)}};
    for (const auto& [label, value] : cells) {
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", label);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(value.c_str());
    }
    ImGui::EndTable();
}

void leadsList(const proto::BoothStats& st) {
    ImGui::Text(tr("Newest leads (%zu of %u):"), st.recentLeads.size(), st.cards);
    if (st.recentLeads.empty()) ImGui::TextDisabled("%s", tr("  no cards yet"));
    for (const proto::LeadSummary& l : st.recentLeads) {
        const std::string when = formatUtcTimestamp(l.timeUnix);
        ImGui::BulletText("%s  %s (%s) <%s>", when.c_str(), l.name.c_str(), l.organisation.c_str(),
                          l.email.c_str());
        if (!l.message.empty()) ImGui::TextWrapped("    \"%s\"", l.message.c_str());
    }
}

} // namespace

ExhibitorFeature::ExhibitorFeature(Session& s, ClientFeatures& host)
    : m_s(s), m_booth(host.find<BoothFeature>()) {
    if (m_booth) m_booth->addSection([this](const expo::Booth& b) { ownBoothSection(b); });
}

void ExhibitorFeature::registerHandlers(netclient::ClientRouter& router, PendingRequests& pending) {
    router.on<proto::BoothStats>([this](proto::BoothStats& b) {
        (void)m_s.pending.take(b.requestId); // answered by the figures, not an ActionResult
        m_stats[b.boothId] = std::move(b);
    });
    pending.on<StatsPending>([this](const StatsPending& p, const proto::ActionResult& r) {
        if (!r.ok) m_stats.erase(p.boothId);
    });
    pending.on<DutyPending>([this](const DutyPending& p, const proto::ActionResult& r) {
        if (!r.ok) return; // the refusal toast is the core's
        if (p.onDuty)
            m_onDuty.insert(p.boothId);
        else
            m_onDuty.erase(p.boothId);
        toast(m_s, p.onDuty ? trf("You are on duty at {}", p.boothId)
                            : trf("Off duty at {}", p.boothId));
    });
}

void ExhibitorFeature::onJoined() {
    m_onDuty.clear(); // a new session starts off duty
}

bool ExhibitorFeature::setOnDuty(const std::string& boothId, bool onDuty) {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c) return false;
    m_s.pending.add(c->setStaffOnDuty(boothId, onDuty), DutyPending{boothId, onDuty});
    return true;
}

std::optional<Status> ExhibitorFeature::runAction(const std::string& name,
                                                  const std::vector<std::string>& args) {
    if (name == "on-duty") return dutyAction(args);
    return std::nullopt;
}

Status ExhibitorFeature::dutyAction(const std::vector<std::string>& args) {
    if (Status st = needArgs("on-duty", args, 2); !st) return st;
    if (args[1] != "on" && args[1] != "off")
        return makeError(fmt::format("on-duty: expected on or off, found \"{}\"", args[1]));
    return actionRan(setOnDuty(args[0], args[1] == "on"), "on-duty", args);
}

bool ExhibitorFeature::ownsOpenBooth() const {
    const netclient::NetClient* c = joinedClient(m_s);
    const expo::Booth* b = selectedBooth(m_s);
    if (!c || !b) return false;
    if (c->welcome().role == proto::Role::Organiser) return true;
    return c->welcome().role == proto::Role::Exhibitor && c->welcome().exhibitorId == b->exhibitor;
}

const proto::BoothStats* ExhibitorFeature::stats(const std::string& boothId) const {
    auto it = m_stats.find(boothId);
    return it == m_stats.end() ? nullptr : &it->second;
}

void ExhibitorFeature::update() {
    constexpr double kRefreshSeconds = 3.0;
    if (m_s.selection.booth != m_askedFor) m_askedAt = -1e9, m_askedFor = m_s.selection.booth;
    if (!ownsOpenBooth() || m_s.now - m_askedAt < kRefreshSeconds) return;
    m_askedAt = m_s.now;
    const std::string& id = selectedBooth(m_s)->id;
    const std::uint32_t requestId = m_nextRequest++;
    if (joinedClient(m_s)->sendRaw(proto::BoothStatsRequest{requestId, id}))
        m_s.pending.add(requestId, StatsPending{id});
}

void ExhibitorFeature::ownBoothSection(const expo::Booth& b) {
    if (!ownsOpenBooth()) return;
    if (!ImGui::CollapsingHeader(trl("Your booth (live)"), ImGuiTreeNodeFlags_DefaultOpen)) return;
    // Staffing first: the switch and the requests to answer must not scroll out of sight.
    dutySwitch(b);
    const proto::BoothStats* found = stats(b.id);
    if (!found) {
        ImGui::TextDisabled("%s", tr("asking the server for this booth's statistics..."));
    } else {
        const proto::BoothStats& st = *found;
        ImGui::TextColored(st.staffOnline ? ImVec4{0.3f, 0.85f, 0.4f, 1}
                                          : ImVec4{0.6f, 0.6f, 0.6f, 1},
                           "%s", st.staffOnline ? tr("Staff online") : tr("No staff online"));
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr("  (refreshed every 3 s)"));
        statsTable(st);
        leadsList(st);
    }
    ImGui::TextDisabled("%s", tr("All leads and Export CSV: \"Leads...\" below"));
}

// Exhibitors only: an organiser sees the figures but staffs no booth.
void ExhibitorFeature::dutySwitch(const expo::Booth& b) {
    const netclient::NetClient* c = joinedClient(m_s);
    if (!c || c->welcome().role != proto::Role::Exhibitor) return;
    bool on = onDuty(b.id);
    if (ImGui::Checkbox(trl("On duty (visitors see staff at this booth)"), &on))
        setOnDuty(b.id, on);
    // Standing in the booth's zone puts one on duty too; the server names who it counts.
    if (!on && m_booth && staffedByMe(b.id))
        ImGui::TextColored({0.3f, 0.85f, 0.4f, 1}, "%s",
                           tr("  on duty while you stand in the booth"));
}

bool ExhibitorFeature::staffedByMe(const std::string& boothId) const {
    if (!m_booth) return false;
    for (const std::string& name : m_booth->staffNames(boothId))
        if (name == m_s.profile.name) return true;
    return false;
}

} // namespace fg::client
