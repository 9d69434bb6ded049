// The Q&A and poll rules of every programme session, kept in memory and written through
// store::QnaBook: who asked what, one upvote and one poll answer per person, approval, pins,
// poll states. No network and no permission checks (QnaModule checks who may do what).
#pragma once

#include "game/expo/protocol/QnaMessages.h"
#include "server/store/QnaBook.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace fg::server {

struct QnaQuestion {
    store::StoredQuestion rec;
    std::unordered_set<std::string> voters; // person keys
};

struct QnaPoll {
    store::StoredPoll rec;
    std::unordered_map<std::string, std::uint32_t> answers; // person key -> choices
};

// A session's figures for `session stats` and `session questions|polls`.
struct QnaCounts {
    std::uint64_t questions = 0, upvotes = 0, polls = 0, pollAnswers = 0, reactions = 0;
    std::uint64_t hands = 0; // times a hand was raised
};

class QnaBoard {
public:
    static Result<std::unique_ptr<QnaBoard>> open(store::Store& store);

    // A new question (Pending when the session requires approval).
    Result<const QnaQuestion*> ask(std::string_view session, std::string authorKey,
                                   std::string authorName, std::string text, bool anonymous);
    // PERSON's upvote; false when it already counted. Queued until flush().
    Result<bool> vote(std::string_view session, std::uint64_t id, const std::string& person);
    // Counts REACTIONS and raised HANDS for SESSION; stored with the next flush().
    void countStage(std::string_view session, std::uint64_t reactions, std::uint64_t hands);
    // Writes the queued upvotes in one transaction, then the queued reactions and hands.
    Status flush();
    bool flushPending() const { return !m_pendingVotes.empty() || !m_pendingStage.empty(); }
    Result<const QnaQuestion*> moderate(std::string_view session, std::uint64_t id,
                                        expo::proto::QnaAction action);
    Status setRequireApproval(std::string_view session, bool on);
    bool requiresApproval(std::string_view session) const;

    Result<const QnaPoll*> createPoll(std::string_view session, std::string question,
                                      std::vector<std::string> options, bool multiple, bool open);
    Result<const QnaPoll*> controlPoll(std::string_view session, std::uint64_t id,
                                       expo::proto::PollAction action);
    Result<const QnaPoll*> answer(std::string_view session, std::uint64_t id,
                                  const std::string& person, std::uint32_t choices);

    // The session's questions and polls in the order they came.
    std::vector<const QnaQuestion*> questions(std::string_view session) const;
    std::vector<const QnaPoll*> polls(std::string_view session) const;
    const QnaQuestion* question(std::uint64_t id) const;
    QnaCounts counts(std::string_view session) const;

    // The wire view of a question or poll (MODERATOR: names of anonymous askers, counts).
    static expo::proto::QuestionInfo info(const QnaQuestion& q, bool moderator);
    static expo::proto::PollInfo info(const QnaPoll& p, bool moderator, const std::string& person);

private:
    explicit QnaBoard(store::QnaBook& book) : m_book(book) {}
    Status load();
    QnaQuestion* findQuestion(std::string_view session, std::uint64_t id);
    QnaPoll* findPoll(std::string_view session, std::uint64_t id);

    std::unique_ptr<store::QnaBook> m_owned;
    store::QnaBook& m_book;
    std::map<std::uint64_t, QnaQuestion> m_questions; // by id: ids grow, so in asking order
    std::map<std::uint64_t, QnaPoll> m_polls;
    std::set<std::string, std::less<>> m_approval; // sessions requiring approval
    std::vector<store::StoredVote> m_pendingVotes;
    // Reactions and hands per session: totals, and what the next flush adds to the store.
    std::map<std::string, store::StoredStageCount, std::less<>> m_stageCounts, m_pendingStage;
};

} // namespace fg::server
