// Loopback presence tests: join/move/leave between two clients, area of interest, speed hacks
// and walking through booths corrected. Real ENet on 127.0.0.1, server in-process.
#include "game/expo/VenueLayout.h"
#include "tests/server_net/TestWorld.h"

#include <algorithm>
#include <glm/geometric.hpp>

using namespace fg;
using namespace fg::test;

namespace {

// Walks C toward TARGET at SPEED m/s with an input every 50 ms, pumping everyone.
void walkTo(server::ServerApp& server, const Clients& all, TestClient& c, glm::vec2 target,
            float speed = 3.0f) {
    glm::vec2 pos = c->selfPosition();
    double last = monotonicSeconds();
    pumpUntil(
        server, all,
        [&] {
            double now = monotonicSeconds();
            if (now - last < 0.05) return false;
            glm::vec2 d = target - pos;
            float step = speed * float(now - last);
            last = now;
            pos = glm::length(d) <= step ? target : pos + d / glm::length(d) * step;
            c->sendInput(pos, 90.0f, expo::proto::Anim::Walk);
            return pos == target;
        },
        15.0);
}

const expo::proto::AvatarState* inView(TestClient& c, std::uint16_t id) {
    const auto& view = c->latestView();
    auto it = std::find_if(view.begin(), view.end(), [&](auto& a) { return a.id == id; });
    return it == view.end() ? nullptr : &*it;
}

} // namespace

TEST_CASE("two clients see each other join, move and leave") {
    TestServer srv;
    auto a = connectClient(*srv.app, visitor(srv.app->port(), "Alice"));
    REQUIRE((a->net->state() == netclient::ClientState::Joined));
    auto b = connectClient(*srv.app, visitor(srv.app->port(), "Bob"), {a.get()});
    REQUIRE((b->net->state() == netclient::ClientState::Joined));
    Clients all{a.get(), b.get()};
    const std::uint16_t aId = (*a)->id(), bId = (*b)->id();
    CHECK(aId != bId);

    REQUIRE(pumpUntil(*srv.app, all, [&] { return inView(*a, bId) && inView(*b, aId); }));
    CHECK(pumpUntil(*srv.app, all, [&] { return (*a)->person(bId) != nullptr; }));
    CHECK((*a)->person(bId)->name == "Bob");
    CHECK((*a)->person(bId)->country == "VN");

    walkTo(*srv.app, all, *b, {56.0f, 12.0f});
    REQUIRE(pumpUntil(*srv.app, all, [&] {
        auto* s = inView(*a, bId);
        return s && s->x == expo::proto::quantizePosition(56.0f) &&
               s->z == expo::proto::quantizePosition(12.0f);
    }));
    auto* seen = inView(*a, bId);
    CHECK(std::abs(expo::proto::dequantizePosition(seen->x) - 56.0f) <= 0.01f);
    CHECK(std::abs(expo::proto::dequantizePosition(seen->z) - 12.0f) <= 0.01f);
    CHECK(b->all<expo::proto::Correction>().empty());
    // Interpolated positions end up at the same place once the 100 ms delay has passed.
    pumpFor(*srv.app, all, 0.3);
    auto drawn = (*a)->interpolated(monotonicSeconds());
    auto it = std::find_if(drawn.begin(), drawn.end(), [&](auto& r) { return r.id == bId; });
    REQUIRE(it != drawn.end());
    CHECK(glm::distance(it->position, glm::vec2(56.0f, 12.0f)) < 0.02f);
    CHECK((*a)->stats().snapshots > 5);

    b->net->disconnect();
    REQUIRE(pumpUntil(*srv.app, {a.get()},
                      [&] { return !a->all<expo::proto::Leave>().empty() && !inView(*a, bId); }));
    CHECK(a->all<expo::proto::Leave>().front().clientId == bId);
    CHECK(srv.app->world().count() == 1);
}

TEST_CASE("area of interest keeps far visitors out and keeps the nearest K") {
    server::ServerConfig config;
    config.presence.viewRadius = 20.0f;
    config.presence.maxInView = 2;
    TestServer srv(config);
    auto a = connectClient(*srv.app, visitor(srv.app->port(), "Near1"));
    auto b = connectClient(*srv.app, visitor(srv.app->port(), "Near2"), {a.get()});
    auto c = connectClient(*srv.app, visitor(srv.app->port(), "Near3"), {a.get(), b.get()});
    auto d =
        connectClient(*srv.app, visitor(srv.app->port(), "Near4"), {a.get(), b.get(), c.get()});
    auto far = connectClient(*srv.app, visitor(srv.app->port(), "Faraway"),
                             {a.get(), b.get(), c.get(), d.get()});
    Clients all{a.get(), b.get(), c.get(), d.get(), far.get()};
    // Teleport "Faraway" to the front of initech's booth, ~37 m from spawn.
    (*far)->teleport(expo::proto::TeleportKind::Booth, 0, "initech-booth");
    REQUIRE(pumpUntil(*srv.app, all, [&] { return !far->all<expo::proto::Correction>().empty(); }));
    CHECK(glm::distance((*far)->selfPosition(), glm::vec2(50, 5)) > 30.0f);
    pumpFor(*srv.app, all, 0.3);
    CHECK(inView(*a, (*far)->id()) == nullptr);
    CHECK((*far)->latestView().empty());
    // Three others stand near A, but K = 2 keeps only two of them in its snapshots.
    CHECK((*a)->latestView().size() == 2);
    CHECK((*d)->latestView().size() == 2);
    // The far visitor moving around does not enter A's view.
    walkTo(*srv.app, all, *far, (*far)->selfPosition() + glm::vec2(-2.0f, 0.0f));
    CHECK(inView(*a, (*far)->id()) == nullptr);
}

