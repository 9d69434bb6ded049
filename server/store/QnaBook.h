// The Q&A slice's records: questions, upvotes (one row per person and question), the sessions
// that require approval, polls and their answers, written with synchronous=FULL. No rules.
#pragma once

#include "engine/core/Result.h"
#include "engine/core/Time.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace fg::store {

class Store;

struct StoredQuestion {
    std::int64_t id = 0; // assigned by addQuestion
    std::string session;
    std::string authorKey; // personKey, or "guest:CLIENTKEY"
    std::string authorName;
    bool anonymous = false;
    std::string text;
    int state = 1; // proto::QuestionState
    bool pinned = false;
    UnixSeconds askedAt = 0;
};

struct StoredVote {
    std::int64_t question = 0;
    std::string person;
};

struct StoredPoll {
    std::int64_t id = 0; // assigned by addPoll
    std::string session;
    std::string question;
    std::vector<std::string> options;
    bool multiple = false;
    int state = 0; // proto::PollState
    bool resultsShown = false;
};

struct StoredPollAnswer {
    std::int64_t poll = 0;
    std::string person;
    std::uint32_t choices = 0;
};

// Reactions and raised hands of one session (totals when read; what to add when written).
struct StoredStageCount {
    std::string session;
    std::uint64_t reactions = 0;
    std::uint64_t hands = 0; // times a hand was raised
};

class QnaBook {
public:
    // Migrates the "qna" slice's tables in STORE's database.
    static Result<std::unique_ptr<QnaBook>> open(Store& store);

    Result<std::int64_t> addQuestion(const StoredQuestion& q);
    Status updateQuestion(const StoredQuestion& q); // state and pinned
    // Every vote in one transaction (a repeated person/question pair is ignored).
    Status addVotes(std::span<const StoredVote> votes);
    Status setRequireApproval(std::string_view session, bool on);
    // Adds each session's reactions and raised hands to its totals, in one transaction.
    Status addStageCounts(std::span<const StoredStageCount> deltas);
    Result<std::vector<StoredStageCount>> stageCounts();
    Result<std::int64_t> addPoll(const StoredPoll& p);
    Status updatePoll(const StoredPoll& p); // state and resultsShown
    Status addAnswer(const StoredPollAnswer& a);

    Result<std::vector<StoredQuestion>> questions();
    Result<std::vector<StoredVote>> votes();
    Result<std::vector<std::string>> approvalSessions(); // sessions requiring approval
    Result<std::vector<StoredPoll>> polls();
    Result<std::vector<StoredPollAnswer>> answers();

private:
    explicit QnaBook(Store& store) : m_store(store) {}
    Store& m_store;
};

} // namespace fg::store
