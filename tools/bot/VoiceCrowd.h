// Voice bots (`fairground-bot --voice-in`): N bots stand still at a booth's front; the first
// SPEAKERS speak a WAV file through the WAV device and the Opus encoder, the others listen: one
// jitter buffer and decoder per voice they get, mixed into DIR/<bot>.wav. Client library only.
#pragma once

#include "engine/core/Result.h"
#include "game/expo/Exhibition.h"
#include "game/netclient/NetClient.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace fg::bot {

struct VoiceCrowdConfig {
    std::string host = "127.0.0.1";
    std::uint16_t port = 7777;
    // Listeners connect here instead when not 0 (tests put a network conditioner there).
    std::uint16_t listenerPort = 0;
    std::uint32_t count = 2;        // bots in all
    std::uint32_t speakers = 1;     // the first SPEAKERS bots speak, the others listen
    std::filesystem::path voiceIn;  // what the speakers say (any rate, mono or stereo, 16-bit)
    std::filesystem::path voiceOut; // DIR: one WAV per listening bot ("" keeps none)
    expo::Exhibition exhibition;    // where the booths stand
    std::string standAt;            // booth id: everybody stands at its front
    float nearMetres = 3.0f;        // listeners stand this far from the speakers, spread around
    std::uint32_t far = 0;          // this many listeners stand at the booth farthest from it
    double tailSeconds = 1.5;       // listening goes on this long after the speech ends
    std::string namePrefix = "voice";
    // Called with each bot's client as it joins (tests sign one in as a speaker, etc.).
    std::function<void(std::uint32_t index, netclient::ClientConfig&)> configure;
    // Called once everybody stands in place, before the first word (tests mute someone here).
    std::function<void()> onReady;
};

struct VoiceListenerReport {
    std::string name;
    std::filesystem::path wav; // empty without --voice-out
    glm::vec2 position{0.0f};
    float metresFromSpeaker = 0; // to the first speaker
    std::uint64_t framesReceived = 0, speakersHeard = 0;
    std::uint64_t late = 0, recovered = 0, concealed = 0;
    bool toldMuted = false; // got a VoiceStatus saying muted
};

struct VoiceCrowdReport {
    std::uint32_t connected = 0;
    std::uint64_t framesSent = 0;
    double speechSeconds = 0;
    std::vector<VoiceListenerReport> listeners;
    std::vector<std::string> speakerStatus; // per speaker: "" or the mute reason it was told
    std::vector<std::string> errors;
    std::string toJson() const;
};

// Connects, places, speaks and listens, then disconnects; an error when the bots could not
// join or be placed (what and who).
Result<VoiceCrowdReport> runVoiceCrowd(const VoiceCrowdConfig& config);

} // namespace fg::bot
