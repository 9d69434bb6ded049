// PresenceWorld tests without sockets: the grid-ring nearest-K search and the obstacle-grid
// movement checks against brute-force scans on random layouts; viewFor's cached membership.
#include "server/presence/PresenceWorld.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <glm/geometric.hpp>
#include <random>
#include <tuple>

using namespace fg;
namespace proto = fg::expo::proto;

namespace {

// Two empty halls (no booths), so any point inside is walkable and reachable in one input.
expo::Exhibition twoHalls() {
    expo::Exhibition ex;
    for (int h = 0; h < 2; ++h) {
        expo::Hall hall;
        hall.id = h == 0 ? "big" : "small";
        hall.size = h == 0 ? glm::vec2(200.0f, 200.0f) : glm::vec2(50.0f, 30.0f);
        hall.spawn = {{hall.size.x / 2, 2.0f}, 0.0f};
        ex.halls.push_back(hall);
    }
    return ex;
}

void place(presence::PresenceWorld& world, std::uint16_t id, std::uint32_t hall, glm::vec2 p) {
    world.add(id, hall, 0);
    proto::Input in{1,
                    0,
                    hall,
                    proto::quantizePosition(p.x),
                    proto::quantizePosition(p.y),
                    0,
                    proto::Anim::Walk};
    REQUIRE((world.applyInput(id, in, 1e9) == presence::MoveVerdict::Accepted));
}

// Everyone else in the viewer's hall within the radius, nearest K by (distance², id), by id.
presence::ViewIds bruteForce(const presence::PresenceWorld& world, std::uint16_t viewer) {
    const presence::Avatar& self = *world.find(viewer);
    const float radius2 = world.config().viewRadius * world.config().viewRadius;
    std::vector<std::tuple<float, std::uint16_t>> all;
    for (std::uint16_t id : world.activeIds()) {
        const presence::Avatar& a = *world.find(id);
        if (id == viewer || a.hall != self.hall) continue;
        const glm::vec2 d = a.position - self.position;
        if (glm::dot(d, d) <= radius2) all.emplace_back(glm::dot(d, d), id);
    }
    std::sort(all.begin(), all.end());
    if (all.size() > world.config().maxInView) all.resize(world.config().maxInView);
    std::sort(all.begin(), all.end(),
              [](const auto& a, const auto& b) { return std::get<1>(a) < std::get<1>(b); });
    presence::ViewIds out;
    for (const auto& [d2, id] : all)
        out.push_back(id);
    return out;
}

// COUNT avatars in hall 0 inside [lo, hi]², 60 in hall 1; every view checked against brute force.
void checkLayout(presence::PresenceConfig config, std::uint32_t seed, int count, glm::vec2 lo,
                 glm::vec2 hi) {
    const expo::Exhibition ex = twoHalls();
    presence::PresenceWorld world(ex, config);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> ux(lo.x, hi.x), uz(lo.y, hi.y), small(1.0f, 29.0f);
    std::uint16_t id = 1;
    for (int i = 0; i < count; ++i, ++id)
        place(world, id, 0, {ux(rng), uz(rng)});
    for (int i = 0; i < 60; ++i, ++id)
        place(world, id, 1, {small(rng), small(rng)});
    world.beginTick(1);
    presence::ViewIds view;
    for (std::uint16_t viewer : world.activeIds()) {
        world.gatherView(viewer, view);
        REQUIRE_MESSAGE((view == bruteForce(world, viewer)), "viewer ", viewer, " seed ", seed);
    }
}

} // namespace

TEST_CASE("nearest K from the grid rings equals a brute-force scan") {
    presence::PresenceConfig config; // K = 64, radius 60 m, 8 m cells
    SUBCASE("uniform crowd") {
        checkLayout(config, 1, 2500, {1.0f, 1.0f}, {199.0f, 199.0f});
    }
    SUBCASE("dense cluster with equal distances") {
        checkLayout(config, 2, 600, {100.0f, 100.0f}, {100.3f, 100.3f});
    }
    SUBCASE("sparse: fewer than K within the radius") {
        checkLayout(config, 3, 120, {1.0f, 1.0f}, {199.0f, 199.0f});
    }
    SUBCASE("cells as big as the view radius, small K") {
        config.cellSize = 60.0f;
        config.maxInView = 5;
        checkLayout(config, 4, 800, {1.0f, 1.0f}, {199.0f, 199.0f});
    }
    SUBCASE("tiny cells, short radius") {
        config.cellSize = 2.5f;
        config.viewRadius = 15.0f;
        config.maxInView = 20;
        checkLayout(config, 5, 1500, {20.0f, 20.0f}, {120.0f, 120.0f});
    }
}

