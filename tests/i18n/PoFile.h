// Test helpers for the UI catalogs: a .po/.pot reader, the checks that a catalog covers every
// extracted string with matching format arguments, and a scanner for bare ImGui literals.
// Test code only; the client reads compiled .mo files through engine/core/Translate.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fg::i18n {

struct PoEntry {
    std::string context, msgid, plural;
    std::vector<std::string> msgstr;     // one, or one per plural form
    std::vector<std::string> references; // "game/client/Foo.cpp:12"
    bool fuzzy = false;
    bool cFormat = false; // "#, c-format": printf arguments must match
    int line = 0;         // where the entry starts in its file
};

// Parses .po/.pot TEXT (LABEL names it in errors); the header entry (empty msgid) is skipped,
// obsolete "#~" entries are ignored. Malformed lines are appended to ERRORS.
std::vector<PoEntry> parsePo(std::string_view text, const std::string& label,
                             std::vector<std::string>& errors);

// printf conversions of TEXT in order ("%s", "%.1f" -> "f", "%zu" -> "zu"), "%%" skipped.
std::vector<std::string> printfConversions(std::string_view text);
// fmt replacement fields of TEXT in order ("{}", "{:.1f}"), "{{" and "}}" skipped.
std::vector<std::string> fmtFields(std::string_view text);

// Every problem of CATALOG against the extracted TEMPLATE: a string with no entry, a fuzzy or
// empty translation, printf or fmt arguments that differ. Each names the string and where it
// is used (file:line from the template).
std::vector<std::string> checkCatalog(const std::vector<PoEntry>& templ,
                                      const std::vector<PoEntry>& catalog,
                                      const std::string& catalogName);

// String literals with words in them passed to ImGui:: calls of SOURCE without tr()/trl()/...:
// "file:line: ImGui::Button(\"Go\")". IDs ("##x", "###x", or the ID argument of BeginChild,
// BeginTable, PushID, OpenPopup, BeginPopup...) and format-only literals ("%s", "%.0f%%") pass.
std::vector<std::string> bareImGuiLiterals(std::string_view source, const std::string& file);

} // namespace fg::i18n
