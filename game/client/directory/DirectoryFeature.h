// The exhibitor directory: search by name, sector and country filters, award finalists (winners
// badged), Go = teleport and open the booth's panel; the search and directory actions. Holds only
// its filters.
#pragma once

#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"

namespace fg::client {

class ClientFeatures;

class DirectoryFeature : public ClientFeature {
public:
    DirectoryFeature(Session& s, ClientFeatures& host) : m_s(s), m_host(host) {}
    void drawMenu() override;
    void drawPanels(const UiFrame&) override;
    std::optional<Status> runAction(const std::string& name,
                                    const std::vector<std::string>& args) override;
    bool shown() const { return m_open; }
    const std::string& search() const { return m_search; }
    // The booth of the row last clicked or reached with the keyboard (G walks there).
    const std::string& selected() const { return m_selected; }

private:
    void row(const expo::Booth& b, const expo::Exhibitor& x);

    Session& m_s;
    ClientFeatures& m_host;
    bool m_open = false;
    std::string m_search, m_sector, m_country;
    std::string m_selected;
    bool m_finalists = false; // award finalists only
};

} // namespace fg::client
