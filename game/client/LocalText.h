// Text the client shows in the visitor's language that does not come from its own catalog:
// exhibition content (names and descriptions with per-language translations) and the known
// English messages of the server (Reject reasons, ActionResult texts). No UI widgets here.
#pragma once

#include "game/expo/Exhibition.h"

#include <string>

namespace fg::client {

// TEXT in the UI language when the exhibition file translates it (expo::Translations), else TEXT.
const std::string& inUiLanguage(const std::string& text, const expo::Translations& translations);
// A server message as the visitor reads it: a known one (or one starting with a known
// "prefix: ") in the UI language, anything else as the server wrote it (English on the wire).
std::string serverText(const std::string& text);

} // namespace fg::client
