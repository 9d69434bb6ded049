// The SME awards on the server: one ballot per person and category (group-committed, answered
// after the commit), jury scores with the conflict rule, totals hidden until the reveal, the
// reveal's countdown and announcement; console `awards ...` and `invite jury`. Never touches
// the programme's sessions (it asks ProgrammeAccess) nor ServerApp.
#pragma once

#include "server/awards/AwardsTally.h"
#include "server/core/ServerContext.h"
#include "server/core/ServerModule.h"
#include "server/programme/ProgrammeAccess.h"
#include "server/store/AwardsBook.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fg::console {
struct ConsoleResult;
struct CommandArgs;
} // namespace fg::console

namespace fg::server {

class AwardsModule final : public ServerModule {
public:
    AwardsModule(ServerContext& ctx, ProgrammeAccess& programme)
        : m_ctx(ctx), m_programme(programme) {}
    ~AwardsModule() override;

    Status start() override; // opens the slice's tables and loads them
    void registerHandlers(ServerRouter& router) override;
    void registerCommands(console::ConsoleCommands& commands) override;
    void onTick(std::uint32_t tick, double now) override;
    void addStatus(std::vector<console::StatusFigure>& figures) const override;

    // Category ID's finalists ranked from the live records (null when no such category).
    std::optional<std::vector<FinalistResult>> results(std::string_view id) const;

private:
    struct PendingBallot {
        std::uint16_t id = 0;
        std::uint32_t requestId = 0;
        bool changed = false; // replaced an earlier ballot
    };
    struct Countdown {
        std::string category;
        double at = 0; // monotonic seconds
    };

    // AwardsModule.cpp: ballots, scores, reveal.
    void cast(presence::Session& s, const proto::BallotCast& m);
    void score(presence::Session& s, const proto::JuryScore& m);
    void revealRequest(presence::Session& s, const proto::AwardRevealRequest& m);
    // Starts CATEGORY's reveal (now when COUNTDOWN is 0); the refusal when it cannot.
    Status startReveal(const std::string& category, std::uint32_t countdown);
    void finishReveal(const std::string& category);
    void flushBallots();
    void refuse(presence::Session& s, std::uint32_t requestId, std::string why, bool lying);
    const expo::AwardCategory* category(std::string_view id) const;
    proto::VotingState votingState(const expo::AwardCategory& a) const;
    // Why S may not vote in A now, empty when it may.
    std::string ballotRefusal(const presence::Session& s, const expo::AwardCategory& a,
                              const std::string& booth) const;
    std::string scoreRefusal(const presence::Session& s, const expo::AwardCategory& a,
                             const proto::JuryScore& m, bool& lying) const;
    const store::StoredJuror* jurorOf(const std::string& person, const std::string& category) const;
    std::string exhibitorOf(const std::string& booth) const;
    proto::AwardsState stateFor(const presence::Session& s) const;
    std::vector<store::StoredBallot> ballotList() const;
    std::vector<store::StoredScore> scoreList() const;

    // AwardsConsole.cpp
    console::ConsoleResult command(const console::CommandArgs& a);
    console::ConsoleResult status(bool json) const;
    console::ConsoleResult progress() const;
    console::ConsoleResult resultsCommand(const console::CommandArgs& a) const;
    console::ConsoleResult audit() const;
    console::ConsoleResult ballotsCsv(const console::CommandArgs& a) const;
    console::ConsoleResult revealCommand(const console::CommandArgs& a);
    console::ConsoleResult votingCommand(const console::CommandArgs& a);
    console::ConsoleResult inviteJury(console::ConsoleCommands& commands,
                                      const std::vector<std::string>& words);

    ServerContext& m_ctx;
    ProgrammeAccess& m_programme;
    std::unique_ptr<store::AwardsBook> m_book;
    // category -> person -> booth: what the store holds plus the ballots waiting for the flush.
    std::map<std::string, std::map<std::string, std::string>, std::less<>> m_ballots;
    std::map<std::string, store::StoredScore> m_scores; // "category\nbooth\njuror" -> scores
    std::vector<store::StoredJuror> m_jurors;
    std::map<std::string, std::string, std::less<>> m_winners; // category -> booth
    std::map<std::string, bool, std::less<>> m_overrides;      // category -> forced open
    std::vector<store::StoredBallot> m_queued;                 // written at the next tick
    std::vector<PendingBallot> m_pending;                      // answered after that write
    std::vector<Countdown> m_countdowns;
    double m_now = 0;
    std::uint64_t m_ballotsAccepted = 0, m_refused = 0, m_commits = 0;
};

} // namespace fg::server
