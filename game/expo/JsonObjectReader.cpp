// Typed reads from JSON objects with exact paths and "expected X, found Y" messages.
// Must never throw or assert on input: every lookup checks the type before reading.
#include "game/expo/JsonObjectReader.h"

#include "game/expo/ExhibitionSyntax.h"
#include "game/expo/MeetingHours.h"

#include <cmath>
#include <fmt/format.h>

namespace fg::expo::detail {
namespace {

using json = nlohmann::json;
constexpr std::size_t kMaxFoundBytes = 60;

// Integral value of V when it is a JSON number without a fractional part.
std::optional<std::int64_t> integralValue(const json& v) {
    if (v.is_number_integer()) {
        if (v.is_number_unsigned() && v.get<std::uint64_t>() > INT64_MAX) return std::nullopt;
        return v.get<std::int64_t>();
    }
    if (v.is_number_float()) {
        double d = v.get<double>();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15)
            return static_cast<std::int64_t>(d);
    }
    return std::nullopt;
}

bool asFloat(const json& v, float& out) {
    if (!v.is_number()) return false;
    // Values up to FLT_MAX plus half an ulp still round to FLT_MAX rather than overflow.
    constexpr double kFloatLimit = 3.4028235677973366e38;
    double d = v.get<double>();
    if (!std::isfinite(d) || std::fabs(d) >= kFloatLimit) return false;
    out = static_cast<float>(d);
    return true;
}

bool hexDigit(char c, int& out) {
    if (c >= '0' && c <= '9')
        out = c - '0';
    else if (c >= 'a' && c <= 'f')
        out = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
        out = c - 'A' + 10;
    else
        return false;
    return true;
}

bool parseColor(const std::string& s, Color& out) {
    if (s.size() != 7 || s[0] != '#') return false;
    int d[6];
    for (int i = 0; i < 6; ++i)
        if (!hexDigit(s[1 + i], d[i])) return false;
    out = Color{static_cast<std::uint8_t>(d[0] * 16 + d[1]),
                static_cast<std::uint8_t>(d[2] * 16 + d[3]),
                static_cast<std::uint8_t>(d[4] * 16 + d[5])};
    return true;
}

} // namespace

std::string describe(const json& value) {
    if (value.is_string()) return foundText(value.get_ref<const std::string&>());
    std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
    if (text.size() <= kMaxFoundBytes) return text;
    std::size_t cut = kMaxFoundBytes - 3;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return text.substr(0, cut) + "...";
}

void ReadContext::fail(const std::string& path, std::string_view expected, const json* found) {
    problems.push_back(Problem{file, path,
                               fmt::format("expected {}, found {}", expected,
                                           found ? describe(*found) : std::string("nothing"))});
    broken.insert(path);
}

JsonObjectReader::JsonObjectReader(ReadContext& context, const json* value, std::string path)
    : m_context(context), m_path(std::move(path)) {
    if (value && value->is_object())
        m_object = value;
    else
        m_context.fail(m_path, "an object", value);
}

JsonObjectReader::JsonObjectReader(ReadContext& context, const json* value, std::string path,
                                   std::initializer_list<std::string_view> keys)
    : JsonObjectReader(context, value, std::move(path)) {
    declare(keys);
}

void JsonObjectReader::declare(std::initializer_list<std::string_view> keys) {
    if (!valid()) return;
    std::string known;
    for (std::string_view k : keys)
        known += (known.empty() ? "" : ", ") + std::string(k);
    for (const auto& [key, value] : m_object->items()) {
        bool ok = false;
        for (std::string_view k : keys)
            ok = ok || k == key;
        if (!ok)
            m_context.problems.push_back(
                Problem{m_context.file, pathOf(key),
                        fmt::format("expected one of the keys {}, found unknown key {}", known,
                                    foundText(key))});
    }
}

std::string JsonObjectReader::pathOf(std::string_view key) const {
    return m_path.empty() ? std::string(key) : fmt::format("{}.{}", m_path, key);
}

const json* JsonObjectReader::find(std::string_view key) const {
    if (!valid()) return nullptr;
    auto it = m_object->find(key);
    return it == m_object->end() ? nullptr : &*it;
}

