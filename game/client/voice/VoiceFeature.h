// Voice in the client (issue #14): the microphone every 20 ms (push-to-talk or open microphone),
// encoded and sent as VoiceFrameUp; the voices the server forwards played where their speakers
// stand; mutes, per-person volume, the moderator's mutes and what the server says (VoiceStatus).
// The server decides who hears whom and who may mute; nothing here opens the device (ClientApp).
#pragma once

#include "engine/audio/AudioOption.h"
#include "engine/audio/VoiceCodec.h"
#include "game/client/ClientFeature.h"
#include "game/client/ClientState.h"
#include "game/client/voice/VoicePlayout.h"

#include <array>
#include <map>
#include <memory>

namespace fg::client {

class ClientFeatures;
class StageFeature;
class ModerationFeature;

enum class MicMode { PushToTalk, Open };

// The listener's own settings for one person (the people panel): volume and a local mute.
struct PersonVoice {
    float volume = 1.0f; // 0-2
    bool muted = false;
};

// What the server last said about my voice.
struct MyVoiceStatus {
    bool muted = false;
    std::uint32_t secondsLeft = 0; // 0: until lifted
    std::string reason;
    double at = 0; // Session::now when it arrived
};

class VoiceFeature : public ClientFeature {
public:
    VoiceFeature(Session& s, ClientFeatures& host);
    ~VoiceFeature() override;
    void registerHandlers(netclient::ClientRouter& router, PendingRequests& pending) override;
    void drawPanels(const UiFrame& f) override;
    std::optional<Status> runAction(const std::string& name,
                                    const std::vector<std::string>& args) override;
    void onJoined() override;
    // Runs the 20 ms clock up to Session::now: capture, send, play out, pump the device.
    void update() override;

    // The device ClientApp opened from --audio (SPEC says what was asked); null until then.
    void useDevice(std::unique_ptr<audio::AudioDevice> device, const audio::AudioSpec& spec);
    audio::AudioDevice& device() { return *m_device; }
    // The push-to-talk key (V) as ClientApp read it this frame (not while typing in a field).
    void setTalkKey(bool held) { m_keyHeld = held; }

    MicMode mode() const { return m_mode; }
    void setMode(MicMode mode);
    void setSelfMuted(bool muted) { m_selfMuted = muted; }
    bool selfMuted() const { return m_selfMuted; }
    // Frames of my voice are going out now.
    bool talking() const { return m_talking; }
    std::uint8_t inputLevel() const { return m_inputLevel; }
    const MyVoiceStatus& status() const { return m_status; }
    // The server mutes my voice now.
    bool mutedByServer() const;
    // "Muted by the moderator, 5 min left" while the server mutes me, else "".
    std::string mutedText() const;
    bool speaking(std::uint16_t id) const;
    PersonVoice& person(std::uint16_t id) { return m_people[id]; }
    const VoicePlayout& playout() const { return m_playout; }
    std::uint64_t framesSent() const { return m_framesSent; }

    // A moderator's or organiser's mute (the server checks the right and answers).
    bool mutePerson(std::uint16_t id, bool mute, std::uint32_t seconds);
    bool muteAudience(bool mute, std::uint32_t seconds);

private:
    std::int64_t nowMs() const; // Session::now in whole milliseconds
    void tick(std::int64_t nowMs);
    void captureAndSend();
    bool wantsToTalk(std::uint8_t level);
    void send(std::span<const std::int16_t, audio::kFrameSamples> pcm, std::uint8_t level,
              std::uint8_t flags);
    std::uint8_t stageFlag() const;
    audio::ListenerPose listener() const;
    audio::VoicePlacement placeOf(std::uint16_t speaker, voice::Reach reach);
    // The session whose moderator this visitor is (attended now), or null.
    const expo::Session* moderatedSession() const;
    bool canMute() const;
    Status reopenSystemDevice();
    // VoicePanels.cpp
    void drawSettings();
    void drawPersonVoice(const netclient::RemoteAvatar& r);
    void drawStageSection(const expo::Session& e);
    void drawSpeakingMarks(const UiFrame& f);
    void drawMicState();
    // VoiceActions.cpp
    Result<std::uint16_t> personNamed(const std::string& name) const;
    Status personAction(const std::string& name, const std::vector<std::string>& args);

    Session& m_s;
    StageFeature* m_stage = nullptr;
    ModerationFeature* m_moderation = nullptr;
    std::unique_ptr<audio::AudioDevice> m_device;
    audio::AudioSpec m_spec;
    std::optional<audio::VoiceEncoder> m_encoder;
    VoicePlayout m_playout;
    VoiceActivity m_activity;
    std::map<std::uint16_t, PersonVoice> m_people;
    std::map<std::uint16_t, glm::vec2> m_lastSeen; // speakers' last positions (hall metres)
    MyVoiceStatus m_status;
    MicMode m_mode = MicMode::PushToTalk;
    std::int64_t m_nextTickMs = -1;
    std::uint16_t m_sequence = 0;
    std::uint64_t m_framesSent = 0;
    std::uint8_t m_inputLevel = 0;
    bool m_keyHeld = false, m_scriptHeld = false, m_selfMuted = false;
    bool m_talking = false;
    bool m_testMic = false; // Settings' "Test microphone": my voice back to me, nothing sent
    audio::DeviceList m_devices;
    bool m_devicesListed = false;
    int m_muteMinutes = 5;
};

// The device voice id of my own voice in the microphone test (above every client id).
inline constexpr audio::VoiceId kSelfTestVoice = 0x10000;

} // namespace fg::client
