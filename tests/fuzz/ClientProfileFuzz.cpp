// libFuzzer entry for client.json (loadProfile), which anyone with access to the user's config
// folder or a shared setup script may write: settings read back must be within their ranges.
#include "engine/core/File.h"
#include "game/client/VisitorProfile.h"
#include "tests/fuzz/FuzzSupport.h"

#include <cstdio>
#include <cstdlib>
#include <string_view>

using fg::client::VisitorProfile;

namespace {

void checkRanges(const VisitorProfile& p) {
    const auto& s = p.settings;
    if (s.msaa != 1 && s.msaa != 2 && s.msaa != 4 && s.msaa != 8) std::abort();
    if (!(s.resolutionScale >= 0.25f && s.resolutionScale <= 1.0f)) std::abort();
    if (!(s.mouseSensitivity >= 0.01f && s.mouseSensitivity <= 2.0f)) std::abort();
    if (p.color > 0xffffff) std::abort();
}

bool same(const VisitorProfile& a, const VisitorProfile& b) {
    return a.name == b.name && a.organisation == b.organisation && a.email == b.email &&
           a.country == b.country && a.color == b.color && a.clientKey == b.clientKey &&
           a.token == b.token && a.settings.msaa == b.settings.msaa &&
           a.settings.shadows == b.settings.shadows &&
           a.settings.resolutionScale == b.settings.resolutionScale &&
           a.settings.mouseSensitivity == b.settings.mouseSensitivity &&
           a.settings.showStats == b.settings.showStats;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto file = fg::fuzz::scratchDir() / "client.json";
    // A plain write: writeFileAtomic's fsync would cost more than the parse being fuzzed.
    std::FILE* f = std::fopen(file.c_str(), "wb");
    if (!f || std::fwrite(data, 1, size, f) != size || std::fclose(f) != 0) std::abort();
    auto profile = fg::client::loadProfile(file);
    if (!profile.ok()) return 0;
    checkRanges(*profile);
    const auto saved = fg::fuzz::scratchDir() / "saved.json";
    if (!fg::client::saveProfile(*profile, saved)) std::abort();
    auto again = fg::client::loadProfile(saved);
    if (!again.ok() || !same(*again, *profile)) std::abort();
    return 0;
}
