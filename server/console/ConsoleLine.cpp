// Console word splitting with shell-like quoting (no variables, no globbing).
// Never throws and never reads past the line; every malformed line returns an Error.
#include "server/console/ConsoleLine.h"

#include <fmt/format.h>

namespace fg::console {

Result<std::vector<std::string>> splitWords(std::string_view line) {
    std::vector<std::string> words;
    std::string current;
    bool inWord = false;
    char quote = 0;
    std::size_t quoteStart = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quote != 0) {
            if (c == quote) {
                quote = 0;
            } else if (c == '\\' && quote == '"') {
                if (i + 1 >= line.size())
                    return makeError(fmt::format("column {}: backslash at end of line", i + 1));
                current.push_back(line[++i]);
            } else {
                current.push_back(c);
            }
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            if (inWord) words.push_back(std::move(current));
            current.clear();
            inWord = false;
        } else if (c == '"' || c == '\'') {
            quote = c;
            quoteStart = i;
            inWord = true;
        } else {
            current.push_back(c);
            inWord = true;
        }
    }
    if (quote != 0)
        return makeError(fmt::format("column {}: unterminated {} quote", quoteStart + 1,
                                     quote == '"' ? "double" : "single"));
    if (inWord) words.push_back(std::move(current));
    return words;
}

std::string quoteWord(std::string_view word) {
    bool plain = !word.empty() && word.find_first_of(" \t\"'\\") == std::string_view::npos;
    if (plain) return std::string(word);
    std::string out = "\"";
    for (char c : word) {
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

} // namespace fg::console
