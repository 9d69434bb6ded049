// Topic names and the bus encodings of broadcasts and moderation events.
// Readers are bounds-checked: a malformed event is ignored, never asserted on.
#include "server/core/BusTopics.h"

#include "game/expo/protocol/MessageCodec.h"

#include <chrono>

namespace fg::server {

namespace topic {
std::string hall(std::string_view hallId) {
    return std::string(kHallPrefix) + std::string(hallId);
}
std::string venue(std::string_view venueId) {
    return std::string(kVenuePrefix) + std::string(venueId);
}
std::string booth(std::string_view boothId) {
    return std::string(kBoothPrefix) + std::string(boothId);
}
} // namespace topic

Status broadcast(Bus& bus, std::string_view topic, proto::Message message) {
    const std::uint8_t channel = proto::channelOf(message);
    auto packet = proto::encode(std::move(message));
    if (!packet) return packet.error();
    std::vector<std::uint8_t> bytes;
    bytes.reserve(packet->size() + 1);
    bytes.push_back(channel);
    bytes.insert(bytes.end(), packet->begin(), packet->end());
    bus.publish(topic, bytes);
    return {};
}

std::optional<Broadcast> readBroadcast(std::span<const std::uint8_t> bytes) {
    if (bytes.size() < 2) return std::nullopt;
    return Broadcast{bytes[0], bytes.subspan(1)};
}

// Action byte, person, a zero byte, reason: names and reasons never contain a zero byte.
void publishModeration(Bus& bus, const ModerationEvent& event) {
    std::vector<std::uint8_t> bytes;
    bytes.push_back(std::uint8_t(event.action));
    bytes.insert(bytes.end(), event.person.begin(), event.person.end());
    bytes.push_back(0);
    bytes.insert(bytes.end(), event.reason.begin(), event.reason.end());
    bus.publish(topic::kModeration, bytes);
}

std::optional<ModerationEvent> readModeration(std::span<const std::uint8_t> bytes) {
    if (bytes.empty() || bytes[0] > std::uint8_t(ModerationEvent::Action::Unmute))
        return std::nullopt;
    ModerationEvent event;
    event.action = ModerationEvent::Action(bytes[0]);
    std::size_t i = 1;
    while (i < bytes.size() && bytes[i] != 0)
        event.person.push_back(char(bytes[i++]));
    if (i >= bytes.size()) return std::nullopt;
    event.reason.assign(bytes.begin() + std::ptrdiff_t(i) + 1, bytes.end());
    return event;
}

std::uint64_t nextChatLineId(Bus& bus) {
    const auto ms = std::uint64_t(std::chrono::duration_cast<std::chrono::milliseconds>(
                                      std::chrono::system_clock::now().time_since_epoch())
                                      .count());
    return (ms << 10) | (std::uint64_t(bus.add("chat/line-ids", 1)) & 1023u);
}

void publishChatLine(Bus& bus, ChatLineEvent event) {
    net::BitWriter writer;
    if (!event.serialize(writer)) return; // the sender's line was checked against the same limits
    bus.publish(topic::kChatLines, writer.finish());
}

std::optional<ChatLineEvent> readChatLine(std::span<const std::uint8_t> bytes) {
    net::BitReader reader(bytes);
    ChatLineEvent event;
    if (!event.serialize(reader) || reader.bitsRemaining() >= 8) return std::nullopt;
    return event;
}

} // namespace fg::server
