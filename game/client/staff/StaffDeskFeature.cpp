// Leads and "who is here" for exhibitor staff: the requests, their answers, the CSV export (the
// console's writer, game/expo/LeadsCsv), the two windows, the buttons in the own booth's panel
// and the script actions. ImGui widgets only; files only where the user asked.
#include "game/client/staff/StaffDeskFeature.h"

#include "engine/core/File.h"
#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "engine/core/Translate.h"
#include "game/client/ClientFeatures.h"
#include "game/client/LocalText.h"
#include "game/client/booth/BoothFeature.h"
#include "game/client/staff/OwnBooths.h"
#include "game/expo/LeadsCsv.h"

#include <cstdlib>
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace fg::client {
namespace {

constexpr double kVisitorsRefreshSeconds = 3.0;

std::filesystem::path downloadsDir() {
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / "Downloads";
}

const char* roleLabel(proto::Role role) {
    return role == proto::Role::Organiser   ? tr("organiser")
           : role == proto::Role::Exhibitor ? tr("exhibitor staff")
                                            : tr("visitor");
}

} // namespace

StaffDeskFeature::StaffDeskFeature(Session& s, ClientFeatures& host) : m_s(s) {
    if (auto* booth = host.find<BoothFeature>())
        booth->addSection([this](const expo::Booth& b) { ownBoothButtons(b); });
}

void StaffDeskFeature::registerHandlers(netclient::ClientRouter& router, PendingRequests& pending) {
    router.on<proto::LeadsPage>([this](proto::LeadsPage& p) { onPage(p); });
    router.on<proto::BoothVisitors>([this](proto::BoothVisitors& v) {
        (void)m_s.pending.take(v.requestId); // answered by the list, not an ActionResult
        if (v.boothId == m_visitorsBooth) m_visitors = std::move(v);
    });
    pending.on<StaffRecordsPending>(
        [this](const StaffRecordsPending& p, const proto::ActionResult& r) {
            if (r.ok || !p.leads) return; // the refusal toast is the core's
            m_loading = false;
            if (!m_pendingExport.empty())
                m_lastExport = trf("not exported: {}", serverText(r.text));
            m_pendingExport.clear();
        });
}

void StaffDeskFeature::onJoined() {
    m_loading = false;
    m_pendingExport.clear();
}

bool StaffDeskFeature::askLeads(std::uint64_t afterId) {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c || m_leadsBooth.empty()) return false;
    const std::uint32_t id = m_nextRequest++;
    if (!c->sendRaw(proto::LeadsRequest{id, m_leadsBooth, afterId})) return false;
    m_s.pending.add(id, StaffRecordsPending{m_leadsBooth, true});
    m_loading = true;
    return true;
}

bool StaffDeskFeature::showLeads(const std::string& boothId) {
    if (boothId.empty()) return false;
    if (boothId != m_leadsBooth || m_exportPath.empty())
        m_exportPath = (downloadsDir() / ("leads-" + boothId + ".csv")).string();
    m_leadsBooth = boothId;
    m_leadsOpen = true;
    m_leads.clear();
    return askLeads(0);
}

bool StaffDeskFeature::exportLeads(const std::string& boothId, const std::filesystem::path& path) {
    if (!showLeads(boothId)) return false;
    m_exportPath = path.string();
    m_pendingExport = m_exportPath;
    return true;
}

void StaffDeskFeature::onPage(const proto::LeadsPage& page) {
    (void)m_s.pending.take(page.requestId);
    if (page.boothId != m_leadsBooth) return;
    m_leadsExhibitor = page.exhibitorId;
    for (const proto::LeadEntry& l : page.leads)
        if (m_leads.empty() || l.id > m_leads.back().id) m_leads.push_back(l);
    if (page.more && !page.leads.empty()) {
        askLeads(m_leads.back().id);
        return;
    }
    m_loading = false;
    if (!m_pendingExport.empty()) writeExport();
}

// The same file as the console's `leads BOOTH --csv FILE`: one writer for both.
void StaffDeskFeature::writeExport() {
    std::vector<expo::LeadRecord> rows;
    rows.reserve(m_leads.size());
    for (const proto::LeadEntry& l : m_leads)
        rows.push_back({std::int64_t(l.id), m_leadsBooth, m_leadsExhibitor, l.name, l.organisation,
                        l.email, l.note, l.consent, l.timeUnix});
    const std::filesystem::path path = m_pendingExport;
    m_pendingExport.clear();
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    if (Status st = writeFileAtomic(path, expo::leadsCsv(rows)); !st) {
        m_lastExport = trf("not exported: {}", st.error().message);
        toast(m_s, m_lastExport, true);
        return;
    }
    m_lastExport = path.string();
    log::info("client: wrote {} leads of booth {} to {}", rows.size(), m_leadsBooth, path.string());
    toast(m_s, trnf("{} lead written to {}", "{} leads written to {}", rows.size(), rows.size(),
                    path.string()));
}

bool StaffDeskFeature::askVisitors() {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c || m_visitorsBooth.empty()) return false;
    const std::uint32_t id = m_nextRequest++;
    if (!c->sendRaw(proto::BoothVisitorsRequest{id, m_visitorsBooth})) return false;
    m_s.pending.add(id, StaffRecordsPending{m_visitorsBooth, false});
    m_visitorsAskedAt = m_s.now;
    return true;
}

