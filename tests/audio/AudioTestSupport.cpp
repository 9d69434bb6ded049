// Test helpers for tests/audio: espeak-ng speech, tones, envelopes and their alignment. Writes
// only under its own scratch folder.
#include "tests/audio/AudioTestSupport.h"

#include "engine/audio/Wav.h"

#include <cmath>
#include <cstdlib>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <numbers>
#include <unistd.h>

namespace fgtest {

namespace fs = std::filesystem;

const fs::path& audioScratch() {
    static const fs::path dir = [] {
        fs::path d = fs::temp_directory_path() / fmt::format("fg-audio-tests-{}", ::getpid());
        fs::create_directories(d);
        return d;
    }();
    return dir;
}

fs::path speak(const std::string& text, const std::string& name) {
    const fs::path out = audioScratch() / name;
    const std::string command = fmt::format("espeak-ng -w '{}' '{}'", out.string(), text);
    const int rc = std::system(command.c_str());
    REQUIRE_MESSAGE(rc == 0, "espeak-ng failed (", rc, "): install it with tools/install-deps.sh");
    return out;
}

fg::audio::Pcm voicePcm(const fs::path& wav) {
    auto data = fg::audio::readWav(wav);
    REQUIRE_MESSAGE(data, (data ? "" : data.error().message));
    fg::audio::Pcm pcm = fg::audio::toVoiceFormat(*data);
    pcm.resize(pcm.size() / fg::audio::kFrameSamples * fg::audio::kFrameSamples);
    return pcm;
}

fg::audio::Pcm tone(double hz, double seconds, double amplitude) {
    fg::audio::Pcm pcm(std::size_t(seconds * fg::audio::kSampleRate));
    for (std::size_t i = 0; i < pcm.size(); ++i)
        pcm[i] =
            std::int16_t(32767 * amplitude *
                         std::sin(2 * std::numbers::pi * hz * double(i) / fg::audio::kSampleRate));
    return pcm;
}

std::vector<double> envelope(const fg::audio::Pcm& pcm, std::size_t window) {
    std::vector<double> out;
    for (std::size_t at = 0; at + window <= pcm.size(); at += window) {
        double sum = 0;
        for (std::size_t i = at; i < at + window; ++i)
            sum += double(pcm[i]) * pcm[i];
        out.push_back(std::sqrt(sum / double(window)));
    }
    return out;
}

namespace {

double pearson(const std::vector<double>& a, const std::vector<double>& b, int lag) {
    const std::size_t n = std::min(a.size(), b.size() > std::size_t(lag) ? b.size() - lag : 0);
    if (n < 10) return -1;
    double ma = 0, mb = 0;
    for (std::size_t i = 0; i < n; ++i) {
        ma += a[i];
        mb += b[i + std::size_t(lag)];
    }
    ma /= double(n);
    mb /= double(n);
    double cov = 0, va = 0, vb = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double da = a[i] - ma, db = b[i + std::size_t(lag)] - mb;
        cov += da * db;
        va += da * da;
        vb += db * db;
    }
    return va > 0 && vb > 0 ? cov / std::sqrt(va * vb) : -1;
}

} // namespace

Alignment alignEnvelopes(const std::vector<double>& a, const std::vector<double>& b, int maxLag) {
    Alignment best;
    for (int lag = 0; lag <= maxLag; ++lag) {
        const double c = pearson(a, b, lag);
        if (c > best.correlation) best = {c, lag};
    }
    return best;
}

} // namespace fgtest
