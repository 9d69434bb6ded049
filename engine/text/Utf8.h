// UTF-8 to code points and back, bounds-checked. Pure functions; no fonts, no third-party API.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fg::text {

// Decodes UTF-8 into code points, skipping malformed bytes (never reads past the end).
std::vector<std::uint32_t> decodeUtf8(std::string_view text);
// Appends CP (a Unicode scalar value; others become U+FFFD) to OUT as UTF-8.
void appendUtf8(std::string& out, std::uint32_t cp);
std::string encodeUtf8(const std::vector<std::uint32_t>& cps);

} // namespace fg::text
