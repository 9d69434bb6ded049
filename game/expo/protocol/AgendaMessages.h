// The agenda slice's messages (channel 0): register for or cancel a session's place, the
// person's registrations (with waiting-list positions), and why a venue refused entry.
// Included by Messages.h; serialize only.
#pragma once

#include "game/expo/protocol/ProtocolTypes.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fg::expo::proto {

inline constexpr std::uint32_t kMaxRegistrations = 200; // one RegistrationStatus's entries
inline constexpr std::uint32_t kMaxPlaces = 100000;     // a registration's capacity

// Confirmed: a place is kept. Waiting: on the waiting list at `position`. None: not registered
// (after a cancel).
enum class RegistrationState : std::uint8_t { None, Confirmed, Waiting };
inline constexpr std::uint32_t kRegistrationStateMax = 2;

// One session's registration as its person sees it.
struct RegistrationInfo {
    std::string sessionId;
    RegistrationState state = RegistrationState::None;
    std::uint32_t position = 0;  // 1-based place on the waiting list (Waiting only)
    std::uint32_t confirmed = 0; // confirmed places taken
    std::uint32_t capacity = 0;  // confirmed places in all
    bool promoted = false;       // just moved from the waiting list to a place
    bool operator==(const RegistrationInfo&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        FG_SER(serializeEnum(s, state, kRegistrationStateMax));
        FG_SER(net::serializeInt(s, position, 0, kMaxPlaces));
        FG_SER(net::serializeInt(s, confirmed, 0, kMaxPlaces));
        FG_SER(net::serializeInt(s, capacity, 0, kMaxPlaces));
        return net::serializeBool(s, promoted);
    }
};

// Client -> server: take a place in (or join the waiting list of) a session that has
// registration, or cancel it. Answered by ActionResult and a RegistrationStatus.
struct RegistrationRequest {
    static constexpr const char* kName = "RegistrationRequest";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string sessionId;
    bool cancel = false;
    bool operator==(const RegistrationRequest&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        return net::serializeBool(s, cancel);
    }
};

// Server -> client: the person's registrations. complete: every one of them (on join; the
// client replaces its list); else only those that changed.
struct RegistrationStatus {
    static constexpr const char* kName = "RegistrationStatus";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    bool complete = false;
    std::vector<RegistrationInfo> entries;
    bool operator==(const RegistrationStatus&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeBool(s, complete));
        std::uint32_t count = std::uint32_t(entries.size());
        FG_SER(net::serializeInt(s, count, 0, kMaxRegistrations));
        if constexpr (S::kIsReading) {
            if (count > s.bitsRemaining() / 8) return false;
            entries.resize(count);
        }
        for (RegistrationInfo& e : entries)
            FG_SER(e.serialize(s));
        return true;
    }
};

// Server -> client: a move or teleport into SESSIONID's venue was refused (registration
// required); the Correction that puts the avatar back comes with it.
struct EntryRefused {
    static constexpr const char* kName = "EntryRefused";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::string sessionId;
    std::string reason;
    bool operator==(const EntryRefused&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        return net::serializeString(s, reason, kMaxReasonLength);
    }
};

} // namespace fg::expo::proto
