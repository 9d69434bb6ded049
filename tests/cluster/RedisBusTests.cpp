// RedisBus against a real redis-server: publications reach the other process once and the
// publisher's own subscribers at once; counters are the sum of each process's part; a process
// that leaves takes its part along; a Redis restart is survived and the parts are written again.
#include "server/cluster/RedisBus.h"
#include "tests/cluster/RedisFixture.h"

#include <doctest/doctest.h>

using namespace fg;
using namespace fg::server;

namespace {

std::unique_ptr<RedisBus> openBus(const test::RedisFixture& redis, std::string prefix = "t") {
    RedisBusConfig config{redis.address(), std::move(prefix)};
    config.processInfo = "test";
    auto bus = RedisBus::open(std::move(config));
    REQUIRE_MESSAGE(bus.ok(), (bus.ok() ? "" : bus.error().message));
    return std::move(*bus);
}

std::span<const std::uint8_t> bytesOf(const std::string& s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

// Pumps BUSES until DONE holds or 5 s pass.
bool pumpUntil(std::initializer_list<RedisBus*> buses, const std::function<bool()>& done) {
    const double deadline = monotonicSeconds() + 5.0;
    while (!done() && monotonicSeconds() < deadline) {
        for (RedisBus* b : buses)
            b->pump();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return done();
}

void pumpFor(std::initializer_list<RedisBus*> buses, double seconds) {
    const double until = monotonicSeconds() + seconds;
    while (monotonicSeconds() < until) {
        for (RedisBus* b : buses)
            b->pump();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

struct Received {
    std::vector<std::pair<std::string, std::string>> items;
    Bus::Handler handler() {
        return [this](std::string_view topic, std::span<const std::uint8_t> bytes) {
            items.emplace_back(std::string(topic), std::string(bytes.begin(), bytes.end()));
        };
    }
};

} // namespace

TEST_CASE("redis address: redis and unix forms parse, bad ones name the wrong part") {
    auto tcp = redis::parseRedisUrl("redis://127.0.0.1:6380");
    REQUIRE(tcp.ok());
    CHECK(tcp->host == "127.0.0.1");
    CHECK(tcp->port == 6380);
    CHECK(redis::parseRedisUrl("redis://cache")->port == 6379);
    CHECK(redis::parseRedisUrl("unix:///run/redis.sock")->unixSocket == "/run/redis.sock");
    CHECK(redis::parseRedisUrl("http://x").error().message.find("expected redis://") !=
          std::string::npos);
    CHECK(redis::parseRedisUrl("redis://h:70000").error().message.find("port '70000'") !=
          std::string::npos);
    CHECK_FALSE(redis::parseRedisUrl("redis://:80").ok());
    CHECK_FALSE(redis::parseRedisUrl("unix://relative.sock").ok());
}

TEST_CASE("redis bus: a publication reaches the other process once, and its own at once") {
    test::RedisFixture redis;
    auto a = openBus(redis), b = openBus(redis);
    Received atA, atB;
    a->subscribe("hall/*", atA.handler());
    b->subscribe("hall/*", atB.handler());
    b->subscribe("all", atB.handler());
    // The listener thread subscribes asynchronously: publish until B hears something.
    REQUIRE(pumpUntil({a.get(), b.get()}, [&] {
        if (atB.items.empty()) a->publish("hall/warmup", bytesOf("w"));
        return !atB.items.empty();
    }));
    pumpFor({a.get(), b.get()}, 0.3); // the last warm-ups still in flight
    atA.items.clear();
    atB.items.clear();
    a->publish("hall/main", bytesOf("hello from A"));
    REQUIRE(atA.items.size() == 1); // synchronous, like the in-process bus
    REQUIRE(pumpUntil({a.get(), b.get()}, [&] { return atB.items.size() == 1; }));
    CHECK(atB.items[0] == std::pair<std::string, std::string>{"hall/main", "hello from A"});
    pumpFor({a.get(), b.get()}, 0.3);
    CHECK(atA.items.size() == 1); // no echo of its own publication through Redis
    CHECK(atB.items.size() == 1);
    CHECK(b->health().received >= 1);
}

TEST_CASE("redis bus: counters are the sum of every process's part, and a process that leaves "
          "takes its part along") {
    test::RedisFixture redis;
    auto a = openBus(redis), b = openBus(redis);
    CHECK(a->add("visitors/hall/main", 3) == 3);
    CHECK(b->add("visitors/hall/main", 4) == 7);
    CHECK(a->counter("visitors/hall/main") == 7);
    CHECK(a->add("visitors/hall/main", -1) == 6);
    CHECK(b->parts("visitors/hall/main").at(b->processId()) == 4);
    CHECK(a->processes().size() == 2);
    a.reset();
    CHECK(b->counter("visitors/hall/main") == 4);
    CHECK(b->processes().size() == 1);
}

TEST_CASE("redis bus: a Redis restart is survived, parts are written again and pub/sub resumes") {
    test::RedisFixture redis;
    auto a = openBus(redis), b = openBus(redis);
    Received atA, atB;
    a->subscribe("all", atA.handler());
    b->subscribe("all", atB.handler());
    a->add("visitors/event", 5);
    b->add("visitors/event", 2);
    redis.stop();
    // Meanwhile each process goes on with its own state.
    a->publish("all", bytesOf("while Redis is down"));
    CHECK(atA.items.size() == 1);
    CHECK(a->add("visitors/event", 1) == 6); // its own part only
    CHECK_FALSE(a->health().connected);
    redis.start(); // empty: every key is gone
    REQUIRE(pumpUntil({a.get(), b.get()}, [&] {
        if (atB.items.empty()) a->publish("all", bytesOf("after the restart"));
        return !atB.items.empty() && a->counter("visitors/event") == 8;
    }));
    CHECK(atB.items.back().second == "after the restart");
    CHECK(a->health().reconnects >= 1);
    CHECK(b->counter("visitors/event") == 8);
}
