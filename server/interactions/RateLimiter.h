// Token buckets per sender: BURST messages at once, refilled at RATE per second.
// Time is passed in (seconds, monotonic) so tests need no clock; no threads, no I/O.
#pragma once

#include <cstdint>
#include <unordered_map>

namespace fg::interact {

class TokenBucket {
public:
    TokenBucket(double burst, double perSecond)
        : m_burst(burst), m_rate(perSecond), m_tokens(burst) {}
    // Takes one token when available; false when the sender must wait.
    bool take(double now);
    // Seconds until a token is available (0 when one is).
    double waitSeconds(double now) const;

private:
    void refill(double now);
    double m_burst;
    double m_rate;
    double m_tokens;
    double m_last = -1;
};

class RateLimiter {
public:
    RateLimiter(double burst, double perSecond) : m_burst(burst), m_rate(perSecond) {}
    bool take(std::uint32_t senderId, double now);
    double waitSeconds(std::uint32_t senderId, double now) const;
    void forget(std::uint32_t senderId) { m_buckets.erase(senderId); }

private:
    double m_burst;
    double m_rate;
    std::unordered_map<std::uint32_t, TokenBucket> m_buckets;
};

} // namespace fg::interact
