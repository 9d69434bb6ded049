// Right-to-left text for renderers that only draw left to right (the ImGui UI): FriBidi's
// visual order with Arabic letters joined as presentation forms. No FriBidi types here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace fg::text {

// True when TEXT holds a strongly right-to-left character (Hebrew, Arabic, ...).
bool hasRightToLeft(std::string_view utf8);
// TEXT (one line, logical order) in visual order: right-to-left runs reversed, Arabic letters
// replaced by their joined presentation forms (U+FB50-U+FEFF). Text with no right-to-left
// character comes back unchanged; so does text FriBidi refuses.
std::string visualOrder(std::string_view utf8);

} // namespace fg::text
