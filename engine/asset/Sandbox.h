// Runs untrusted-input work (a model import, a PDF render) in a forked child with address-space,
// CPU and wall-time limits, so a hostile file that crashes or exhausts a library cannot take the
// calling process down. Linux/POSIX only. Knows nothing about what the work does.
#pragma once

#include "engine/core/File.h"
#include "engine/core/Result.h"

#include <cstdint>
#include <functional>
#include <string>

namespace fg {

struct SandboxLimits {
    // Address space the child may add to what it inherits at the fork (a big parent such as the
    // editor, with its GPU driver, already maps gigabytes). Not applied under ASan.
    std::uint64_t memoryBytes = 2ull << 30;
    std::uint32_t cpuSeconds = 30;
    double wallSeconds = 60.0;
};

// Forks; the child applies LIMITS, calls WORK and sends back its bytes or its error message;
// the parent returns them as they came. NAME (the file) and WHAT ("import", "render") word the
// errors: a crash, a limit hit or a timeout is an Error naming NAME. The bytes come from a child
// that may have been subverted by its input: callers validate them as untrusted data. A
// std::bad_alloc thrown by WORK is reported as the memory limit being reached. Fork from a
// process whose other threads hold no locks WORK needs (glibc's malloc is fork-safe).
Result<Bytes> runSandboxed(const std::string& name, const char* what, const SandboxLimits& limits,
                           const std::function<Result<Bytes>()>& work);

} // namespace fg
