// NetHost's implementation interface: an inline host (ENet serviced by the caller) or a sharded
// host (network threads). Internal to fg_net; NetHost.cpp forwards every public call here.
#pragma once

#include "engine/net/NetHost.h"

namespace fg::net {

struct NetHost::Impl {
    virtual ~Impl() = default;
    virtual Result<PeerId> connect(const std::string& host, std::uint16_t port,
                                   std::uint32_t data) = 0;
    virtual bool send(PeerId peer, std::uint8_t channel, std::span<const std::uint8_t> bytes) = 0;
    virtual bool service(NetEvent& event, std::uint32_t timeoutMs) = 0;
    virtual void flush() = 0;
    virtual void disconnect(PeerId peer, std::uint32_t reason, bool now) = 0;
    virtual std::uint16_t port() const = 0;
    virtual PeerStats peerStats(PeerId peer) const = 0;
    virtual std::size_t queuedBytes(PeerId peer, std::uint8_t channel) const = 0;
    virtual std::string peerAddress(PeerId peer) const = 0;
    virtual HostStats stats() const = 0;
    virtual std::size_t connectedPeers() const = 0;
    virtual std::size_t peerCapacity() const = 0;
    virtual std::intptr_t nativeSocket() const = 0;
    virtual std::optional<KeyBytes> peerKey(PeerId peer) const = 0;
};

namespace detail {
// A listening host with config.threads (> 0) network threads on one SO_REUSEPORT port.
Result<std::unique_ptr<NetHost::Impl>> createShardedHost(const HostConfig& config);
} // namespace detail

} // namespace fg::net
