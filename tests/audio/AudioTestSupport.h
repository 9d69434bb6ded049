// Helpers for the audio tests: speech made now by espeak-ng (nothing committed), test tones,
// a scratch folder, and the envelope correlation that says whether two recordings match.
#pragma once

#include "engine/audio/AudioTypes.h"

#include <filesystem>
#include <string>

namespace fgtest {

// A folder of this process' own under the system's temp folder, made on first use.
const std::filesystem::path& audioScratch();

// Speaks TEXT with espeak-ng into NAME in the scratch folder (22.05 kHz mono WAV); fails the
// test when espeak-ng is missing (tools/install-deps.sh installs it).
std::filesystem::path speak(const std::string& text, const std::string& name);

// A WAV file as voice input: 48 kHz mono, cut to whole 20 ms frames. Fails the test when the
// file cannot be read.
fg::audio::Pcm voicePcm(const std::filesystem::path& wav);

// SECONDS of a sine of HZ at AMPLITUDE (0-1) at 48 kHz.
fg::audio::Pcm tone(double hz, double seconds, double amplitude = 0.5);

// RMS envelope in windows of WINDOW samples (10 ms at 48 kHz by default).
std::vector<double> envelope(const fg::audio::Pcm& pcm, std::size_t window = 480);

struct Alignment {
    double correlation = -1; // Pearson correlation of the envelopes at the best lag
    int lagWindows = 0;      // how many windows B lags behind A
};

// The best correlation of B's envelope against A's over lags 0..MAXLAG windows.
Alignment alignEnvelopes(const std::vector<double>& a, const std::vector<double>& b, int maxLag);

} // namespace fgtest
