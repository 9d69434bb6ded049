// SimBench: drives PresenceWorld and the snapshot codec exactly as ServerApp's tick does, with
// simulated visitors walking between random points. Single-threaded (one core by design).
#include "tools/bench-server/SimBench.h"

#include "engine/core/Time.h"
#include "game/expo/protocol/MessageCodec.h"
#include "server/presence/ClientSnapshot.h"
#include "server/presence/PresenceWorld.h"
#include "server/presence/Session.h"
#include "tools/bench-server/BenchWorld.h"

#include <algorithm>
#include <cstring>
#include <ctime>
#include <glm/geometric.hpp>
#include <random>

namespace fg::bench {

namespace proto = fg::expo::proto;

namespace {

double percentileMs(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5))] * 1000.0;
}

volatile std::uint64_t g_sink = 0; // keeps the naive copies from being optimised away

double cpuSeconds() {
    return double(std::clock()) / CLOCKS_PER_SEC;
}

struct SimVisitor {
    glm::vec2 position{0.0f};
    glm::vec2 target{0.0f};
    std::uint32_t sequence = 0;
};

glm::vec2 randomFree(const presence::PresenceWorld& world, std::mt19937& rng) {
    std::uniform_real_distribution<float> d(2.0f, 198.0f);
    for (;;) {
        glm::vec2 p{d(rng), d(rng)};
        if (world.walkable(0, p)) return p;
    }
}

// Moves a visitor 1.4 m/s toward its target; a blocked straight line just picks a new target.
proto::Input step(SimVisitor& v, const presence::PresenceWorld& world, std::mt19937& rng, float dt,
                  std::uint32_t ack) {
    glm::vec2 d = v.target - v.position;
    float len = glm::length(d), stepLen = 1.4f * dt;
    glm::vec2 next = len <= stepLen ? v.target : v.position + d / len * stepLen;
    if (len <= stepLen || !world.walkable(0, next)) v.target = randomFree(world, rng);
    if (world.walkable(0, next)) v.position = next;
    return proto::Input{++v.sequence,
                        ack,
                        0,
                        proto::quantizePosition(v.position.x),
                        proto::quantizePosition(v.position.y),
                        std::uint16_t(proto::quantizeHeading(0)),
                        proto::Anim::Walk};
}

} // namespace

SimResult runSimBench(std::uint32_t visitors, std::uint32_t ticks, std::uint32_t tickRate,
                      std::uint32_t maxInView, std::uint32_t ackDelayTicks) {
    const expo::Exhibition ex = benchExhibition();
    presence::PresenceConfig config;
    config.maxInView = maxInView;
    presence::PresenceWorld world(ex, config);
    std::mt19937 rng(99);
    std::vector<SimVisitor> sims(visitors + 1);
    auto sessions = std::make_unique<presence::Session[]>(visitors + 1);
    const double period = 1.0 / tickRate;
    double clock = 0;
    for (std::uint16_t id = 1; id <= visitors; ++id) {
        sessions[id].id = id;
        world.add(id, 0, clock);
        // Spread visitors over the hall: a teleport-free placement through accepted inputs.
        sims[id].position = world.find(id)->position;
        sims[id].target = randomFree(world, rng);
    }
    // Spread everyone over the hall as if they had walked there: an input "much later" may
    // cover any distance, but the straight line must still miss every booth.
    for (std::uint16_t id = 1; id <= visitors; ++id) {
        for (int attempt = 0; attempt < 100; ++attempt) {
            glm::vec2 p = randomFree(world, rng);
            proto::Input in{1,
                            0,
                            0,
                            proto::quantizePosition(p.x),
                            proto::quantizePosition(p.y),
                            0,
                            proto::Anim::Idle};
            if (world.applyInput(id, in, 1e9) == presence::MoveVerdict::Accepted) break;
        }
        sims[id].position = world.find(id)->position;
        sims[id].sequence = 1;
    }
    clock = 1e9;
    std::vector<double> tickTimes;
    std::uint64_t downBytes = 0, upBytes = 0, inView = 0;
    presence::ViewIds view;
    std::vector<std::uint8_t> packet;
    std::vector<proto::Input> inputs(visitors + 1);
    double cpu = 0;
    for (std::uint32_t t = 1; t <= ticks; ++t) {
        clock += period;
        const std::uint32_t ack = t > ackDelayTicks ? t - ackDelayTicks : 0;
        // The clients' side (not timed): each visitor decides its next step.
        for (std::uint16_t id = 1; id <= visitors; ++id) {
            inputs[id] = step(sims[id], world, rng, float(period), ack);
            upBytes += (proto::measureBits(proto::Message{inputs[id]}) + 7) / 8;
        }
        const double start = monotonicSeconds();
        const double cpu0 = cpuSeconds();
        for (std::uint16_t id = 1; id <= visitors; ++id) {
            if (world.applyInput(id, inputs[id], clock) != presence::MoveVerdict::Accepted)
                sims[id].position = world.find(id)->position;
        }
        world.beginTick(t);
        for (std::uint16_t id = 1; id <= visitors; ++id) {
            presence::Session& s = sessions[id];
            s.ackTick = ack;
            s.lastInput = inputs[id].sequence;
            (void)presence::buildSnapshot(world, s, t, view, packet);
            inView += view.size();
            downBytes += packet.size();
        }
        tickTimes.push_back(monotonicSeconds() - start);
        cpu += cpuSeconds() - cpu0;
    }
    SimResult r;
    r.visitors = visitors;
    r.tickP50Ms = percentileMs(tickTimes, 0.5);
    r.tickP99Ms = percentileMs(tickTimes, 0.99);
    r.cpuPercentOfOneCore = cpu / (double(ticks) * period) * 100.0;
    const double seconds = double(ticks) * period;
    r.downBytesPerSecond = double(downBytes) / seconds / visitors;
    r.upBytesPerSecond = double(upBytes) / seconds / visitors;
    r.totalEgressBytesPerSecond = double(downBytes) / seconds;
    r.avgInView = double(inView) / double(ticks) / visitors;

    // Naive: every visitor receives every avatar as id + 3 floats + anim (15 bytes), each tick.
    const std::size_t entry = 2 + 4 * 3 + 1;
    std::vector<std::uint8_t> state(std::size_t(visitors) * entry), out(state.size());
    std::vector<double> naiveTimes;
    const std::uint32_t naiveTicks = std::min<std::uint32_t>(ticks, 40);
    std::uint64_t checksum = 0;
    for (std::uint32_t t = 0; t < naiveTicks; ++t) {
        const double start = monotonicSeconds();
        for (std::uint16_t id = 1; id <= visitors; ++id) {
            const presence::Avatar* a = world.find(id);
            std::uint8_t* p = state.data() + std::size_t(id - 1) * entry;
            std::memcpy(p, &id, 2);
            std::memcpy(p + 2, &a->position.x, 4);
            std::memcpy(p + 6, &a->position.y, 4);
            std::memcpy(p + 10, &a->heading, 4);
            p[14] = std::uint8_t(a->anim);
        }
        for (std::uint16_t id = 1; id <= visitors; ++id) { // one packet per visitor
            std::memcpy(out.data(), state.data(), state.size());
            checksum += out[std::size_t(id) % out.size()];
        }
        naiveTimes.push_back(monotonicSeconds() - start);
    }
    r.naiveTickP50Ms = percentileMs(naiveTimes, 0.5);
    r.naiveTickP99Ms = percentileMs(naiveTimes, 0.99);
    g_sink = checksum;
    r.naiveDownBytesPerSecond = double(state.size()) * tickRate;
    return r;
}

} // namespace fg::bench
