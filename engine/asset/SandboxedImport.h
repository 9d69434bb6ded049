// Imports an untrusted model in a child process with memory, CPU and wall-time limits, so a
// hostile file that crashes or exhausts Assimp cannot take the server down. Linux/POSIX only.
#pragma once

#include "engine/asset/ModelImporter.h"
#include "engine/core/File.h"
#include "engine/core/Result.h"

#include <cstdint>
#include <filesystem>

namespace fg {

struct SandboxLimits {
    // Address space the child may add to what it inherits at the fork (a big parent such as the
    // editor, with its GPU driver, already maps gigabytes). Not applied under ASan.
    std::uint64_t memoryBytes = 2ull << 30;
    std::uint32_t cpuSeconds = 30;
    double wallSeconds = 60.0;
};

// Imports and cooks FILE in a forked child; the parent only parses the cooked bytes it sends
// back, through the bounds-checked reader. A crash, a limit hit or a bad file is an Error naming
// FILE. The cooked bytes are returned so the caller can store them without cooking again.
// Fork from a process whose other threads hold no locks the import needs (glibc's malloc is
// fork-safe); the child never returns to the caller's code.
Result<Bytes> cookModelSandboxed(const std::filesystem::path& file, const ImportOptions& = {},
                                 const SandboxLimits& = {});

} // namespace fg
