// Network constants shared by every peer: channel numbers and ENet's peer ceiling.
// Constants only; the ENet adapter (NetHost.cpp) is the only includer of enet.h.
#pragma once

#include <cstdint>

namespace fg::net {

inline constexpr std::uint8_t kChannelControl = 0;  // reliable: control, chat, interactions
inline constexpr std::uint8_t kChannelPresence = 1; // unreliable sequenced: snapshots, inputs
inline constexpr std::uint8_t kChannelBulk = 2;     // reliable: content and asset transfer
inline constexpr std::uint8_t kChannelVoice = 3;    // unreliable sequenced: voice frames
inline constexpr std::uint8_t kChannelCount = 4;
inline constexpr std::uint32_t kEnetMaxPeers = 4095;

} // namespace fg::net
