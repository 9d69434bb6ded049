// A booth's content against its size template (counts, poster slots, 2d/3d model rule, model
// scale): the one implementation the exhibition validator and the booth editor (fg_booth) share.
// Pure rules over the model; no file access, no wording of the surrounding report.
#pragma once

#include "game/expo/Exhibition.h"

#include <functional>
#include <string>
#include <vector>

namespace fg::expo {

struct ContentProblem {
    std::string path;     // below the booth object: "content.posters", "content.posters[1].slot"
    std::string expected; // "at most 2 posters for size S"
    std::string found;    // "3"
};

// Whether the caller could read the booth field at PATH (relative like ContentProblem::path):
// a rule that depends on an unreadable field is skipped, so one broken value is one problem.
using FieldReadable = std::function<bool(const std::string& path)>;

// Every content-budget problem of BOOTH, in a fixed order. Too many posters report only the
// count (they cannot all have distinct slots). An empty READABLE treats every field as readable.
std::vector<ContentProblem> checkContentBudget(const Booth& booth,
                                               const FieldReadable& readable = {});

} // namespace fg::expo
