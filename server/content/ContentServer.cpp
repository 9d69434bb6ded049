// Content transfer scheduling: one chunk per peer per round, round-robin, within the per-peer
// queue limit and the pump budget. Must not block or read files: lookups do that, once.
#include "server/content/ContentServer.h"

#include <algorithm>
#include <vector>

namespace fg::content {

using namespace fg::expo::proto;

bool ContentServer::enqueue(std::uint32_t peer, const ContentRequest& request) {
    auto& queue = m_queues[peer];
    if (queue.size() >= m_limits.maxRequestsPerPeer) return false;
    queue.push_back(Transfer{request, {}, nullptr, 0});
    return true;
}

void ContentServer::dropPeer(std::uint32_t peer) {
    m_queues.erase(peer);
}

std::size_t ContentServer::pending(std::uint32_t peer) const {
    auto it = m_queues.find(peer);
    return it == m_queues.end() ? 0 : it->second.size();
}

std::size_t ContentServer::pendingTotal() const {
    std::size_t total = 0;
    for (const auto& [peer, queue] : m_queues)
        total += queue.size();
    return total;
}

ContentServer::Step ContentServer::step(std::uint32_t peer, std::deque<Transfer>& queue,
                                        const LookupFn& lookup, const Transport& transport,
                                        PumpStats& stats) {
    Transfer& t = queue.front();
    if (!t.bytes) {
        Lookup found = lookup(t.request);
        if (found.state == Lookup::State::NotYet) return Step::Idle;
        if (found.state == Lookup::State::Missing) {
            ++stats.errors;
            ContentError error{t.request.requestId, t.request.hash, found.reason.substr(0, 200)};
            queue.pop_front();
            return transport.send(peer, std::move(error)) ? Step::Sent : Step::Dropped;
        }
        t.hash = found.hash;
        t.bytes = std::move(found.bytes);
    }
    const std::uint64_t total = t.bytes->size();
    const std::uint64_t n = std::min<std::uint64_t>(kMaxContentChunkBytes, total - t.offset);
    ContentChunk chunk{t.request.requestId, t.hash, total, t.offset, {}};
    chunk.bytes.assign(t.bytes->begin() + std::ptrdiff_t(t.offset),
                       t.bytes->begin() + std::ptrdiff_t(t.offset + n));
    t.offset += n;
    ++stats.chunks;
    stats.bytes += std::size_t(n);
    if (t.offset == total) {
        ++stats.finished;
        queue.pop_front();
    }
    return transport.send(peer, std::move(chunk)) ? Step::Sent : Step::Dropped;
}

PumpStats ContentServer::pump(const LookupFn& lookup, const Transport& transport) {
    PumpStats stats;
    bool progress = true;
    while (progress && stats.bytes < m_budgetLeft && !m_queues.empty()) {
        progress = false;
        // One round: every peer from m_next on (wrapping) gets at most one step.
        std::vector<std::uint32_t> order;
        order.reserve(m_queues.size());
        for (auto it = m_queues.lower_bound(m_next); it != m_queues.end(); ++it)
            order.push_back(it->first);
        for (auto it = m_queues.begin(); it != m_queues.end() && it->first < m_next; ++it)
            order.push_back(it->first);
        for (std::uint32_t peer : order) {
            if (stats.bytes >= m_budgetLeft) break;
            auto it = m_queues.find(peer);
            if (it == m_queues.end()) continue;
            if (it->second.empty()) {
                m_queues.erase(it);
                continue;
            }
            if (transport.queuedBytes(peer) >= m_limits.peerQueueBytes) continue;
            Step done = step(peer, it->second, lookup, transport, stats);
            if (done == Step::Dropped) m_queues.erase(peer);
            if (done != Step::Idle) {
                progress = true;
                m_next = peer + 1; // the next round (or pump) starts after the last one served
            }
        }
    }
    m_budgetLeft -= std::min(m_budgetLeft, stats.bytes);
    return stats;
}

} // namespace fg::content
