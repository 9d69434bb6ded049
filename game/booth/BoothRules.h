// Internal to fg_booth: text, count, id and profile rules, and the unused-file warning.
// Called by checkBundle only; must not look at file contents.
#pragma once

#include "game/booth/BoothProblems.h"

namespace fg::booth {

void checkRules(const BoothBundle& bundle, std::vector<BoothProblem>& out);
void checkUnusedFiles(const BoothBundle& bundle, std::vector<BoothProblem>& out);
// True when NAME is referenced, or sits in the folder of a referenced model (its
// .bin/.mtl/textures).
bool fileInUse(const BoothBundle& bundle, const std::string& name);

} // namespace fg::booth
