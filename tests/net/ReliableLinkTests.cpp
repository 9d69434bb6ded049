// NetHost over the conditioner relay: reliable channels deliver once and in order through loss,
// reordering and duplication, keep retransmitting after an outage, and respect HostConfig::mtu.
#include "engine/core/Time.h"
#include "engine/net/NetConditioner.h"
#include "engine/net/NetHost.h"

#include <doctest/doctest.h>
#include <functional>
#include <string>
#include <thread>
#include <vector>

using namespace fg;
using namespace fg::net;

namespace {

struct Inbox {
    std::vector<std::pair<std::uint8_t, std::uint32_t>> received; // (channel, sequence)
    std::size_t disconnects = 0;

    std::string describe() const {
        std::string out;
        for (auto [c, s] : received)
            out += "ch" + std::to_string(c) + ":" + std::to_string(s) + " ";
        return out;
    }
    std::vector<std::uint32_t> on(std::uint8_t channel) const {
        std::vector<std::uint32_t> out;
        for (auto [c, s] : received)
            if (c == channel) out.push_back(s);
        return out;
    }
};

// A server and a client joined through a ConditionerProxy; the client talks to the proxy.
struct Link {
    std::unique_ptr<NetHost> server;
    std::unique_ptr<NetHost> client;
    std::unique_ptr<ConditionerProxy> proxy;
    PeerId atServer = kNoPeer; // the client as the server sees it
    PeerId atClient = kNoPeer;
    Inbox serverInbox, clientInbox;

