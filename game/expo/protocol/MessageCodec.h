// Turns protocol messages into packets and back: a 6-bit type, the message's serialize body,
// zero padding. decode() rejects unknown types, short, oversized or out-of-range input.
#pragma once

#include "engine/core/Result.h"
#include "game/expo/protocol/Messages.h"

#include <cstdint>
#include <span>
#include <vector>

namespace fg::expo::proto {

using Packet = std::vector<std::uint8_t>;

// Largest packet any message may produce (ConsoleResponse); readers refuse anything bigger.
inline constexpr std::size_t kMaxPacketBytes = 64 * 1024;

// Encodes a message; fails only when the message holds values outside the protocol's ranges.
Result<Packet> encode(const Message& message);
// Same bytes without copying the message (for the per-tick snapshot path).
Result<Packet> encode(Message&& message);
Result<Message> decode(std::span<const std::uint8_t> packet);
// Encoded size in bits (type included), without allocating.
std::size_t measureBits(const Message& message);
// ENet channel a message travels on: its struct's kChannel.
std::uint8_t channelOf(const Message& message);

} // namespace fg::expo::proto
