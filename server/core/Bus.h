// The shared live state other server processes will see: topics (broadcasts to a hall, a venue, a
// booth's audience, everyone; moderation events) and counters. One small interface: in-process now
// (InProcessBus), Redis in cluster mode. Must not know sessions, ENet or messages (see
// BusTopics.h).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace fg::server {

class Bus {
public:
    // TOPIC is the topic the bytes were published on (useful with a "prefix/*" subscription).
    using Handler = std::function<void(std::string_view topic, std::span<const std::uint8_t>)>;
    using SubscriptionId = std::uint64_t;

    virtual ~Bus() = default;
    // Delivers BYTES to every subscriber of TOPIC (in every process). The in-process bus
    // delivers synchronously, on the caller's (tick) thread.
    virtual void publish(std::string_view topic, std::span<const std::uint8_t> bytes) = 0;
    // TOPIC is exact, or ends in '*' to match every topic with that prefix ("hall/*").
    virtual SubscriptionId subscribe(std::string topic, Handler handler) = 0;
    virtual void unsubscribe(SubscriptionId id) = 0;
    // Shared counters (visitors per hall or booth, ...): adds DELTA, returns the new value.
    virtual std::int64_t add(std::string_view counter, std::int64_t delta) = 0;
    virtual std::int64_t counter(std::string_view counter) const = 0;
    // Called at the start of every tick: delivers what other processes published since the last
    // call (on the tick thread) and keeps the connection to the shared store alive.
    virtual void pump() {}
};

} // namespace fg::server
