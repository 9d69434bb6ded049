// gettext behind fg::tr(): binds the "fairground" domain, picks the language, caches the
// "label###id" strings ImGui needs. The only file that includes <libintl.h>; no UI code here.
#include "engine/core/Translate.h"

#include <algorithm>
#include <cctype>
#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <libintl.h>
#include <mutex>
#include <unordered_map>

#ifndef FG_BUILD_LOCALE_DIR
#define FG_BUILD_LOCALE_DIR ""
#endif

// glibc's catalog generation counter: bumping it makes gettext look the language up again
// after LANGUAGE changes (GNU gettext documents this for programs that switch at run time).
extern "C" int _nl_msg_cat_cntr;

namespace fg {
namespace {

constexpr const char* kDomain = "fairground";

struct State {
    std::mutex mutex;
    std::string language = "en";
    std::string localeDir;
    // "lang\x1fmsgid\x1fid" -> "translated###id"; unordered_map values never move.
    std::unordered_map<std::string, std::string> labels;
};

State& state() {
    static State s;
    return s;
}

bool hasCatalog(const std::filesystem::path& dir) {
    std::error_code ec;
    return std::filesystem::exists(dir / "fr" / "LC_MESSAGES" / "fairground.mo", ec);
}

// FG_LOCALE_DIR, then an installed layout beside the program, then the build tree.
std::string findLocaleDir() {
    if (const char* env = std::getenv("FG_LOCALE_DIR"); env && *env) return env;
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto installed = exe.parent_path().parent_path() / "share" / "locale";
        if (hasCatalog(installed)) return installed.string();
    }
    return FG_BUILD_LOCALE_DIR;
}

// gettext ignores LANGUAGE under the "C" locale; C.UTF-8 is built into glibc and is not "C".
void enableMessages() {
    const char* got = std::setlocale(LC_MESSAGES, "");
    if (!got || std::string_view(got) == "C" || std::string_view(got) == "POSIX")
        std::setlocale(LC_MESSAGES, "C.UTF-8");
}

} // namespace

const std::vector<std::string>& uiLanguages() {
    static const std::vector<std::string> languages{"en", "fr"};
    return languages;
}

std::string_view languageName(std::string_view code) {
    if (code == "fr") return "Français";
    if (code == "en") return "English";
    return code;
}

std::string normaliseLanguage(std::string_view code) {
    std::string lang;
    for (char c : code) {
        if (!std::isalpha(static_cast<unsigned char>(c))) break;
        lang += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    const auto& all = uiLanguages();
    return std::find(all.begin(), all.end(), lang) != all.end() ? lang : std::string{};
}

std::string languageFromEnvironment() {
    for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (!value || !*value) continue;
        // LANGUAGE is a priority list ("fr:en"); the first entry we have a catalog for wins.
        std::string_view rest = value;
        while (!rest.empty()) {
            const auto colon = rest.find(':');
            if (auto lang = normaliseLanguage(rest.substr(0, colon)); !lang.empty()) return lang;
            if (colon == std::string_view::npos) break;
            rest.remove_prefix(colon + 1);
        }
        return "en"; // the first variable set decides, as for gettext itself
    }
    return "en";
}

const std::string& systemLanguage() {
    static const std::string language = languageFromEnvironment();
    return language;
}

void initTranslations(const std::string& dir, const std::string& language) {
    enableMessages();
    State& s = state();
    {
        std::lock_guard lock(s.mutex);
        s.localeDir = dir.empty() ? findLocaleDir() : dir;
        bindtextdomain(kDomain, s.localeDir.c_str());
        bind_textdomain_codeset(kDomain, "UTF-8");
    }
    setUiLanguage(language.empty() ? systemLanguage() : language);
}

std::string setUiLanguage(std::string_view code) {
    std::string lang = normaliseLanguage(code);
    if (lang.empty()) lang = "en";
    (void)systemLanguage(); // read the person's own LANGUAGE before it is overwritten
    State& s = state();
    std::lock_guard lock(s.mutex);
    s.language = lang;
    setenv("LANGUAGE", lang.c_str(), 1);
    ++_nl_msg_cat_cntr;
    return lang;
}

const std::string& uiLanguage() {
    return state().language;
}
const std::string& localeDir() {
    return state().localeDir;
}

const char* tr(const char* msgid) {
    return dgettext(kDomain, msgid);
}

const char* trn(const char* singular, const char* plural, unsigned long n) {
    return dngettext(kDomain, singular, plural, n);
}

const char* trc(const char* context, const char* msgid) {
    // pgettext's key: context, EOT, msgid; untranslated returns the key, so give back MSGID.
    const std::string key = std::string(context) + '\4' + msgid;
    const char* got = dgettext(kDomain, key.c_str());
    return got == key.c_str() || std::string_view(got) == key ? msgid : got;
}

const char* trl(const char* msgid) {
    return trl(msgid, msgid);
}

const char* trl(const char* msgid, std::string_view id) {
    State& s = state();
    std::lock_guard lock(s.mutex);
    std::string key = s.language + '\x1f' + msgid + '\x1f' + std::string(id);
    auto it = s.labels.find(key);
    if (it == s.labels.end()) {
        std::string label = dgettext(kDomain, msgid);
        label += "###";
        label += id;
        it = s.labels.emplace(std::move(key), std::move(label)).first;
    }
    return it->second.c_str();
}

} // namespace fg
