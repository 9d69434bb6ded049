// Booth interaction, chat, announcement and remote-console messages (channel 0).
// Included by Messages.h, which owns the message list; serialize functions only.
#pragma once

#include "game/expo/protocol/ProtocolTypes.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fg::expo::proto {

inline constexpr std::uint32_t kMaxEmailLength = 254;
inline constexpr std::uint32_t kMaxCompanyLength = 120;
inline constexpr std::uint32_t kMaxNoteLength = 500;
inline constexpr std::uint32_t kMaxItemIndex = 255;
inline constexpr std::uint32_t kMaxStaffNames = 8; // names one StaffPresence lists

// Client -> server: booth chat (boothId), hall chat, or a direct message (recipient).
struct ChatSend {
    static constexpr const char* kName = "ChatSend";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    ChatScope scope = ChatScope::Hall;
    std::string boothId;
    std::uint16_t recipient = 0;
    std::string text;
    bool operator==(const ChatSend&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(serializeEnum(s, scope, kChatScopeMax));
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        FG_SER(serializeClientId(s, recipient));
        return net::serializeString(s, text, kMaxChatLength);
    }
};

// Server -> clients: a chat line delivered to the booth, hall or recipient.
struct ChatReceived {
    static constexpr const char* kName = "ChatReceived";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    ChatScope scope = ChatScope::Hall;
    std::uint16_t from = 0;
    std::string fromName;
    std::string boothId;
    std::int64_t timeMs = 0;
    std::string text;
    // Booth chat from the booth's own staff: their company (the exhibitor's name); "" otherwise.
    std::string company;
    std::uint64_t lineId = 0; // the line's stable id (report it, delete it; ChatHistoryLine too)
    bool operator==(const ChatReceived&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(serializeEnum(s, scope, kChatScopeMax));
        FG_SER(serializeClientId(s, from));
        FG_SER(net::serializeString(s, fromName, kMaxNameLength));
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        FG_SER(net::serializeI64(s, timeMs));
        FG_SER(net::serializeString(s, text, kMaxChatLength));
        FG_SER(net::serializeString(s, company, kMaxCompanyLength));
        return net::serializeU64(s, lineId);
    }
};

struct Like {
    static constexpr const char* kName = "Like";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string boothId;
    bool operator==(const Like&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        return net::serializeString(s, boothId, kMaxIdLength);
    }
};

// A visitor opened a booth's document, link or video (counted for the exhibitor's statistics).
struct OpenItem {
    static constexpr const char* kName = "OpenItem";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string boothId;
    ItemKind kind = ItemKind::Document;
    std::uint32_t index = 0;
    bool operator==(const OpenItem&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        FG_SER(serializeEnum(s, kind, kItemKindMax));
        return net::serializeInt(s, index, 0, kMaxItemIndex);
    }
};

// A business card left at a booth; becomes a lead for the booth's exhibitor.
struct DropCard {
    static constexpr const char* kName = "DropCard";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string boothId;
    std::string name;
    std::string company;
    std::string email;
    std::string note;
    bool consent = false; // the visitor agrees to share the card with the exhibitor
    bool operator==(const DropCard&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        FG_SER(net::serializeString(s, name, kMaxNameLength));
        FG_SER(net::serializeString(s, company, kMaxCompanyLength));
        FG_SER(net::serializeString(s, email, kMaxEmailLength));
        FG_SER(net::serializeString(s, note, kMaxNoteLength));
        return net::serializeBool(s, consent);
    }
};

// Exhibitor -> server: staff arrives at / leaves its booth (shown to visitors).
struct StaffPresence {
    static constexpr const char* kName = "StaffPresence";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::Both;
    std::uint32_t requestId = 0;
    std::string boothId;
    bool onDuty = false;
    // Server -> client: the names of the staff there now (switch or standing in the booth);
    // a client sends none.
    std::vector<std::string> names;
    bool operator==(const StaffPresence&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        FG_SER(net::serializeBool(s, onDuty));
        std::uint32_t count = std::uint32_t(names.size());
        FG_SER(net::serializeInt(s, count, 0, kMaxStaffNames));
        if constexpr (S::kIsReading) names.resize(count);
        for (std::string& name : names)
            FG_SER(net::serializeString(s, name, kMaxNameLength));
        return true;
    }
};

// Server -> client: the outcome of a request carrying requestId (value: e.g. the like count).
struct ActionResult {
    static constexpr const char* kName = "ActionResult";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint32_t requestId = 0;
    bool ok = false;
    std::uint32_t value = 0;
    std::string text;
    bool operator==(const ActionResult&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeBool(s, ok));
        FG_SER(net::serializeU32(s, value));
        return net::serializeString(s, text, kMaxReasonLength);
    }
};

struct Announcement {
    static constexpr const char* kName = "Announcement";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::string from;
    std::string text;
    bool operator==(const Announcement&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeString(s, from, kMaxNameLength));
        return net::serializeString(s, text, kMaxChatLength);
    }
};

// Remote organiser console: one command line in, its printed output back.
struct ConsoleCommand {
    static constexpr const char* kName = "ConsoleCommand";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string line;
    bool operator==(const ConsoleCommand&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        return net::serializeString(s, line, kMaxConsoleLineLength);
    }
};

struct ConsoleResponse {
    static constexpr const char* kName = "ConsoleResponse";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint32_t requestId = 0;
    bool ok = false;
    std::string output;
    bool operator==(const ConsoleResponse&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeBool(s, ok));
        return net::serializeString(s, output, kMaxConsoleOutputLength);
    }
};

} // namespace fg::expo::proto
