// Message dispatch for encode, decode and measure; the only place that maps type numbers to
// message structs. Must not log per packet: callers decide what a bad packet costs its sender.
#include "game/expo/protocol/MessageCodec.h"

#include "engine/net/NetLimits.h"

#include <array>
#include <fmt/format.h>
#include <utility>

namespace fg::expo::proto {

namespace {

template <std::size_t... I>
constexpr auto tableOf(auto field, std::index_sequence<I...>) {
    return std::array{field.template operator()<std::variant_alternative_t<I, Message>>()...};
}
constexpr auto kIndices = std::make_index_sequence<kMessageCount>{};
constexpr auto kNames = tableOf([]<class M>() { return M::kName; }, kIndices);
constexpr auto kChannels = tableOf([]<class M>() { return M::kChannel; }, kIndices);
constexpr auto kDirections = tableOf([]<class M>() { return M::kDirection; }, kIndices);

template <std::size_t... I>
Message makeByIndex(std::size_t index, std::index_sequence<I...>) {
    Message result;
    (void)((index == I ? (result.emplace<I>(), true) : false) || ...);
    return result;
}

template <class Stream>
bool serializeMessage(Stream& stream, Message& message) {
    std::uint32_t type = std::uint32_t(message.index());
    if (!stream.serializeBits(type, kMessageTypeBits)) return false;
    return std::visit([&](auto& m) { return m.serialize(stream); }, message);
}

} // namespace

const char* messageName(std::size_t typeIndex) {
    return typeIndex < kNames.size() ? kNames[typeIndex] : "Unknown";
}

std::uint8_t messageChannel(std::size_t typeIndex) {
    return typeIndex < kChannels.size() ? kChannels[typeIndex] : net::kChannelControl;
}

Direction messageDirection(std::size_t typeIndex) {
    return typeIndex < kDirections.size() ? kDirections[typeIndex] : Direction::Both;
}

Result<Packet> encode(const Message& message) {
    Message copy = message; // serialize takes a mutable reference for the reading direction
    return encode(std::move(copy));
}

Result<Packet> encode(Message&& message) {
    net::BitWriter writer;
    if (!serializeMessage(writer, message))
        return makeError(fmt::format("encode {}: a field is outside its protocol range",
                                     messageName(message.index())));
    Packet packet = writer.finish();
    if (packet.size() > kMaxPacketBytes)
        return makeError(fmt::format("encode {}: {} bytes exceeds {}", messageName(message.index()),
                                     packet.size(), kMaxPacketBytes));
    return packet;
}

Result<Message> decode(std::span<const std::uint8_t> packet) {
    if (packet.empty()) return makeError("packet: empty");
    if (packet.size() > kMaxPacketBytes)
        return makeError(
            fmt::format("packet: {} bytes exceeds {}", packet.size(), kMaxPacketBytes));
    net::BitReader reader(packet);
    std::uint32_t type = 0;
    if (!reader.serializeBits(type, kMessageTypeBits)) return makeError("packet: no type");
    if (type >= std::variant_size_v<Message>)
        return makeError(fmt::format("packet: unknown message type {}", type));
    Message message = makeByIndex(type, std::make_index_sequence<std::variant_size_v<Message>>{});
    bool ok = std::visit([&](auto& m) { return m.serialize(reader); }, message);
    if (!ok)
        return makeError(fmt::format("packet {}: truncated or field out of range", kNames[type]));
    // Only the zero padding of the final byte may follow the message.
    std::size_t left = reader.bitsRemaining();
    std::uint32_t padding = 0;
    if (left >= 8 || !reader.serializeBits(padding, int(left)) || padding != 0)
        return makeError(fmt::format("packet {}: {} unexpected trailing bits", kNames[type], left));
    return message;
}

std::size_t measureBits(const Message& message) {
    net::BitMeasurer measurer;
    Message copy = message;
    serializeMessage(measurer, copy);
    return measurer.bitsProcessed();
}

std::uint8_t channelOf(const Message& message) {
    return messageChannel(message.index());
}

const char* toString(Direction direction) {
    switch (direction) {
    case Direction::ClientToServer:
        return "C→S";
    case Direction::ServerToClient:
        return "S→C";
    case Direction::Both:
        return "C↔S";
    }
    return "unknown";
}

const char* toString(Role role) {
    switch (role) {
    case Role::Visitor:
        return "visitor";
    case Role::Exhibitor:
        return "exhibitor";
    case Role::Organiser:
        return "organiser";
    }
    return "unknown";
}

const char* toString(RejectReason reason) {
    switch (reason) {
    case RejectReason::VersionMismatch:
        return "protocol version mismatch";
    case RejectReason::Full:
        return "server full";
    case RejectReason::Banned:
        return "banned";
    case RejectReason::BadCredentials:
        return "bad credentials";
    case RejectReason::InvalidName:
        return "invalid name";
    case RejectReason::NameTaken:
        return "name taken";
    case RejectReason::HallClosed:
        return "hall closed";
    case RejectReason::Kicked:
        return "kicked";
    case RejectReason::BadData:
        return "bad data";
    case RejectReason::ServerShutdown:
        return "server shutting down";
    case RejectReason::Other:
        return "other";
    }
    return "unknown";
}

} // namespace fg::expo::proto