TEST_CASE("viewFor keeps membership between refreshes and drops whoever walks out of range") {
    presence::PresenceConfig config;
    config.viewRadius = 10.0f;
    config.maxInView = 2;
    config.viewRefreshTicks = 4;
    const expo::Exhibition ex = twoHalls();
    presence::PresenceWorld world(ex, config);
    place(world, 1, 0, {50, 50});
    place(world, 2, 0, {52, 50});
    place(world, 3, 0, {54, 50});
    place(world, 4, 0, {51, 50}); // nearest, but refreshes only re-rank every 4 ticks
    world.beginTick(3);
    presence::ViewIds members, view;
    world.viewFor(1, 3, members, view); // (3 + 1) % 4 == 0: a full gather
    CHECK((members == std::vector<std::uint16_t>{2, 4}));
    place(world, 2, 0, {58, 50}); // walks off but stays within 10 m
    place(world, 4, 0, {70, 50}); // leaves the radius
    world.beginTick(4);
    world.viewFor(1, 4, members, view); // cached membership, re-checked against the radius
    CHECK((view == presence::ViewIds{2}));
    REQUIRE(world.statesAt(4) != nullptr);
    CHECK((proto::unpackState(2, world.statesAt(4)[2]) == world.quantized(2)));
    CHECK(world.statesAt(3) != nullptr);
    CHECK(world.statesAt(4 + presence::kStateHistory) == nullptr);
    world.beginTick(7);
    world.viewFor(1, 7, members, view); // next refresh re-ranks: 3 is now nearest
    CHECK((members == std::vector<std::uint16_t>{2, 3}));
}

namespace {
// Reference for the movement rules: every grown footprint tested, no grid.
struct MoveOracle {
    std::vector<expo::Rect> grown;
    glm::vec2 size;
    float r;
    bool walkable(glm::vec2 p) const {
        if (!(p.x >= r && p.y >= r && p.x <= size.x - r && p.y <= size.y - r)) return false;
        return std::none_of(grown.begin(), grown.end(), [&](const expo::Rect& o) {
            return p.x > o.x && p.x < o.x + o.width && p.y > o.z && p.y < o.z + o.depth;
        });
    }
    bool blocked(glm::vec2 a, glm::vec2 b) const {
        const glm::vec2 d = b - a;
        return std::any_of(grown.begin(), grown.end(), [&](const expo::Rect& o) {
            float t0 = 0.0f, t1 = 1.0f;
            const float lo[2] = {o.x, o.z}, hi[2] = {o.x + o.width, o.z + o.depth};
            for (int axis = 0; axis < 2; ++axis) {
                if (std::abs(d[axis]) < 1e-6f) {
                    if (a[axis] <= lo[axis] || a[axis] >= hi[axis]) return false;
                    continue;
                }
                float ta = (lo[axis] - a[axis]) / d[axis], tb = (hi[axis] - a[axis]) / d[axis];
                if (ta > tb) std::swap(ta, tb);
                t0 = std::max(t0, ta);
                t1 = std::min(t1, tb);
                if (t0 >= t1) return false;
            }
            return true;
        });
    }
};
} // namespace

TEST_CASE("movement checks through the obstacle grid equal a scan of every booth") {
    expo::Exhibition ex = twoHalls();
    std::mt19937 rng(8);
    std::uniform_real_distribution<float> u(0.0f, 200.0f);
    for (int i = 0; i < 60; ++i) {
        expo::Booth b;
        b.id = "b" + std::to_string(i);
        b.hall = "big";
        b.size = expo::BoothSize(rng() % 3);
        b.rotation = int(rng() % 4) * 90;
        b.position = {u(rng), u(rng)};
        ex.booths.push_back(b);
    }
    presence::PresenceWorld world(ex);
    MoveOracle oracle{{}, {200.0f, 200.0f}, world.config().avatarRadius};
    for (const auto& b : ex.booths) {
        const expo::Rect f = expo::boothFootprint(b);
        const float r = oracle.r;
        oracle.grown.push_back({f.x - r, f.z - r, f.width + 2 * r, f.depth + 2 * r});
    }
    std::uniform_real_distribution<float> step(-3.0f, 3.0f), wide(-80.0f, 80.0f);
    int blocked = 0, walkable = 0;
    world.add(1, 0, 0);
    for (int i = 0; i < 20000; ++i) {
        const glm::vec2 p{u(rng), u(rng)};
        REQUIRE(world.walkable(0, p) == oracle.walkable(p));
        walkable += oracle.walkable(p);
        const glm::vec2 from = world.find(1)->position;
        const glm::vec2 to =
            from + (i % 5 == 0 ? glm::vec2(wide(rng), wide(rng)) : glm::vec2(step(rng), step(rng)));
        const proto::Input in{std::uint32_t(i + 2),
                              0,
                              0,
                              proto::quantizePosition(to.x),
                              proto::quantizePosition(to.y),
                              0,
                              proto::Anim::Walk};
        const glm::vec2 target{proto::dequantizePosition(in.x), proto::dequantizePosition(in.z)};
        const bool expectBlocked = oracle.walkable(target) && oracle.blocked(from, target);
        const auto verdict = world.applyInput(1, in, 1e6 * (i + 1)); // never too fast
        REQUIRE(((verdict == presence::MoveVerdict::Blocked && oracle.walkable(target)) ==
                 expectBlocked));
        blocked += expectBlocked;
    }
    CHECK(blocked > 100); // the layout exercises both outcomes
    CHECK(walkable > 1000);
}
