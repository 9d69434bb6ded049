// ContentServer scheduling without a network: pump budget, per-peer queue limit, round robin,
// ordered chunks, waiting lookups, errors and refused floods. Tests only.
#include "server/content/ContentServer.h"

#include <doctest/doctest.h>
#include <map>
#include <set>

namespace fg::test {

using namespace fg::content;
using namespace fg::expo::proto;

namespace {

struct FakeNet {
    std::map<std::uint32_t, std::size_t> queued; // what the transport reports per peer
    std::vector<std::pair<std::uint32_t, Message>> sent;
    std::set<std::uint32_t> gone;
    Transport transport() {
        return {[this](std::uint32_t p) { return queued[p]; },
                [this](std::uint32_t p, Message&& m) {
                    if (gone.count(p)) return false;
                    sent.emplace_back(p, std::move(m));
                    return true;
                }};
    }
};

LookupFn blobsOf(std::size_t bytes) {
    auto blob = std::make_shared<Bytes>(bytes);
    for (std::size_t i = 0; i < bytes; ++i)
        (*blob)[i] = std::uint8_t(i * 7);
    return [blob](const ContentRequest& r) {
        return Lookup{Lookup::State::Ready, r.hash, blob, {}};
    };
}

ContentRequest asset(std::uint32_t id) {
    return ContentRequest{id, ContentKind::Asset, Hash128{id, id}};
}

} // namespace

TEST_CASE("content scheduler: a tick's pumps send at most its budget, round-robin between peers") {
    ContentLimits limits;
    limits.pumpBudgetBytes = 64 * 1024;
    ContentServer server(limits);
    for (std::uint32_t peer = 1; peer <= 3; ++peer)
        REQUIRE(server.enqueue(peer, asset(peer)));
    FakeNet net;
    PumpStats first = server.pump(blobsOf(200 * 1024), net.transport());
    CHECK(first.bytes == 64 * 1024);
    REQUIRE(net.sent.size() == 2);
    CHECK(net.sent[0].first == 1);
    CHECK(net.sent[1].first == 2);
    net.sent.clear();
    server.pump(blobsOf(200 * 1024), net.transport());
    CHECK(net.sent.empty()); // the budget is per period (tick), not per pump
    server.refillBudget();
    server.pump(blobsOf(200 * 1024), net.transport());
    REQUIRE(net.sent.size() == 2);
    CHECK(net.sent[0].first == 3); // the next pump starts where the last one stopped
    CHECK(net.sent[1].first == 1);
}

TEST_CASE("content scheduler: a peer whose transport queue is full waits, others go on") {
    ContentLimits limits;
    limits.peerQueueBytes = 100 * 1024;
    ContentServer server(limits);
    REQUIRE(server.enqueue(1, asset(1)));
    REQUIRE(server.enqueue(2, asset(2)));
    FakeNet net;
    net.queued[1] = 100 * 1024;
    server.pump(blobsOf(96 * 1024), net.transport());
    for (const auto& [peer, m] : net.sent)
        CHECK(peer == 2);
    CHECK(net.sent.size() == 3);
    CHECK(server.pending(1) == 1);
    CHECK(server.pending(2) == 0);
}

TEST_CASE("content scheduler: chunks of a request are contiguous and cover it exactly") {
    ContentServer server;
    REQUIRE(server.enqueue(1, asset(1)));
    REQUIRE(server.enqueue(1, asset(2)));
    REQUIRE(server.enqueue(1, ContentRequest{3, ContentKind::Asset, {}}));
    FakeNet net;
    std::size_t size = 70000;
    server.pump(
        [&](const ContentRequest& r) {
            auto bytes = std::make_shared<Bytes>(r.requestId == 3 ? 0 : size);
            return Lookup{Lookup::State::Ready, r.hash, bytes, {}};
        },
        net.transport());
    std::map<std::uint32_t, std::uint64_t> next;
    std::vector<std::uint32_t> order;
    for (const auto& [peer, m] : net.sent) {
        const auto& c = std::get<ContentChunk>(m);
        CHECK(c.offset == next[c.requestId]);
        next[c.requestId] += c.bytes.size();
        if (order.empty() || order.back() != c.requestId) order.push_back(c.requestId);
    }
    CHECK(order == std::vector<std::uint32_t>{1, 2, 3}); // never interleaved
    CHECK(next[1] == size);
    CHECK(next[2] == size);
    CHECK(next[3] == 0); // an empty file is one empty chunk
    CHECK(server.pendingTotal() == 0);
}

TEST_CASE("content scheduler: waiting lookups hold, missing ones become ContentError") {
    ContentServer server;
    REQUIRE(server.enqueue(1, asset(1)));
    FakeNet net;
    bool ready = false;
    auto lookup = [&](const ContentRequest& r) {
        if (!ready) return Lookup{Lookup::State::NotYet, {}, nullptr, {}};
        return Lookup{Lookup::State::Missing, r.hash, nullptr, "no content with hash x"};
    };
    server.pump(lookup, net.transport());
    CHECK(net.sent.empty());
    CHECK(server.pending(1) == 1);
    ready = true;
    PumpStats st = server.pump(lookup, net.transport());
    CHECK(st.errors == 1);
    REQUIRE(net.sent.size() == 1);
    const auto& e = std::get<ContentError>(net.sent[0].second);
    CHECK(e.requestId == 1);
    CHECK(e.reason == "no content with hash x");
}

TEST_CASE("content scheduler: floods are refused and gone peers are forgotten") {
    ContentLimits limits;
    limits.maxRequestsPerPeer = 3;
    ContentServer server(limits);
    for (std::uint32_t i = 0; i < 3; ++i)
        CHECK(server.enqueue(1, asset(i)));
    CHECK_FALSE(server.enqueue(1, asset(9)));
    CHECK(server.enqueue(2, asset(9)));
    server.dropPeer(2);
    CHECK(server.pending(2) == 0);
    FakeNet net;
    net.gone.insert(1);
    server.pump(blobsOf(10), net.transport());
    CHECK(server.pending(1) == 0); // the send failed: the peer left
}

} // namespace fg::test
