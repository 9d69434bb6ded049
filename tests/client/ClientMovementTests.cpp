// Unit tests of collision and movement: walls and booth footprints stop the avatar, sliding
// along them works, click-to-walk arrives, the camera follows behind. Pure logic, no window.
#include "game/client/AvatarController.h"
#include "game/client/WalkArea.h"
#include "game/client/WalkPath.h"
#include "game/expo/ExhibitionJson.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <glm/geometric.hpp>
#include <random>

using namespace fg::client;

namespace {

// One 40 x 30 m hall with one S booth (3 x 3 m) centred at (20, 15), open to the south.
fg::expo::Exhibition hallWithBooth(int rotation = 0) {
    fg::expo::Exhibition ex;
    fg::expo::Hall hall;
    hall.id = "h";
    hall.size = {40, 30};
    hall.wallHeight = 6;
    hall.spawn.position = {20, 5};
    ex.halls.push_back(hall);
    fg::expo::Booth b;
    b.id = "b-1";
    b.hall = "h";
    b.size = fg::expo::BoothSize::S;
    b.position = {20, 15};
    b.rotation = rotation;
    ex.booths.push_back(b);
    return ex;
}

void run(AvatarController& c, MoveInput in, float seconds) {
    for (float t = 0; t < seconds; t += 1.0f / 60.0f)
        c.update(in, 1.0f / 60.0f);
}

} // namespace

TEST_CASE("walk area: hall walls and booth footprint are solid") {
    const auto ex = hallWithBooth();
    WalkArea area(ex, 0);
    CHECK(area.walkable({20, 5}));
    CHECK_FALSE(area.walkable({20, 15}));    // inside the booth
    CHECK_FALSE(area.walkable({18.4f, 15})); // within the radius of its edge
    CHECK(area.walkable({18.0f, 15}));
    CHECK_FALSE(area.walkable({0.1f, 5}));   // in the west wall
    CHECK_FALSE(area.walkable({20, 29.9f})); // in the north wall
    CHECK(area.nearestWalkable({20, 15}) != glm::vec2(20, 15));
    CHECK(area.walkable(area.nearestWalkable({20, 15})));
}

TEST_CASE("walk area: moving into a booth stops at its edge and slides along it") {
    const auto ex = hallWithBooth();
    WalkArea area(ex, 0);
    const glm::vec2 stopped = area.move({20, 10}, {0, 10});
    CHECK(stopped.y < 15.0f - 1.5f);
    CHECK(stopped.y > 12.5f);
    const glm::vec2 slid = area.move({20, 12}, {3, 3}); // diagonal into the booth: slides in x
    CHECK(slid.x > 21.0f);
    CHECK(area.walkable(slid));
    const glm::vec2 wall = area.move({5, 5}, {-10, 0});
    CHECK(wall.x == doctest::Approx(kClientAvatarRadius).epsilon(0.05));
}

TEST_CASE("walk area: booth front is the open side (expo::boothFrontDirection) like the server") {
    for (int rotation : {0, 90, 180, 270}) {
        const auto ex = hallWithBooth(rotation);
        WalkArea area(ex, 0);
        auto front = area.boothFront(ex.booths[0]);
        REQUIRE(front);
        const glm::vec2 dir = glm::normalize(*front - ex.booths[0].position);
        CHECK(glm::dot(dir, boothFacing(ex.booths[0])) > 0.99f);
        CHECK(glm::dot(boothFacing(ex.booths[0]), fg::expo::boothFrontDirection(ex.booths[0])) >
              0.99f);
    }
    // The renderer draws the back wall at booth-local -z: at rotation 0 the open front is +z.
    CHECK(boothFacing(hallWithBooth(0).booths[0]).y > 0.99f);
}

TEST_CASE("controller: W walks forward, Shift runs faster, S walks back") {
    const auto ex = hallWithBooth();
    WalkArea area(ex, 0);
    AvatarController c;
    c.setArea(&area);
    c.place({5, 5}, 90.0f, {0, 0}); // facing +x
    run(c, {1, 0, false, {}}, 1.0f);
    const float walked = c.position().x - 5;
    CHECK(walked == doctest::Approx(kWalkSpeed).epsilon(0.05));
    CHECK(c.anim() == fg::expo::proto::Anim::Walk);
    const float before = c.position().x;
    run(c, {1, 0, true, {}}, 1.0f);
    CHECK(c.position().x - before == doctest::Approx(kRunSpeed).epsilon(0.05));
    CHECK(c.anim() == fg::expo::proto::Anim::Run);
    run(c, {}, 0.1f);
    CHECK(c.anim() == fg::expo::proto::Anim::Idle);
}

