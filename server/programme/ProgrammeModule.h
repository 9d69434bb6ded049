// The live programme's server side: each session's state (schedule or moderator), its page,
// who attends from the venue (up to its capacity) or the overflow, and attendance. Other slices
// reach it only through ProgrammeAccess. Must not reach ServerApp or another slice's state.
#pragma once

#include "server/console/ConsoleCommands.h"
#include "server/core/ServerContext.h"
#include "server/core/ServerModule.h"
#include "server/programme/ProgrammeAccess.h"
#include "server/store/StageRecords.h"

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>

namespace fg::server {

class ProgrammeModule : public ServerModule, public ProgrammeAccess {
public:
    // CLOCK gives the event's wall time in Unix seconds (tests move it).
    explicit ProgrammeModule(ServerContext& ctx, std::function<UnixSeconds()> clock = unixNow);

    // Stores the attendance not yet written (the store outlives the modules).
    ~ProgrammeModule() override;
    Status start() override;
    void registerHandlers(ServerRouter& router) override;
    void registerCommands(console::ConsoleCommands& commands) override;
    void onJoin(presence::Session& s) override;
    void onLeave(presence::Session& s, expo::proto::LeaveReason) override;
    void onTick(std::uint32_t tick, double now) override;
    void addStatus(std::vector<console::StatusFigure>& figures) const override;

    StageState state(std::string_view sessionId) const override;
    bool attends(const presence::Session& s, std::string_view sessionId) const override;
    bool presents(const presence::Session& s, std::string_view sessionId) const override;
    bool moderates(const presence::Session& s, std::string_view sessionId) const override;
    std::vector<std::uint16_t> attendees(std::string_view sessionId) const override;
    void setTemporarySpeaker(std::string_view sessionId, std::uint16_t id, bool on) override;

    // One person's attendance of a session, while the server runs (stored every few seconds).
    struct Attendee {
        std::string name, role;
        std::int64_t firstSeen = 0;
        double seconds = 0;
        bool dirty = false;
    };
    // One session's live state.
    struct Live {
        StageState state = StageState::Scheduled;
        bool autoSchedule = true;
        std::uint32_t page = 0;
        std::int64_t liveSince = 0;
        std::uint32_t peak = 0;
        std::uint32_t inVenue = 0, overflow = 0; // counted by the last tick
        bool full = false;
        bool countsDirty = false;
        double countsSentAt = -1e9;
        std::map<std::string, Attendee, std::less<>> attendance; // by person
    };
    // Where one connection watches from (indexed by client id).
    struct Place {
        std::string sessionId;
        expo::proto::StagePlaceKind kind = expo::proto::StagePlaceKind::None;
        bool hasOutside = false; // LASTOUTSIDE is a spot outside every running venue
        std::uint32_t hall = 0;
        glm::vec2 lastOutside{0.0f};
    };

    // What the console's `session` verbs do (ProgrammeConsole.cpp): start, end, page, figures.
    Status startSession(std::string_view sessionId);
    Status endSession(std::string_view sessionId);
    Status setAuto(std::string_view sessionId, bool on);
    Status setPage(std::string_view sessionId, std::uint32_t page) override;
    // The session's live state (null for an unknown id).
    const Live* live(std::string_view sessionId) const;
    // Figures other slices add to `session stats` by name (the Q&A's questions, upvotes, poll
    // answers, reactions), set where the modules are composed.
    using Figures = std::vector<std::pair<std::string, std::uint64_t>>;
    std::function<Figures(std::string_view sessionId)> sessionFigures;
    // A console verb's words and options (ProgrammeConsole.cpp).
    struct ConsoleArgs;
    // Writes every changed attendance row now.
    Status flushAttendance();
    store::StageRecords& records() { return *m_records; }

private:
    const expo::Session* find(std::string_view sessionId) const;
    // The venue SESSION takes place in and the index of its hall, or null.
    const expo::Venue* venueOf(const expo::Session& session, std::uint32_t& hall) const;
    StageState scheduled(const expo::Session& session) const;
    Live& liveOf(const expo::Session& session);
    void setState(const expo::Session& session, Live& live, StageState next);
    void saveState(const std::string& sessionId, const Live& live);

    // ProgrammeConsole.cpp: the verbs that print (their words, --json, --csv, --moderator).
    console::ConsoleResult status(const ConsoleArgs& a);
    console::ConsoleResult stats(const ConsoleArgs& a);
    console::ConsoleResult attendanceCsv(const ConsoleArgs& a);
    console::ConsoleResult inviteSpeaker(console::ConsoleCommands& commands,
                                         const std::vector<std::string>& words);

    // ProgrammeTick.cpp: schedule, places and capacity, counts, attendance.
    void followSchedule();
    void placePeople(double now);
    void admitOrRefuse(presence::Session& s, const expo::Session& session, Live& live,
                       std::uint32_t capacity, double now);
    void setPlace(presence::Session& s, const std::string& sessionId,
                  expo::proto::StagePlaceKind kind);
    void pushBack(presence::Session& s, double now);
    void countAndAccount(double dt, double now);

    // ProgrammeUpdates.cpp: who hears what.
    expo::proto::StageUpdate updateOf(const expo::Session& session, const Live& live) const;
    void sendToEveryone(const expo::Session& session, const Live& live);
    void sendToAudience(const expo::Session& session, const Live& live);
    void sendRoles(presence::Session& s);
    void handleCommand(presence::Session& s, const expo::proto::StageCommand& m);
    void handlePage(presence::Session& s, const expo::proto::StagePage& m);
    void handleOverflow(presence::Session& s, const expo::proto::OverflowRequest& m);

    ServerContext& m_ctx;
    std::function<UnixSeconds()> m_clock;
    std::set<std::pair<std::string, std::uint16_t>, std::less<>> m_temporarySpeakers;
    std::unique_ptr<store::StageRecords> m_records;
    std::map<std::string, Live, std::less<>> m_live;
    std::vector<Place> m_places; // by client id
};

} // namespace fg::server
