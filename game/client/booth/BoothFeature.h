// The booth panel's feature: the open booth's forms (card, link confirmation), likes,
// cards left, staff online, and the booth actions UI buttons and scripts share. Requests go out
// through NetClient and come back typed (CardPending, ...); never reads another feature's state.
#pragma once

#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"

#include <functional>
#include <map>
#include <set>

namespace fg::client {

class ClientFeatures;

struct CardForm {
    std::string name, company, email, note;
    bool consent = false;
};

// The open booth's forms, reset when a booth is opened or closed.
struct BoothForms {
    CardForm card;
    int confirmLink = -1; // link index awaiting "open in browser?" confirmation
    std::string lastResult;
};

class BoothFeature : public ClientFeature {
public:
    // A part of the panel another feature adds (an exhibitor's own-booth figures, meetings).
    using Section = std::function<void(const expo::Booth&)>;

    BoothFeature(Session& s, ClientFeatures& host) : m_s(s), m_host(host) {}
    void registerHandlers(netclient::ClientRouter& router, PendingRequests& pending) override;
    void drawPanels(const UiFrame&) override;
    std::optional<Status> runAction(const std::string& name,
                                    const std::vector<std::string>& args) override;
    void onJoined() override { m_staffOnline.clear(); } // the server resends after each Welcome

    // Opens the booth's panel and pre-fills the card form from the profile.
    bool open(const std::string& id);
    void close();
    // Sends the card form (consent is required by the form and the server).
    bool dropCard();
    bool like();
    bool openDocument(std::size_t index); // counted on the server, opened locally
    bool openLink(std::size_t index, bool confirmed);
    void addSection(Section section) { m_sections.push_back(std::move(section)); }

    BoothForms& forms() { return m_forms; }
    const BoothForms& forms() const { return m_forms; }
    bool cardFormShown() const { return m_cardForm; }
    // True when the server says someone staffs booth ID (its StaffPresence messages).
    bool staffOnline(const std::string& id) const { return m_staffOnline.count(id) > 0; }
    // Who staffs booth ID now, as the server named them (empty: nobody).
    const std::vector<std::string>& staffNames(const std::string& id) const;
    std::optional<std::uint32_t> likes(const std::string& id) const;
    int cardsDropped(const std::string& id) const;

private:
    void onCard(const CardPending& p, const proto::ActionResult& r);
    void onStaff(const proto::StaffPresence& m);
    // BoothPanel.cpp
    void profileSection(const expo::Booth& b, const expo::Exhibitor* x);
    void staffLine(const expo::Booth& b);
    void postersSection(const expo::Booth& b);
    void itemsSection(const expo::Booth& b);
    void linkConfirm(const expo::Booth& b);
    void cardFormSection();
    void actionsSection(const expo::Booth& b);

    Session& m_s;
    ClientFeatures& m_host;
    BoothForms m_forms;
    bool m_cardForm = false;                      // kept when the panel closes
    std::map<std::string, std::uint32_t> m_likes; // booth id -> count the server reported
    std::map<std::string, int> m_cardsDropped;    // booth id -> cards I left (confirmed)
    std::map<std::string, std::vector<std::string>> m_staffOnline; // booth id -> staff names
    std::vector<Section> m_sections;
};

} // namespace fg::client
