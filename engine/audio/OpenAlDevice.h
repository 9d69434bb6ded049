// The system's sound devices through OpenAL Soft: the only file pair that knows OpenAL exists
// (OpenAlDevice.cpp includes AL/). Callers get an AudioDevice and device names, nothing more.
#pragma once

#include "engine/audio/AudioDevice.h"
#include "engine/core/Result.h"

namespace fg::audio {

// Opens OUTPUT for playback (empty: the system default) with HRTF when OpenAL offers it, and
// INPUT for capture at 48 kHz mono (empty: the default; a failed capture leaves a device that
// plays but captures nothing, with a log line). Fails only when no playback device opens.
Result<std::unique_ptr<AudioDevice>> openOpenAlDevice(const std::string& output,
                                                      const std::string& input);

// The playback and capture devices OpenAL lists (empty lists with no sound system).
DeviceList listOpenAlDevices();

} // namespace fg::audio
