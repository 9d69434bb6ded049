// Who hears whom: the selective-forwarding choice as pure functions shared by the server (which
// forwards) and the client (which shows it). Knows positions and levels only: no audio, no network.
#pragma once

#include "game/voice/VoiceFrame.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace fg::voice {

struct VoiceRules {
    float radiusMetres = 12.0f;     // R: nearby voices carry this far within a hall
    std::size_t maxVoices = 6;      // N: nearby voices per listener, loudest first
    std::uint8_t hysteresis = 6;    // level units (dB) a newcomer must beat a kept voice by
    std::size_t maxStageVoices = 8; // stage voices of the listener's session, besides N
};

// Everything a selection can hold (N plus stage voices at their largest).
inline constexpr std::size_t kMaxSelected = 32;

// A person talking this frame. zone: 0 in the open hall, else the private booth zone they stand
// in (the caller numbers zones). stageSession: the live session whose stage they speak from, 0
// for none.
struct VoiceSpeaker {
    std::uint16_t id = 0;
    std::uint8_t hall = 0;
    float x = 0, z = 0;
    std::uint32_t zone = 0;
    std::uint32_t stageSession = 0;
    std::uint8_t level = 0;
};

// A person listening. session: the live session they attend (seat or overflow), 0 for none.
struct VoiceListener {
    std::uint16_t id = 0;
    std::uint8_t hall = 0;
    float x = 0, z = 0;
    std::uint32_t zone = 0;
    std::uint32_t session = 0;
};

enum class Reach : std::uint8_t {
    None,   // not forwarded
    Nearby, // same hall and zone, within R: placed at the speaker, with roll-off
    Stage,  // a stage speaker of the listener's session: everywhere in the venue, no roll-off
};

// Whether LISTENER can hear SPEAKER at all (before the N-loudest cut). Private zones are closed
// both ways: a voice inside reaches only its zone, a voice outside reaches no one inside.
Reach reach(const VoiceListener& listener, const VoiceSpeaker& speaker, const VoiceRules& rules);

// The voices one listener gets: small, fixed capacity, in choice order (stage voices first).
class VoiceSelection {
public:
    bool contains(std::uint16_t id) const;
    std::size_t size() const { return m_count; }
    bool empty() const { return m_count == 0; }
    std::uint16_t operator[](std::size_t i) const { return m_ids[i]; }
    Reach reachOf(std::size_t i) const { return m_reach[i]; }
    const std::uint16_t* begin() const { return m_ids.data(); }
    const std::uint16_t* end() const { return m_ids.data() + m_count; }
    void clear() { m_count = 0; }
    void add(std::uint16_t id, Reach reach);

private:
    std::array<std::uint16_t, kMaxSelected> m_ids{};
    std::array<Reach, kMaxSelected> m_reach{};
    std::size_t m_count = 0;
};

// The voices LISTENER gets this frame from TALKERS: every stage voice of their session (up to
// maxStageVoices, loudest first), then the maxVoices loudest nearby ones. A voice in PREVIOUS
// (last frame's choice for this listener) counts `hysteresis` louder, so two voices of about
// the same level do not swap in and out from frame to frame.
void chooseVoices(const VoiceListener& listener, std::span<const VoiceSpeaker> talkers,
                  const VoiceSelection& previous, const VoiceRules& rules, VoiceSelection& out);

} // namespace fg::voice
