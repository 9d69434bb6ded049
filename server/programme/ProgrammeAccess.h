// What other slices (Q&A, polls, decks, registration, voice) ask of the live programme: a
// session's state, who attends, presents and moderates it. Must not expose how it is kept.
#pragma once

#include "engine/core/Result.h"
#include "server/presence/Session.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace fg::server {

// scheduled -> doors open (before the start) -> live -> ended.
enum class StageState : std::uint8_t { Scheduled, DoorsOpen, Live, Ended };
const char* stageStateName(StageState state);

class ProgrammeAccess {
public:
    virtual ~ProgrammeAccess() = default;
    // The state of programme session SESSIONID now (Ended for an unknown id).
    virtual StageState state(std::string_view sessionId) const = 0;
    // S is in SESSIONID's venue or watches from its overflow (speakers and moderators too).
    virtual bool attends(const presence::Session& s, std::string_view sessionId) const = 0;
    // S may change SESSIONID's slides: one of its speakers, or whoever moderates it.
    virtual bool presents(const presence::Session& s, std::string_view sessionId) const = 0;
    // S runs SESSIONID: every organiser, and a moderator credential bound to it.
    virtual bool moderates(const presence::Session& s, std::string_view sessionId) const = 0;
    // Wire ids of everyone attending SESSIONID now (whom a session-wide update goes to).
    virtual std::vector<std::uint16_t> attendees(std::string_view sessionId) const = 0;
    // Wire id ID, brought on stage from the raised hands (QnaModule), presents SESSIONID until
    // sent back (ON false) or gone.
    virtual void setTemporarySpeaker(std::string_view sessionId, std::uint16_t id, bool on) = 0;
    // Shows PAGE (0-based) of SESSIONID's deck to its audience, as a presenter's StagePage does
    // (a new deck starts at its first page); an error for an unknown or ended session.
    virtual Status setPage(std::string_view sessionId, std::uint32_t page) = 0;
};

} // namespace fg::server
