// Rules for file names inside a booth bundle: relative, '/'-separated, no '..', no absolute paths.
// Pure string checks shared by the bundle reader, the editor and the server; no file I/O here.
#pragma once

#include "engine/core/Result.h"

#include <string>
#include <string_view>

namespace fg::booth {

inline constexpr std::size_t kMaxEntryNameLength = 200;

// OK when NAME is a safe bundle entry name: 1-200 chars of [A-Za-z0-9._-/], relative, no empty,
// "." or ".." component, no backslash. The error says why (for the editor and the server log).
Status checkEntryName(std::string_view name);

// Lower-case extension with the dot (".glb"), empty when none.
std::string extensionOf(std::string_view name);

enum class FileKind { Image, Model, Document, Other };
FileKind fileKindOf(std::string_view name);
// Per-file byte limit from docs/EXHIBITION_FORMAT.md (0 for Other: not allowed in a booth).
std::uint64_t maxBytesFor(FileKind kind);
const char* toString(FileKind kind);

} // namespace fg::booth
