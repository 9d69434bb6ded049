// Roundtables on the server: the speaking list of each roundtable session while it is live.
// Speakers (ProgrammeAccess::presents) request the floor, its moderator runs the list, attendees
// (overflow too) get SpeakingList; the timer runs on the tick. Console `session floor`. Never
// touches slides, Q&A or attendance (other slices), nor ServerApp.
#pragma once

#include "server/core/ServerContext.h"
#include "server/core/ServerModule.h"
#include "server/programme/ProgrammeAccess.h"
#include "server/roundtable/SpeakingFloor.h"

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>

namespace fg::console {
struct ConsoleResult;
}

namespace fg::server {

class RoundtableModule final : public ServerModule {
public:
    // CLOCK gives Unix time in seconds (tests move it); the wall clock by default.
    RoundtableModule(ServerContext& ctx, ProgrammeAccess& programme,
                     std::function<double()> clock = {});

    Status start() override; // opens the slice's tables and loads the lists
    void registerHandlers(ServerRouter& router) override;
    void registerCommands(console::ConsoleCommands& commands) override;
    void onLeave(presence::Session& s, expo::proto::LeaveReason) override;
    void onTick(std::uint32_t tick, double now) override;
    void addStatus(std::vector<console::StatusFigure>& figures) const override;

    // The list as attendees see it now.
    expo::proto::SpeakingList view(const std::string& session) const;
    // The moderator's actions, also from the console (TARGET: the person for give/remove/move).
    Result<std::string> control(const std::string& session, expo::proto::FloorAction action,
                                const FloorPerson& target, std::uint32_t seconds);
    // Why SESSION has no speaking list now ("" when it is a live roundtable).
    std::string closedReason(const std::string& session) const;

private:
    void request(presence::Session& s, const expo::proto::FloorRequest& m);
    void controlFromClient(presence::Session& s, const expo::proto::FloorControl& m);
    // The person CLIENTID of SESSION for a moderator's action, or the reason it cannot be.
    Result<FloorPerson> target(const std::string& session, expo::proto::FloorAction action,
                               std::uint16_t clientId) const;
    void refuse(presence::Session& s, std::uint32_t requestId, std::string why, bool lying);
    void push(const std::string& session);
    void informNewcomers();

    // RoundtableConsole.cpp
    console::ConsoleResult floorCommand(const std::vector<std::string>& words);
    Result<FloorPerson> personNamed(const std::string& session, const std::string& name) const;

    ServerContext& m_ctx;
    ProgrammeAccess& m_programme;
    std::function<double()> m_clock;
    std::unique_ptr<SpeakingFloor> m_floor;
    std::map<std::string, std::set<std::uint16_t>, std::less<>> m_informed; // got the list
    std::set<std::string> m_dirty; // sessions to push on the next tick
    std::uint64_t m_refused = 0;
};

// The person key the speaking list keeps for S (its credential, or its client key as a guest).
std::string floorKey(const presence::Session& s);

} // namespace fg::server
