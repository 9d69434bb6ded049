// Delta-coded snapshot tests: encode against a base, decode, compare with the full state.
// Pure codec tests; presence rules (AOI, speed) are tested in tests/server_net.
#include "game/expo/protocol/MessageCodec.h"
#include "game/expo/protocol/SnapshotCodec.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <random>

using namespace fg::expo::proto;

namespace {
AvatarList randomList(std::mt19937& rng, std::size_t count) {
    AvatarList list;
    std::uint16_t id = 0;
    for (std::size_t i = 0; i < count; ++i) {
        id = std::uint16_t(id + 1 + rng() % 20);
        if (id > kMaxClientId) break;
        list.push_back({id, std::uint32_t(rng() % (kPositionCodes + 1)),
                        std::uint32_t(rng() % (kPositionCodes + 1)),
                        std::uint16_t(rng() % kHeadingCodes), Anim(rng() % (kAnimMax + 1))});
    }
    return list;
}
AvatarList moved(std::mt19937& rng, const AvatarList& base) {
    AvatarList next;
    for (auto a : base) {
        if (rng() % 10 == 0) continue; // left the view
        int r = int(rng() % 4);
        if (r == 1) a.x = std::min<std::uint32_t>(kPositionCodes, a.x + rng() % 60);
        if (r == 2) a.z = a.z > 5000 ? a.z - 5000 : a.z + 5000; // a big jump
        if (r == 3) a.heading = std::uint16_t((a.heading + 7) % kHeadingCodes);
        next.push_back(a);
    }
    return next;
}
Snapshot wire(const Snapshot& s) {
    auto back = decode(encode(Message{s}).value());
    REQUIRE(back.ok());
    return std::get<Snapshot>(*back);
}
} // namespace

TEST_CASE("complete snapshot reproduces the avatar list") {
    std::mt19937 rng(7);
    AvatarList now = randomList(rng, 64);
    Snapshot snap = makeSnapshot(10, 0, nullptr, now);
    auto got = applySnapshot(nullptr, wire(snap));
    REQUIRE(got.ok());
    CHECK(*got == now);
}

TEST_CASE("delta snapshots reproduce the avatar list over many ticks") {
    std::mt19937 rng(11);
    AvatarList base = randomList(rng, 80);
    for (int tick = 1; tick < 200; ++tick) {
        AvatarList now = moved(rng, base);
        AvatarList extra = randomList(rng, 3);
        for (auto& a : extra)
            if (std::none_of(now.begin(), now.end(), [&](auto& b) { return b.id == a.id; }))
                now.push_back(a);
        std::sort(now.begin(), now.end(), [](auto& a, auto& b) { return a.id < b.id; });
        if (now.size() > kMaxSnapshotEntries) now.resize(kMaxSnapshotEntries);
        Snapshot snap = makeSnapshot(std::uint32_t(tick + 1), std::uint32_t(tick), &base, now);
        auto got = applySnapshot(&base, wire(snap));
        REQUIRE_MESSAGE(got.ok(), got.error().message);
        CHECK(*got == now);
        base = now;
    }
}

TEST_CASE("an unchanged view costs a few bytes") {
    std::mt19937 rng(3);
    AvatarList now = randomList(rng, 64);
    Snapshot same = makeSnapshot(2, 1, &now, now);
    CHECK(same.entries.empty());
    CHECK(same.removed.empty());
    CHECK(measureBits(Message{same}) < 200);
    Snapshot full = makeSnapshot(2, 0, nullptr, now);
    CHECK(measureBits(Message{full}) > 64 * 50);
}

TEST_CASE("snapshots that do not fit their base are rejected") {
    AvatarList base{{5, 100, 100, 0, Anim::Idle}};
    Snapshot snap;
    snap.tick = 2;
    snap.baseTick = 1;
    snap.removed = {6};
    CHECK_FALSE(applySnapshot(&base, snap).ok());
    snap.removed.clear();
    snap.entries = {SnapshotEntry{.id = 9, .inBase = true, .hasPosition = false}};
    CHECK_FALSE(applySnapshot(&base, snap).ok());
    CHECK_FALSE(applySnapshot(nullptr, snap).ok());
    snap.entries = {SnapshotEntry{
        .id = 5, .inBase = true, .hasPosition = true, .smallDelta = true, .dx = -64, .dz = -64}};
    base[0].x = 10; // delta would go below zero
    CHECK_FALSE(applySnapshot(&base, snap).ok());
    snap.entries = {SnapshotEntry{.id = 8}, SnapshotEntry{.id = 7}};
    snap.baseTick = 0;
    CHECK_FALSE(applySnapshot(nullptr, snap).ok());
}

// A view never holds more than a snapshot can carry (the server's encoder and the client's
// lists rely on it): a full base plus new entries past kMaxSnapshotEntries is refused.
TEST_CASE("a snapshot that would grow the view past the protocol's maximum is rejected") {
    AvatarList base;
    for (std::uint16_t id = 1; id <= kMaxSnapshotEntries; ++id)
        base.push_back({id, 100, 100, 0, Anim::Idle});
    Snapshot snap;
    snap.tick = 2;
    snap.baseTick = 1;
    snap.entries = {SnapshotEntry{.id = std::uint16_t(kMaxSnapshotEntries + 1), .x = 5, .z = 5}};
    auto grown = applySnapshot(&base, snap);
    REQUIRE_FALSE(grown.ok());
    CHECK(grown.error().message.find("more than") != std::string::npos);
    snap.removed = {1}; // one leaves as one comes: still within the maximum
    CHECK(applySnapshot(&base, snap).ok());
}

