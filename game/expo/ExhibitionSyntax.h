// Syntax rules of exhibition values (ids, country codes, URLs, e-mail, time zones, paths, text
// length) and the JSON text used to quote a found value in a Problem. Pure functions, no I/O.
#pragma once

#include "game/expo/Exhibition.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace fg::expo {

inline constexpr std::size_t kMaxIdLength = 64;

bool isValidId(std::string_view id);            // 1-64 of [a-z0-9-]
bool isCountryCode(std::string_view code);      // an assigned ISO 3166-1 alpha-2 code
bool isHttpUrl(std::string_view url);           // http(s)://host[:port][/...], no spaces
bool isEmailAddress(std::string_view email);    // local@domain.tld
bool isLanguageCode(std::string_view code);     // "fr", "vi", "pt-BR" (ISO 639 [-region])
bool isTimeZoneName(std::string_view name);     // "UTC" or Area/Location[/Sub]
bool isRelativeFilePath(std::string_view path); // no leading '/', no '..', no '\', no empty part
// Number of Unicode code points; nullopt when TEXT is not valid UTF-8.
std::optional<std::size_t> utf8Length(std::string_view text);

// Found values as JSON text, long ones shortened: "abc", "abcdef..." (2001 characters), 1.5,
// [1,2], [0,0,40,30]. Floats print in their shortest round-trip form.
std::string quoteJson(std::string_view text);
std::string foundText(std::string_view text);
std::string numberText(float value);
std::string pointText(glm::vec2 point);
std::string vec3Text(glm::vec3 value);
std::string rectText(const Rect& rect);
std::string colorText(Color color); // "#rrggbb"

} // namespace fg::expo
