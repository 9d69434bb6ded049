// The .po reader, catalog checks and ImGui literal scanner behind tests/i18n. Reads text only;
// runs no tools (the tests run xgettext) and never writes a catalog.
#include "tests/i18n/PoFile.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

namespace fg::i18n {
namespace {

std::string unescape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\' || i + 1 == s.size()) {
            out += s[i];
            continue;
        }
        const char c = s[++i];
        out += c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
    }
    return out;
}

// The "..." of a line, unescaped; false when the line has no quoted string.
bool quoted(std::string_view line, std::string& out) {
    const auto a = line.find('"');
    const auto b = line.rfind('"');
    if (a == std::string_view::npos || b <= a) return false;
    out = unescape(line.substr(a + 1, b - a - 1));
    return true;
}

std::string where(const PoEntry& e) {
    return e.references.empty() ? "(no reference)" : e.references.front();
}

std::string show(const std::string& s) {
    std::string out = "\"";
    for (char c : s)
        out += c == '\n' ? std::string("\\n") : c == '"' ? std::string("\\\"") : std::string(1, c);
    return out + "\"";
}

} // namespace

std::vector<PoEntry> parsePo(std::string_view text, const std::string& label,
                             std::vector<std::string>& errors) {
    std::vector<PoEntry> out;
    PoEntry cur;
    std::string* target = nullptr; // where a continuation line goes
    bool any = false;
    auto flush = [&] {
        if (any && !cur.msgid.empty()) out.push_back(cur);
        cur = PoEntry{};
        target = nullptr;
        any = false;
    };
    int lineNo = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const auto end = std::min(text.find('\n', pos), text.size());
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++lineNo;
        if (line.empty()) {
            if (any) flush();
            continue;
        }
        if (line.starts_with("#~")) continue;
        if (line.starts_with("#,")) {
            cur.fuzzy = cur.fuzzy || line.find("fuzzy") != std::string_view::npos;
            cur.cFormat = cur.cFormat || line.find(" c-format") != std::string_view::npos;
            continue;
        }
        if (line.starts_with("#:")) {
            std::string refs(line.substr(2));
            std::size_t p = 0;
            while ((p = refs.find_first_not_of(' ', p)) != std::string::npos) {
                const auto q = refs.find(' ', p);
                cur.references.push_back(refs.substr(p, q - p));
                p = q;
            }
            continue;
        }
        if (line.starts_with("#")) continue;
        std::string value;
        if (!quoted(line, value)) {
            errors.push_back(label + ":" + std::to_string(lineNo) + ": no quoted string");
            continue;
        }
        if (line.starts_with("\"")) {
            if (target)
                *target += value;
            else
                errors.push_back(label + ":" + std::to_string(lineNo) + ": stray string");
            continue;
        }
        if (line.starts_with("msgctxt") ||
            (line.starts_with("msgid ") && any && !cur.msgstr.empty()))
            flush();
        if (!any) cur.line = lineNo;
        any = true;
        if (line.starts_with("msgctxt "))
            target = &(cur.context = value);
        else if (line.starts_with("msgid_plural "))
            target = &(cur.plural = value);
        else if (line.starts_with("msgid "))
            target = &(cur.msgid = value);
        else if (line.starts_with("msgstr")) {
            cur.msgstr.push_back(value);
            target = &cur.msgstr.back();
        } else
            errors.push_back(label + ":" + std::to_string(lineNo) + ": unknown keyword");
    }
    flush();
    return out;
}

std::vector<std::string> printfConversions(std::string_view t) {
    static const std::regex conv(
        R"(%([-+ #0']*)(\*|\d+)?(\.(\*|\d+))?(hh|h|ll|l|L|z|j|t)?([diouxXeEfFgGaAcsp]))");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] != '%') continue;
        if (i + 1 < t.size() && t[i + 1] == '%') {
            ++i;
            continue;
        }
        std::match_results<std::string_view::const_iterator> m;
        if (std::regex_search(t.begin() + long(i), t.end(), m, conv,
                              std::regex_constants::match_continuous)) {
            out.push_back(m[5].str() + m[6].str() + (m[4].matched ? "." + m[4].str() : ""));
            i += std::size_t(m.length(0)) - 1;
        } else {
            out.push_back("%?"); // a lone % in a format string is a bug of its own
        }
    }
    return out;
}

std::vector<std::string> fmtFields(std::string_view t) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if ((t[i] == '{' || t[i] == '}') && i + 1 < t.size() && t[i + 1] == t[i]) {
            ++i;
            continue;
        }
        if (t[i] != '{') continue;
        const auto close = t.find('}', i);
        if (close == std::string_view::npos) return out.push_back("{?"), out;
        out.emplace_back(t.substr(i, close - i + 1));
        i = close;
    }
    return out;
}

std::vector<std::string> checkCatalog(const std::vector<PoEntry>& templ,
                                      const std::vector<PoEntry>& catalog,
                                      const std::string& name) {
    std::map<std::pair<std::string, std::string>, const PoEntry*> byId;
    for (const PoEntry& e : catalog)
        byId[{e.context, e.msgid}] = &e;
    std::vector<std::string> problems;
    for (const PoEntry& t : templ) {
        const std::string head = where(t) + ": " + show(t.msgid);
        auto it = byId.find({t.context, t.msgid});
        if (it == byId.end()) {
            problems.push_back(head + " has no entry in " + name);
            continue;
        }
        const PoEntry& e = *it->second;
        if (e.fuzzy) problems.push_back(head + " is fuzzy in " + name);
        if (!t.plural.empty() && e.msgstr.size() < 2)
            problems.push_back(head + " needs its plural forms in " + name);
        for (std::size_t i = 0; i < e.msgstr.size(); ++i) {
            const std::string& s = e.msgstr[i];
            const std::string& id = i > 0 && !t.plural.empty() ? t.plural : t.msgid;
            if (s.empty()) {
                problems.push_back(head + " has no translation in " + name);
                continue;
            }
            if ((t.cFormat || e.cFormat) && printfConversions(s) != printfConversions(id))
                problems.push_back(head + ": printf arguments of " + show(s) + " in " + name +
                                   " differ from the English");
            if (fmtFields(s) != fmtFields(id))
                problems.push_back(head + ": {} fields of " + show(s) + " in " + name +
                                   " differ from the English");
        }
    }
    return problems;
}

} // namespace fg::i18n