TEST_CASE("controller: mouse look turns, click-to-walk arrives around the booth") {
    const auto ex = hallWithBooth();
    WalkArea area(ex, 0);
    AvatarController c;
    c.setArea(&area);
    c.setSensitivity(0.5f);
    c.place({20, 5}, 0.0f, {0, 0});
    c.update({0, 0, false, {20, 0}}, 0.016f);
    CHECK(c.yaw() == doctest::Approx(-10.0f));
    c.walkTo({10, 8});
    REQUIRE(c.walking());
    run(c, {}, 8.0f);
    CHECK_FALSE(c.walking());
    CHECK(glm::distance(c.position(), glm::vec2(10, 8)) < 0.5f);
    c.walkTo({20, 15}); // the booth itself: the target moves to the nearest free point
    run(c, {}, 10.0f);
    CHECK(area.walkable(c.position()));
}

TEST_CASE("path: click-to-walk goes around a booth to its far side") {
    const auto ex = hallWithBooth();
    WalkArea area(ex, 0);
    const glm::vec2 from{20, 10}, to{20, 20}; // the booth stands between them
    REQUIRE_FALSE(area.clearLine(from, to));
    const auto path = findWalkPath(area, from, to);
    REQUIRE(path.size() >= 2);
    CHECK(path.back() == to);
    glm::vec2 at = from;
    for (glm::vec2 p : path) {
        CHECK(area.clearLine(at, p));
        at = p;
    }
    AvatarController c;
    c.setArea(&area);
    c.place(from, 0.0f, {0, 0});
    c.walkTo(to);
    run(c, {}, 15.0f);
    CHECK_FALSE(c.walking());
    CHECK(glm::distance(c.position(), to) < 0.5f);
}

TEST_CASE("path: a place closed off by booths is not walked into") {
    fg::expo::Exhibition ex = hallWithBooth();
    ex.booths.clear();
    for (int i = 0; i < 14; ++i) { // a row of booths from wall to wall across the hall
        fg::expo::Booth b;
        b.id = "row-" + std::to_string(i);
        b.hall = "h";
        b.size = fg::expo::BoothSize::S;
        b.position = {1.5f + 3.0f * float(i), 15};
        ex.booths.push_back(b);
    }
    WalkArea area(ex, 0);
    CHECK(findWalkPath(area, {20, 5}, {20, 25}).empty());
    CHECK(findWalkPath(area, {20, 5}, {30, 8}) == std::vector<glm::vec2>{{30, 8}});
    AvatarController c;
    c.setArea(&area);
    c.place({20, 5}, 0.0f, {0, 0});
    c.walkTo({20, 25});
    run(c, {}, 15.0f);
    CHECK_FALSE(c.walking());
    CHECK(c.position().y < 15.0f);
}

TEST_CASE("controller: the camera sits behind the avatar and follows smoothly") {
    AvatarController c;
    c.place({10, 10}, 0.0f, {100, 200});
    const auto cam = c.camera();
    CHECK(cam.position.z < 210.0f); // behind: facing +z, so the camera is at smaller z
    CHECK(cam.position.x == doctest::Approx(110.0f));
    c.update({1, 0, false, {}}, 0.016f);
    const float moved = c.camera().position.z - cam.position.z;
    CHECK(moved > 0.0f);
    CHECK(moved < kWalkSpeed * 0.016f); // smoothing lags the avatar
}

TEST_CASE("controller: click-to-walk always ends, whatever the frame times (sample halls)") {
    // A wait-walk script line holds the script until the walk ends; a walk that never ends
    // stalled the integration test. Every booth of the sample, from its hall's spawn, with
    // frame times from 5 ms to 0.6 s (lavapipe under load), walking and running.
    auto report = fg::expo::loadExhibition(std::filesystem::path(FG_ASSETS_DIR) /
                                           "exhibitions/digital-world-2021/exhibition.json");
    REQUIRE(report.ok());
    const fg::expo::Exhibition& ex = *report.exhibition;
    std::mt19937 rng(12345);
    std::uniform_real_distribution<float> frame(0.005f, 0.6f);
    int walks = 0, unfinished = 0, arrived = 0;
    for (std::size_t h = 0; h < ex.halls.size(); ++h) {
        WalkArea area(ex, h);
        for (const auto& b : ex.booths) {
            if (b.hall != ex.halls[h].id) continue;
            const auto front = area.boothFront(b);
            if (!front) continue;
            for (bool running : {false, true}) {
                AvatarController c;
                c.setArea(&area);
                c.place(ex.halls[h].spawn.position, 0.0f, ex.halls[h].origin);
                c.walkTo(*front, b.position);
                int frames = 0;
                MoveInput in;
                in.run = running;
                while (c.walking() && frames < 5000) {
                    c.update(in, frame(rng));
                    ++frames;
                }
                ++walks;
                if (glm::distance(c.position(), *front) < 0.5f) ++arrived;
                if (c.walking()) {
                    ++unfinished;
                    MESSAGE("walk to " << b.id << (running ? " (running)" : "")
                                       << " still going after 5000 frames at (" << c.position().x
                                       << ", " << c.position().y << ")");
                }
            }
        }
    }
    CHECK(walks > 20);
    CHECK(unfinished == 0);
    CHECK(arrived == walks); // path finding: no booth in the way stops a walk short
}