const json* JsonObjectReader::arrayAt(std::string_view key) {
    const json* v = find(key);
    if (!valid()) return nullptr;
    if (v && v->is_array()) return v;
    m_context.fail(pathOf(key), "an array", v);
    return nullptr;
}

void JsonObjectReader::string(std::string_view key, std::string& out) {
    const json* v = find(key);
    if (!valid()) return;
    if (v && v->is_string())
        out = v->get<std::string>();
    else
        m_context.fail(pathOf(key), "a string", v);
}

void JsonObjectReader::optionalString(std::string_view key, std::string& out,
                                      std::string_view expected) {
    const json* v = find(key);
    if (!v) return;
    if (v->is_string() && !v->get_ref<const std::string&>().empty())
        out = v->get<std::string>();
    else
        m_context.fail(pathOf(key), expected, v);
}

void JsonObjectReader::translations(std::string_view key, Translations& out) {
    const json* v = find(key);
    if (!v) return;
    if (!v->is_object())
        return m_context.fail(pathOf(key), "an object of language code -> text", v);
    for (const auto& [code, text] : v->items()) {
        const std::string path = pathOf(key) + "." + code;
        if (!isLanguageCode(code)) {
            const json found = code; // the key is what is wrong
            m_context.fail(path, "a language code (ISO 639-1, e.g. \"fr\" or \"pt-BR\")", &found);
        } else if (!text.is_string() || text.get_ref<const std::string&>().empty())
            m_context.fail(path, "a non-empty string", &text);
        else
            out[code] = text.get<std::string>();
    }
}

void JsonObjectReader::optionalBool(std::string_view key, bool& out) {
    const json* v = find(key);
    if (!v) return;
    if (v->is_boolean())
        out = v->get<bool>();
    else
        m_context.fail(pathOf(key), "true or false", v);
}

void JsonObjectReader::number(std::string_view key, float& out) {
    numbers(key, &out, 1, "a number");
}

void JsonObjectReader::integer(std::string_view key, int& out, std::string_view expected) {
    const json* v = find(key);
    if (!valid()) return;
    auto i = v ? integralValue(*v) : std::nullopt;
    if (i && *i >= INT32_MIN && *i <= INT32_MAX)
        out = static_cast<int>(*i);
    else
        m_context.fail(pathOf(key), expected, v);
}

void JsonObjectReader::uint32(std::string_view key, std::uint32_t& out, std::string_view expected) {
    const json* v = find(key);
    if (!valid()) return;
    auto i = v ? integralValue(*v) : std::nullopt;
    if (i && *i >= 0 && *i <= UINT32_MAX)
        out = static_cast<std::uint32_t>(*i);
    else
        m_context.fail(pathOf(key), expected, v);
}

void JsonObjectReader::rotation(std::string_view key, int& out) {
    const json* v = find(key);
    if (!valid()) return;
    auto i = v ? integralValue(*v) : std::nullopt;
    if (i && (*i == 0 || *i == 90 || *i == 180 || *i == 270))
        out = static_cast<int>(*i);
    else
        m_context.fail(pathOf(key), "one of 0, 90, 180, 270", v);
}

bool JsonObjectReader::numbers(std::string_view key, float* out, std::size_t count,
                               std::string_view expected) {
    const json* v = find(key);
    if (!valid()) return false;
    bool ok = v != nullptr;
    if (ok && count == 1)
        ok = asFloat(*v, out[0]);
    else if (ok) {
        ok = v->is_array() && v->size() == count;
        for (std::size_t i = 0; ok && i < count; ++i)
            ok = asFloat((*v)[i], out[i]);
    }
    if (!ok) m_context.fail(pathOf(key), expected, v);
    return ok;
}

void JsonObjectReader::point(std::string_view key, glm::vec2& out) {
    float f[2];
    if (numbers(key, f, 2, "a point [x, z] of two numbers")) out = glm::vec2(f[0], f[1]);
}

void JsonObjectReader::rect(std::string_view key, Rect& out) {
    float f[4];
    if (numbers(key, f, 4, "a rect [x, z, width, depth] of four numbers"))
        out = Rect{f[0], f[1], f[2], f[3]};
}

