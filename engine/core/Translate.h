// UI translation: the one adapter over gettext (glibc's libintl), domain "fairground".
// Knows nothing of ImGui or the client; the catalogs are po/*.po compiled by CMake with msgfmt.
#pragma once

#include "engine/core/Translate.h"

#include <fmt/format.h>
#include <string>
#include <string_view>
#include <vector>

namespace fg {

// How to add a UI string (docs/CLIENT.md, "Languages"): wrap the English text in tr() (display),
// trl() (a label that is also an ImGui ID), trn() (plural) or trf()/trnf() (an fmt pattern),
// trMark() (a name in a table, translated with tr() where it is shown), then add its French entry
// to po/fr.po. xgettext extracts these four keywords.

// Languages with a catalog, English (the msgids themselves, no catalog) first.
const std::vector<std::string>& uiLanguages();
// The language name shown in its own language ("English", "Français").
std::string_view languageName(std::string_view code);
// The UI language asked for by LANGUAGE, LC_ALL, LC_MESSAGES, LANG (first set wins), reduced to
// a language of uiLanguages(); "en" when none matches.
std::string languageFromEnvironment();
// languageFromEnvironment() as it was before this program set LANGUAGE itself (read once).
const std::string& systemLanguage();
// "fr", "fr_FR.UTF-8", "FR" -> "fr"; "" when CODE names no language of uiLanguages().
std::string normaliseLanguage(std::string_view code);

// Binds the domain to LOCALEDIR (empty: the build tree's catalogs, else <exe>/../share/locale)
// and selects LANGUAGE (empty: from the environment). Call once at start, before threads.
void initTranslations(const std::string& localeDir = {}, const std::string& language = {});
// Switches the UI language live (call between frames). Returns the language in use.
std::string setUiLanguage(std::string_view code);
const std::string& uiLanguage();
// The folder the catalogs are read from.
const std::string& localeDir();

// The translation of MSGID, or MSGID itself when there is none. The pointer stays valid.
const char* tr(const char* msgid);
// Plural: the form for N.
const char* trn(const char* singular, const char* plural, unsigned long n);
// With a context, for a word that translates differently in two places (pgettext).
const char* trc(const char* context, const char* msgid);
// A label that is also an ImGui ID: "Translated###ID" so the widget's identity (window place,
// open state, focus) survives a change of language. ID defaults to MSGID.
const char* trl(const char* msgid);
const char* trl(const char* msgid, std::string_view id);

// Marks a literal for extraction without translating it here (gettext's N_): for tables of
// names translated where they are shown, with tr(name).
constexpr const char* trMark(const char* msgid) {
    return msgid;
}

// tr() of an fmt pattern, formatted. A translation whose pattern does not fit the arguments
// falls back to the English pattern instead of throwing.
template <typename... Args>
std::string trf(const char* pattern, Args&&... args) {
    try {
        return fmt::vformat(tr(pattern), fmt::make_format_args(args...));
    } catch (const fmt::format_error&) {
        return fmt::vformat(pattern, fmt::make_format_args(args...));
    }
}

// trn() of an fmt pattern (the count is usually one of ARGS), formatted; falls back as trf().
template <typename... Args>
std::string trnf(const char* singular, const char* plural, unsigned long n, Args&&... args) {
    try {
        return fmt::vformat(trn(singular, plural, n), fmt::make_format_args(args...));
    } catch (const fmt::format_error&) {
        return fmt::vformat(n == 1 ? singular : plural, fmt::make_format_args(args...));
    }
}

} // namespace fg
