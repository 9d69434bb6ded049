// Timed editor actions for tests and documentation screenshots, one per line: "FRAME WORD ARGS".
// Same conventions as the client's --script: '#' comments, frames never decrease. Parsing only.
#pragma once

#include "engine/core/Result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fg::editor {

struct ScriptAction {
    std::uint64_t frame = 0;
    std::string name;              // e.g. import, select, drag, move, save, undo, publish
    std::vector<std::string> args; // words after the name ("quoted text" stays one word)
    int line = 0;
};

// Errors name LABEL and the line.
Result<std::vector<ScriptAction>> parseEditorScript(std::string_view text,
                                                    const std::string& label);

} // namespace fg::editor
