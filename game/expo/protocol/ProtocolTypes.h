// Protocol constants, enums and quantization shared by client and server (docs/PROTOCOL.md).
// Values only: changing any of them changes the wire format and needs kProtocolVersion bumped.
#pragma once

#include "engine/net/BitStream.h"
#include "engine/net/NetLimits.h"

#include <cmath>
#include <cstdint>
#include <string>

// Returns false from a serialize function when a field fails (short input, out of range).
#define FG_SER(expr)                                                                               \
    do {                                                                                           \
        if (!(expr)) return false;                                                                 \
    } while (0)

namespace fg::expo::proto {

inline constexpr std::uint32_t kProtocolVersion =
    4; // 2: Hello.presence; 3: 8-bit message type; 4: the programme, ChatHistoryLine.company
inline constexpr std::uint32_t kMaxClientId = 4095; // ENet's peer ceiling; 0 means "nobody"
inline constexpr int kClientIdBits = 12;
inline constexpr std::uint32_t kMaxNameLength = 32;
inline constexpr std::uint32_t kMaxIdLength = 64; // exhibition ids (booths, venues)
inline constexpr std::uint32_t kMaxCredentialLength = 128;
inline constexpr std::uint32_t kMaxClientKeyLength = 64;
inline constexpr std::uint32_t kMaxChatLength = 500;
inline constexpr std::uint32_t kMaxReasonLength = 200;
inline constexpr std::uint32_t kMaxConsoleLineLength = 1000;
inline constexpr std::uint32_t kMaxConsoleOutputLength = 60000;
inline constexpr std::uint32_t kMaxSnapshotEntries = 256;
inline constexpr std::uint32_t kMaxHalls = 255;
inline constexpr std::uint32_t kMaxTickRate = 120;

// Positions are hall coordinates in [0, 1000] m, quantized to 1 cm (17 bits).
inline constexpr float kPositionMax = 1000.0f;
inline constexpr float kPositionResolution = 0.01f;
inline constexpr std::uint32_t kPositionCodes = 100000;
inline constexpr int kPositionBits = 17;
// Heading in degrees quantized to 1024 steps (0.35 degrees).
inline constexpr std::uint32_t kHeadingCodes = 1024;
inline constexpr int kHeadingBits = 10;
// Small position deltas inside delta-coded snapshots: [-64, 63] cm per axis.
inline constexpr std::int32_t kSmallDeltaMin = -64;
inline constexpr std::int32_t kSmallDeltaMax = 63;

// Who may send a message: every message struct states it as kDirection (with kName and
// kChannel); the routers refuse a message travelling the other way.
enum class Direction : std::uint8_t { ClientToServer, ServerToClient, Both };
const char* toString(Direction direction);

enum class Role : std::uint8_t { Visitor, Exhibitor, Organiser };
inline constexpr std::uint32_t kRoleMax = 2;

enum class Anim : std::uint8_t { Idle, Walk, Run, Sit, Wave };
inline constexpr std::uint32_t kAnimMax = 4;

enum class RejectReason : std::uint8_t {
    VersionMismatch,
    Full,
    Banned,
    BadCredentials,
    InvalidName,
    NameTaken,
    HallClosed,
    Kicked,
    BadData,
    ServerShutdown,
    Other,
};
inline constexpr std::uint32_t kRejectReasonMax = 10;

enum class ChatScope : std::uint8_t { Booth, Hall, Direct };
inline constexpr std::uint32_t kChatScopeMax = 2;

enum class TeleportKind : std::uint8_t { Spawn, Booth, Venue };
inline constexpr std::uint32_t kTeleportKindMax = 2;

enum class ItemKind : std::uint8_t { Document, Link, Video };
inline constexpr std::uint32_t kItemKindMax = 2;

enum class LeaveReason : std::uint8_t { Left, TimedOut, Kicked, OutOfView };
inline constexpr std::uint32_t kLeaveReasonMax = 3;

const char* toString(Role role);
const char* toString(RejectReason reason);

inline std::uint32_t quantizePosition(float metres) {
    if (!(metres > 0.0f)) return 0; // also NaN
    if (metres >= kPositionMax) return kPositionCodes;
    return std::uint32_t(std::lround(metres / kPositionResolution));
}
inline float dequantizePosition(std::uint32_t code) {
    return float(code) * kPositionResolution;
}
inline std::uint32_t quantizeHeading(float degrees) {
    float wrapped = std::fmod(degrees, 360.0f);
    if (!(wrapped >= 0.0f)) wrapped = std::isnan(wrapped) ? 0.0f : wrapped + 360.0f;
    return std::uint32_t(std::lround(wrapped / 360.0f * float(kHeadingCodes))) % kHeadingCodes;
}
inline float dequantizeHeading(std::uint32_t code) {
    return float(code) * 360.0f / float(kHeadingCodes);
}

template <class Stream, class E>
bool serializeEnum(Stream& s, E& value, std::uint32_t maxValue) {
    std::uint32_t v = std::uint32_t(value);
    if (!net::serializeInt(s, v, 0, maxValue)) return false;
    value = E(v);
    return true;
}

template <class Stream>
bool serializeClientId(Stream& s, std::uint16_t& id) {
    return net::serializeInt(s, id, 0, kMaxClientId);
}

template <class Stream>
bool serializePosition(Stream& s, std::uint32_t& code) {
    return net::serializeInt(s, code, 0, kPositionCodes);
}

template <class Stream>
bool serializeHeading(Stream& s, std::uint16_t& code) {
    return net::serializeInt(s, code, 0, kHeadingCodes - 1);
}

// Country: absent or two letters A-Z (5 bits each), so no other value can be encoded.
template <class Stream>
bool serializeCountry(Stream& s, std::string& country) {
    bool present = !country.empty();
    if constexpr (Stream::kIsWriting) {
        if (present && (country.size() != 2 || country[0] < 'A' || country[0] > 'Z' ||
                        country[1] < 'A' || country[1] > 'Z'))
            return false;
    }
    if (!net::serializeBool(s, present)) return false;
    if (!present) {
        country.clear();
        return true;
    }
    std::uint32_t a = std::uint32_t(country.empty() ? 0 : country[0] - 'A');
    std::uint32_t b = std::uint32_t(country.empty() ? 0 : country[1] - 'A');
    if (!net::serializeInt(s, a, 0, 25) || !net::serializeInt(s, b, 0, 25)) return false;
    country = std::string{char('A' + a), char('A' + b)};
    return true;
}

// 24-bit RGB colour of an avatar.
template <class Stream>
bool serializeLook(Stream& s, std::uint32_t& rgb) {
    return s.serializeBits(rgb, 24);
}

} // namespace fg::expo::proto
