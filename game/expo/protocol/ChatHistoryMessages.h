// The chat slice's history messages (channel 0): a client asks for a room's recent lines, the
// server answers (and pushes the hall's on join). Included by Messages.h; serialize only.
#pragma once

#include "game/expo/protocol/InteractionMessages.h"
#include "game/expo/protocol/ProtocolTypes.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fg::expo::proto {

// Lines one ChatHistory carries: 100 lines of 500 bytes stay under the 64 KiB packet limit.
inline constexpr std::uint32_t kMaxHistoryLines = 100;

// Client -> server: the newest lines of a room older than beforeId (0: the newest). The room is
// the hall the asker stands in (Hall), booth boothId (Booth) or the asker and `with` (Direct).
struct ChatHistoryRequest {
    static constexpr const char* kName = "ChatHistoryRequest";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    ChatScope scope = ChatScope::Hall;
    std::string boothId;
    std::uint16_t with = 0;
    std::uint64_t beforeId = 0;
    bool operator==(const ChatHistoryRequest&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(serializeEnum(s, scope, kChatScopeMax));
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        FG_SER(serializeClientId(s, with));
        return net::serializeU64(s, beforeId);
    }
};

// One stored line as the history shows it.
struct ChatHistoryLine {
    std::uint64_t id = 0; // the store's id: older pages are asked with beforeId = the first id
    std::string fromName;
    Role fromRole = Role::Visitor;
    std::int64_t timeMs = 0; // Unix milliseconds
    std::string text;
    std::uint64_t lineId = 0; // ChatReceived.lineId of the line (0: stored before line ids)
    std::string company;      // ChatReceived.company: a booth's staff line names the exhibitor
    bool operator==(const ChatHistoryLine&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU64(s, id));
        FG_SER(net::serializeString(s, fromName, kMaxNameLength));
        FG_SER(serializeEnum(s, fromRole, kRoleMax));
        FG_SER(net::serializeI64(s, timeMs));
        FG_SER(net::serializeString(s, text, kMaxChatLength));
        FG_SER(net::serializeU64(s, lineId));
        return net::serializeString(s, company, kMaxCompanyLength);
    }
};

// Server -> client: a room's lines, oldest first (requestId 0: the hall's, sent on join).
struct ChatHistory {
    static constexpr const char* kName = "ChatHistory";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint32_t requestId = 0;
    ChatScope scope = ChatScope::Hall;
    std::string boothId;  // the booth (Booth), the hall id (Hall)
    std::string withName; // the other person (Direct)
    bool more = false;    // older lines exist
    std::vector<ChatHistoryLine> lines;
    bool operator==(const ChatHistory&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(serializeEnum(s, scope, kChatScopeMax));
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        FG_SER(net::serializeString(s, withName, kMaxNameLength));
        FG_SER(net::serializeBool(s, more));
        std::uint32_t count = std::uint32_t(lines.size());
        FG_SER(net::serializeInt(s, count, 0, kMaxHistoryLines));
        if constexpr (S::kIsReading) {
            if (count > s.bitsRemaining() / 160) return false; // each line needs >= 160 bits
            lines.resize(count);
        }
        for (ChatHistoryLine& line : lines)
            FG_SER(line.serialize(s));
        return true;
    }
};

} // namespace fg::expo::proto
