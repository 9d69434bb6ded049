// client.json reading/writing with nlohmann-json, and the profile's field rules.
// Writes only the file it is given (atomically); never touches the network.
#include "game/client/VisitorProfile.h"

#include "engine/core/File.h"
#include "engine/core/Hash.h"
#include "engine/core/Time.h"
#include "engine/core/Translate.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <random>

namespace fg::client {
namespace {

using nlohmann::json;

template <class T>
void readField(const json& j, const char* key, T& out) {
    if (auto it = j.find(key); it != j.end() && !it->is_null()) out = it->get<T>();
}

} // namespace

bool VisitorProfile::complete() const {
    return checkProfile(*this).empty();
}

std::string checkProfile(const VisitorProfile& p) {
    if (p.name.size() < 2 || p.name.size() > 32) return tr("name must be 2-32 characters");
    if (p.organisation.empty() || p.organisation.size() > 120)
        return tr("organisation must be 1-120 characters");
    if (p.country.size() != 2 || !std::isupper(static_cast<unsigned char>(p.country[0])) ||
        !std::isupper(static_cast<unsigned char>(p.country[1])))
        return tr("country must be two capital letters (ISO 3166-1, e.g. VN)");
    if (p.color > 0xffffff) return tr("colour must be #rrggbb");
    return {};
}

Result<std::uint32_t> parseColor(const std::string& text) {
    if (text.size() != 7 || text[0] != '#' ||
        text.find_first_not_of("0123456789abcdefABCDEF", 1) != std::string::npos)
        return makeError(fmt::format("colour '{}': expected #rrggbb", text));
    return std::uint32_t(std::stoul(text.substr(1), nullptr, 16));
}

std::string formatColor(std::uint32_t rgb) {
    return fmt::format("#{:06x}", rgb & 0xffffffu);
}

std::string makeClientKey() {
    std::random_device device;
    const std::uint64_t a = (std::uint64_t(device()) << 32) ^ device();
    const std::uint64_t b =
        (std::uint64_t(device()) << 32) ^ device() ^ std::uint64_t(monotonicNanos());
    return fmt::format("{:016x}{:016x}", a, b);
}

namespace {

// starred_sessions: ids (strings up to 64 bytes, at most 1000); anything else is skipped, so a
// hand-edited file never stops the client.
void readStarred(const json& j, std::vector<std::string>& out) {
    auto it = j.find("starred_sessions");
    if (it == j.end() || !it->is_array()) return;
    for (const json& id : *it)
        if (id.is_string() && !id.get_ref<const std::string&>().empty() &&
            id.get_ref<const std::string&>().size() <= 64 && out.size() < 1000)
            out.push_back(id.get<std::string>());
}

} // namespace

Result<VisitorProfile> loadProfile(const std::filesystem::path& file) {
    VisitorProfile p;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return p;
    auto text = readFileText(file, 1 << 20);
    if (!text) return text.error();
    try {
        const json j = json::parse(*text);
        if (!j.is_object())
            return makeError(fmt::format("{}: expected a JSON object", file.string()));
        readField(j, "name", p.name);
        readField(j, "organisation", p.organisation);
        readField(j, "email", p.email);
        readField(j, "country", p.country);
        std::string color;
        readField(j, "color", color);
        if (!color.empty()) {
            auto rgb = parseColor(color);
            if (!rgb)
                return makeError(fmt::format("{}: color: {}", file.string(), rgb.error().message));
            p.color = *rgb;
        }
        readField(j, "client_key", p.clientKey);
        readField(j, "token", p.token);
        readStarred(j, p.starredSessions);
        if (auto s = j.find("settings"); s != j.end() && s->is_object()) {
            readField(*s, "msaa", p.settings.msaa);
            readField(*s, "shadows", p.settings.shadows);
            readField(*s, "resolution_scale", p.settings.resolutionScale);
            readField(*s, "mouse_sensitivity", p.settings.mouseSensitivity);
            readField(*s, "show_stats", p.settings.showStats);
            readField(*s, "ui_scale", p.settings.uiScale);
            readField(*s, "high_contrast", p.settings.highContrast);
            readField(*s, "language", p.settings.language);
        }
    } catch (const json::exception& e) {
        return makeError(fmt::format("{}: {}", file.string(), e.what()));
    }
    p.settings.mouseSensitivity = std::clamp(p.settings.mouseSensitivity, 0.01f, 2.0f);
    // MSAA takes only the sample counts a device offers (found by fg_fuzz_clientjson): a hand-
    // edited 9 becomes the nearest lower one.
    const std::uint32_t samples = p.settings.msaa;
    p.settings.msaa = samples >= 8 ? 8 : samples >= 4 ? 4 : samples >= 2 ? 2 : 1;
    p.settings.resolutionScale = std::isfinite(p.settings.resolutionScale)
                                     ? std::clamp(p.settings.resolutionScale, 0.25f, 1.0f)
                                     : 1.0f;
    if (p.settings.uiScale != 0) p.settings.uiScale = std::clamp(p.settings.uiScale, 75, 200);
    return p;
}

int effectiveUiScale(int setting, float contentScale) {
    if (setting != 0) return std::clamp(setting, 75, 200);
    if (!std::isfinite(contentScale)) return 100;
    return std::clamp(int(std::lround(contentScale * 100.0f)), 75, 200);
}

Status saveProfile(const VisitorProfile& p, const std::filesystem::path& file) {
    json j;
    j["name"] = p.name;
    j["organisation"] = p.organisation;
    j["email"] = p.email;
    j["country"] = p.country;
    j["color"] = formatColor(p.color);
    j["client_key"] = p.clientKey;
    if (!p.token.empty()) j["token"] = p.token;
    if (!p.starredSessions.empty()) j["starred_sessions"] = p.starredSessions;
    j["settings"] = {{"msaa", p.settings.msaa},
                     {"shadows", p.settings.shadows},
                     {"resolution_scale", p.settings.resolutionScale},
                     {"mouse_sensitivity", p.settings.mouseSensitivity},
                     {"show_stats", p.settings.showStats},
                     {"ui_scale", p.settings.uiScale},
                     {"high_contrast", p.settings.highContrast}};
    if (!p.settings.language.empty()) j["settings"]["language"] = p.settings.language;
    std::error_code ec;
    // A bare file name (--config client.json) has no folder to create.
    if (!file.parent_path().empty()) std::filesystem::create_directories(file.parent_path(), ec);
    if (ec)
        return makeError(
            fmt::format("{}: cannot create folder: {}", file.parent_path().string(), ec.message()));
    if (Status written = writeFileAtomic(file, j.dump(2) + "\n"); !written) return written;
    // The invitation code is a credential: only its owner may read the file.
    std::filesystem::permissions(
        file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
        std::filesystem::perm_options::replace, ec);
    if (ec)
        return makeError(
            fmt::format("{}: cannot restrict to mode 0600: {}", file.string(), ec.message()));
    return {};
}

} // namespace fg::client
