// The SME awards (channel 0): the categories' state as the receiver may see it, ballots, jury
// scores and the reveal. Included by Messages.h; serialize only, no rules.
#pragma once

#include "game/expo/protocol/ProtocolTypes.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fg::expo::proto {

inline constexpr std::uint32_t kMaxAwardCategories = 50;
inline constexpr std::uint32_t kMaxAwardFinalists = 20;
inline constexpr std::uint32_t kMaxRubricCriteria = 10;
inline constexpr std::uint32_t kMaxRevealCountdown = 60; // seconds

// Where a category's public vote stands now.
enum class VotingState : std::uint8_t { NotYet, Open, Closed };
inline constexpr std::uint32_t kVotingStateMax = 2;

// One category as its receiver may see it.
struct AwardStatus {
    std::string category;
    VotingState voting = VotingState::NotYet;
    std::int64_t opensUnix = 0;
    std::int64_t closesUnix = 0;
    std::string myBallot;               // the booth the receiver voted for, empty when none
    bool juror = false;                 // the receiver scores this category
    std::vector<std::string> conflicts; // finalists the receiver may not score (own organisation)
    std::vector<std::string> scored;    // finalists the receiver (a juror) has scored
    std::string winner;                 // the revealed winner's booth, empty until the reveal
    // Ballots per finalist (the category's order): organisers, and everyone after the reveal.
    std::vector<std::uint32_t> ballots;
    bool operator==(const AwardStatus&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeString(s, category, kMaxIdLength));
        FG_SER(serializeEnum(s, voting, kVotingStateMax));
        FG_SER(net::serializeI64(s, opensUnix));
        FG_SER(net::serializeI64(s, closesUnix));
        FG_SER(net::serializeString(s, myBallot, kMaxIdLength));
        FG_SER(net::serializeBool(s, juror));
        for (auto* list : {&conflicts, &scored}) {
            std::uint32_t n = std::uint32_t(list->size());
            FG_SER(net::serializeInt(s, n, 0, kMaxAwardFinalists));
            if constexpr (S::kIsReading) list->resize(n);
            for (std::string& booth : *list)
                FG_SER(net::serializeString(s, booth, kMaxIdLength));
        }
        FG_SER(net::serializeString(s, winner, kMaxIdLength));
        std::uint32_t n = std::uint32_t(ballots.size());
        FG_SER(net::serializeInt(s, n, 0, kMaxAwardFinalists));
        if constexpr (S::kIsReading) ballots.resize(n);
        for (std::uint32_t& count : ballots)
            FG_SER(net::serializeU32(s, count));
        return true;
    }
};

// Anyone -> server: every category's state for me (answered by AwardsState).
struct AwardsRequest {
    static constexpr const char* kName = "AwardsRequest";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    bool operator==(const AwardsRequest&) const = default;

    template <class S>
    bool serialize(S& s) {
        return net::serializeU32(s, requestId);
    }
};

// Server -> one person: every category as they may see it (REQUESTID 0: pushed after a change).
struct AwardsState {
    static constexpr const char* kName = "AwardsState";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint32_t requestId = 0;
    bool organiser = false; // the receiver sees running totals
    std::vector<AwardStatus> categories;
    bool operator==(const AwardsState&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeBool(s, organiser));
        std::uint32_t n = std::uint32_t(categories.size());
        FG_SER(net::serializeInt(s, n, 0, kMaxAwardCategories));
        if constexpr (S::kIsReading) {
            if (n > s.bitsRemaining() / 64) return false;
            categories.resize(n);
        }
        for (AwardStatus& c : categories)
            FG_SER(c.serialize(s));
        return true;
    }
};

// Voter -> server: my ballot in CATEGORY is BOOTH (replaces my earlier one while voting is open).
// Answered by ActionResult once the ballot is on disk.
struct BallotCast {
    static constexpr const char* kName = "BallotCast";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string category;
    std::string booth;
    bool operator==(const BallotCast&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, category, kMaxIdLength));
        return net::serializeString(s, booth, kMaxIdLength);
    }
};

// Juror -> server: my scores (1-10, one per rubric criterion in order) for BOOTH in CATEGORY.
struct JuryScore {
    static constexpr const char* kName = "JuryScore";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string category;
    std::string booth;
    std::vector<std::uint8_t> scores;
    bool operator==(const JuryScore&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, category, kMaxIdLength));
        FG_SER(net::serializeString(s, booth, kMaxIdLength));
        std::uint32_t n = std::uint32_t(scores.size());
        FG_SER(net::serializeInt(s, n, 0, kMaxRubricCriteria));
        if constexpr (S::kIsReading) scores.resize(n);
        for (std::uint8_t& score : scores) {
            std::uint32_t v = score;
            FG_SER(net::serializeInt(s, v, 0, 15));
            score = std::uint8_t(v);
        }
        return true;
    }
};

// Organiser or the ceremony's moderator -> server: reveal CATEGORY's winner after COUNTDOWN s.
struct AwardRevealRequest {
    static constexpr const char* kName = "AwardRevealRequest";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string category;
    std::uint32_t countdown = 5;
    bool operator==(const AwardRevealRequest&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, category, kMaxIdLength));
        return net::serializeInt(s, countdown, 0, kMaxRevealCountdown);
    }
};

// Server -> everyone: CATEGORY's reveal starts (COUNTDOWN seconds left, WINNER empty), then the
// winner's booth (COUNTDOWN 0); an announcement to everyone goes with it.
struct AwardRevealed {
    static constexpr const char* kName = "AwardRevealed";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::string category;
    std::uint32_t countdown = 0;
    std::string winner;
    bool operator==(const AwardRevealed&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeString(s, category, kMaxIdLength));
        FG_SER(net::serializeInt(s, countdown, 0, kMaxRevealCountdown));
        return net::serializeString(s, winner, kMaxIdLength);
    }
};

} // namespace fg::expo::proto
