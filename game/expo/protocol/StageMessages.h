// The stage slice's messages (channel 0): a programme session's life (state, page, counts), who
// attends from where, and the speaker/moderator bindings. Included by Messages.h; serialize only.
#pragma once

#include "game/expo/protocol/ProtocolTypes.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fg::expo::proto {

inline constexpr std::uint32_t kMaxSlidePage = 9999;   // pages of one deck
inline constexpr std::uint32_t kMaxStageCount = 65535; // people counted in one figure
inline constexpr std::uint32_t kMaxStageRoles = 64;    // sessions one credential is bound to

// scheduled -> doors open (before the start) -> live -> ended (as server::StageState).
enum class StageWireState : std::uint8_t { Scheduled, DoorsOpen, Live, Ended };
inline constexpr std::uint32_t kStageWireStateMax = 3;
// Start and End take the session off its schedule (auto off); AutoOn puts it back.
enum class StageAction : std::uint8_t { Start, End, AutoOn, AutoOff };
inline constexpr std::uint32_t kStageActionMax = 3;
// Where a person watches a session from. Full: they were not let into the venue (it is full);
// the overflow is open to them.
enum class StagePlaceKind : std::uint8_t { None, Venue, Overflow, Full };
inline constexpr std::uint32_t kStagePlaceMax = 3;

// Moderator -> server: start, end, or put a session on or off its schedule.
struct StageCommand {
    static constexpr const char* kName = "StageCommand";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string sessionId;
    StageAction action = StageAction::Start;
    bool operator==(const StageCommand&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        return serializeEnum(s, action, kStageActionMax);
    }
};

// Presenter or moderator -> server: show PAGE (0-based) of the session's deck.
struct StagePage {
    static constexpr const char* kName = "StagePage";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string sessionId;
    std::uint32_t page = 0;
    bool operator==(const StagePage&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        return net::serializeInt(s, page, 0, kMaxSlidePage);
    }
};

// Anyone -> server: watch a session (doors open or live) from its overflow, or stop.
struct OverflowRequest {
    static constexpr const char* kName = "OverflowRequest";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string sessionId;
    bool join = true;
    bool operator==(const OverflowRequest&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        return net::serializeBool(s, join);
    }
};

// Server -> attendees (and everyone on a state change): one session's state, page and counts.
struct StageUpdate {
    static constexpr const char* kName = "StageUpdate";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::string sessionId;
    StageWireState state = StageWireState::Scheduled;
    bool autoSchedule = true;
    std::uint32_t page = 0;
    std::int64_t startUnix = 0;     // the scheduled start (UTC seconds)
    std::int64_t liveSinceUnix = 0; // when it went live (0: not yet)
    std::uint32_t inVenue = 0;
    std::uint32_t capacity = 0;
    std::uint32_t overflow = 0;
    std::uint32_t attendees = 0; // unique people who watched it live
    std::uint32_t peak = 0;      // most watching at once while live
    bool operator==(const StageUpdate&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        FG_SER(serializeEnum(s, state, kStageWireStateMax));
        FG_SER(net::serializeBool(s, autoSchedule));
        FG_SER(net::serializeInt(s, page, 0, kMaxSlidePage));
        FG_SER(net::serializeI64(s, startUnix));
        FG_SER(net::serializeI64(s, liveSinceUnix));
        FG_SER(net::serializeInt(s, inVenue, 0, kMaxStageCount));
        FG_SER(net::serializeInt(s, capacity, 0, kMaxStageCount));
        FG_SER(net::serializeInt(s, overflow, 0, kMaxStageCount));
        FG_SER(net::serializeU32(s, attendees));
        return net::serializeU32(s, peak);
    }
};

// Server -> one person: where they now watch SESSIONID from (None: they stopped attending).
struct StagePlace {
    static constexpr const char* kName = "StagePlace";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::string sessionId;
    StagePlaceKind place = StagePlaceKind::None;
    bool operator==(const StagePlace&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        return serializeEnum(s, place, kStagePlaceMax);
    }
};

// Server -> one person after Welcome: the sessions they speak at and those they moderate
// (organisers moderate every session and get empty lists).
struct StageRoles {
    static constexpr const char* kName = "StageRoles";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::vector<std::string> speaks;
    std::vector<std::string> moderates;
    bool operator==(const StageRoles&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(serializeIds(s, speaks));
        return serializeIds(s, moderates);
    }

private:
    template <class S>
    static bool serializeIds(S& s, std::vector<std::string>& ids) {
        std::uint32_t count = std::uint32_t(ids.size());
        FG_SER(net::serializeInt(s, count, 0, kMaxStageRoles));
        if constexpr (S::kIsReading) {
            if (count > s.bitsRemaining() / 7) return false; // each id needs >= 7 bits
            ids.resize(count);
        }
        for (std::string& id : ids)
            FG_SER(net::serializeString(s, id, kMaxIdLength));
        return true;
    }
};

} // namespace fg::expo::proto
