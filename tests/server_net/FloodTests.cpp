// A flood of connections that never send Hello (one address, then eight; kept open, or closed and
// reopened thousands of times a second) must not lock real visitors out. Loopback only.
#include "server/console/ConsoleCommands.h"
#include "tests/server_net/TestWorld.h"

#include <atomic>
#include <chrono>
#include <fmt/format.h>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using namespace fg;
using namespace fg::test;

namespace {

// An attacker, on its own thread as another process would be: client hosts (one per source
// address) whose connections answer pings and never say Hello (ENet retries those refused for
// want of a slot). With CHURN it also closes its own connections and opens new ones, up to
// CHURN a second in all, and reopens dropped ones at once: a slot freed anywhere is contested.
struct Flood {
    double churnPerSecond = 0;
    std::vector<std::unique_ptr<net::NetHost>> hosts;
    std::vector<std::vector<net::PeerId>> peers; // by host: its connections, closed in turn
    std::vector<std::size_t> next;               // by host: the one to close next
    std::vector<std::size_t> closed;             // by host: connections to open again
    std::uint16_t port = 0;
    std::atomic<std::uint64_t> reopened{0};
    std::atomic<std::uint64_t> connected{0};
    std::atomic<bool> stop{false};
    std::thread thread;

    Flood(std::uint16_t serverPort, const std::vector<std::string>& sources, std::size_t total,
          double churn = 0)
        : churnPerSecond(churn), port(serverPort) {
        const std::size_t each = (total + sources.size() - 1) / sources.size();
        for (const std::string& source : sources) {
            net::HostConfig config;
            config.peerLimit = each;
            config.clientBindAddress = source;
            auto host = net::NetHost::client(config);
            REQUIRE_MESSAGE(host.ok(), (host.ok() ? "" : host.error().message));
            peers.emplace_back();
            for (std::size_t i = 0; i < each; ++i) {
                auto peer = (*host)->connect("127.0.0.1", port);
                REQUIRE(peer.ok());
                peers.back().push_back(*peer);
            }
            hosts.push_back(std::move(*host));
        }
        closed.assign(hosts.size(), 0);
        next.assign(hosts.size(), 0);
        thread = std::thread([this] { run(); });
    }
    ~Flood() {
        stop = true;
        thread.join();
    }
    void run() {
        net::NetEvent event;
        double tokens = 0, last = monotonicSeconds();
        while (!stop) {
            const double now = monotonicSeconds();
            tokens = std::min(tokens + (now - last) * churnPerSecond, churnPerSecond / 100);
            last = now;
            for (std::size_t h = 0; h < hosts.size(); ++h) {
                while (hosts[h]->service(event, 0)) {
                    if (event.type == net::NetEventType::Connect) ++connected;
                    if (event.type == net::NetEventType::Disconnect && churnPerSecond > 0)
                        ++closed[h];
                }
                for (; closed[h] > 0; --closed[h], ++reopened)
                    reopen(h, std::nullopt);
                for (; tokens >= 1; tokens -= 1, ++reopened) // close one, open another
                    reopen(h, peers[h][next[h]++ % peers[h].size()]);
            }
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
    }
    void reopen(std::size_t h, std::optional<net::PeerId> close) {
        if (close) hosts[h]->disconnect(*close, 0, true);
        auto peer = hosts[h]->connect("127.0.0.1", port);
        if (peer.ok() && close) peers[h][(next[h] - 1) % peers[h].size()] = *peer;
    }
};

// Steps the server, the flood and the clients until DONE() or SECONDS.
bool pumpFlood(server::ServerApp& server, const Clients& clients, const std::function<bool()>& done,
               double seconds) {
    const double deadline = monotonicSeconds() + seconds;
    while (monotonicSeconds() < deadline) {
        server.step(1);
        for (auto* c : clients)
            c->update();
        if (done()) return true;
    }
    return done();
}

double figure(server::ServerApp& server, const std::string& key) {
    for (const auto& f : server.stats().figures)
        if (f.key == key) return f.value;
    return -1;
}

// 1,500 connections without Hello against 200 visitors' slots; a real visitor then joins.
// The caps apply to 127.0.0.x here (as with --cap-loopback: by default this machine is trusted).
// The visitor connects from 127.0.0.1: sharing the address with a flood (a NAT), only the global
// pending cap protects it, so the per-address caps are off in that case (they would count the
// visitor with the flood and drop it as the address's oldest).
void floodAndJoin(const std::vector<std::string>& sources, std::uint32_t netThreads,
                  double churnPerSecond = 0) {
    server::ServerConfig config;
    config.maxVisitors = 200;
    config.netThreads = netThreads;
    config.handshake.trustLoopback = false;
    if (sources.size() == 1 && sources[0] == "127.0.0.1") {
        config.handshake.maxPendingPerAddress = 0;
        config.handshake.maxPerAddress = 0;
        config.handshake.connectsPerSecond = 0; // the address's connect rate is per address too
    }
    TestServer srv(config);
    server::ServerApp& app = *srv.app;
    Flood flood(app.port(), sources, 1500, churnPerSecond);
    // The flood takes every slot it can before the visitor arrives.
    pumpFlood(
        app, {}, [] { return false; }, 0.5);
    const std::uint32_t tickBefore = app.currentTick();
    const double start = monotonicSeconds();
    auto c = netclient::NetClient::connect(visitor(app.port(), "RealVisitor"));
    REQUIRE(c.ok());
    TestClient real;
    real.net = std::move(*c);
    const bool joined = pumpFlood(
        app, {&real}, [&] { return real->state() == netclient::ClientState::Joined; }, 2.0);
    const double took = monotonicSeconds() - start;
    const std::uint32_t ticks = app.currentTick() - tickBefore;
    MESSAGE(fmt::format(
        "{} {} source(s), {} net threads: joined {} after {:.3f} s; {} ticks; flood "
        "connected {} times, reopened {}; evictions {}, timeouts {}, refusals {}; attempts "
        "over rate {}, over slots {}",
        netclient::toString(real->state()), sources.size(), netThreads, joined, took, ticks,
        flood.connected.load(), flood.reopened.load(), figure(app, "handshake_evictions"),
        figure(app, "handshake_timeouts"), figure(app, "address_refusals"),
        figure(app, "connect_rate_refusals"), figure(app, "connect_slot_refusals")));
    CHECK(joined);
    // The tick ran all along (20 Hz): a tenth of its rate is a bound no loaded box misses.
    CHECK(ticks >= std::uint32_t(took * 20.0 * 0.1));
    CHECK(flood.connected > 0); // the flood did reach the server
    CHECK(figure(app, "pending_handshakes") <= config.handshake.maxPending);
    if (churnPerSecond > 0) { // the gate, not luck, kept the slots
        CHECK(flood.reopened > 1000);
        CHECK(figure(app, "connect_rate_refusals") + figure(app, "connect_slot_refusals") > 0);
    }
}

std::vector<std::string> loopbackSources() {
    std::vector<std::string> out;
    for (int i = 2; i <= 9; ++i)
        out.push_back(fmt::format("127.0.0.{}", i));
    return out;
}

} // namespace

TEST_CASE("flood: 1,500 silent connections from one address do not lock a visitor out") {
    floodAndJoin({"127.0.0.1"}, 0);
}

TEST_CASE("flood: the same with network threads") {
    floodAndJoin({"127.0.0.1"}, 2);
}

TEST_CASE("flood: 1,500 silent connections from eight addresses, per-address caps on") {
    floodAndJoin(loopbackSources(), 0);
}

TEST_CASE("flood: eight addresses with network threads") {
    floodAndJoin(loopbackSources(), 2);
}

// Churn: one address closes and reopens connections 5,000 times a second (and reopens every
// one the server drops at once). Before the connect gate each freed slot went to whichever
// attempt came first, nearly always the flood's; now the address gets at most its slot cap and
// its rate (PROTOCOL.md, Connection floods), and the visitor from another address finds a slot.
TEST_CASE("flood: one address churning connections 5,000 times a second does not win the slots") {
    floodAndJoin({"127.0.0.2"}, 0, 20000);
}

TEST_CASE("flood: churn with network threads") {
    floodAndJoin({"127.0.0.2"}, 2, 20000);
}

TEST_CASE("flood: a connection that never says Hello is dropped at the handshake deadline") {
    server::ServerConfig config;
    config.handshake.timeoutSeconds = 0.3;
    TestServer srv(config);
    Flood silent(srv.app->port(), {"127.0.0.1"}, 1);
    REQUIRE(pumpFlood(
        *srv.app, {}, [&] { return silent.connected == 1; }, 2.0));
    REQUIRE(pumpFlood(
        *srv.app, {}, [&] { return figure(*srv.app, "handshake_timeouts") >= 1; }, 3.0));
    const std::string json = srv.app->console().execute("status --json").text;
    CHECK(json.find("\"handshake_timeouts\": 1") != std::string::npos);
    for (const char* key : {"pending_handshakes", "handshake_evictions", "address_refusals",
                            "rate_limited", "rate_offenders"})
        CHECK(json.find(key) != std::string::npos);
    CHECK(srv.app->console().execute("status").text.find("dropped at handshake deadline 1") !=
          std::string::npos);
    auto c = connectClient(*srv.app, visitor(srv.app->port(), "Prompt"));
    CHECK((c->net->state() == netclient::ClientState::Joined));
    pumpFor(*srv.app, {c.get()}, 0.6); // joined people have no deadline
    CHECK((c->net->state() == netclient::ClientState::Joined));
}

TEST_CASE("flood: a burst of one request type is refused past its budget, counted, not a fault") {
    TestServer srv;
    auto c = connectClient(*srv.app, visitor(srv.app->port(), "Eager"));
    REQUIRE((c->net->state() == netclient::ClientState::Joined));
    // OpenItem has the router's default budget (200 at once, 100 a second): 600 in one go
    // overflow it (fg_interactions' own, tighter action limit answers the ones let through).
    for (std::uint32_t i = 0; i < 600; ++i)
        (*c)->sendRaw(proto::OpenItem{i + 1, "acme-booth", proto::ItemKind::Link, 0});
    REQUIRE(pumpUntil(
        *srv.app, {c.get()}, [&] { return figure(*srv.app, "rate_limited") >= 300; }, 10.0));
    pumpFor(*srv.app, {c.get()}, 0.2);
    CHECK(figure(*srv.app, "rate_limited") <= 400);
    CHECK(figure(*srv.app, "rate_offenders") == 1);
    CHECK((c->net->state() == netclient::ClientState::Joined)); // refused, not disconnected
}
