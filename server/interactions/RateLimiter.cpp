// Token-bucket arithmetic for chat and other per-sender limits.
// Never reads a clock: callers pass monotonic seconds, which keeps tests deterministic.
#include "server/interactions/RateLimiter.h"

#include <algorithm>

namespace fg::interact {

void TokenBucket::refill(double now) {
    if (m_last >= 0 && now > m_last)
        m_tokens = std::min(m_burst, m_tokens + (now - m_last) * m_rate);
    if (now > m_last) m_last = now;
}

bool TokenBucket::take(double now) {
    refill(now);
    if (m_tokens < 1.0) return false;
    m_tokens -= 1.0;
    return true;
}

double TokenBucket::waitSeconds(double now) const {
    double tokens = m_tokens;
    if (m_last >= 0 && now > m_last) tokens = std::min(m_burst, tokens + (now - m_last) * m_rate);
    if (tokens >= 1.0 || m_rate <= 0) return 0;
    return (1.0 - tokens) / m_rate;
}

bool RateLimiter::take(std::uint32_t senderId, double now) {
    auto it = m_buckets.try_emplace(senderId, m_burst, m_rate).first;
    return it->second.take(now);
}

double RateLimiter::waitSeconds(std::uint32_t senderId, double now) const {
    auto it = m_buckets.find(senderId);
    return it == m_buckets.end() ? 0 : it->second.waitSeconds(now);
}

} // namespace fg::interact
