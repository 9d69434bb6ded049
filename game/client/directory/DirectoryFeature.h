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

private:
    void row(const expo::Booth& b, const expo::Exhibitor& x);

    Session& m_s;
    ClientFeatures& m_host;
    bool m_open = false;
    std::string m_search, m_sector, m_country;
    bool m_finalists = false; // award finalists only
};

} // namespace fg::client
