// The roundtable slice's messages (channel 0): speakers request the floor, the moderator runs the
// speaking list, attendees see it with the current speaker's countdown. Serialize only, no rules.
#pragma once

#include "game/expo/protocol/ProtocolTypes.h"
#include "game/expo/protocol/QnaMessages.h" // serializeItems

#include <cstdint>
#include <string>
#include <vector>

namespace fg::expo::proto {

inline constexpr std::uint32_t kMaxFloorQueue = 64;    // people waiting for the floor
inline constexpr std::uint32_t kMaxTurnSeconds = 3600; // one intervention's length
inline constexpr std::uint32_t kMaxFloorCount = 65535; // interventions, overtimes

// What the moderator does to the speaking list. Give, Remove, MoveUp and MoveDown name a person
// (their client id); SetTime sets the seconds per intervention, AddTime adds seconds to the
// current one; Next gives the floor to the first in the queue; Stop ends the current turn.
enum class FloorAction : std::uint8_t {
    Next,
    Give,
    Remove,
    MoveUp,
    MoveDown,
    SetTime,
    AddTime,
    Stop,
    Clear
};
inline constexpr std::uint32_t kFloorActionMax = 8;

// One person on the speaking list (clientId 0: not connected now).
struct FloorEntry {
    std::uint16_t clientId = 0;
    std::string name;
    bool operator==(const FloorEntry&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(serializeClientId(s, clientId));
        return net::serializeString(s, name, kMaxNameLength);
    }
};

// Speaker -> server: put me on the speaking list (REQUEST) or take me off it.
struct FloorRequest {
    static constexpr const char* kName = "FloorRequest";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string sessionId;
    bool request = true;
    bool operator==(const FloorRequest&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        return net::serializeBool(s, request);
    }
};

// Moderator -> server: run the speaking list (see FloorAction).
struct FloorControl {
    static constexpr const char* kName = "FloorControl";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string sessionId;
    FloorAction action = FloorAction::Next;
    std::uint16_t clientId = 0; // Give, Remove, MoveUp, MoveDown
    std::uint32_t seconds = 0;  // SetTime, AddTime
    bool operator==(const FloorControl&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        FG_SER(serializeEnum(s, action, kFloorActionMax));
        FG_SER(serializeClientId(s, clientId));
        return net::serializeInt(s, seconds, 0, kMaxTurnSeconds);
    }
};

// Server -> the session's attendees (overflow too; a late joiner on arrival): the speaking list.
// remainingMs counts down from the moment it is received; below 0 the speaker is over time.
struct SpeakingList {
    static constexpr const char* kName = "SpeakingList";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::string sessionId;
    std::uint32_t secondsPerTurn = 180;
    bool speaking = false; // someone has the floor (CURRENT)
    FloorEntry current;
    std::int64_t remainingMs = 0;
    std::vector<FloorEntry> queue; // in speaking order
    std::uint32_t interventions = 0, overtimes = 0;
    bool operator==(const SpeakingList&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        FG_SER(net::serializeInt(s, secondsPerTurn, 1, kMaxTurnSeconds));
        FG_SER(net::serializeBool(s, speaking));
        FG_SER(current.serialize(s));
        FG_SER(net::serializeI64(s, remainingMs));
        FG_SER(serializeItems(s, queue, kMaxFloorQueue, 14));
        FG_SER(net::serializeInt(s, interventions, 0, kMaxFloorCount));
        return net::serializeInt(s, overtimes, 0, kMaxFloorCount);
    }
};

} // namespace fg::expo::proto