void JsonObjectReader::vec3(std::string_view key, glm::vec3& out) {
    float f[3];
    if (numbers(key, f, 3, "[x, y, z] of three numbers")) out = glm::vec3(f[0], f[1], f[2]);
}

void JsonObjectReader::date(std::string_view key, UnixSeconds& out) {
    const json* v = find(key);
    if (!valid()) return;
    if (v && v->is_string())
        if (auto t = parseDate(v->get_ref<const std::string&>())) {
            out = *t;
            return;
        }
    m_context.fail(pathOf(key), "a date YYYY-MM-DD", v);
}

void JsonObjectReader::dateArray(std::string_view key, std::vector<UnixSeconds>& out) {
    const json* v = arrayAt(key);
    if (!v) return;
    out.resize(v->size());
    for (std::size_t i = 0; i < v->size(); ++i) {
        const json& e = (*v)[i];
        auto t = e.is_string() ? parseDate(e.get_ref<const std::string&>())
                               : Result<UnixSeconds>(makeError("not a string"));
        if (t)
            out[i] = *t;
        else
            m_context.fail(fmt::format("{}[{}]", pathOf(key), i), "a date YYYY-MM-DD", &e);
    }
}

void JsonObjectReader::clock(std::string_view key, int& out) {
    const json* v = find(key);
    if (!valid()) return;
    if (v && v->is_string())
        if (auto m = parseClock(v->get_ref<const std::string&>())) {
            out = *m;
            return;
        }
    m_context.fail(pathOf(key), "a time of day HH:MM (00:00 to 24:00)", v);
}

void JsonObjectReader::time(std::string_view key, UnixSeconds& out) {
    const json* v = find(key);
    if (!valid()) return;
    if (v && v->is_string())
        if (auto t = parseUtcTimestamp(v->get_ref<const std::string&>())) {
            out = *t;
            return;
        }
    m_context.fail(pathOf(key), "a UTC time YYYY-MM-DDTHH:MM:SSZ", v);
}

void JsonObjectReader::color(std::string_view key, Color& out) {
    const json* v = find(key);
    if (!valid()) return;
    if (!v || !v->is_string() || !parseColor(v->get_ref<const std::string&>(), out))
        m_context.fail(pathOf(key), "a colour \"#rrggbb\"", v);
}

void JsonObjectReader::stringArray(std::string_view key, std::vector<std::string>& out) {
    const json* v = arrayAt(key);
    if (!v) return;
    out.resize(v->size());
    for (std::size_t i = 0; i < v->size(); ++i) {
        if ((*v)[i].is_string())
            out[i] = (*v)[i].get<std::string>();
        else
            m_context.fail(fmt::format("{}[{}]", pathOf(key), i), "a string", &(*v)[i]);
    }
}

void JsonObjectReader::stringOrStrings(std::string_view key, std::vector<std::string>& out) {
    const json* v = find(key);
    if (!valid()) return;
    if (v && v->is_string())
        out.assign(1, v->get<std::string>());
    else if (v && v->is_array())
        stringArray(key, out);
    else
        m_context.fail(pathOf(key), "a string or an array of strings", v);
}

void JsonObjectReader::pointArray(std::string_view key, std::vector<glm::vec2>& out) {
    const json* v = arrayAt(key);
    if (!v) return;
    out.resize(v->size());
    for (std::size_t i = 0; i < v->size(); ++i) {
        const json& e = (*v)[i];
        float x = 0, z = 0;
        if (e.is_array() && e.size() == 2 && asFloat(e[0], x) && asFloat(e[1], z))
            out[i] = glm::vec2(x, z);
        else
            m_context.fail(fmt::format("{}[{}]", pathOf(key), i), "a point [x, z] of two numbers",
                           &e);
    }
}

std::optional<JsonObjectReader>
JsonObjectReader::object(std::string_view key, std::initializer_list<std::string_view> keys) {
    if (!valid()) return std::nullopt;
    JsonObjectReader inner(m_context, find(key), pathOf(key), keys);
    if (!inner.valid()) return std::nullopt;
    return inner;
}

} // namespace fg::expo::detail
