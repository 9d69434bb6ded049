// Adaptive jitter buffer: the playout delay follows the spread of recent arrival times within
// 40-120 ms; underruns conceal, then rebuffer; a buffer fuller than needed drops a frame.
#include "engine/audio/JitterBuffer.h"

#include <algorithm>

namespace fg::audio {

JitterBuffer::JitterBuffer(JitterConfig config) : m_config(config), m_targetMs(config.minDelayMs) {}

// Sequences are 16 bits on the wire; within half their range of the highest seen they are
// taken as the nearest extended value, so wrap-around is invisible to the rest.
std::int64_t JitterBuffer::unwrap(std::uint16_t sequence) const {
    if (m_highest < 0) return sequence;
    const auto delta = std::int16_t(std::uint16_t(sequence - std::uint16_t(m_highest)));
    return m_highest + delta;
}

// Transit (arrival minus send slot) differs from packet to packet by the network's jitter; the
// target covers the 95th percentile of that spread so 1 packet in 20 at most arrives too late.
void JitterBuffer::observeArrival(std::int64_t extended, std::int64_t nowMs) {
    m_transits.push_back(nowMs - extended * m_config.frameMs);
    if (m_transits.size() > m_config.window) m_transits.pop_front();
    std::vector<std::int64_t> sorted(m_transits.begin(), m_transits.end());
    std::sort(sorted.begin(), sorted.end());
    const std::int64_t spread = sorted[sorted.size() * 95 / 100] - sorted.front();
    const int target = int(std::clamp<std::int64_t>(spread + m_config.frameMs / 2,
                                                    m_config.minDelayMs, m_config.maxDelayMs));
    // Early in a talk spurt the window is too short to know the jitter: keep what the previous
    // spurt learned until a quarter of the window is in.
    m_targetMs = m_transits.size() < m_config.window / 4 ? std::max(m_targetMs, target) : target;
}

bool JitterBuffer::push(std::uint16_t sequence, std::span<const std::uint8_t> packet,
                        std::int64_t nowMs) {
    const std::int64_t extended = unwrap(sequence);
    if (extended <= m_lastPlayed || (m_playing && extended < m_next)) {
        ++m_stats.late;
        return false;
    }
    if (m_frames.contains(extended)) {
        ++m_stats.duplicate;
        return false;
    }
    const std::int64_t base =
        m_playing ? m_next : (m_frames.empty() ? extended : m_frames.begin()->first);
    if (extended >= base + std::int64_t(m_config.capacity)) {
        ++m_stats.overflow;
        return false;
    }
    ++m_stats.received;
    m_highest = std::max(m_highest, extended);
    observeArrival(extended, nowMs);
    m_frames.emplace(extended, Held{{packet.begin(), packet.end()}, nowMs});
    return true;
}

// Playout starts once the oldest held packet has waited the target delay.
bool JitterBuffer::readyToStart(std::int64_t nowMs) const {
    return !m_frames.empty() && nowMs - m_frames.begin()->second.arrivalMs >= m_targetMs;
}

PlayoutStep JitterBuffer::pop(std::int64_t nowMs) {
    if (!m_playing) {
        if (!readyToStart(nowMs)) return {};
        m_playing = true;
        m_next = m_frames.begin()->first;
        m_missingRun = 0;
        m_depths.clear();
    }
    shrinkIfTooFull();
    return playNext();
}

PlayoutStep JitterBuffer::playNext() {
    PlayoutStep step;
    step.sequence = std::uint16_t(m_next);
    m_lastPlayed = m_next++;
    if (auto it = m_frames.find(m_lastPlayed); it != m_frames.end()) {
        step.kind = PlayoutStep::Kind::Frame;
        step.packet = std::move(it->second.packet);
        m_frames.erase(it);
        m_missingRun = 0;
        ++m_stats.played;
        return step;
    }
    if (auto next = m_frames.find(m_next); next != m_frames.end()) {
        step.kind = PlayoutStep::Kind::Recover;
        step.packet = next->second.packet; // the next frame is still decoded in its own turn
        ++m_stats.recovered;
    } else {
        step.kind = PlayoutStep::Kind::Conceal;
        ++m_stats.concealed;
    }
    if (m_frames.empty() && ++m_missingRun >= m_config.idleAfterMissing) {
        // The talker paused or the link stalled: rebuffer on the next packet. Frames counted
        // as concealed here were never sent, so the next spurt (which goes on from the last
        // sent sequence) must not count as late.
        m_playing = false;
        m_lastPlayed = m_highest;
        m_transits.clear(); // the next spurt's send slots start from a new time base
        ++m_stats.rebuffers;
    }
    return step;
}

// When every recent pop found more frames than the target needs (the network calmed down),
// one frame is skipped to bring the delay back: 20 ms less latency for one lost frame.
void JitterBuffer::shrinkIfTooFull() {
    m_depths.push_back(m_frames.size());
    if (m_depths.size() > m_config.shrinkWindow) m_depths.pop_front();
    if (m_depths.size() < m_config.shrinkWindow) return;
    const std::size_t least = *std::min_element(m_depths.begin(), m_depths.end());
    const std::size_t needed = std::size_t(m_targetMs / m_config.frameMs) + 1;
    if (least <= needed) return;
    auto oldest = m_frames.begin();
    if (oldest == m_frames.end() || oldest->first != m_next) return;
    m_frames.erase(oldest);
    m_lastPlayed = m_next++;
    ++m_stats.shrunk;
    m_depths.clear();
}

} // namespace fg::audio
