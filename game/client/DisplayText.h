// The UI's copy of the exhibition: its text as ImGui 1.86 can draw it (right-to-left runs in
// visual order, Arabic joined), every character announced to the UI font atlas. Pure data work.
#pragma once

#include "game/expo/Exhibition.h"

#include <functional>
#include <string_view>

namespace fg::client {

// Called with every string the UI will show (for the font atlas).
using TextSink = std::function<void(std::string_view)>;

// EX with each name, title and description the panels show in display order; ids, paths and
// links untouched. The world (HarfBuzz-shaped signs) keeps drawing EX itself.
expo::Exhibition displayCopy(const expo::Exhibition& ex, const TextSink& use);

} // namespace fg::client
