// Typed helpers over the Bus: topic names, a protocol message broadcast to an audience, and
// moderation events (kick, ban, mute by person). Encodings here are the bus's, not the wire's.
// Must not deliver anything itself: BroadcastDelivery and the modules subscribe.
#pragma once

#include "engine/core/Result.h"
#include "game/expo/protocol/Messages.h"
#include "server/core/Bus.h"

#include <optional>
#include <string>
#include <string_view>

namespace fg::server {

namespace proto = expo::proto;

namespace topic {
inline constexpr std::string_view kEveryone = "all";
inline constexpr std::string_view kHallPrefix = "hall/";
inline constexpr std::string_view kVenuePrefix = "venue/";
inline constexpr std::string_view kBoothPrefix = "booth/"; // the booth's audience
inline constexpr std::string_view kModeration = "moderation";
inline constexpr std::string_view kChatLines = "chat/line"; // every delivered chat line
std::string hall(std::string_view hallId);
std::string venue(std::string_view venueId);
std::string booth(std::string_view boothId);
} // namespace topic

// A broadcast on the bus: the ENet channel, then the encoded packet, ready for every recipient.
struct Broadcast {
    std::uint8_t channel = 0;
    std::span<const std::uint8_t> packet;
};
// Encodes MESSAGE once and publishes it on TOPIC.
Status broadcast(Bus& bus, std::string_view topic, proto::Message message);
std::optional<Broadcast> readBroadcast(std::span<const std::uint8_t> bytes);

// A moderation decision about one person, applied by whichever process has them connected.
struct ModerationEvent {
    enum class Action : std::uint8_t { Kick, Ban, Mute, Unmute };
    Action action = Action::Kick;
    std::string person; // display name: unique (ignoring case) among joined people
    std::string reason; // shown to the person (kick, ban)
};
void publishModeration(Bus& bus, const ModerationEvent& event);
std::optional<ModerationEvent> readModeration(std::span<const std::uint8_t> bytes);

// A chat line as delivered, for whoever keeps or watches chat (the history slice, later the
// organisers' report queue): which room it went to and who said it.
struct ChatLineEvent {
    proto::ChatScope scope = proto::ChatScope::Hall;
    std::string hallId;  // the sender's hall (Hall)
    std::string boothId; // Booth
    std::string senderName;
    proto::Role senderRole = proto::Role::Visitor;
    std::string recipientName; // Direct
    std::int64_t sentMs = 0;   // Unix milliseconds
    std::string text;
    std::uint64_t lineId = 0;  // ChatReceived.lineId: the line's stable id
    std::string senderCompany; // ChatReceived.company: a booth's staff speak for it
    bool operator==(const ChatLineEvent&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(proto::serializeEnum(s, scope, proto::kChatScopeMax));
        FG_SER(net::serializeString(s, hallId, proto::kMaxIdLength));
        FG_SER(net::serializeString(s, boothId, proto::kMaxIdLength));
        FG_SER(net::serializeString(s, senderName, proto::kMaxNameLength));
        FG_SER(proto::serializeEnum(s, senderRole, proto::kRoleMax));
        FG_SER(net::serializeString(s, recipientName, proto::kMaxNameLength));
        FG_SER(net::serializeI64(s, sentMs));
        FG_SER(net::serializeString(s, text, proto::kMaxChatLength));
        FG_SER(net::serializeU64(s, lineId));
        return net::serializeString(s, senderCompany, proto::kMaxCompanyLength);
    }
};
void publishChatLine(Bus& bus, ChatLineEvent event);
// A new chat line's stable id: Unix milliseconds times 1024 plus a shared counter, so ids grow
// across restarts and stay apart between processes (the counter is the bus's).
std::uint64_t nextChatLineId(Bus& bus);
// Nullopt for truncated, oversized or out-of-range bytes.
std::optional<ChatLineEvent> readChatLine(std::span<const std::uint8_t> bytes);

} // namespace fg::server
