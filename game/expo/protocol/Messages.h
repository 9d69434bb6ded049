// Every message of the Fairground protocol, each with ONE serialize function used for writing,
// reading and measuring (docs/PROTOCOL.md mirrors this file). No I/O or game logic here.
#pragma once

#include "game/expo/protocol/ProtocolTypes.h"

#include <concepts>
#include <cstdint>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace fg::expo::proto {

using net::serializeBool;
using net::serializeI64;
using net::serializeInt;
using net::serializeString;
using net::serializeU32;
using net::serializeU64;

// ---- handshake (channel 0) ----

// Client -> server, first message after connecting.
struct Hello {
    static constexpr const char* kName = "Hello";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t version = kProtocolVersion;
    Role role = Role::Visitor;
    std::string credential; // ticket (visitor) or token (exhibitor, organiser); may be empty
    std::string name;
    std::uint32_t look = 0; // 0xRRGGBB
    std::string country;    // "" or ISO 3166-1 alpha-2
    std::string clientKey;  // stable per-install key (bans and mutes follow it); may be empty
    // false: a tool (editor, remote console) that is not in the world: it gets no avatar, is in
    // nobody's snapshots and is counted in no hall.
    bool presence = true;
    bool operator==(const Hello&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(s.serializeBits(version, 16));
        FG_SER(serializeEnum(s, role, kRoleMax));
        FG_SER(serializeString(s, credential, kMaxCredentialLength));
        FG_SER(serializeString(s, name, kMaxNameLength));
        FG_SER(serializeLook(s, look));
        FG_SER(serializeCountry(s, country));
        FG_SER(serializeString(s, clientKey, kMaxClientKeyLength));
        return serializeBool(s, presence);
    }
};

// Server -> client: accepted. Spawn position is the first authoritative state.
struct Welcome {
    static constexpr const char* kName = "Welcome";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint16_t clientId = 0;
    Role role = Role::Visitor;
    std::int64_t serverTimeMs = 0; // Unix milliseconds
    std::uint64_t exhibitionRevision = 0;
    std::uint32_t tickRate = 20;
    std::uint32_t hall = 0; // index into the exhibition's halls
    std::uint32_t x = 0, z = 0;
    std::uint16_t heading = 0;
    std::string exhibitorId; // the exhibitor an exhibitor token is bound to; "" otherwise
    bool operator==(const Welcome&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(serializeClientId(s, clientId));
        FG_SER(serializeEnum(s, role, kRoleMax));
        FG_SER(serializeI64(s, serverTimeMs));
        FG_SER(serializeU64(s, exhibitionRevision));
        FG_SER(serializeInt(s, tickRate, 1, kMaxTickRate));
        FG_SER(serializeInt(s, hall, 0, kMaxHalls - 1));
        FG_SER(serializePosition(s, x));
        FG_SER(serializePosition(s, z));
        FG_SER(serializeHeading(s, heading));
        return serializeString(s, exhibitorId, kMaxIdLength);
    }
};

// Server -> client: refused or removed; the server disconnects right after sending it.
struct Reject {
    static constexpr const char* kName = "Reject";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    RejectReason reason = RejectReason::Other;
    std::string text; // a sentence a person can read
    bool operator==(const Reject&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(serializeEnum(s, reason, kRejectReasonMax));
        return serializeString(s, text, kMaxReasonLength);
    }
};

// ---- presence (channel 1 unreliable sequenced, except Join/Leave/Teleport on channel 0) ----

// Client -> server each tick: where the client moved its avatar, and the newest snapshot it has.
struct Input {
    static constexpr const char* kName = "Input";
    static constexpr std::uint8_t kChannel = net::kChannelPresence;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t sequence = 0;
    std::uint32_t ackTick = 0; // 0: no snapshot yet
    std::uint32_t hall = 0;
    std::uint32_t x = 0, z = 0;
    std::uint16_t heading = 0;
    Anim anim = Anim::Idle;
    bool operator==(const Input&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(serializeU32(s, sequence));
        FG_SER(serializeU32(s, ackTick));
        FG_SER(serializeInt(s, hall, 0, kMaxHalls - 1));
        FG_SER(serializePosition(s, x));
        FG_SER(serializePosition(s, z));
        FG_SER(serializeHeading(s, heading));
        return serializeEnum(s, anim, kAnimMax);
    }
};