namespace {
// Every kind of entry change, including the small-delta edges (-64, 63 and one past each).
AvatarList mutated(std::mt19937& rng, const AvatarList& base) {
    static const int kSteps[] = {-65, -64, -1, 0, 1, 63, 64, 500};
    AvatarList next;
    for (auto a : base) {
        if (rng() % 8 == 0) continue;
        const int dx = kSteps[rng() % 8], dz = kSteps[rng() % 8];
        a.x = std::uint32_t(std::clamp<std::int64_t>(std::int64_t(a.x) + dx, 0, kPositionCodes));
        a.z = std::uint32_t(std::clamp<std::int64_t>(std::int64_t(a.z) + dz, 0, kPositionCodes));
        if (rng() % 3 == 0) a.heading = std::uint16_t(rng() % kHeadingCodes);
        if (rng() % 4 == 0) a.anim = Anim(rng() % (kAnimMax + 1));
        next.push_back(a);
    }
    for (auto& a : randomList(rng, 4))
        if (std::none_of(next.begin(), next.end(), [&](auto& b) { return b.id == a.id; }))
            next.push_back(a);
    std::sort(next.begin(), next.end(), [](auto& a, auto& b) { return a.id < b.id; });
    if (next.size() > kMaxSnapshotEntries) next.resize(kMaxSnapshotEntries);
    return next;
}
} // namespace

TEST_CASE("the direct snapshot encoder writes the same bytes as makeSnapshot and encode") {
    std::mt19937 rng(21);
    AvatarList base = randomList(rng, 200);
    std::vector<std::uint8_t> direct;
    for (int tick = 1; tick < 300; ++tick) {
        AvatarList now = tick % 50 == 0 ? AvatarList{} : mutated(rng, base);
        const bool complete = tick % 7 == 0;
        Snapshot snap = makeSnapshot(std::uint32_t(tick + 1), std::uint32_t(tick),
                                     complete ? nullptr : &base, now);
        snap.hall = std::uint32_t(tick % 3);
        snap.lastInput = std::uint32_t(rng());
        auto reference = encode(Message{snap});
        REQUIRE(reference.ok());
        const SnapshotHeader header{snap.tick, std::uint32_t(tick), snap.hall, snap.lastInput};
        REQUIRE(encodeSnapshot(header, complete ? nullptr : &base, now, direct).ok());
        REQUIRE(direct == *reference);
        auto back = decode(direct);
        REQUIRE(back.ok());
        auto got = applySnapshot(complete ? nullptr : &base, std::get<Snapshot>(*back));
        REQUIRE(got.ok());
        CHECK(*got == now);
        base = now;
    }
}

TEST_CASE("the packed-table snapshot encoder writes the same bytes as the list form") {
    std::mt19937 rng(33);
    AvatarList base = randomList(rng, 150);
    std::vector<PackedState> baseTable(kMaxClientId + 1), table(kMaxClientId + 1);
    std::vector<std::uint8_t> fromList, fromTable;
    for (int tick = 1; tick < 200; ++tick) {
        AvatarList now = mutated(rng, base);
        std::vector<std::uint16_t> baseIds, ids;
        for (const auto& a : base) {
            baseTable[a.id] = packState(a);
            baseIds.push_back(a.id);
        }
        for (const auto& a : now) {
            table[a.id] = packState(a);
            ids.push_back(a.id);
            CHECK((unpackState(a.id, table[a.id]) == a));
        }
        const bool complete = tick % 9 == 0;
        const SnapshotHeader header{std::uint32_t(tick + 1), std::uint32_t(tick), 1, 5};
        REQUIRE(encodeSnapshot(header, complete ? nullptr : &base, now, fromList).ok());
        REQUIRE(encodeSnapshot(header, baseIds, complete ? nullptr : baseTable.data(), ids,
                               table.data(), fromTable)
                    .ok());
        REQUIRE(fromTable == fromList);
        base = now;
    }
}

TEST_CASE("the direct snapshot encoder refuses values encode refuses") {
    AvatarList now{{5, 100, 100, 0, Anim::Idle}};
    std::vector<std::uint8_t> out;
    CHECK(encodeSnapshot({2, 1, 0, 0}, nullptr, now, out).ok());
    now[0].heading = std::uint16_t(kHeadingCodes);
    CHECK_FALSE(encode(Message{makeSnapshot(2, 0, nullptr, now)}).ok());
    CHECK_FALSE(encodeSnapshot({2, 1, 0, 0}, nullptr, now, out).ok());
    now[0].heading = 0;
    CHECK_FALSE(encodeSnapshot({2, 1, kMaxHalls, 0}, nullptr, now, out).ok());
    AvatarList tooMany(kMaxSnapshotEntries + 1);
    for (std::size_t i = 0; i < tooMany.size(); ++i)
        tooMany[i].id = std::uint16_t(i + 1);
    CHECK_FALSE(encode(Message{makeSnapshot(2, 0, nullptr, tooMany)}).ok());
    CHECK_FALSE(encodeSnapshot({2, 1, 0, 0}, nullptr, tooMany, out).ok());
}