TEST_CASE("a speed hack and walking through a booth are corrected") {
    TestServer srv;
    auto a = connectClient(*srv.app, visitor(srv.app->port(), "Cheater"));
    Clients all{a.get()};
    const glm::vec2 start = (*a)->selfPosition();
    // 30 m in one input: impossible at 6 m/s.
    (*a)->sendInput(start + glm::vec2(0.0f, 30.0f), 0.0f, expo::proto::Anim::Run);
    REQUIRE(pumpUntil(*srv.app, all, [&] { return !a->all<expo::proto::Correction>().empty(); }));
    auto corr = a->all<expo::proto::Correction>().back();
    CHECK(expo::proto::dequantizePosition(corr.x) == doctest::Approx(start.x).epsilon(0.001));
    CHECK(expo::proto::dequantizePosition(corr.z) == doctest::Approx(start.y).epsilon(0.001));
    CHECK(glm::distance((*a)->selfPosition(), start) < 0.02f);
    const auto* avatar = srv.app->world().find((*a)->id());
    CHECK(glm::distance(avatar->position, start) < 0.02f);

    // Out of the hall.
    (*a)->sendInput({start.x, -1.0f}, 0.0f, expo::proto::Anim::Walk);
    REQUIRE(
        pumpUntil(*srv.app, all, [&] { return a->all<expo::proto::Correction>().size() == 2; }));

    // Walk legally to just south of globex's booth (footprint [47,53]x[28.5,31.5]) ...
    walkTo(*srv.app, all, *a, {50.0f, 27.5f});
    std::size_t before = a->all<expo::proto::Correction>().size();
    CHECK(before == 2);
    // ... then step through its footprint to the north side: blocked.
    pumpFor(*srv.app, all, 0.6);
    (*a)->sendInput({50.0f, 32.5f}, 0.0f, expo::proto::Anim::Walk);
    REQUIRE(pumpUntil(*srv.app, all,
                      [&] { return a->all<expo::proto::Correction>().size() == before + 1; }));
    CHECK(srv.app->world().find((*a)->id())->position.y < 28.0f);
}

TEST_CASE("teleport only to allowed points") {
    TestServer srv;
    auto a = connectClient(*srv.app, visitor(srv.app->port(), "Jumper"));
    Clients all{a.get()};
    (*a)->teleport(expo::proto::TeleportKind::Venue, 0, "stage");
    REQUIRE(pumpUntil(*srv.app, all, [&] { return !a->all<expo::proto::Correction>().empty(); }));
    // In front of the middle of the audience's seats: inside the venue, never on its stage.
    const expo::Hall& hall = srv.app->exhibition().halls[0];
    const expo::VenueLayout layout = expo::venueLayout(hall, hall.venues[0]);
    glm::vec2 seats(0.0f);
    for (glm::vec2 p : expo::seatPositions(layout))
        seats += p / float(expo::seatCount(layout));
    const glm::vec2 arrival = (*a)->selfPosition();
    CHECK(glm::distance(arrival, seats) == doctest::Approx(0.7f).epsilon(0.01));
    CHECK(glm::distance(arrival, layout.screen.position) <
          glm::distance(seats, layout.screen.position));
    CHECK((arrival.x > 40 && arrival.x < 60 && arrival.y > 50 && arrival.y < 58));
    const expo::Rect& st = layout.stage;
    CHECK_FALSE((arrival.x >= st.x && arrival.x <= st.x + st.width && arrival.y >= st.z &&
                 arrival.y <= st.z + st.depth));
    (*a)->teleport(expo::proto::TeleportKind::Booth, 0, "no-such-booth");
    REQUIRE(pumpUntil(*srv.app, all, [&] { return !a->all<expo::proto::ActionResult>().empty(); }));
    CHECK_FALSE(a->all<expo::proto::ActionResult>().front().ok);
    CHECK(glm::distance(srv.app->world().find((*a)->id())->position, arrival) < 0.02f);
}
