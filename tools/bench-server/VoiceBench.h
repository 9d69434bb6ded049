// Voice benchmark: a real ServerApp on 127.0.0.1 and N visitors over real loopback connections,
// standing in groups at booth fronts, T of them talking at once (50 frames per second each);
// what the server forwards, at what CPU cost, and how long a voice takes from mouth to ear.
#pragma once

#include "engine/core/Result.h"

#include <cstdint>

namespace fg::bench {

struct VoiceOptions {
    std::uint32_t talkers = 100;
    std::uint32_t groups = 20; // booth fronts the visitors stand at, 30 m apart
    double seconds = 10;       // the measured window
    double settleSeconds = 2;  // after everyone stands in place, before the window
    std::uint32_t threads = 4; // client threads
    std::uint32_t tickRate = 20;
    std::uint32_t payloadBytes = 70; // a 24 kbit/s Opus frame is 60-80 bytes
};

struct VoiceResult {
    std::uint32_t visitors = 0, talkers = 0, connected = 0;
    double framesInPerSecond = 0, framesOutPerSecond = 0, droppedPerSecond = 0;
    double voicesPerListener = 0;      // frames out / frames in: listeners each frame reached
    double serverCpuPercent = 0;       // the server thread over the window
    double cpuUsPerForwardedFrame = 0; // server thread CPU / frames out
    double downKbitPerListener = 0;    // VoiceFrameDown bytes (messages) per listening visitor
    double networkP50Ms = 0, networkP99Ms = 0; // talker's send -> listener's receive
    double encodeUs = 0, decodeUs = 0;         // per 20 ms frame, this machine, Opus as configured
    double jitterTargetMs = 0;                 // the jitter buffers' mean target delay at the end
};

Result<VoiceResult> runVoiceBench(std::uint32_t visitors, const VoiceOptions& options);

} // namespace fg::bench
