// Imports an untrusted model in a child process with memory, CPU and wall-time limits, so a
// hostile file that crashes or exhausts Assimp cannot take the server down. Linux/POSIX only.
#pragma once

#include "engine/asset/ModelImporter.h"
#include "engine/asset/Sandbox.h"
#include "engine/core/File.h"
#include "engine/core/Result.h"

#include <cstdint>
#include <filesystem>

namespace fg {

// Imports and cooks FILE in a forked child; the parent only parses the cooked bytes it sends
// back, through the bounds-checked reader. A crash, a limit hit or a bad file is an Error naming
// FILE. The cooked bytes are returned so the caller can store them without cooking again.
// Fork from a process whose other threads hold no locks the import needs (glibc's malloc is
// fork-safe); the child never returns to the caller's code.
Result<Bytes> cookModelSandboxed(const std::filesystem::path& file, const ImportOptions& = {},
                                 const SandboxLimits& = {});

} // namespace fg
