// Internal to fg_expo's reader (include only from .cpp files): typed, path-aware reads from one
// JSON object that turn every wrong, missing or unknown key into a Problem. Never throws.
#pragma once

#include "game/expo/ExhibitionJson.h"

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace fg::expo::detail {

// Problems of one document, and the paths they were reported at (so the validator stays quiet
// about values the reader could not read).
struct ReadContext {
    explicit ReadContext(std::string fileLabel) : file(std::move(fileLabel)) {}
    // Records "expected EXPECTED, found <FOUND as JSON, or nothing>" at PATH.
    void fail(const std::string& path, std::string_view expected, const nlohmann::json* found);

    std::string file;
    std::vector<Problem> problems;
    std::unordered_set<std::string> broken;
};

// A found value as short JSON text for messages.
std::string describe(const nlohmann::json& value);

template <class E>
using EnumNames = std::vector<std::pair<std::string_view, E>>;

class JsonObjectReader {
public:
    // Reports when VALUE is not an object. With KEYS, also reports keys not among them.
    JsonObjectReader(ReadContext& context, const nlohmann::json* value, std::string path);
    JsonObjectReader(ReadContext& context, const nlohmann::json* value, std::string path,
                     std::initializer_list<std::string_view> keys);

    bool valid() const { return m_object != nullptr; }
    // Reports every key of the object that is not in KEYS.
    void declare(std::initializer_list<std::string_view> keys);
    std::string pathOf(std::string_view key) const;

    void string(std::string_view key, std::string& out);
    // Absent leaves OUT as is; present must be a non-empty string (else "expected EXPECTED").
    void optionalString(std::string_view key, std::string& out, std::string_view expected);
    void optionalBool(std::string_view key, bool& out);
    // Absent leaves OUT empty; present: an object of language code ("fr", "pt-BR") -> non-empty
    // text, each bad member reported at KEY.CODE.
    void translations(std::string_view key, Translations& out);
    void number(std::string_view key, float& out);
    void integer(std::string_view key, int& out, std::string_view expected);
    void uint32(std::string_view key, std::uint32_t& out, std::string_view expected);
    void rotation(std::string_view key, int& out);
    void point(std::string_view key, glm::vec2& out);
    void rect(std::string_view key, Rect& out);
    void vec3(std::string_view key, glm::vec3& out);
    void date(std::string_view key, UnixSeconds& out);
    // An array of dates YYYY-MM-DD; each bad element is reported at its index.
    void dateArray(std::string_view key, std::vector<UnixSeconds>& out);
    // A time of day "HH:MM" (00:00 to 24:00) as minutes after midnight.
    void clock(std::string_view key, int& out);
    bool has(std::string_view key) const { return valid() && find(key) != nullptr; }
    void time(std::string_view key, UnixSeconds& out);
    void color(std::string_view key, Color& out);
    void stringArray(std::string_view key, std::vector<std::string>& out);
    // One string (read as a one-element list) or an array of strings.
    void stringOrStrings(std::string_view key, std::vector<std::string>& out);
    // An array of points [x, z]; each bad element is reported at its index.
    void pointArray(std::string_view key, std::vector<glm::vec2>& out);
    std::optional<JsonObjectReader> object(std::string_view key,
                                           std::initializer_list<std::string_view> keys);

    // Leaves OUT as it is when KEY is absent.
    template <class E>
    void optionalEnumeration(std::string_view key, E& out, const EnumNames<E>& names) {
        if (find(key)) enumeration(key, out, names);
    }

    template <class E>
    void enumeration(std::string_view key, E& out, const EnumNames<E>& names) {
        const nlohmann::json* v = find(key);
        if (!valid()) return;
        if (v && v->is_string())
            for (const auto& [name, value] : names)
                if (v->get_ref<const std::string&>() == name) {
                    out = value;
                    return;
                }
        std::string expected = "one of ";
        for (std::size_t i = 0; i < names.size(); ++i)
            expected += (i ? ", " : "") + std::string(names[i].first);
        m_context.fail(pathOf(key), expected, v);
    }

    // Reads an array of objects: FN(JsonObjectReader element, T& item) for each element.
    // Elements that are not objects are reported and still take a (default) slot, so indices
    // in later messages match the document.
    template <class T, class Fn>
    void array(std::string_view key, std::vector<T>& out, Fn fn) {
        const nlohmann::json* v = arrayAt(key);
        if (!v) return;
        out.resize(v->size());
        std::string base = pathOf(key);
        for (std::size_t i = 0; i < v->size(); ++i)
            fn(JsonObjectReader(m_context, &(*v)[i], base + "[" + std::to_string(i) + "]"), out[i]);
    }

    // Like array, but an element that is a string becomes FROMSTRING(text, item): the form the
    // element had before it became an object (speakers were names).
    template <class T, class Fn, class FromString>
    void arrayOrStrings(std::string_view key, std::vector<T>& out, Fn fn, FromString fromString) {
        const nlohmann::json* v = arrayAt(key);
        if (!v) return;
        out.resize(v->size());
        std::string base = pathOf(key);
        for (std::size_t i = 0; i < v->size(); ++i) {
            if ((*v)[i].is_string())
                fromString((*v)[i].template get<std::string>(), out[i]);
            else
                fn(JsonObjectReader(m_context, &(*v)[i], base + "[" + std::to_string(i) + "]"),
                   out[i]);
        }
    }
    // The string at KEY, or null when KEY is absent or holds something else.
    const std::string* stringAt(std::string_view key) const {
        const nlohmann::json* v = valid() ? find(key) : nullptr;
        return v && v->is_string() ? &v->get_ref<const std::string&>() : nullptr;
    }

private:
    const nlohmann::json* find(std::string_view key) const;
    const nlohmann::json* arrayAt(std::string_view key);
    bool numbers(std::string_view key, float* out, std::size_t count, std::string_view expected);

    ReadContext& m_context;
    const nlohmann::json* m_object = nullptr;
    std::string m_path;
};

} // namespace fg::expo::detail
