// libFuzzer entry for the .booth archive reader and the bundle loaded from it: an exhibitor's
// upload and a file opened in the editor. Accepted bundles must save and load back the same.
#include "game/booth/BoothBundle.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // Small limits keep the fuzzer on parsing rather than on allocating the real 128 MiB.
    fg::booth::ArchiveLimits limits;
    limits.maxEntries = 64;
    limits.maxEntryBytes = 1u << 20;
    limits.maxTotalBytes = 4u << 20;
    auto entries = fg::booth::readArchive({data, size}, "fuzz.booth", limits);
    if (entries.ok()) {
        std::uint64_t total = 0;
        for (const auto& [name, bytes] : *entries)
            total += bytes.size();
        if (entries->size() > limits.maxEntries || total > limits.maxTotalBytes) std::abort();
    }
    auto bundle = fg::booth::loadBundleBytes({data, size}, "fuzz.booth", limits);
    if (!bundle.ok()) return 0;
    const fg::Bytes saved = fg::booth::saveBundleBytes(*bundle);
    auto again = fg::booth::loadBundleBytes(saved, "saved.booth");
    if (!again.ok() || !again->sameContent(*bundle)) std::abort();
    return 0;
}
