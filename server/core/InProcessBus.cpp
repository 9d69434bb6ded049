// InProcessBus: subscribers matched by exact topic or prefix, counters in a map.
// Must not keep references to published bytes after publish() returns.
#include "server/core/InProcessBus.h"

#include <algorithm>

namespace fg::server {

void InProcessBus::publish(std::string_view topic, std::span<const std::uint8_t> bytes) {
    // By index: a handler may subscribe or unsubscribe while we deliver.
    const std::size_t count = m_subscriptions.size();
    for (std::size_t i = 0; i < count && i < m_subscriptions.size(); ++i) {
        const Subscription& s = m_subscriptions[i];
        const bool match = s.prefix ? topic.starts_with(s.topic) : topic == s.topic;
        if (match) {
            Handler handler = s.handler; // the vector may move under a re-entrant subscribe
            handler(topic, bytes);
        }
    }
}

Bus::SubscriptionId InProcessBus::subscribe(std::string topic, Handler handler) {
    Subscription s;
    s.id = m_nextId++;
    s.prefix = !topic.empty() && topic.back() == '*';
    if (s.prefix) topic.pop_back();
    s.topic = std::move(topic);
    s.handler = std::move(handler);
    m_subscriptions.push_back(std::move(s));
    return m_subscriptions.back().id;
}

void InProcessBus::unsubscribe(SubscriptionId id) {
    std::erase_if(m_subscriptions, [id](const Subscription& s) { return s.id == id; });
}

std::int64_t InProcessBus::add(std::string_view counter, std::int64_t delta) {
    auto it = m_counters.find(counter);
    if (it == m_counters.end()) it = m_counters.emplace(std::string(counter), 0).first;
    return it->second += delta;
}

std::int64_t InProcessBus::counter(std::string_view counter) const {
    auto it = m_counters.find(counter);
    return it == m_counters.end() ? 0 : it->second;
}

} // namespace fg::server
