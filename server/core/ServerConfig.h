// What a fairground-server process is configured with (command line, tests, the embedded server).
// Plain data only: nothing here opens files, sockets or the store.
#pragma once

#include "server/content/ContentServer.h"
#include "server/core/HandshakeGuard.h"
#include "server/core/RequestBudget.h"
#include "server/presence/PresenceWorld.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace fg::server {

struct ServerConfig {
    std::filesystem::path exhibitionPath;
    std::filesystem::path dataDir;
    // The server's long-term key (made on first start, mode 0600); default DATADIR/server.key.
    std::filesystem::path keyFile;
    // False only for the benchmark's "before" figures and tests' control runs: plain ENet
    // packets, no key exchange (no fairground-server option turns encryption off).
    bool encrypt = true;
    std::string bindAddress = "0.0.0.0";
    std::uint16_t port = 7777;
    std::uint32_t tickRate = 20;
    std::uint32_t maxVisitors = 1000; // connections, clamped to ENet's 4,095
    // Network threads (net::HostConfig::threads): 0 = ENet on the tick thread; N = N threads
    // sharing the UDP port. The environment variable FG_NET_THREADS overrides it.
    std::uint32_t netThreads = 0;
    // Guests: visitors without a credential or ticket may join (walk, chat, drop cards; never
    // what a verifiedOnly() permit guards). false: a visitor needs a valid ticket.
    bool guests = true;
    std::uint32_t maxBadPackets = 8; // faults tolerated before a peer is disconnected
    // The handshake deadline and the caps on connections that have not joined (HandshakeGuard).
    HandshakeLimits handshake;
    // Per session and message type, for types registered without a budget of their own.
    Budget requestBudget{200, 100};
    presence::PresenceConfig presence;
    // Cook the exhibition's files at start and answer ContentRequests (server/content/).
    bool serveContent = false;
    std::filesystem::path contentDir; // default DATADIR/content
    content::ContentLimits contentLimits;
    // Booth publishing (server/publish/PublishModule): approve every bundle that passes checks.
    bool autoApprove = false;
    std::filesystem::path publishDir; // default DATADIR/publish
    // Chat history (server/chat/): lines kept per room (hall, booth, direct pair).
    std::size_t chatHistory = 200;
    // Cluster mode: the Redis that carries the bus between this event's processes
    // (redis://HOST:PORT or unix:///PATH); empty: a single process (InProcessBus).
    std::string cluster;
    std::string clusterPrefix = "fg"; // keys and channels in that Redis: one prefix per event
    // Tests only: compose the modules in reverse order, to prove no rule depends on that order.
    bool reverseModules = false;
};

} // namespace fg::server
