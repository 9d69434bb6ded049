// Tests of the jitter buffer with an injected clock: start after the target delay, reordering,
// late and duplicate packets dropped, FEC recovery and concealment asked for, rebuffering after
// the talker stops, the target following the jitter within 40-120 ms, sequence wrap-around.
#include "engine/audio/JitterBuffer.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <random>

using namespace fg::audio;
using Kind = PlayoutStep::Kind;

namespace {

std::vector<std::uint8_t> packetOf(std::uint16_t seq) {
    return {std::uint8_t(seq), std::uint8_t(seq >> 8)};
}

std::uint16_t seqOf(const PlayoutStep& step) {
    REQUIRE(step.packet.size() == 2);
    return std::uint16_t(step.packet[0] | step.packet[1] << 8);
}

} // namespace

TEST_CASE("playout starts once the first packet has waited the 40 ms minimum, then runs in order") {
    JitterBuffer jb;
    CHECK(jb.pop(0).kind == Kind::Silence);
    CHECK(jb.push(0, packetOf(0), 0));
    CHECK(jb.pop(20).kind == Kind::Silence); // 20 ms waited of 40
    CHECK(jb.push(1, packetOf(1), 20));
    CHECK(jb.push(2, packetOf(2), 40));
    auto step = jb.pop(40);
    REQUIRE(step.kind == Kind::Frame);
    CHECK(seqOf(step) == 0);
    CHECK(seqOf(jb.pop(60)) == 1);
    CHECK(seqOf(jb.pop(80)) == 2);
    CHECK(jb.targetDelayMs() == 40);
}

TEST_CASE("packets arriving out of order play in order, late and duplicate ones are dropped") {
    JitterBuffer jb;
    CHECK(jb.push(0, packetOf(0), 0));
    CHECK(jb.push(2, packetOf(2), 45));       // 5 ms after its slot
    CHECK(jb.push(1, packetOf(1), 50));       // 30 ms after its slot, after 2
    CHECK_FALSE(jb.push(1, packetOf(1), 51)); // the network duplicated it
    CHECK(jb.stats().duplicate == 1);
    CHECK(jb.targetDelayMs() == 40); // a 30 ms spread fits in the minimum
    std::vector<std::uint16_t> order;
    for (int t = 40; t <= 80; t += 20)
        order.push_back(seqOf(jb.pop(t)));
    CHECK(order == std::vector<std::uint16_t>{0, 1, 2});
    CHECK_FALSE(jb.push(1, packetOf(1), 100)); // its turn has passed
    CHECK(jb.stats().late == 1);
}

TEST_CASE("a missing frame asks for FEC from the next packet, or for concealment without one") {
    JitterBuffer jb;
    for (std::uint16_t s : {0, 2, 5})
        REQUIRE(jb.push(s, packetOf(s), s * 20));
    std::vector<Kind> kinds;
    std::vector<std::uint16_t> seqs;
    for (int t = 40; t <= 140; t += 20) {
        auto step = jb.pop(t);
        kinds.push_back(step.kind);
        seqs.push_back(step.sequence);
        if (step.kind == Kind::Recover) CHECK(seqOf(step) == step.sequence + 1);
    }
    CHECK(kinds == std::vector<Kind>{Kind::Frame, Kind::Recover, Kind::Frame, Kind::Conceal,
                                     Kind::Recover, Kind::Frame});
    CHECK(seqs == std::vector<std::uint16_t>{0, 1, 2, 3, 4, 5});
    CHECK(jb.stats().recovered == 2);
    CHECK(jb.stats().concealed == 1);
}

TEST_CASE("after the talker stops, playout conceals a few frames, goes silent and rebuffers") {
    JitterBuffer jb;
    REQUIRE(jb.push(0, packetOf(0), 0));
    CHECK(jb.pop(40).kind == Kind::Frame);
    for (int i = 1; i <= 5; ++i)
        CHECK(jb.pop(40 + 20 * i).kind == Kind::Conceal);
    CHECK_FALSE(jb.playing());
    CHECK(jb.stats().rebuffers == 1);
    CHECK(jb.pop(200).kind == Kind::Silence);
    // The next talk spurt goes on from the last sequence sent (the sender counts frames sent),
    // seconds later: it is not late, and it starts after its own wait.
    REQUIRE(jb.push(1, packetOf(1), 5000));
    CHECK(jb.pop(5020).kind == Kind::Silence);
    CHECK(seqOf(jb.pop(5040)) == 1);
    REQUIRE(jb.push(2, packetOf(2), 5020));
    CHECK(seqOf(jb.pop(5060)) == 2);
    CHECK(jb.stats().late == 0);
}

