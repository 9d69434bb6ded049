// Exhibitor tools: the own booth's live figures (BoothStatsRequest every few seconds while its
// panel is open, BoothStats), the meeting requests that arrive, and their booth-panel section.
// Asks only for booths the server lets this role see; never edits the booth panel's state.
#pragma once

#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"

#include <map>

namespace fg::client {

class ClientFeatures;

class ExhibitorFeature : public ClientFeature {
public:
    ExhibitorFeature(Session& s, ClientFeatures& host);
    void registerHandlers(netclient::ClientRouter& router, PendingRequests& pending) override;
    // While an own booth's panel is open, asks the server for its statistics every few seconds.
    void update() override;

    // The open booth is the joined exhibitor's own (or we are an organiser): its figures apply.
    bool ownsOpenBooth() const;
    const proto::BoothStats* stats(const std::string& boothId) const;
    const std::vector<proto::MeetingIncoming>& meetingsIn() const { return m_meetingsIn; }

private:
    void ownBoothSection(const expo::Booth& b);

    Session& m_s;
    std::map<std::string, proto::BoothStats> m_stats; // by booth id
    std::vector<proto::MeetingIncoming> m_meetingsIn;
    double m_askedAt = -1e9;
    int m_askedFor = -1; // the booth index last polled: a newly opened booth is asked at once
    // BoothStatsRequest ids come from this range so they never meet NetClient's own counter.
    std::uint32_t m_nextRequest = 0xF0000000u;
};

} // namespace fg::client
