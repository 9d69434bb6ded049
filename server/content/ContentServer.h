// Serves content requests as chunks on the bulk channel with flow control: per peer a bounded
// number of bytes queued in the transport, round-robin between peers, a byte budget per pump.
// Knows nothing of ENet or of where content comes from: both are passed in.
#pragma once

#include "engine/core/File.h"
#include "engine/core/Hash.h"
#include "game/expo/protocol/Messages.h"

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace fg::content {

namespace proto = fg::expo::proto;

struct ContentLimits {
    std::size_t peerQueueBytes = 256 * 1024;   // bulk bytes queued per peer before it waits
    std::size_t pumpBudgetBytes = 1024 * 1024; // bytes sent per budget period (server tick)
    std::size_t maxRequestsPerPeer = 512;      // outstanding requests; more are refused
};

// What a lookup found for a request.
struct Lookup {
    enum class State : std::uint8_t { Ready, NotYet, Missing } state = State::Missing;
    Hash128 hash;                       // of bytes (for the exhibition: the manifest's hash)
    std::shared_ptr<const Bytes> bytes; // Ready
    std::string reason;                 // Missing: for the ContentError
};
using LookupFn = std::function<Lookup(const proto::ContentRequest&)>;

// The two things the scheduler needs from the network.
struct Transport {
    std::function<std::size_t(std::uint32_t peer)> queuedBytes;
    std::function<bool(std::uint32_t peer, proto::Message&& message)> send;
};

struct PumpStats {
    std::size_t chunks = 0, bytes = 0, finished = 0, errors = 0;
};

class ContentServer {
public:
    explicit ContentServer(ContentLimits limits = {})
        : m_limits(limits), m_budgetLeft(limits.pumpBudgetBytes) {}

    // Queues REQUEST for PEER; false when the peer already has maxRequestsPerPeer outstanding.
    bool enqueue(std::uint32_t peer, const proto::ContentRequest& request);
    void dropPeer(std::uint32_t peer);
    // Starts a budget period: pumps until the next call share pumpBudgetBytes.
    void refillBudget() { m_budgetLeft = m_limits.pumpBudgetBytes; }
    // Sends chunks (and errors) within the limits and what is left of the period's budget; a
    // request whose lookup is NotYet waits, and so do that peer's later requests (chunks of one
    // request are never interleaved).
    PumpStats pump(const LookupFn& lookup, const Transport& transport);

    std::size_t pending(std::uint32_t peer) const;
    std::size_t pendingTotal() const;
    const ContentLimits& limits() const { return m_limits; }

private:
    struct Transfer {
        proto::ContentRequest request;
        Hash128 hash;
        std::shared_ptr<const Bytes> bytes;
        std::uint64_t offset = 0;
    };
    enum class Step : std::uint8_t { Idle, Sent, Dropped };
    Step step(std::uint32_t peer, std::deque<Transfer>& queue, const LookupFn& lookup,
              const Transport& transport, PumpStats& stats);

    ContentLimits m_limits;
    std::map<std::uint32_t, std::deque<Transfer>> m_queues; // by peer, for round robin
    std::uint32_t m_next = 0;                               // peer to serve first next pump
    std::size_t m_budgetLeft = 0; // bytes this budget period may still send
};

} // namespace fg::content
