// Budget table and usage sums for the editor's live meter and the publish checks.
// Must not import or read files: callers pass stats measured elsewhere.
#include "game/booth/BoothBudget.h"

#include <set>

namespace fg::booth {

Budget budgetFor(expo::BoothSize size) {
    constexpr std::uint64_t kMiB = 1024 * 1024;
    std::uint64_t total = expo::sizeTemplate(size).maxTotalBytes;
    switch (size) {
    case expo::BoothSize::S:
        return {100'000, 32 * kMiB, total};
    case expo::BoothSize::M:
        return {250'000, 64 * kMiB, total};
    case expo::BoothSize::L:
        return {500'000, 128 * kMiB, total};
    }
    return {};
}

std::uint64_t textureMemory(std::uint32_t width, std::uint32_t height) {
    return std::uint64_t(width) * height * 4 * 4 / 3;
}

BudgetUse measureUse(const BoothBundle& bundle, const StatsMap& stats) {
    BudgetUse use;
    use.totalBytes = bundle.fileBytes();
    auto find = [&](const std::string& name) -> const FileStats* {
        auto it = stats.find(name);
        return it != stats.end() && it->second.ok ? &it->second : nullptr;
    };
    for (const auto& m : bundle.booth.content.models)
        if (const FileStats* s = find(m.file)) use.triangles += s->triangles;
    for (const std::string& name : referencedFiles(bundle))
        if (const FileStats* s = find(name)) use.textureBytes += s->textureBytes;
    return use;
}

} // namespace fg::booth
