// An award category's result from its ballots and jury scores: pure functions, used for the
// live totals, the reveal and `awards audit` (which feeds them the raw stored records).
// Must not read the store or the network.
#pragma once

#include "game/expo/Exhibition.h"
#include "server/store/AwardsBook.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace fg::server {

struct FinalistResult {
    std::string booth;
    std::uint32_t ballots = 0;
    double publicShare = 0; // its ballots over the category's (0 when none)
    double jury = 0;        // mean over its jurors of the rubric's weighted mean, / 10
    std::uint32_t jurors = 0;
    double combined = 0; // (juryWeight * jury + publicWeight * public) / (both weights)
    bool operator==(const FinalistResult&) const = default;
};

// A's finalists ranked best first (docs/EXHIBITION_FORMAT.md: the result and its tie-break)
// from BALLOTS and SCORES of every category (others' are ignored, as are score rows whose
// length is not the rubric's).
std::vector<FinalistResult> tally(const expo::AwardCategory& a,
                                  std::span<const store::StoredBallot> ballots,
                                  std::span<const store::StoredScore> scores);

// The rubric's weighted mean of SCORES (1-10), or a negative number when they do not fit it.
double weightedScore(const expo::AwardCategory& a, const std::vector<std::uint8_t>& scores);

} // namespace fg::server