// One avatar inside a snapshot. Entries present in the base snapshot send only what changed.
struct SnapshotEntry {
    std::uint16_t id = 0;
    bool inBase = false;     // base snapshot has this avatar: fields below are deltas
    bool hasPosition = true; // always true when !inBase
    bool smallDelta = false; // position as dx, dz in cm within [-64, 63]
    std::int32_t dx = 0, dz = 0;
    std::uint32_t x = 0, z = 0;
    bool hasHeading = true;
    std::uint16_t heading = 0;
    bool hasAnim = true;
    Anim anim = Anim::Idle;
    bool operator==(const SnapshotEntry&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(serializeClientId(s, id));
        FG_SER(serializeBool(s, inBase));
        if (inBase) {
            FG_SER(serializeBool(s, hasPosition));
            FG_SER(serializeBool(s, hasHeading));
            FG_SER(serializeBool(s, hasAnim));
        } else if constexpr (S::kIsReading) {
            hasPosition = hasHeading = hasAnim = true;
        } else if (!hasPosition || !hasHeading || !hasAnim) {
            return false; // a new avatar always carries its whole state
        }
        if (hasPosition) {
            if (inBase) {
                FG_SER(serializeBool(s, smallDelta));
            } else if (smallDelta) {
                return false; // deltas need a base
            }
            if (smallDelta) {
                FG_SER(serializeInt(s, dx, kSmallDeltaMin, kSmallDeltaMax));
                FG_SER(serializeInt(s, dz, kSmallDeltaMin, kSmallDeltaMax));
            } else {
                FG_SER(serializePosition(s, x));
                FG_SER(serializePosition(s, z));
            }
        }
        if (hasHeading) FG_SER(serializeHeading(s, heading));
        if (hasAnim) FG_SER(serializeEnum(s, anim, kAnimMax));
        return true;
    }
};

// Server -> client each tick: avatars in the client's area of interest, delta-coded against
// baseTick (a snapshot the client acknowledged) or complete when baseTick is 0.
struct Snapshot {
    static constexpr const char* kName = "Snapshot";
    static constexpr std::uint8_t kChannel = net::kChannelPresence;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint32_t tick = 0;
    std::uint32_t baseTick = 0;
    std::uint32_t hall = 0;
    std::uint32_t lastInput = 0;        // newest Input.sequence the server applied
    std::vector<std::uint16_t> removed; // in base, no longer in view
    std::vector<SnapshotEntry> entries; // new or changed; unchanged base entries are omitted
    bool operator==(const Snapshot&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(serializeU32(s, tick));
        FG_SER(serializeU32(s, baseTick));
        FG_SER(serializeInt(s, hall, 0, kMaxHalls - 1));
        FG_SER(serializeU32(s, lastInput));
        std::uint32_t removedCount = std::uint32_t(removed.size());
        FG_SER(serializeInt(s, removedCount, 0, kMaxSnapshotEntries));
        if constexpr (S::kIsReading) removed.resize(removedCount);
        for (auto& id : removed)
            FG_SER(serializeClientId(s, id));
        std::uint32_t count = std::uint32_t(entries.size());
        FG_SER(serializeInt(s, count, 0, kMaxSnapshotEntries));
        if constexpr (S::kIsReading) {
            if (count > s.bitsRemaining() / 13) return false; // each entry needs >= 13 bits
            entries.resize(count);
        }
        for (auto& e : entries)
            FG_SER(e.serialize(s));
        return true;
    }
};

// Server -> client: the last input was refused (speed, walls, bounds); snap to this state.
struct Correction {
    static constexpr const char* kName = "Correction";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint32_t sequence = 0; // the refused Input.sequence
    std::uint32_t hall = 0;
    std::uint32_t x = 0, z = 0;
    std::uint16_t heading = 0;
    bool operator==(const Correction&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(serializeU32(s, sequence));
        FG_SER(serializeInt(s, hall, 0, kMaxHalls - 1));
        FG_SER(serializePosition(s, x));
        FG_SER(serializePosition(s, z));
        return serializeHeading(s, heading);
    }
};

// Server -> client (reliable): someone entered the event; sent to everyone, once per visitor.
struct Join {
    static constexpr const char* kName = "Join";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint16_t clientId = 0;
    std::string name;
    std::uint32_t look = 0;
    std::string country;
    Role role = Role::Visitor; // shown as a badge
    bool operator==(const Join&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(serializeClientId(s, clientId));
        FG_SER(serializeString(s, name, kMaxNameLength));
        FG_SER(serializeLook(s, look));
        FG_SER(serializeCountry(s, country));
        return serializeEnum(s, role, kRoleMax);
    }
};

struct Leave {
    static constexpr const char* kName = "Leave";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint16_t clientId = 0;
    LeaveReason reason = LeaveReason::Left;
    bool operator==(const Leave&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(serializeClientId(s, clientId));
        return serializeEnum(s, reason, kLeaveReasonMax);
    }
};

// Client -> server (reliable): move to an allowed point; answered by a Correction.
struct Teleport {
    static constexpr const char* kName = "Teleport";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    TeleportKind kind = TeleportKind::Spawn;
    std::uint32_t hall = 0; // for Spawn
    std::string targetId;   // booth or venue id
    bool operator==(const Teleport&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(serializeEnum(s, kind, kTeleportKindMax));
        FG_SER(serializeInt(s, hall, 0, kMaxHalls - 1));
        return serializeString(s, targetId, kMaxIdLength);
    }
};

} // namespace fg::expo::proto

