// The awards' arithmetic: shares, weighted jury means, the combined score and the tie-break.
// Pure; the same code serves live totals and the audit's recount from raw records.
#include "server/awards/AwardsTally.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace fg::server {

namespace {

// Combined scores closer than this are a tie (they come from the same sums in another order).
constexpr double kTieEpsilon = 1e-9;

// Orders two results by one share, 0 when equal.
int compareShare(double a, double b) {
    if (std::fabs(a - b) <= kTieEpsilon) return 0;
    return a > b ? -1 : 1;
}

} // namespace

double weightedScore(const expo::AwardCategory& a, const std::vector<std::uint8_t>& scores) {
    if (scores.size() != a.rubric.size() || scores.empty()) return -1;
    double sum = 0, weights = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (scores[i] < 1 || scores[i] > 10) return -1;
        sum += double(a.rubric[i].weight) * scores[i];
        weights += a.rubric[i].weight;
    }
    return sum / weights;
}

std::vector<FinalistResult> tally(const expo::AwardCategory& a,
                                  std::span<const store::StoredBallot> ballots,
                                  std::span<const store::StoredScore> scores) {
    std::map<std::string, std::size_t> index;
    std::vector<FinalistResult> out;
    std::vector<double> jurySums(a.finalists.size(), 0.0);
    for (const std::string& booth : a.finalists) {
        index.emplace(booth, out.size());
        out.push_back({booth});
    }
    std::uint32_t total = 0;
    for (const store::StoredBallot& b : ballots) {
        auto it = b.category == a.id ? index.find(b.booth) : index.end();
        if (it == index.end()) continue;
        ++out[it->second].ballots;
        ++total;
    }
    for (const store::StoredScore& s : scores) {
        auto it = s.category == a.id ? index.find(s.booth) : index.end();
        const double w = weightedScore(a, s.scores);
        if (it == index.end() || w < 0) continue;
        jurySums[it->second] += w;
        ++out[it->second].jurors;
    }
    const double weights = double(a.juryWeight) + double(a.publicWeight);
    for (std::size_t i = 0; i < out.size(); ++i) {
        FinalistResult& r = out[i];
        r.publicShare = total == 0 ? 0.0 : double(r.ballots) / total;
        r.jury = r.jurors == 0 ? 0.0 : jurySums[i] / r.jurors / 10.0;
        r.combined =
            weights == 0 ? 0.0 : (a.juryWeight * r.jury + a.publicWeight * r.publicShare) / weights;
    }
    const bool juryFirst = a.tieBreak == expo::TieBreak::Jury;
    std::stable_sort(out.begin(), out.end(), [&](const FinalistResult& x, const FinalistResult& y) {
        if (int c = compareShare(x.combined, y.combined)) return c < 0;
        const int jury = compareShare(x.jury, y.jury);
        const int pub = compareShare(x.publicShare, y.publicShare);
        const int first = juryFirst ? jury : pub, second = juryFirst ? pub : jury;
        if (first) return first < 0;
        return second < 0; // equal everywhere: stable, the order of `finalists`
    });
    return out;
}

} // namespace fg::server
