// The awards slice's records: ballots (one row per person and category, replaced on change),
// jury scores, jurors and their categories, reveals and the organiser's voting overrides, all
// written with the store's synchronous=FULL. No rules: AwardsModule decides what is allowed.
#pragma once

#include "engine/core/Result.h"
#include "engine/core/Time.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace fg::store {

class Store;

struct StoredBallot {
    std::string category;
    std::string person; // personKey, or "guest:CLIENTKEY" where guests may vote
    std::string booth;
    UnixSeconds castAt = 0;
};

struct StoredScore {
    std::string category;
    std::string booth;
    std::string juror;                // personKey
    std::vector<std::uint8_t> scores; // 1-10 per rubric criterion
    UnixSeconds scoredAt = 0;
};

struct StoredJuror {
    std::string person; // "cred:N"
    std::string category;
    std::string organisation; // exhibitor id, empty when independent
    std::string label;
};

struct StoredReveal {
    std::string category;
    std::string booth;
    UnixSeconds revealedAt = 0;
};

struct StoredVotingOverride {
    std::string category;
    bool open = false; // forced open (true) or closed (false) whatever the window says
};

class AwardsBook {
public:
    // Migrates the "awards" slice's tables in STORE's database.
    static Result<std::unique_ptr<AwardsBook>> open(Store& store);

    // Every ballot in one transaction (a person's later ballot replaces the earlier one).
    Status putBallots(std::span<const StoredBallot> ballots);
    Status putScore(const StoredScore& score); // replaces the juror's earlier scores
    Status addJurors(std::span<const StoredJuror> jurors);
    Status putReveal(const StoredReveal& reveal);
    // Forces CATEGORY's voting open or closed; NULLOPT returns it to the file's window.
    Status setVotingOverride(std::string_view category, std::optional<bool> open);

    Result<std::vector<StoredBallot>> ballots();
    Result<std::vector<StoredScore>> scores();
    Result<std::vector<StoredJuror>> jurors();
    Result<std::vector<StoredReveal>> reveals();
    Result<std::vector<StoredVotingOverride>> votingOverrides();

private:
    explicit AwardsBook(Store& store) : m_store(store) {}
    Store& m_store;
};

} // namespace fg::store
