// InProcessBus and its typed helpers: hall and everyone broadcasts reach the right subscribers,
// counters add up, moderation events survive their encoding and garbage is ignored. Test-only.
#include "game/expo/protocol/MessageCodec.h"
#include "server/core/BusTopics.h"
#include "server/core/InProcessBus.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace fg;
using namespace fg::server;
using namespace fg::expo::proto;

TEST_CASE("bus: hall and everyone broadcasts reach their subscribers, synchronously") {
    InProcessBus bus;
    std::vector<std::string> everyone, halls, hallA;
    bus.subscribe(
        std::string(topic::kEveryone),
        [&](std::string_view t, std::span<const std::uint8_t>) { everyone.emplace_back(t); });
    bus.subscribe(
        std::string(topic::kHallPrefix) + "*",
        [&](std::string_view t, std::span<const std::uint8_t>) { halls.emplace_back(t); });
    auto a =
        bus.subscribe(topic::hall("a"), [&](std::string_view t, std::span<const std::uint8_t>) {
            hallA.emplace_back(t);
        });
    REQUIRE(broadcast(bus, topic::hall("a"), Announcement{"Organiser", "hall a"}).ok());
    REQUIRE(broadcast(bus, topic::hall("b"), Announcement{"Organiser", "hall b"}).ok());
    REQUIRE(broadcast(bus, topic::kEveryone, Announcement{"Organiser", "all"}).ok());
    CHECK(everyone == std::vector<std::string>{"all"});
    CHECK(halls == std::vector<std::string>{"hall/a", "hall/b"});
    CHECK(hallA == std::vector<std::string>{"hall/a"});
    bus.unsubscribe(a);
    REQUIRE(broadcast(bus, topic::hall("a"), Announcement{"Organiser", "again"}).ok());
    CHECK(hallA.size() == 1);
    CHECK(halls.size() == 3);
}

TEST_CASE("bus: a broadcast carries the channel and the packet every recipient gets") {
    InProcessBus bus;
    std::optional<Message> got;
    std::uint8_t channel = 99;
    bus.subscribe(topic::booth("acme-1"), [&](std::string_view, std::span<const std::uint8_t> b) {
        auto cast = readBroadcast(b);
        REQUIRE(cast);
        channel = cast->channel;
        auto decoded = decode(cast->packet);
        REQUIRE(decoded.ok());
        got = *decoded;
    });
    const Announcement sent{"Organiser", "doors open"};
    REQUIRE(broadcast(bus, topic::booth("acme-1"), sent).ok());
    REQUIRE(got);
    CHECK(channel == Announcement::kChannel);
    CHECK(std::get<Announcement>(*got) == sent);
    CHECK_FALSE(readBroadcast(std::vector<std::uint8_t>{1}));
}

TEST_CASE("bus: counters and moderation events") {
    InProcessBus bus;
    CHECK(bus.counter("hall/a/visitors") == 0);
    CHECK(bus.add("hall/a/visitors", 2) == 2);
    CHECK(bus.add("hall/a/visitors", -1) == 1);
    CHECK(bus.counter("hall/a/visitors") == 1);
    std::vector<ModerationEvent> events;
    bus.subscribe(std::string(topic::kModeration),
                  [&](std::string_view, std::span<const std::uint8_t> bytes) {
                      if (auto e = readModeration(bytes)) events.push_back(*e);
                  });
    publishModeration(bus, {ModerationEvent::Action::Ban, "Vy", "banned: spam"});
    publishModeration(bus, {ModerationEvent::Action::Mute, "Minh", {}});
    bus.publish(topic::kModeration, std::vector<std::uint8_t>{9, 'x', 0});   // unknown action
    bus.publish(topic::kModeration, std::vector<std::uint8_t>{0, 'x', 'y'}); // no terminator
    REQUIRE(events.size() == 2);
    CHECK((events[0].action == ModerationEvent::Action::Ban));
    CHECK(events[0].person == "Vy");
    CHECK(events[0].reason == "banned: spam");
    CHECK((events[1].action == ModerationEvent::Action::Mute));
    CHECK(events[1].reason.empty());
}
