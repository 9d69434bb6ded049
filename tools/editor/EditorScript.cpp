// Parser for editor scripts (see EditorScript.h).
// Must not execute anything: EditorApp decides what each action does.
#include "tools/editor/EditorScript.h"

#include <fmt/format.h>
#include <sstream>

namespace fg::editor {

namespace {

// Splits on spaces; "double quoted" words may contain spaces.
Result<std::vector<std::string>> words(const std::string& line) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < line.size()) {
        if (line[i] == ' ' || line[i] == '\t') {
            ++i;
            continue;
        }
        if (line[i] == '"') {
            std::size_t end = line.find('"', i + 1);
            if (end == std::string::npos) return makeError("unterminated quote");
            out.push_back(line.substr(i + 1, end - i - 1));
            i = end + 1;
            continue;
        }
        std::size_t end = line.find_first_of(" \t", i);
        if (end == std::string::npos) end = line.size();
        out.push_back(line.substr(i, end - i));
        i = end;
    }
    return out;
}

} // namespace

Result<std::vector<ScriptAction>> parseEditorScript(std::string_view text,
                                                    const std::string& label) {
    std::vector<ScriptAction> out;
    std::istringstream in{std::string(text)};
    std::string line;
    int number = 0;
    std::uint64_t last = 0;
    while (std::getline(in, line)) {
        ++number;
        if (auto hash = line.find('#');
            hash != std::string::npos && line.find('"') == std::string::npos)
            line.resize(hash);
        auto w = words(line);
        if (!w) return makeError(fmt::format("{}: line {}: {}", label, number, w.error().message));
        if (w->empty()) continue;
        if (w->size() < 2)
            return makeError(
                fmt::format("{}: line {}: expected FRAME ACTION [ARGS]", label, number));
        ScriptAction a;
        try {
            std::size_t used = 0;
            a.frame = std::stoull((*w)[0], &used);
            if (used != (*w)[0].size()) throw std::invalid_argument("frame");
        } catch (const std::exception&) {
            return makeError(fmt::format("{}: line {}: expected a frame number, found \"{}\"",
                                         label, number, (*w)[0]));
        }
        if (a.frame < last)
            return makeError(
                fmt::format("{}: line {}: frame {} is before {}", label, number, a.frame, last));
        last = a.frame;
        a.name = (*w)[1];
        a.args.assign(w->begin() + 2, w->end());
        a.line = number;
        out.push_back(std::move(a));
    }
    return out;
}

} // namespace fg::editor
