// The problems panel's rules: outside the footprint, missing file, over budget, bad file, invalid.
// Pure checks over a bundle and its measured file stats; the editor and the server share them.
#pragma once

#include "game/booth/BoothBudget.h"
#include "game/booth/BoothBundle.h"

#include <string>
#include <vector>

namespace fg::booth {

enum class Severity : std::uint8_t { Error, Warning };
enum class ProblemKind : std::uint8_t {
    OutsideFootprint,
    MissingFile,
    OverBudget,
    BadFile,
    Invalid
};

struct BoothProblem {
    Severity severity = Severity::Error;
    ProblemKind kind = ProblemKind::Invalid;
    std::string path;    // JSON path in booth.json ("booth.content.models[0].position") or a file
    std::string message; // "expected X, found Y" or what is wrong with the file
    std::string toString() const; // "error: outside footprint: PATH: MESSAGE"
};

const char* toString(ProblemKind kind);
const char* toString(Severity severity);

// Every problem at once. STATS should hold an entry for each model and image in the bundle;
// a referenced model or image without stats is reported as a bad file (it was never measured).
std::vector<BoothProblem> checkBundle(const BoothBundle& bundle, const StatsMap& stats);
// Booth-local transform of a placed model: translate, then rotate Z, Y, X (degrees), then scale;
// the same order the client's scene uses.
glm::mat4 placementMatrix(const expo::ModelPlacement& placement);
// True while any Error remains (warnings do not block publishing).
bool blocksPublishing(const std::vector<BoothProblem>& problems);

} // namespace fg::booth
