// Exhibitor tools: the own booth's live figures (BoothStatsRequest every few seconds while its
// panel is open, BoothStats), the "On duty" switch (StaffPresence), their booth-panel section
// and script actions.
// Asks only for booths the server lets this role see; never edits the booth panel's state.
#pragma once

#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"

#include <map>
#include <set>

namespace fg::client {

class BoothFeature;
class ClientFeatures;

class ExhibitorFeature : public ClientFeature {
public:
    ExhibitorFeature(Session& s, ClientFeatures& host);
    void registerHandlers(netclient::ClientRouter& router, PendingRequests& pending) override;
    // While an own booth's panel is open, asks the server for its statistics every few seconds.
    void update() override;
    void onJoined() override;
    // on-duty BOOTH on|off.
    std::optional<Status> runAction(const std::string& name,
                                    const std::vector<std::string>& args) override;

    // The open booth is the joined exhibitor's own (or we are an organiser): its figures apply.
    bool ownsOpenBooth() const;
    const proto::BoothStats* stats(const std::string& boothId) const;
    // Sends StaffPresence for BOOTH (the server checks that it is ours); false when not joined.
    bool setOnDuty(const std::string& boothId, bool onDuty);
    bool onDuty(const std::string& boothId) const { return m_onDuty.count(boothId) != 0; }
    // The server names this client among BOOTHID's staff (the switch, or standing in the booth).
    bool staffedByMe(const std::string& boothId) const;

private:
    void ownBoothSection(const expo::Booth& b);
    void dutySwitch(const expo::Booth& b);
    Status dutyAction(const std::vector<std::string>& args);

    Session& m_s;
    BoothFeature* m_booth = nullptr; // staff names come with its StaffPresence messages
    std::map<std::string, proto::BoothStats> m_stats; // by booth id
    std::set<std::string> m_onDuty;                   // booths we are on duty at (server confirmed)
    double m_askedAt = -1e9;
    int m_askedFor = -1; // the booth index last polled: a newly opened booth is asked at once
    // BoothStatsRequest ids come from this range so they never meet NetClient's own counter.
    std::uint32_t m_nextRequest = 0xF0000000u;
};

} // namespace fg::client
