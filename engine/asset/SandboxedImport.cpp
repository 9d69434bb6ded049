// Model import in the sandbox (engine/asset/Sandbox.h): the child imports and cooks; the parent
// validates the cooked bytes it gets back. Never touches Assimp data in the parent.
#include "engine/asset/SandboxedImport.h"

#include "engine/asset/CookedFormat.h"

#include <fmt/format.h>

namespace fg {
namespace {

// Runs in the child: imports and cooks, or the reason the file was refused.
Result<Bytes> importAndCook(const std::filesystem::path& file, const ImportOptions& options,
                            const SandboxLimits& limits) {
    auto model = importModel(file, options);
    if (!model) {
        // Assimp catches the allocation failure itself and reports only its name.
        if (model.error().message.find("bad_alloc") != std::string::npos)
            return makeError(fmt::format(
                "{}: the import needed more memory than its limit of {} MiB and was stopped",
                file.string(), limits.memoryBytes >> 20));
        return model.error();
    }
    return cookModel(*model);
}

} // namespace

Result<Bytes> cookModelSandboxed(const std::filesystem::path& file, const ImportOptions& options,
                                 const SandboxLimits& limits) {
    std::string name = file.string();
    auto cooked =
        runSandboxed(name, "import", limits, [&] { return importAndCook(file, options, limits); });
    if (!cooked) return cooked.error();
    // The child may have been subverted by the file: validate as any untrusted cooked data.
    if (auto check = readCookedModel(*cooked, name); !check) return check.error();
    return cooked;
}

} // namespace fg
