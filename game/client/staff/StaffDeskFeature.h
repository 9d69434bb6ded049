// Exhibitor staff's records of an own booth: the whole lead list (LeadsRequest pages) with
// "Export CSV" to a file the user names (default ~/Downloads), and "Who is here" (the people in
// the booth's visit zone now, refreshed while shown). The server decides what is shown to whom;
// never sends anything but LeadsRequest and BoothVisitorsRequest.
#pragma once

#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"

#include <filesystem>
#include <map>

namespace fg::client {

class ClientFeatures;

class StaffDeskFeature : public ClientFeature {
public:
    StaffDeskFeature(Session& s, ClientFeatures& host);
    void registerHandlers(netclient::ClientRouter& router, PendingRequests& pending) override;
    void drawMenu() override;
    void drawPanels(const UiFrame&) override;
    void update() override;
    void onJoined() override;
    // show-leads [BOOTH], export-leads PATH [BOOTH], show-visitors [BOOTH]
    std::optional<Status> runAction(const std::string& name,
                                    const std::vector<std::string>& args) override;

    // Opens the leads window for BOOTHID and asks for every lead again.
    bool showLeads(const std::string& boothId);
    // Asks for every lead of BOOTHID, then writes them to PATH as the console's CSV.
    bool exportLeads(const std::string& boothId, const std::filesystem::path& path);
    bool showVisitors(const std::string& boothId);
    const std::vector<proto::LeadEntry>& leads() const { return m_leads; }
    const proto::BoothVisitors& visitors() const { return m_visitors; }
    // The last CSV written ("" none yet) and the last export error.
    const std::string& lastExport() const { return m_lastExport; }

private:
    bool askLeads(std::uint64_t afterId);
    bool askVisitors();
    void onPage(const proto::LeadsPage& page);
    void writeExport();
    void leadsWindow();
    void leadsTable();
    void visitorsWindow();
    void ownBoothButtons(const expo::Booth& b);

    Session& m_s;
    std::string m_leadsBooth, m_leadsExhibitor; // the booth the leads window shows
    std::vector<proto::LeadEntry> m_leads;
    bool m_leadsOpen = false, m_loading = false;
    std::string m_exportPath;    // the path field of the leads window
    std::string m_pendingExport; // written when the last page arrives
    std::string m_lastExport;
    std::string m_visitorsBooth;
    proto::BoothVisitors m_visitors;
    bool m_visitorsOpen = false;
    double m_visitorsAskedAt = -1e9;
    // Request ids from their own range so they never meet NetClient's or ExhibitorFeature's.
    std::uint32_t m_nextRequest = 0xE0000000u;
};

} // namespace fg::client
