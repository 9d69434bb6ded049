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

} // namespace fg::server
