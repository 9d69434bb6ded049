// Internal to fg_expo's writer: appends pretty JSON text (2-space indent, short scalar arrays on
// one line) straight into a string. Knows nothing about exhibitions; never throws on bad UTF-8.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace fg::expo::detail {

class JsonTextWriter {
public:
    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    // Starts a member of the current object; the next call writes its value.
    void key(std::string_view name);

    void string(std::string_view text);
    void number(float value);
    void integer(std::int64_t value);
    void boolean(bool value);
    // An array of numbers, on one line when it fits.
    void numbers(std::initializer_list<float> values);
    // An array of strings, on one line when it fits.
    void strings(const std::vector<std::string>& values);

    std::string take() { return std::move(m_out); }

private:
    struct Level {
        bool object;
        std::size_t count;
    };

    void beforeValue(); // comma, newline and indent for an array element
    void newLine();
    void scalarArray(const std::vector<std::string>& rendered);

    std::string m_out;
    std::vector<Level> m_levels;
    bool m_afterKey = false;
};

// Shortest text that reads back to the same float ("0.1", "40", "1e+20").
std::string floatText(float value);
// VALUE as a JSON string literal; invalid UTF-8 is replaced by U+FFFD.
std::string jsonStringLiteral(std::string_view value);

} // namespace fg::expo::detail
