// Pretty JSON text for the exhibition writer, built directly (no DOM) so saving a 5,000-booth
// exhibition stays cheap. Layout rules only; what to write is ExhibitionWriter's business.
#include "game/expo/JsonTextWriter.h"

#include "game/expo/ExhibitionSyntax.h"

#include <cassert>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace fg::expo::detail {
namespace {

constexpr std::size_t kMaxLine = 100;

} // namespace

std::string floatText(float value) {
    if (std::trunc(value) == value && std::fabs(value) < 1e15f)
        return std::to_string(static_cast<std::int64_t>(value)); // also turns -0 into 0
    char buf[64];
    auto result = std::to_chars(buf, buf + sizeof buf, value);
    return std::string(buf, result.ptr);
}

std::string jsonStringLiteral(std::string_view value) {
    if (utf8Length(value)) return quoteJson(value);
    // Rare (models built in code): let nlohmann replace the bad bytes rather than write them.
    return nlohmann::json(std::string(value))
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void JsonTextWriter::newLine() {
    m_out += '\n';
    m_out.append(m_levels.size() * 2, ' ');
}

void JsonTextWriter::beforeValue() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.empty()) return;
    assert(!m_levels.back().object && "object members need key() first");
    if (m_levels.back().count++ > 0) m_out += ',';
    newLine();
}

void JsonTextWriter::key(std::string_view name) {
    assert(!m_levels.empty() && m_levels.back().object);
    if (m_levels.back().count++ > 0) m_out += ',';
    newLine();
    m_out += quoteJson(name);
    m_out += ": ";
    m_afterKey = true;
}

void JsonTextWriter::beginObject() {
    beforeValue();
    m_out += '{';
    m_levels.push_back({true, 0});
}

void JsonTextWriter::beginArray() {
    beforeValue();
    m_out += '[';
    m_levels.push_back({false, 0});
}

void JsonTextWriter::endObject() {
    bool empty = m_levels.back().count == 0;
    m_levels.pop_back();
    if (!empty) newLine();
    m_out += '}';
}

void JsonTextWriter::endArray() {
    bool empty = m_levels.back().count == 0;
    m_levels.pop_back();
    if (!empty) newLine();
    m_out += ']';
}

void JsonTextWriter::string(std::string_view text) {
    beforeValue();
    m_out += jsonStringLiteral(text);
}

void JsonTextWriter::number(float value) {
    beforeValue();
    m_out += floatText(value);
}

void JsonTextWriter::integer(std::int64_t value) {
    beforeValue();
    m_out += std::to_string(value);
}

void JsonTextWriter::boolean(bool value) {
    beforeValue();
    m_out += value ? "true" : "false";
}

void JsonTextWriter::scalarArray(const std::vector<std::string>& rendered) {
    std::size_t length = 2 + m_levels.size() * 2;
    for (const auto& r : rendered)
        length += r.size() + 2;
    if (rendered.empty() || length > kMaxLine) {
        beginArray();
        for (const auto& r : rendered) {
            beforeValue();
            m_out += r;
        }
        endArray();
        return;
    }
    beforeValue();
    m_out += '[';
    for (std::size_t i = 0; i < rendered.size(); ++i) {
        if (i) m_out += ", ";
        m_out += rendered[i];
    }
    m_out += ']';
}

void JsonTextWriter::numbers(std::initializer_list<float> values) {
    std::vector<std::string> rendered;
    rendered.reserve(values.size());
    for (float v : values)
        rendered.push_back(floatText(v));
    scalarArray(rendered);
}

void JsonTextWriter::strings(const std::vector<std::string>& values) {
    std::vector<std::string> rendered;
    rendered.reserve(values.size());
    for (const auto& v : values)
        rendered.push_back(jsonStringLiteral(v));
    scalarArray(rendered);
}

} // namespace fg::expo::detail
