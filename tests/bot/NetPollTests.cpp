// NetPoll: reports exactly the hosts whose sockets have datagrams waiting, and forgets hosts.
// Real ENet hosts on 127.0.0.1; no timing asserted beyond generous waits for loopback delivery.
#include "engine/net/NetHost.h"
#include "engine/net/NetPoll.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace fg::net;

namespace {

std::unique_ptr<NetHost> listenHost() {
    HostConfig config;
    auto host = NetHost::listen(config);
    REQUIRE(host.ok());
    return std::move(*host);
}

// Waits (up to 2 s in total) until the poll reports something; returns the sorted keys.
std::vector<std::uint64_t> readyKeys(NetPoll& poll, int timeoutMs = 2000) {
    std::vector<std::uint64_t> ready;
    auto n = poll.wait(ready, timeoutMs);
    REQUIRE(n.ok());
    CHECK(*n == ready.size());
    std::sort(ready.begin(), ready.end());
    return ready;
}

// Services HOST until ENet has read everything that arrived (its socket is empty again).
void drain(NetHost& host) {
    NetEvent event;
    while (host.service(event, 0)) {
    }
}

} // namespace

TEST_CASE("NetPoll reports only the host a datagram was sent to") {
    auto poll = NetPoll::create();
    REQUIRE(poll.ok());
    std::vector<std::unique_ptr<NetHost>> servers;
    for (std::uint64_t key = 0; key < 3; ++key) {
        servers.push_back(listenHost());
        REQUIRE((*poll)->add(*servers.back(), key).ok());
    }
    CHECK((*poll)->size() == 3);
    CHECK(readyKeys(**poll, 0).empty());

    auto client = NetHost::client(HostConfig{});
    REQUIRE(client.ok());
    auto peer = (*client)->connect("127.0.0.1", servers[1]->port());
    REQUIRE(peer.ok());
    (*client)->flush(); // the connect command goes out now
    CHECK(readyKeys(**poll) == std::vector<std::uint64_t>{1});
    // Level-triggered: still readable until someone reads it.
    CHECK(readyKeys(**poll, 0) == std::vector<std::uint64_t>{1});
    drain(*servers[1]); // reads the connect and answers it
    CHECK(readyKeys(**poll, 0).empty());

    // The answer makes the client readable once it is watched too.
    REQUIRE((*poll)->add(**client, 42).ok());
    CHECK(readyKeys(**poll) == std::vector<std::uint64_t>{42});
    // Let ENet finish its handshake chatter, reading whatever the poll reports.
    for (int i = 0; i < 50 && !readyKeys(**poll, 50).empty(); ++i) {
        drain(*servers[1]);
        drain(**client);
    }
    REQUIRE((*client)->connectedPeers() == 1);
    CHECK(readyKeys(**poll, 0).empty());

    // An unreliable message is not acknowledged: only its receiver becomes readable.
    const std::uint8_t bytes[] = {1, 2, 3};
    REQUIRE((*client)->send(*peer, kChannelPresence, bytes));
    (*client)->flush();
    CHECK(readyKeys(**poll) == std::vector<std::uint64_t>{1});
    NetEvent event;
    REQUIRE(servers[1]->service(event, 0));
    CHECK(event.type == NetEventType::Receive);
    CHECK(event.payload == std::vector<std::uint8_t>{1, 2, 3});
    drain(*servers[1]);
    CHECK(readyKeys(**poll, 0).empty());
}

TEST_CASE("NetPoll forgets removed and destroyed hosts") {
    auto poll = NetPoll::create();
    REQUIRE(poll.ok());
    auto a = listenHost();
    auto b = listenHost();
    REQUIRE((*poll)->add(*a, 1).ok());
    REQUIRE((*poll)->add(*b, 2).ok());
    CHECK_FALSE((*poll)->add(*a, 3).ok()); // already watched: an error, not a second entry
    REQUIRE((*poll)->remove(*a).ok());
    CHECK_FALSE((*poll)->remove(*a).ok());
    CHECK((*poll)->size() == 1);

    auto client = NetHost::client(HostConfig{});
    REQUIRE(client.ok());
    REQUIRE((*client)->connect("127.0.0.1", a->port()).ok());
    REQUIRE((*client)->connect("127.0.0.1", b->port()).ok());
    (*client)->flush();
    CHECK(readyKeys(**poll) == std::vector<std::uint64_t>{2}); // a has data but is not watched

    b.reset(); // closing the socket takes it out of the set
    CHECK(readyKeys(**poll, 50).empty());
}
