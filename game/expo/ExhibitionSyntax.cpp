// Syntax predicates for exhibition values and JSON quoting of found values for messages.
// Must stay free of I/O and of the JSON library: the validator and editor call these directly.
#include "game/expo/ExhibitionSyntax.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace fg::expo {
namespace {

// Officially assigned ISO 3166-1 alpha-2 codes (249), sorted for binary search.
constexpr std::string_view kCountryCodes =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ "
    "BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM "
    "DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS "
    "GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN "
    "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ "
    "MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM "
    "PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV "
    "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI "
    "VN VU WF WS YE YT ZA ZM ZW";

constexpr std::size_t kMaxFoundChars = 48;

bool isLower(char c) {
    return c >= 'a' && c <= 'z';
}
bool isUpper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isAlnum(char c) {
    return isLower(c) || isUpper(c) || isDigit(c);
}

bool isHostName(std::string_view host) {
    if (host.empty() || host.size() > 253 || host.front() == '.' || host.back() == '.')
        return false;
    char prev = '.';
    for (char c : host) {
        if (c == '.' && prev == '.') return false;
        if (!isAlnum(c) && c != '-' && c != '.') return false;
        prev = c;
    }
    return true;
}

bool isDomainWithTld(std::string_view domain) {
    auto dot = domain.rfind('.');
    if (!isHostName(domain) || dot == std::string_view::npos) return false;
    std::string_view tld = domain.substr(dot + 1);
    return tld.size() >= 2 &&
           std::all_of(tld.begin(), tld.end(), [](char c) { return isLower(c) || isUpper(c); });
}

// Length in bytes of the UTF-8 sequence starting with LEAD, or 0 when LEAD cannot start one.
std::size_t sequenceLength(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

// Byte length of the first COUNT code points of valid UTF-8 TEXT.
std::size_t prefixBytes(std::string_view text, std::size_t count) {
    std::size_t pos = 0;
    for (std::size_t i = 0; i < count && pos < text.size(); ++i) {
        std::size_t n = sequenceLength(static_cast<unsigned char>(text[pos]));
        pos += n == 0 ? 1 : n;
    }
    return std::min(pos, text.size());
}

} // namespace

bool isLanguageCode(std::string_view code) {
    const auto dash = code.find('-');
    const std::string_view lang = code.substr(0, dash);
    if (lang.size() < 2 || lang.size() > 3) return false;
    for (char c : lang)
        if (c < 'a' || c > 'z') return false;
    if (dash == std::string_view::npos) return true;
    const std::string_view region = code.substr(dash + 1);
    if (region.size() != 2) return false;
    for (char c : region)
        if (c < 'A' || c > 'Z') return false;
    return true;
}

bool isValidId(std::string_view id) {
    return !id.empty() && id.size() <= kMaxIdLength &&
           std::all_of(id.begin(), id.end(),
                       [](char c) { return isLower(c) || isDigit(c) || c == '-'; });
}

bool isCountryCode(std::string_view code) {
    if (code.size() != 2 || !isUpper(code[0]) || !isUpper(code[1])) return false;
    for (std::size_t i = 0; i + 2 <= kCountryCodes.size(); i += 3)
        if (kCountryCodes.substr(i, 2) == code) return true;
    return false;
}

bool isHttpUrl(std::string_view url) {
    std::string_view rest;
    if (url.starts_with("https://"))
        rest = url.substr(8);
    else if (url.starts_with("http://"))
        rest = url.substr(7);
    else
        return false;
    for (char c : rest)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '"' || c == '<' ||
            c == '>' || c == '\\')
            return false;
    std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
    auto colon = authority.find(':');
    std::string_view host = authority.substr(0, colon);
    if (colon != std::string_view::npos) {
        std::string_view port = authority.substr(colon + 1);
        if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), isDigit))
            return false;
    }
    return isHostName(host);
}

bool isEmailAddress(std::string_view email) {
    auto at = email.find('@');
    if (at == std::string_view::npos || at == 0 || at > 64 || email.find('@', at + 1) != email.npos)
        return false;
    std::string_view local = email.substr(0, at);
    bool localOk = std::all_of(local.begin(), local.end(), [](char c) {
        return isAlnum(c) ||
               std::string_view(".!#$%&'*+/=?^_`{|}~-").find(c) != std::string_view::npos;
    });
    return localOk && local.front() != '.' && local.back() != '.' &&
           isDomainWithTld(email.substr(at + 1));
}

bool isTimeZoneName(std::string_view name) {
    if (name == "UTC") return true;
    if (name.empty() || name.size() > 64) return false;
    int parts = 0;
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = std::min(name.find('/', start), name.size());
        std::string_view part = name.substr(start, end - start);
        if (part.empty() || !isUpper(part.front())) return false;
        for (char c : part)
            if (!isAlnum(c) && c != '_' && c != '-' && c != '+') return false;
        ++parts;
        start = end + 1;
    }
    return parts >= 2 && parts <= 3;
}

bool isRelativeFilePath(std::string_view path) {
    if (path.empty() || path.front() == '/' || path.find('\\') != std::string_view::npos)
        return false;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = std::min(path.find('/', start), path.size());
        std::string_view part = path.substr(start, end - start);
        if (part.empty() || part == ".." || part == ".") return false;
        for (char c : part)
            if (static_cast<unsigned char>(c) < 0x20 || c == ':') return false;
        start = end + 1;
    }
    return true;
}

std::optional<std::size_t> utf8Length(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < text.size(); ++count) {
        auto lead = static_cast<unsigned char>(text[pos]);
        std::size_t n = sequenceLength(lead);
        if (n == 0 || pos + n > text.size()) return std::nullopt;
        for (std::size_t i = 1; i < n; ++i)
            if ((static_cast<unsigned char>(text[pos + i]) & 0xC0) != 0x80) return std::nullopt;
        auto second = n > 1 ? static_cast<unsigned char>(text[pos + 1]) : 0;
        if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) ||
            (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F))
            return std::nullopt; // overlong, surrogate or beyond U+10FFFF
        pos += n;
    }
    return count;
}

std::string quoteJson(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20)
                out += fmt::format("\\u{:04x}", c);
            else
                out += c;
        }
    }
    return out + "\"";
}

std::string foundText(std::string_view text) {
    auto length = utf8Length(text);
    if (!length) return "text that is not valid UTF-8";
    if (*length <= kMaxFoundChars) return quoteJson(text);
    std::string_view head = text.substr(0, prefixBytes(text, kMaxFoundChars - 8));
    std::string quoted = quoteJson(head);
    quoted.insert(quoted.size() - 1, "...");
    return fmt::format("{} ({} characters)", quoted, *length);
}

std::string numberText(float value) {
    return fmt::format("{}", value);
}

std::string pointText(glm::vec2 p) {
    return fmt::format("[{},{}]", p.x, p.y);
}

std::string vec3Text(glm::vec3 v) {
    return fmt::format("[{},{},{}]", v.x, v.y, v.z);
}

std::string rectText(const Rect& r) {
    return fmt::format("[{},{},{},{}]", r.x, r.z, r.width, r.depth);
}

std::string colorText(Color c) {
    return fmt::format("#{:02x}{:02x}{:02x}", c.r, c.g, c.b);
}

} // namespace fg::expo
