// The live programme's server side: session states and attendance. Other slices reach it only
// through ProgrammeAccess. Must not reach ServerApp or another slice's state.
#pragma once

#include "server/core/ServerContext.h"
#include "server/core/ServerModule.h"
#include "server/programme/ProgrammeAccess.h"

#include <functional>
#include <set>
#include <string>
#include <utility>

namespace fg::server {

class ProgrammeModule : public ServerModule, public ProgrammeAccess {
public:
    // CLOCK gives the event's wall time in Unix seconds (tests move it).
    explicit ProgrammeModule(ServerContext& ctx, std::function<UnixSeconds()> clock = unixNow);

    void registerHandlers(ServerRouter&) override {}

    StageState state(std::string_view sessionId) const override;
    bool attends(const presence::Session& s, std::string_view sessionId) const override;
    bool presents(const presence::Session& s, std::string_view sessionId) const override;
    bool moderates(const presence::Session& s, std::string_view sessionId) const override;
    std::vector<std::uint16_t> attendees(std::string_view sessionId) const override;
    void setTemporarySpeaker(std::string_view sessionId, std::uint16_t id, bool on) override;

private:
    const expo::Session* find(std::string_view sessionId) const;
    // The venue SESSION takes place in and the index of its hall, or null.
    const expo::Venue* venueOf(const expo::Session& session, std::uint32_t& hall) const;

    ServerContext& m_ctx;
    std::function<UnixSeconds()> m_clock;
    std::set<std::pair<std::string, std::uint16_t>, std::less<>> m_temporarySpeakers;
};

} // namespace fg::server
