// How often one session may send one message type: a token bucket of BURST requests refilled at
// PERSECOND, stated on a Permit at registration (or the router's default). Arithmetic only.
// Never reads a clock: callers pass monotonic seconds, which keeps tests deterministic.
#pragma once

#include <algorithm>

namespace fg::server {

struct Budget {
    float burst = 0;     // requests at once; 0: the router's default budget
    float perSecond = 0; // sustained requests per second
    bool unset() const { return burst <= 0; }
};

// One session's bucket for one message type; starts full at its first use.
class BudgetBucket {
public:
    bool take(double now, const Budget& budget) {
        if (m_last < 0) {
            m_tokens = budget.burst;
        } else if (now > m_last) {
            m_tokens = std::min(budget.burst, m_tokens + float(now - m_last) * budget.perSecond);
        }
        if (now > m_last) m_last = now;
        if (m_tokens < 1.0f) return false;
        m_tokens -= 1.0f;
        return true;
    }

private:
    double m_last = -1;
    float m_tokens = 0;
};

} // namespace fg::server
