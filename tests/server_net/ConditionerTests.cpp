// Network conditioner tests: the queue's loss/duplication/reordering, then presence and reliable
// chat over a link with 20% loss, 100 ms latency, jitter, reordering and 5% duplication in both
// directions.
#include "engine/net/NetConditioner.h"
#include "tests/server_net/TestWorld.h"

#include <algorithm>

using namespace fg;
using namespace fg::test;

TEST_CASE("conditioner drops, duplicates, delays and reorders as configured") {
    net::ConditionerConfig cfg;
    cfg.lossPercent = 20;
    cfg.duplicatePercent = 10;
    cfg.latencyMs = 100;
    cfg.jitterMs = 10;
    cfg.reorderPercent = 20;
    net::NetConditioner cond(cfg, 42);
    for (std::uint8_t i = 0; i < 200; ++i)
        cond.push({i}, 0.0);
    std::vector<std::vector<std::uint8_t>> out;
    cond.popDue(0.099, out);
    CHECK(out.empty()); // nothing before the base latency
    cond.popDue(1.0, out);
    CHECK(cond.pending() == 0);
    CHECK(cond.dropped() > 20);
    CHECK(cond.dropped() < 60);
    CHECK(cond.duplicated() > 5);
    CHECK(out.size() == 200 - cond.dropped() + cond.duplicated());
    bool reordered = false;
    for (std::size_t i = 1; i < out.size(); ++i)
        reordered |= out[i][0] < out[i - 1][0];
    CHECK(reordered);

    net::NetConditioner clean({}, 1);
    for (std::uint8_t i = 0; i < 50; ++i)
        clean.push({i}, 0.0);
    out.clear();
    clean.popDue(0.0, out);
    REQUIRE(out.size() == 50);
    for (std::uint8_t i = 0; i < 50; ++i)
        CHECK(out[i][0] == i);
}

TEST_CASE("presence converges and reliable messages arrive once, in order, over a bad link") {
    TestServer srv;
    net::ConditionerConfig bad;
    bad.lossPercent = 20;
    bad.latencyMs = 100;
    bad.jitterMs = 20;
    bad.reorderPercent = 10;
    bad.reorderDelayMs = 40;
    bad.duplicatePercent = 5;
    auto proxyA = net::ConditionerProxy::start(srv.app->port(), bad, 1);
    auto proxyB = net::ConditionerProxy::start(srv.app->port(), bad, 2);
    REQUIRE(proxyA.ok());
    REQUIRE(proxyB.ok());
    auto cfgA = visitor((*proxyA)->port(), "Lossy A");
    auto cfgB = visitor((*proxyB)->port(), "Lossy B");
    cfgA.timeoutMs = cfgB.timeoutMs = 15000;
    auto a = connectClient(*srv.app, cfgA);
    REQUIRE(pumpUntil(
        *srv.app, {a.get()}, [&] { return (*a)->state() != netclient::ClientState::Connecting; },
        8.0));
    REQUIRE(((*a)->state() == netclient::ClientState::Joined));
    auto b = connectClient(*srv.app, cfgB, {a.get()});
    REQUIRE(pumpUntil(
        *srv.app, {a.get(), b.get()},
        [&] { return (*b)->state() != netclient::ClientState::Connecting; }, 8.0));
    REQUIRE(((*b)->state() == netclient::ClientState::Joined));
    Clients all{a.get(), b.get()};

    // Reliable hall chat: five lines (the chat burst) must arrive exactly once, in order. They
    // go out now: with 20% loss each way ENet's doubling retransmission timeout can hold a
    // reliable message for several seconds, so they get the whole test to arrive.
    const std::uint16_t aId = (*a)->id();
    for (int i = 0; i < 5; ++i)
        (*a)->chat(expo::proto::ChatScope::Hall, "", 0, "line " + std::to_string(i));

    // A walks 6 m north at 3 m/s, one input per 50 ms; many inputs are lost on the way.
    glm::vec2 pos = (*a)->selfPosition();
    const glm::vec2 target = pos + glm::vec2(0.0f, 6.0f);
    double last = monotonicSeconds();
    pumpUntil(
        *srv.app, all,
        [&] {
            double now = monotonicSeconds();
            if (now - last < 0.05) return false;
            pos.y = std::min(target.y, pos.y + 3.0f * float(now - last));
            last = now;
            (*a)->sendInput(pos, 0.0f, expo::proto::Anim::Walk);
            return pos == target;
        },
        10.0);
    // Keep re-sending the final state (as a client does every tick) until B sees it exactly.
    bool converged = pumpUntil(
        *srv.app, all,
        [&] {
            (*a)->sendInput(target, 0.0f, expo::proto::Anim::Idle);
            for (auto& s : (*b)->latestView())
                if (s.id == aId && s.x == expo::proto::quantizePosition(target.x) &&
                    s.z == expo::proto::quantizePosition(target.y))
                    return true;
            return false;
        },
        8.0);
    if (!converged) {
        for (auto& s : (*b)->latestView())
            MESSAGE("B sees " << s.id << " at " << s.x << "," << s.z);
        MESSAGE("B snapshots " << (*b)->stats().snapshots << ", bad " << (*b)->stats().badPackets);
    }
    CHECK(converged);
    CHECK((*a)->stats().corrections == 0);

    auto chatsAtB = [&] {
        std::vector<std::string> lines;
        for (auto& c : b->all<expo::proto::ChatReceived>())
            if (c.from == aId) lines.push_back(c.text);
        return lines;
    };
    const bool delivered = pumpUntil(
        *srv.app, all, [&] { return chatsAtB().size() >= 5; }, 10.0);
    if (!delivered) {
        for (auto& r : a->all<expo::proto::ActionResult>())
            MESSAGE("A result " << r.requestId << " ok=" << r.ok << " " << r.text);
        MESSAGE("B got " << chatsAtB().size() << " lines; A state "
                         << netclient::toString((*a)->state()) << ", B state "
                         << netclient::toString((*b)->state()));
    }
    REQUIRE(delivered);
    pumpFor(*srv.app, all, 0.5); // duplicates would show up now
    CHECK(chatsAtB() == std::vector<std::string>{"line 0", "line 1", "line 2", "line 3", "line 4"});
    CHECK((*proxyA)->dropped() > 0);
}