#include "game/expo/protocol/AgendaMessages.h"
#include "game/expo/protocol/AwardsMessages.h"
#include "game/expo/protocol/BoothFetchMessages.h"
#include "game/expo/protocol/ChatHistoryMessages.h"
#include "game/expo/protocol/ContentMessages.h"
#include "game/expo/protocol/DeckMessages.h"
#include "game/expo/protocol/ExhibitorMessages.h"
#include "game/expo/protocol/InteractionMessages.h"
#include "game/expo/protocol/MeetingMessages.h"
#include "game/expo/protocol/ModerationMessages.h"
#include "game/expo/protocol/PublishMessages.h"
#include "game/expo/protocol/QnaMessages.h"
#include "game/expo/protocol/RoundtableMessages.h"
#include "game/expo/protocol/StaffMessages.h"
#include "game/expo/protocol/StageMessages.h"
#include "game/expo/protocol/VoiceMessages.h"

namespace fg::expo::proto {

// The order of this list is the 6-bit message type on the wire; append only.
using Message = std::variant<
    Hello, Welcome, Reject, Input, Snapshot, Correction, Join, Leave, Teleport, ChatSend,
    ChatReceived, Like, OpenItem, DropCard, MeetingRequest, MeetingUpdate, MeetingAnswer,
    MeetingList, StaffPresence, ActionResult, Announcement, ConsoleCommand, ConsoleResponse,
    UploadBegin, UploadStatus, UploadChunk, UploadFinish, PublishResult, BoothRevision,
    ContentRequest, ContentChunk, ContentError, BoothStatsRequest, BoothStats, BoothFetchRequest,
    BoothFetchReply, ChatHistoryRequest, ChatHistory, LeadsRequest, LeadsPage, BoothVisitorsRequest,
    BoothVisitors, ModerationAction, AnnounceRequest, ApprovalQueueRequest, ApprovalQueue,
    ApprovalDecision, BoothHeat, ChatReport, ReportListRequest, ReportList, ReportDecision,
    ChatDelete, ChatDeleted, MeetingSlotsRequest, MeetingSlots, MeetingHoursSet, QnaJoin, QnaState,
    QnaAsk, QnaVote, QnaModerate, QnaQuestionUpdate, PollCreate, PollControl, PollAnswer,
    PollUpdate, ReactionSend, ReactionShown, HandRaise, HandStage, HandQueue, RegistrationRequest,
    RegistrationStatus, EntryRefused, StageCommand, StagePage, OverflowRequest, StageUpdate,
    StagePlace, StageRoles, FloorRequest, FloorControl, SpeakingList,
    DeckUploadBegin, DeckUploadStatus, DeckUploadChunk, DeckUploadFinish,
    DeckUploadResult, DeckChanged,
    AwardsRequest, AwardsState, BallotCast, JuryScore, AwardRevealRequest,
    AwardRevealed, VoiceFrameUp, VoiceFrameDown, VoiceMute, VoiceStatus>;
inline constexpr int kMessageTypeBits = 8; // one byte: room for every slice's messages
inline constexpr std::size_t kMessageCount = std::variant_size_v<Message>;
static_assert(kMessageCount <= (1u << kMessageTypeBits));

// A protocol message names itself, its ENet channel and who sends it, and has one serialize
// function; a struct in the Message list without all of them does not compile.
template <class M>
concept ProtocolMessage = requires {
    { M::kName } -> std::convertible_to<const char*>;
    { M::kChannel } -> std::convertible_to<std::uint8_t>;
    { M::kDirection } -> std::convertible_to<Direction>;
}
&&std::is_default_constructible_v<M>&& M::kChannel < net::kChannelCount;

template <class V>
struct AllProtocolMessages;
template <class... M>
struct AllProtocolMessages<std::variant<M...>> : std::bool_constant<(ProtocolMessage<M> && ...)> {};
static_assert(AllProtocolMessages<Message>::value,
              "every Message needs kName, kChannel, kDirection");

// The wire type number of message M (its index in Message).
template <class M, std::size_t I = 0>
constexpr std::size_t messageIndex() {
    static_assert(I < kMessageCount, "not a protocol message");
    if constexpr (std::is_same_v<std::variant_alternative_t<I, Message>, M>)
        return I;
    else
        return messageIndex<M, I + 1>();
}

// Message name for logs and docs ("Hello", "Snapshot", ...); "Unknown" out of range.
const char* messageName(std::size_t typeIndex);
// The channel and direction of the message type at TYPEINDEX (from the structs themselves).
std::uint8_t messageChannel(std::size_t typeIndex);
Direction messageDirection(std::size_t typeIndex);

} // namespace fg::expo::proto
