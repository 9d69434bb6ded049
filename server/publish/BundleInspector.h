// Server-side checks of an uploaded .booth: container limits, ownership, layout fields the
// organiser controls, sandboxed model import, images decoded under limits, the booth's problems.
#pragma once

#include "engine/asset/SandboxedImport.h"
#include "game/booth/BoothProblems.h"
#include "game/expo/Exhibition.h"
#include "server/publish/ContentStore.h"

#include <map>
#include <string>
#include <vector>

namespace fg::publish {

struct InspectOptions {
    booth::ArchiveLimits archive;
    SandboxLimits sandbox{512ull << 20, 20, 30.0};
    std::filesystem::path scratchDir; // where model files are unpacked for the importer
};

// One stored asset of a checked bundle: the cooked model (.fgm), cooked image (.fgt) or the
// document as uploaded, named by its content hash.
struct StoredAsset {
    Hash128 hash;
    std::string kind; // "model", "image", "document"
    std::uint64_t bytes = 0;
};

struct InspectedBundle {
    booth::BoothBundle bundle; // layout fields replaced by the organiser's
    booth::StatsMap stats;     // measured in the sandbox
    std::vector<booth::BoothProblem> problems;
    std::map<std::string, StoredAsset> assets; // bundle entry name -> stored asset
};

// Rejects (with the reason a person can read) a bundle that cannot be read safely, that is not
// EXHIBITORID's own booth in EXHIBITION, or whose size differs from the organiser's. Otherwise
// imports every model in a sandboxed child, stores cooked assets in STORE and lists the booth's
// problems; the caller refuses publishing while booth::blocksPublishing(problems).
Result<InspectedBundle> inspectBundle(std::span<const std::uint8_t> bytes,
                                      const std::string& exhibitorId,
                                      const expo::Exhibition& exhibition, ContentStore& store,
                                      const InspectOptions& options);

// "problem; problem; ..." of the blocking problems, for a rejection message.
std::string problemSummary(const std::vector<booth::BoothProblem>& problems, std::size_t max = 8);

} // namespace fg::publish