TEST_CASE("the target delay follows the jitter, within 40 and 120 ms") {
    for (int jitter : {0, 30, 60, 90, 300}) {
        JitterBuffer jb;
        std::mt19937 rng(std::uint32_t(jitter) + 1);
        for (std::uint16_t s = 0; s < 200; ++s) {
            const int delay = jitter ? int(rng() % std::uint32_t(jitter + 1)) : 0;
            (void)jb.push(s, packetOf(s), s * 20 + delay);
        }
        MESSAGE("jitter ", jitter, " ms: target ", jb.targetDelayMs(), " ms");
        if (jitter == 0) CHECK(jb.targetDelayMs() == 40);
        if (jitter == 60) CHECK(jb.targetDelayMs() >= 60);
        if (jitter == 90) CHECK(jb.targetDelayMs() >= 90);
        if (jitter == 300) CHECK(jb.targetDelayMs() == 120);
        CHECK(jb.targetDelayMs() >= 40);
        CHECK(jb.targetDelayMs() <= 120);
    }
}

TEST_CASE("with 50 ms of jitter few frames are late once the target has adapted") {
    JitterBuffer jb;
    std::mt19937 rng(5);
    std::vector<std::pair<int, std::uint16_t>> arrivals;
    for (std::uint16_t s = 0; s < 500; ++s)
        arrivals.push_back({s * 20 + int(rng() % 51), s});
    std::sort(arrivals.begin(), arrivals.end());
    std::size_t next = 0;
    int frames = 0;
    for (int t = 0; t < 500 * 20 + 300; ++t) {
        while (next < arrivals.size() && arrivals[next].first <= t) {
            (void)jb.push(arrivals[next].second, packetOf(arrivals[next].second), t);
            ++next;
        }
        if (t % 20 == 10) frames += jb.pop(t).kind == Kind::Frame;
    }
    MESSAGE("played ", frames, ", late ", jb.stats().late, ", recovered ", jb.stats().recovered,
            ", concealed ", jb.stats().concealed, ", target ", jb.targetDelayMs());
    CHECK(jb.stats().late < 25); // under 5 %: the start, before the spread was known
    CHECK(frames > 470);
}

TEST_CASE("a buffer kept fuller than the target drops frames to cut latency") {
    JitterBuffer jb;
    // The link stalls for 200 ms: frames 0-9 arrive together, then one every 20 ms on time.
    for (std::uint16_t s = 0; s < 10; ++s)
        REQUIRE(jb.push(s, packetOf(s), 200));
    std::uint16_t s = 10;
    std::size_t deepest = 0;
    for (int t = 220; t < 220 + 20 * 400; t += 20) {
        (void)jb.push(s, packetOf(s), t);
        ++s;
        (void)jb.pop(t + 10);
        deepest = std::max(deepest, jb.buffered());
    }
    MESSAGE("deepest ", deepest, ", now ", jb.buffered(), ", shrunk ", jb.stats().shrunk,
            ", target ", jb.targetDelayMs());
    CHECK(deepest >= 9);
    CHECK(jb.stats().shrunk >= 5);
    CHECK(jb.targetDelayMs() == 40); // the stall has left the window
    CHECK(jb.buffered() <= 3);       // 40 ms of target: 2 frames and the one arriving
}

TEST_CASE("sequence numbers wrap around 65535 without a hiccup, far-ahead packets are refused") {
    JitterBuffer jb;
    const std::uint16_t first = 65533;
    for (int i = 0; i < 6; ++i)
        REQUIRE(jb.push(std::uint16_t(first + i), packetOf(std::uint16_t(first + i)), i * 20));
    std::vector<std::uint16_t> played;
    for (int t = 40; t < 160; t += 20)
        played.push_back(seqOf(jb.pop(t)));
    CHECK(played == std::vector<std::uint16_t>{65533, 65534, 65535, 0, 1, 2});
    CHECK_FALSE(jb.push(2 + 100, packetOf(102), 170)); // more than 32 frames ahead
    CHECK(jb.stats().overflow == 1);
}
