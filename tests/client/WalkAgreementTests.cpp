// The client's WalkArea and the server's PresenceWorld agree on what is walkable: both ask
// expo::WalkableArea, checked on a dense sample of points around and inside booth footprints.
#include "game/client/WalkArea.h"
#include "game/expo/WalkableArea.h"
#include "server/presence/PresenceWorld.h"

#include <doctest/doctest.h>
#include <random>

using namespace fg;

namespace {

// Two halls; booths of every size and rotation, two of them touching, one against a wall.
expo::Exhibition sampleExpo() {
    expo::Exhibition ex;
    for (const char* id : {"a", "b"}) {
        expo::Hall hall;
        hall.id = id;
        hall.size = id[0] == 'a' ? glm::vec2{60, 40} : glm::vec2{30, 50};
        hall.wallHeight = 6;
        hall.spawn.position = {5, 5};
        ex.halls.push_back(hall);
    }
    const expo::BoothSize sizes[] = {expo::BoothSize::S, expo::BoothSize::M, expo::BoothSize::L};
    int n = 0;
    auto add = [&](const char* hall, glm::vec2 at, int size, int rotation) {
        expo::Booth b;
        b.id = "booth-" + std::to_string(n++);
        b.hall = hall;
        b.size = sizes[size];
        b.position = at;
        b.rotation = rotation;
        ex.booths.push_back(b);
    };
    add("a", {10, 10}, 0, 0);
    add("a", {13, 10}, 0, 90); // touches the first
    add("a", {30, 20}, 1, 180);
    add("a", {50, 30}, 2, 270);
    add("a", {2, 35}, 0, 0); // against the west wall
    add("b", {15, 25}, 2, 90);
    add("b", {8, 40}, 1, 0);
    return ex;
}

// Points on a 0.1 m lattice, on every grown footprint's edges and a random scatter.
std::vector<glm::vec2> samplePoints(const expo::WalkableArea& area) {
    std::vector<glm::vec2> out;
    for (float z = -0.5f; z <= area.size().y + 0.5f; z += 0.1f)
        for (float x = -0.5f; x <= area.size().x + 0.5f; x += 0.1f)
            out.push_back({x, z});
    for (const expo::Rect& o : area.obstacles())
        for (float t = -0.05f; t <= 1.05f; t += 0.05f) {
            out.push_back({o.x + t * o.width, o.z});
            out.push_back({o.x + t * o.width, o.z + o.depth});
            out.push_back({o.x, o.z + t * o.depth});
            out.push_back({o.x + o.width, o.z + t * o.depth});
        }
    std::mt19937 rng(11);
    std::uniform_real_distribution<float> ux(0, area.size().x), uz(0, area.size().y);
    for (int i = 0; i < 5000; ++i)
        out.push_back({ux(rng), uz(rng)});
    return out;
}

} // namespace

TEST_CASE("walk agreement: client WalkArea and server PresenceWorld share the walkable area") {
    const expo::Exhibition ex = sampleExpo();
    presence::PresenceWorld world(ex);
    const float r = world.config().avatarRadius;
    for (std::size_t h = 0; h < ex.halls.size(); ++h) {
        const expo::WalkableArea rule(ex, h, r);
        REQUIRE_FALSE(rule.obstacles().empty());
        const client::WalkArea client(ex, h, r);
        std::size_t blocked = 0, mismatches = 0;
        for (glm::vec2 p : samplePoints(rule)) {
            const bool expected = rule.walkable(p);
            blocked += !expected;
            mismatches += client.walkable(p) != expected;
            mismatches += world.walkable(std::uint32_t(h), p) != expected;
        }
        CHECK(mismatches == 0);
        CHECK(blocked > 1000); // the sample did reach into walls and footprints
    }
}

TEST_CASE("walk agreement: footprint interiors are blocked, edges grown by the radius are free") {
    const expo::Exhibition ex = sampleExpo();
    presence::PresenceWorld world(ex);
    const client::WalkArea client(ex, 0, world.config().avatarRadius);
    for (const expo::Booth& b : ex.booths) {
        if (b.hall != "a") continue;
        const expo::Rect f = expo::boothFootprint(b);
        const glm::vec2 centre{f.x + f.width / 2, f.z + f.depth / 2};
        CHECK_FALSE(client.walkable(centre));
        CHECK_FALSE(world.walkable(0, centre));
        const glm::vec2 justOut{f.x + f.width + 0.31f, centre.y};
        CHECK(client.walkable(justOut) == world.walkable(0, justOut));
    }
}

TEST_CASE("walk agreement: a clear line for the client is a move the server accepts") {
    const expo::Exhibition ex = sampleExpo();
    presence::PresenceWorld world(ex);
    const expo::WalkableArea rule(ex, 0, world.config().avatarRadius);
    const client::WalkArea client(ex, 0, world.config().avatarRadius);
    std::mt19937 rng(5);
    std::uniform_real_distribution<float> ux(0, 60), uz(0, 40);
    int clear = 0;
    for (int i = 0; i < 4000; ++i) {
        const glm::vec2 a{ux(rng), uz(rng)}, b{ux(rng), uz(rng)};
        const bool expected = rule.clearLine(a, b);
        clear += expected;
        CHECK(client.clearLine(a, b) == expected);
    }
    CHECK(clear > 100);
}
