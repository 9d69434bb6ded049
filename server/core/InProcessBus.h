// The Bus of a single server process: topics and counters in memory, delivered synchronously.
// Must not be used from more than one thread (every caller is on the tick thread).
#pragma once

#include "server/core/Bus.h"

#include <map>
#include <vector>

namespace fg::server {

class InProcessBus final : public Bus {
public:
    void publish(std::string_view topic, std::span<const std::uint8_t> bytes) override;
    SubscriptionId subscribe(std::string topic, Handler handler) override;
    void unsubscribe(SubscriptionId id) override;
    std::int64_t add(std::string_view counter, std::int64_t delta) override;
    std::int64_t counter(std::string_view counter) const override;

private:
    struct Subscription {
        SubscriptionId id = 0;
        std::string topic; // without the trailing '*' when prefix
        bool prefix = false;
        Handler handler;
    };
    std::vector<Subscription> m_subscriptions;
    std::map<std::string, std::int64_t, std::less<>> m_counters;
    SubscriptionId m_nextId = 1;
};

} // namespace fg::server
