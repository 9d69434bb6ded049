// The voice slice's messages: 20 ms Opus frames up and down on their own unreliable channel (3),
// and on channel 0 the mutes and the state a talker is told. Serialize only; no audio, no rules.
#pragma once

#include "game/expo/protocol/ProtocolTypes.h"
#include "game/voice/VoiceForwarding.h"
#include "game/voice/VoiceFrame.h"

#include <cstdint>
#include <string>

namespace fg::expo::proto {

inline constexpr std::uint32_t kMaxVoiceMuteSeconds = 7 * 24 * 3600;

// Talker -> server, every 20 ms while talking: one frame of my voice (never decoded by the
// server; forwarded unchanged to the listeners it chooses, see game/voice/VoiceForwarding.h).
struct VoiceFrameUp {
    static constexpr const char* kName = "VoiceFrameUp";
    static constexpr std::uint8_t kChannel = net::kChannelVoice;
    static constexpr Direction kDirection = Direction::ClientToServer;
    voice::VoiceFrame frame;
    bool operator==(const VoiceFrameUp&) const = default;

    template <class S>
    bool serialize(S& s) {
        return frame.serialize(s);
    }
};

// Server -> listener: SPEAKER's frame as it was received, and how it reaches me (Nearby: placed
// at the speaker's avatar with distance roll-off; Stage: a live session's stage, no roll-off).
struct VoiceFrameDown {
    static constexpr const char* kName = "VoiceFrameDown";
    static constexpr std::uint8_t kChannel = net::kChannelVoice;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint16_t speaker = 0;
    voice::Reach reach = voice::Reach::Nearby;
    voice::VoiceFrame frame;
    bool operator==(const VoiceFrameDown&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(serializeClientId(s, speaker));
        std::uint32_t r = std::uint32_t(reach);
        // Reach::None is never forwarded, so it is not a valid value on the wire.
        FG_SER(net::serializeInt(s, r, std::uint32_t(voice::Reach::Nearby),
                                 std::uint32_t(voice::Reach::Stage)));
        reach = voice::Reach(r);
        return frame.serialize(s);
    }
};

// Who a VoiceMute is about: one person, or the whole audience of SESSION (everyone attending
// it who is not one of its speakers or moderators).
enum class VoiceMuteScope : std::uint8_t { Person, Audience };
inline constexpr std::uint32_t kVoiceMuteScopeMax = 1;

// Organiser (anywhere) or SESSION's moderator (its attendees) -> server: mute or unmute voice.
// SECONDS: the mute's length (0: until lifted). Answered by ActionResult; the person(s) muted
// get a VoiceStatus.
struct VoiceMute {
    static constexpr const char* kName = "VoiceMute";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string sessionId; // empty: an organiser's mute, not tied to a session
    VoiceMuteScope scope = VoiceMuteScope::Person;
    std::uint16_t target = 0; // Person: the client id
    bool mute = true;
    std::uint32_t seconds = 0;
    bool operator==(const VoiceMute&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        FG_SER(serializeEnum(s, scope, kVoiceMuteScopeMax));
        FG_SER(serializeClientId(s, target));
        FG_SER(net::serializeBool(s, mute));
        return net::serializeInt(s, seconds, 0, kMaxVoiceMuteSeconds);
    }
};

// Server -> one person: whether their voice is forwarded. Sent when it changes (a mute, its end,
// an audience mute) and when a muted person's frames are dropped, so the client can say why.
struct VoiceStatus {
    static constexpr const char* kName = "VoiceStatus";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    bool muted = false;
    std::uint32_t secondsLeft = 0; // when muted: 0 until lifted
    std::string reason;            // a sentence a person can read ("Muted by the moderator")
    bool operator==(const VoiceStatus&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeBool(s, muted));
        FG_SER(net::serializeInt(s, secondsLeft, 0, kMaxVoiceMuteSeconds));
        return net::serializeString(s, reason, kMaxReasonLength);
    }
};

} // namespace fg::expo::proto
