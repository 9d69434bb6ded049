// ENet helpers shared by the inline host and the sharded host threads (engine/net only): host
// creation with SO_REUSEPORT, the fast checksum, the retransmission guard, queue inspection.
// Internal to fg_net: nothing outside engine/net may include this header (it includes enet.h).
#pragma once

#include "engine/core/Result.h"
#include "engine/net/NetHost.h"

#include <enet/enet.h>

namespace fg::net::detail {

// ENet gives up on a command once its doubled timeout reaches timeoutLimit x its first timeout;
// a limit this high never binds (timeouts are capped, see guardRetransmissions), so a peer is
// dropped only by timeoutMaximum: no acknowledgement at all for that long.
inline constexpr enet_uint32 kTimeoutLimit = 1024;

Status initEnetOnce();

// The same CRC-32 as enet_crc32 (IEEE, reflected, in network byte order), computed with zlib's
// table-free braided CRC: several times faster than ENet's byte-at-a-time table, and peers using
// either one interoperate.
enet_uint32 fastChecksum(const ENetBuffer* buffers, std::size_t bufferCount);

enet_uint32 packetFlags(std::uint8_t channel);

enum class BindMode : std::uint8_t { None, Exclusive, SharedPort };

// An ENet host with our channels, MTU, packet limit and checksum. SharedPort binds with
// SO_REUSEPORT to `port` (several hosts of this process share one UDP port); Exclusive binds
// like ENet does. Socket buffers are set for bound hosts.
Result<ENetHost*> createEnetHost(const HostConfig& config, std::size_t peers, BindMode mode,
                                 std::uint16_t port);

// Destroys a host made by createEnetHost (and forgets its connect gate).
void destroyEnetHost(ENetHost* host);

// Fails when another socket (of any process) already holds address:port, so that a second
// server on the same port is refused even though the shards bind with SO_REUSEPORT.
Status checkPortFree(const std::string& address, std::uint16_t port);

// Caps every reliable command's retransmission timeout of every connected peer and re-arms
// each peer's timer at the earliest command due (see NetHost.cpp history and PROTOCOL.md).
// At most once per intervalMs per host: lastMs is the host's last pass time.
void guardPeers(ENetHost& host, enet_uint32& lastMs, enet_uint32 intervalMs = 1);

// Bytes of CHANNEL's commands waiting in PEER's outgoing and sent-unacknowledged queues.
std::size_t queuedChannelBytes(ENetPeer& peer, std::uint8_t channel);

// RTT and loss of a live ENet peer into stats (the byte counters are left alone).
void readPeerLink(const ENetPeer& peer, PeerStats& stats);

std::uint16_t boundPort(const ENetHost& host);

// A slot counts as taken from connection attempt until ENet resets it.
bool isLive(const ENetPeer& peer);

// The configured timeouts for a new connection (ours or accepted): see kTimeoutLimit.
void applyTimeouts(ENetPeer& peer, const HostConfig& config);

} // namespace fg::net::detail
