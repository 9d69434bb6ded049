// The visitor's remembered details and settings ($XDG_CONFIG_HOME/fairground/client.json).
// Reading never fails hard on a bad file: the problem is reported and defaults are used.
#pragma once

#include "engine/core/Result.h"
#include "engine/core/Translate.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace fg::client {

struct ClientSettings {
    std::uint32_t msaa = 4; // 1, 2, 4 or 8 (applied on the next start)
    bool shadows = true;
    // The 3D view is drawn at this fraction of the window and stretched (0.25-1; the UI stays
    // sharp): the cheapest way to a usable frame rate on a slow GPU or a CPU renderer.
    float resolutionScale = 1.0f;
    float mouseSensitivity = 0.15f; // degrees per pixel
    bool showStats = true;
    // UI scale in percent, 75-200 (fonts rasterised at that size); 0 follows the monitor's
    // content scale.
    int uiScale = 0;
    bool highContrast = false; // the high-contrast theme
    std::string language; // UI language ("en", "fr"); empty: from the locale (LANGUAGE, LANG...)
};

struct VisitorProfile {
    std::string name;
    std::string organisation;
    std::string email;
    std::string country;            // ISO 3166-1 alpha-2, upper case
    std::uint32_t color = 0x2f80ed; // 0xRRGGBB
    std::string clientKey;          // stable per-install key, generated once
    // Invitation code (exhibitor or organiser token); the server decides the role from it.
    // Kept in client.json, which is therefore written with mode 0600.
    std::string token;
    ClientSettings settings;
    // Sessions starred in the agenda ("My agenda"), by id, in the order they were starred.
    std::vector<std::string> starredSessions;

    // Name, organisation and country are needed before joining (the first-run form asks).
    bool complete() const;
};

// The UI scale in percent to use: SETTING (75-200), or CONTENTSCALE as a percentage clamped to
// 75-200 when SETTING is 0 ("follow the monitor").
int effectiveUiScale(int setting, float contentScale);

// Why a profile field is unacceptable, or empty when all are fine.
std::string checkProfile(const VisitorProfile& profile);
// "#rrggbb" <-> 0xRRGGBB.
Result<std::uint32_t> parseColor(const std::string& text);
std::string formatColor(std::uint32_t rgb);

// Missing file: a default profile (not complete). A malformed file: an error naming it.
Result<VisitorProfile> loadProfile(const std::filesystem::path& file);
Status saveProfile(const VisitorProfile& profile, const std::filesystem::path& file);
// A random 32-hex-digit key for VisitorProfile::clientKey.
std::string makeClientKey();

} // namespace fg::client