bool StaffDeskFeature::showVisitors(const std::string& boothId) {
    if (boothId.empty()) return false;
    if (boothId != m_visitorsBooth) m_visitors = proto::BoothVisitors{};
    m_visitorsBooth = boothId;
    m_visitorsOpen = true;
    return askVisitors();
}

void StaffDeskFeature::update() {
    if (m_visitorsOpen && m_s.now - m_visitorsAskedAt >= kVisitorsRefreshSeconds) askVisitors();
}

std::optional<Status> StaffDeskFeature::runAction(const std::string& name,
                                                  const std::vector<std::string>& args) {
    if (name == "show-leads") return actionRan(showLeads(staffBoothFor(m_s, args, 0)), name, args);
    if (name == "show-visitors")
        return actionRan(showVisitors(staffBoothFor(m_s, args, 0)), name, args);
    if (name != "export-leads") return std::nullopt;
    if (Status st = needArgs(name, args, 1); !st) return st;
    return actionRan(exportLeads(staffBoothFor(m_s, args, 1), args[0]), name, args);
}

void StaffDeskFeature::drawMenu() {
    const std::vector<std::string> own = ownBooths(m_s);
    if (own.empty()) return; // exhibitor staff only; organisers use a booth's panel
    if (ImGui::BeginMenu(trl("My booth"))) {
        for (const std::string& id : own) {
            ImGui::PushID(id.c_str());
            ImGui::TextDisabled("%s", id.c_str());
            if (ImGui::MenuItem(trl("Leads"))) showLeads(id);
            if (ImGui::MenuItem(trl("Who is here"))) showVisitors(id);
            ImGui::PopID();
        }
        ImGui::EndMenu();
    }
}

void StaffDeskFeature::ownBoothButtons(const expo::Booth& b) {
    if (!mayStaff(m_s, b.id)) return;
    if (ImGui::Button(trl("Leads..."))) showLeads(b.id);
    ImGui::SameLine();
    if (ImGui::Button(trl("Who is here..."))) showVisitors(b.id);
}

void StaffDeskFeature::leadsTable() {
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("leads", 6, flags, ImVec2(0, -60))) return;
    for (const char* h : {tr("Time (UTC)"), tr("Name"), tr("Organisation"), tr("E-mail"),
                          tr("Consent"), tr("Note")})
        ImGui::TableSetupColumn(h);
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableHeadersRow();
    for (const proto::LeadEntry& l : m_leads) {
        ImGui::TableNextRow();
        const std::string when = formatUtcTimestamp(l.timeUnix);
        for (const std::string* cell : {&when, &l.name, &l.organisation, &l.email})
            ImGui::TableNextColumn(), ImGui::TextUnformatted(cell->c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(l.consent ? tr("yes") : tr("no"));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(l.note.c_str());
    }
    ImGui::EndTable();
}

void StaffDeskFeature::leadsWindow() {
    if (!m_leadsOpen) return;
    ImGui::SetNextWindowPos({20, 60}, ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(uiSize(820, 360), ImGuiCond_Appearing);
    const std::string title = trf("Leads - booth {}", m_leadsBooth) + "###leads";
    if (!ImGui::Begin(title.c_str(), &m_leadsOpen)) return ImGui::End();
    ImGui::Text(trn("%zu lead%s", "%zu leads%s", m_leads.size()), m_leads.size(),
                m_loading ? tr(" (loading...)") : "");
    ImGui::SameLine();
    if (ImGui::SmallButton(trl("Refresh"))) showLeads(m_leadsBooth);
    leadsTable();
    ImGui::SetNextItemWidth(-140);
    ImGui::InputText("##csvpath", &m_exportPath);
    ImGui::SameLine();
    ImGui::BeginDisabled(m_exportPath.empty());
    if (ImGui::Button(trl("Export CSV"))) exportLeads(m_leadsBooth, m_exportPath);
    ImGui::EndDisabled();
    if (!m_lastExport.empty()) ImGui::TextDisabled(tr("last export: %s"), m_lastExport.c_str());
    ImGui::End();
}

void StaffDeskFeature::visitorsWindow() {
    if (!m_visitorsOpen) return;
    ImGui::SetNextWindowPos({20, 430}, ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(uiSize(560, 240), ImGuiCond_Appearing);
    const std::string title = trf("Who is at booth {} now", m_visitorsBooth) + "###boothvisitors";
    if (!ImGui::Begin(title.c_str(), &m_visitorsOpen)) return ImGui::End();
    ImGui::Text(tr("%zu people in the booth's zone (refreshed every 3 s)"),
                m_visitors.people.size());
    ImGui::TextDisabled("%s", tr("Organisation and e-mail only from a card left at your booths."));
    const ImGuiTableFlags flags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable("visitors", 4, flags)) {
        for (const char* h : {tr("Name"), tr("Role"), tr("Organisation"), tr("E-mail")})
            ImGui::TableSetupColumn(h);
        ImGui::TableHeadersRow();
        for (const proto::BoothVisitor& p : m_visitors.people) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(p.name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(roleLabel(p.role));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(p.organisation.empty() ? "-" : p.organisation.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(p.email.empty() ? "-" : p.email.c_str());
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

void StaffDeskFeature::drawPanels(const UiFrame&) {
    leadsWindow();
    visitorsWindow();
}

} // namespace fg::client
