// The adaptive jitter buffer of one incoming voice: reorders packets, drops late ones, and says
// per 20 ms what to play (a frame, FEC recovery, concealment or silence). Pure: the caller's
// clock comes in as milliseconds; no codec, device or network here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <span>
#include <vector>

namespace fg::audio {

struct JitterConfig {
    int minDelayMs = 40;  // the target never goes below (the 40-120 ms)
    int maxDelayMs = 120; // nor above: later frames are dropped rather than delay everyone
    int frameMs = 20;
    std::size_t capacity = 32;     // frames held at most; further ahead is refused
    std::size_t window = 100;      // arrivals the jitter estimate looks back over (2 s)
    int idleAfterMissing = 5;      // frames of nothing before playout stops and rebuffers
    std::size_t shrinkWindow = 25; // pops over which a too-full buffer is noticed (0.5 s)
};

// What to play for the next 20 ms.
struct PlayoutStep {
    enum class Kind {
        Silence, // not playing: nothing received yet, or the talker stopped
        Frame,   // decode `packet`
        Recover, // frame `sequence` is missing: decode it from the FEC in `packet` (the next one)
        Conceal, // frame `sequence` is missing and so is the next: packet loss concealment
    };
    Kind kind = Kind::Silence;
    std::uint16_t sequence = 0;
    std::vector<std::uint8_t> packet;
};

struct JitterStats {
    std::uint64_t received = 0, late = 0, duplicate = 0, overflow = 0, shrunk = 0;
    std::uint64_t played = 0, recovered = 0, concealed = 0, rebuffers = 0;
};

class JitterBuffer {
public:
    explicit JitterBuffer(JitterConfig config = {});

    // A packet with SEQUENCE arrived at NOWMS. False when it was dropped: late (its turn has
    // passed), a duplicate, or too far ahead of playout.
    bool push(std::uint16_t sequence, std::span<const std::uint8_t> packet, std::int64_t nowMs);
    // The next 20 ms of playout; the playback clock calls it once per frame.
    PlayoutStep pop(std::int64_t nowMs);

    // The delay playout currently aims for, from the recent spread of arrival times.
    int targetDelayMs() const { return m_targetMs; }
    bool playing() const { return m_playing; }
    std::size_t buffered() const { return m_frames.size(); }
    const JitterStats& stats() const { return m_stats; }

private:
    struct Held {
        std::vector<std::uint8_t> packet;
        std::int64_t arrivalMs = 0;
    };
    std::int64_t unwrap(std::uint16_t sequence) const;
    void observeArrival(std::int64_t extended, std::int64_t nowMs);
    bool readyToStart(std::int64_t nowMs) const;
    PlayoutStep playNext();
    void shrinkIfTooFull();

    JitterConfig m_config;
    std::map<std::int64_t, Held> m_frames; // by extended sequence
    std::deque<std::int64_t> m_transits;   // arrival - sequence * frameMs, newest last
    std::deque<std::size_t> m_depths;      // frames held at each recent pop
    std::int64_t m_highest = -1;           // highest extended sequence seen
    std::int64_t m_next = 0;               // extended sequence to play next
    std::int64_t m_lastPlayed = -1;        // at or before it is late
    int m_missingRun = 0;
    int m_targetMs;
    bool m_playing = false;
    JitterStats m_stats;
};

} // namespace fg::audio
