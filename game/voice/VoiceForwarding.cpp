// The forwarding choice: reach per pair, then a bounded top-N by level with hysteresis. Runs per
// listener per frame on the server, so it allocates nothing and touches no shared state.
#include "game/voice/VoiceForwarding.h"

#include <algorithm>

namespace fg::voice {

Reach reach(const VoiceListener& listener, const VoiceSpeaker& speaker, const VoiceRules& rules) {
    if (speaker.id == listener.id) return Reach::None;
    if (speaker.stageSession != 0 && speaker.stageSession == listener.session) return Reach::Stage;
    if (speaker.hall != listener.hall || speaker.zone != listener.zone) return Reach::None;
    const float dx = speaker.x - listener.x, dz = speaker.z - listener.z;
    return dx * dx + dz * dz <= rules.radiusMetres * rules.radiusMetres ? Reach::Nearby
                                                                        : Reach::None;
}

bool VoiceSelection::contains(std::uint16_t id) const {
    return std::find(begin(), end(), id) != end();
}

void VoiceSelection::add(std::uint16_t id, Reach reach) {
    if (m_count == kMaxSelected) return;
    m_ids[m_count] = id;
    m_reach[m_count] = reach;
    ++m_count;
}

namespace {

// The best LIMIT candidates seen so far, best first; ties go to the lower id, so the choice
// does not depend on the order talkers are listed in.
class TopN {
public:
    explicit TopN(std::size_t limit) : m_limit(std::min(limit, kMaxSelected)) {}

    void offer(std::uint16_t id, int score) {
        std::size_t at = m_count;
        while (at > 0 && better(id, score, m_items[at - 1]))
            --at;
        if (at >= m_limit) return;
        const std::size_t last = std::min(m_count, m_limit - 1);
        for (std::size_t i = last; i > at; --i)
            m_items[i] = m_items[i - 1];
        m_items[at] = {id, score};
        m_count = std::min(m_count + 1, m_limit);
    }
    // Whether a candidate with SCORE would get in now (cheap: one comparison when full).
    bool wouldTake(std::uint16_t id, int score) const {
        return m_count < m_limit || (m_limit > 0 && better(id, score, m_items[m_limit - 1]));
    }
    void addTo(VoiceSelection& out, Reach reach) const {
        for (std::size_t i = 0; i < m_count; ++i)
            out.add(m_items[i].id, reach);
    }

private:
    struct Item {
        std::uint16_t id;
        int score;
    };
    static bool better(std::uint16_t id, int score, const Item& other) {
        return score > other.score || (score == other.score && id < other.id);
    }
    std::array<Item, kMaxSelected> m_items{};
    std::size_t m_count = 0;
    std::size_t m_limit;
};

} // namespace

void chooseVoices(const VoiceListener& listener, std::span<const VoiceSpeaker> talkers,
                  const VoiceSelection& previous, const VoiceRules& rules, VoiceSelection& out) {
    out.clear();
    TopN stage(rules.maxStageVoices);
    TopN nearby(rules.maxVoices);
    for (const VoiceSpeaker& speaker : talkers) {
        const Reach r = reach(listener, speaker, rules);
        if (r == Reach::None) continue;
        TopN& top = r == Reach::Stage ? stage : nearby;
        // Most talkers in a crowd lose even with the bonus: skip the look-up for them.
        if (!top.wouldTake(speaker.id, speaker.level + rules.hysteresis)) continue;
        const int bonus = previous.contains(speaker.id) ? rules.hysteresis : 0;
        top.offer(speaker.id, speaker.level + bonus);
    }
    stage.addTo(out, Reach::Stage);
    nearby.addTo(out, Reach::Nearby);
}

} // namespace fg::voice
