// Reading, validating and writing exhibition files (docs/EXHIBITION_FORMAT.md): the one reader.
// No JSON library types leak out of this header; nothing here renders, networks or logs.
#pragma once

#include "engine/core/Result.h"
#include "game/expo/Exhibition.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::expo {

// One thing wrong with an exhibition: which file, where in it (a JSON path such as
// `booths[12].size`, or `line 3, column 7` for a syntax error; empty for the whole document)
// and "expected X, found Y".
struct Problem {
    std::string file;
    std::string path;
    std::string message;
    // "FILE: path: message" ("FILE: message" when path is empty).
    std::string toString() const;
    bool operator==(const Problem&) const = default;
};

// What loading produced. `exhibition` holds whatever could be read whenever the document was
// JSON at all (even with problems, so tools can count); only ok() means it is usable.
struct LoadReport {
    std::optional<Exhibition> exhibition;
    std::vector<Problem> problems;
    bool ok() const { return exhibition.has_value() && problems.empty(); }
};

// Reads, parses and validates FILE; referenced files are resolved next to it.
// Problems name the file by FILE's file name (e.g. "exhibition.json").
LoadReport loadExhibition(const std::filesystem::path& file);
// Parses and validates JSON text; files are resolved in BASEDIR; problems carry FILELABEL.
LoadReport parseExhibition(std::string_view json, const std::filesystem::path& baseDir,
                           const std::string& fileLabel);
// Every rule of the format that a model (e.g. built by the editor) can break, including that
// referenced files exist inside BASEDIR within their size limits. Empty when valid.
std::vector<Problem> validateExhibition(const Exhibition& exhibition,
                                        const std::filesystem::path& baseDir,
                                        const std::string& fileLabel);

// Canonical text: keys in the spec's order, 2-space indent, floats in their shortest form that
// reads back to the same float, optional keys omitted when empty. Same model -> same bytes.
std::string toJson(const Exhibition& exhibition);
// Writes toJson() atomically (temp file + fsync + rename). Does not validate.
Status saveExhibition(const Exhibition& exhibition, const std::filesystem::path& file);

} // namespace fg::expo