    // One pass over both hosts; every event is kept.
    void pump() {
        drain(*server, atServer, serverInbox);
        drain(*client, atClient, clientInbox);
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    bool pumpUntil(const std::function<bool()>& done, double seconds) {
        const double deadline = monotonicSeconds() + seconds;
        while (!done() && monotonicSeconds() < deadline)
            pump();
        return done();
    }
    void pumpFor(double seconds) {
        pumpUntil([] { return false; }, seconds);
    }

private:
    static void drain(NetHost& host, PeerId& peer, Inbox& inbox) {
        NetEvent ev;
        while (host.service(ev, 0)) {
            if (ev.type == NetEventType::Connect) peer = ev.peer;
            if (ev.type == NetEventType::Disconnect) ++inbox.disconnects;
            if (ev.type != NetEventType::Receive || ev.payload.size() < 4) continue;
            std::uint32_t seq = 0;
            for (int i = 0; i < 4; ++i)
                seq |= std::uint32_t(ev.payload[i]) << (8 * i);
            inbox.received.push_back({ev.channel, seq});
        }
    }
};

std::unique_ptr<Link> openLink(const ConditionerConfig& config, std::uint32_t seed) {
    auto link = std::make_unique<Link>();
    auto server = NetHost::listen({});
    REQUIRE(server.ok());
    link->server = std::move(*server);
    auto proxy = ConditionerProxy::start(link->server->port(), config, seed);
    REQUIRE(proxy.ok());
    link->proxy = std::move(*proxy);
    auto client = NetHost::client({});
    REQUIRE(client.ok());
    link->client = std::move(*client);
    REQUIRE(link->client->connect("127.0.0.1", link->proxy->port()).ok());
    REQUIRE(link->pumpUntil([&] { return link->atServer != kNoPeer && link->atClient != kNoPeer; },
                            10.0));
    return link;
}

// SEQ in the first four bytes (little-endian), then filler up to SIZE bytes.
std::vector<std::uint8_t> message(std::uint32_t seq, std::size_t size = 40) {
    std::vector<std::uint8_t> bytes(std::max<std::size_t>(size, 4), std::uint8_t(seq * 31u));
    for (int i = 0; i < 4; ++i)
        bytes[i] = std::uint8_t(seq >> (8 * i));
    return bytes;
}

std::vector<std::uint32_t> iota(std::uint32_t n) {
    std::vector<std::uint32_t> v(n);
    for (std::uint32_t i = 0; i < n; ++i)
        v[i] = i;
    return v;
}

ConditionerConfig outage() {
    ConditionerConfig c;
    c.lossPercent = 100;
    return c;
}

} // namespace

TEST_CASE("reliable messages arrive once and in order both ways over a lossy duplicating link") {
    ConditionerConfig bad;
    bad.lossPercent = 20;
    bad.latencyMs = 100;
    bad.jitterMs = 20;
    bad.reorderPercent = 10;
    bad.reorderDelayMs = 40;
    bad.duplicatePercent = 5;
    for (std::uint32_t seed : {3u, 11u}) {
        CAPTURE(seed);
        auto link = openLink(bad, seed);
        // One message in seven spans three fragments (the default MTU is 1200).
        const std::uint32_t kCount = 300;
        for (std::uint32_t i = 0; i < kCount; ++i) {
            const std::size_t size = i % 7 == 3 ? 3000 : 40;
            REQUIRE(link->client->send(link->atClient, kChannelControl, message(i, size)));
            REQUIRE(link->server->send(link->atServer, kChannelControl, message(i, size)));
            link->pumpFor(0.01);
        }
        // ENet backs off per command, so a message lost several times can take seconds.
        link->pumpUntil(
            [&] {
                return link->serverInbox.on(kChannelControl).size() >= kCount &&
                       link->clientInbox.on(kChannelControl).size() >= kCount;
            },
            45.0);
        link->pumpFor(0.5); // late duplicates would be delivered now
        CHECK(link->serverInbox.on(kChannelControl) == iota(kCount));
        CHECK(link->clientInbox.on(kChannelControl) == iota(kCount));
        CHECK(link->serverInbox.disconnects == 0);
        CHECK(link->clientInbox.disconnects == 0);
        CHECK(link->proxy->dropped() > 0);
    }
}

// ENet 1.3.17 times retransmissions from the oldest command in flight only: without our guard B
// (lost once, its own short timeout expired) waits for A's doubled timeout and both are resent
// together, A first. With the guard B is resent on its own timer, well before A's next try.
TEST_CASE("a command backing off does not hold back the retransmission of later ones") {
    ConditionerConfig slow;
    slow.latencyMs = 50;
    auto link = openLink(slow, 1);
    // Unreliable traffic from the server keeps the client from pinging, so that during the
    // outage the client's datagrams are exactly A's and B's sends and resends.
    for (std::uint32_t i = 0; i < 75; ++i) {
        link->server->send(link->atServer, kChannelPresence, message(i));
        link->pumpFor(0.02);
    }
    link->proxy->setConfig(outage());
    link->pumpFor(0.2); // what was already on the way arrives, acks included
    const std::uint64_t before = link->proxy->fromClients();
    REQUIRE(link->client->send(link->atClient, kChannelControl, message(1)));
    // A's first send and three retries: its timeout has doubled to about a second.
    REQUIRE(link->pumpUntil([&] { return link->proxy->fromClients() >= before + 4; }, 10.0));
    REQUIRE(link->client->send(link->atClient, kChannelBulk, message(2)));
    REQUIRE(link->pumpUntil([&] { return link->proxy->fromClients() >= before + 5; }, 1.0));
    link->proxy->setConfig(slow); // B's first copy was lost; the link works again
    REQUIRE(link->pumpUntil(
        [&] {
            return link->serverInbox.on(kChannelControl).size() +
                       link->serverInbox.on(kChannelBulk).size() >=
                   2;
        },
        20.0));
    const auto& inbox = link->serverInbox;
    INFO("server received " << inbox.describe() << "; client datagrams "
                            << link->proxy->fromClients() - before);
    std::vector<std::uint8_t> order;
    for (auto [channel, seq] : inbox.received)
        if (channel != kChannelPresence) order.push_back(channel);
    CHECK(order == std::vector<std::uint8_t>{kChannelBulk, kChannelControl});
    CHECK(link->clientInbox.disconnects == 0);
}

// A 10 s outage is shorter than timeoutMaximum (15 s), yet ENet alone gives up on a command after
// its sixth try (31 first timeouts, 4 to 9 s here) and disconnects without trying again once the
// link is back.
TEST_CASE("a connection survives an outage shorter than the peer timeout") {
    ConditionerConfig slow;
    slow.latencyMs = 50;
    auto link = openLink(slow, 2);
    link->pumpFor(1.5);
    link->proxy->setConfig(outage());
    REQUIRE(link->client->send(link->atClient, kChannelControl, message(7)));
    link->pumpFor(10.0);
    link->proxy->setConfig(slow);
    const bool delivered =
        link->pumpUntil([&] { return !link->serverInbox.received.empty(); }, 10.0);
    CHECK(delivered);
    CHECK(link->serverInbox.on(kChannelControl) == std::vector<std::uint32_t>{7});
    CHECK(link->clientInbox.disconnects == 0);
    CHECK(link->serverInbox.disconnects == 0);
}

TEST_CASE("datagrams respect HostConfig::mtu on a peer slot's first connection") {
    auto link = openLink({}, 1);
    REQUIRE(link->client->send(link->atClient, kChannelControl, message(1, 5000)));
    REQUIRE(link->server->send(link->atServer, kChannelControl, message(2, 5000)));
    REQUIRE(link->pumpUntil(
        [&] { return !link->serverInbox.received.empty() && !link->clientInbox.received.empty(); },
        5.0));
    CHECK(link->proxy->largestDatagram() > 1000); // the messages were fragmented near the MTU
    CHECK(link->proxy->largestDatagram() <= HostConfig{}.mtu);
}
