// The audience's voice in a programme session (channel 0): questions and upvotes, polls,
// reactions and raised hands. Included by Messages.h; serialize only, no rules.
#pragma once

#include "game/expo/protocol/ProtocolTypes.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fg::expo::proto {

inline constexpr std::uint32_t kMaxQuestionLength = 300;
inline constexpr std::uint32_t kMaxQnaQuestions = 500; // one QnaState's questions
inline constexpr std::uint32_t kMaxPollOptions = 8;
inline constexpr std::uint32_t kMaxPollOptionLength = 80;
inline constexpr std::uint32_t kMaxPolls = 50; // one QnaState's polls
inline constexpr std::uint32_t kMaxHands = 200;

// Pending: waits for the moderator's approval (only moderators see it). Hidden: removed by the
// moderator (clients drop it).
enum class QuestionState : std::uint8_t { Pending, Open, Answered, Hidden };
inline constexpr std::uint32_t kQuestionStateMax = 3;
// What a moderator does to a question (RequireApproval / AllowAll: to the session, id 0).
enum class QnaAction : std::uint8_t {
    Approve,
    Pin,
    Unpin,
    Answered,
    Hide,
    RequireApproval,
    AllowAll
};
inline constexpr std::uint32_t kQnaActionMax = 6;
enum class PollState : std::uint8_t { Prepared, Open, Closed };
inline constexpr std::uint32_t kPollStateMax = 2;
enum class PollAction : std::uint8_t { Open, Close, ShowResults };
inline constexpr std::uint32_t kPollActionMax = 2;
enum class ReactionKind : std::uint8_t { Applause, Heart, ThumbsUp };
inline constexpr std::uint32_t kReactionKindMax = 2;

// One question as its receiver may see it.
struct QuestionInfo {
    std::uint64_t id = 0;
    std::string author; // empty when asked anonymously (moderators still get the name)
    bool anonymous = false;
    std::string text;
    std::uint32_t votes = 0;
    QuestionState state = QuestionState::Open;
    bool pinned = false; // the question being answered
    std::int64_t askedUnix = 0;
    bool operator==(const QuestionInfo&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU64(s, id));
        FG_SER(net::serializeString(s, author, kMaxNameLength));
        FG_SER(net::serializeBool(s, anonymous));
        FG_SER(net::serializeString(s, text, kMaxQuestionLength));
        FG_SER(net::serializeU32(s, votes));
        FG_SER(serializeEnum(s, state, kQuestionStateMax));
        FG_SER(net::serializeBool(s, pinned));
        return net::serializeI64(s, askedUnix);
    }
};

// A count-prefixed list of at most MAX items, each with its own serialize.
template <class S, class T>
bool serializeItems(S& s, std::vector<T>& items, std::uint32_t max, std::uint32_t minBits) {
    std::uint32_t count = std::uint32_t(items.size());
    FG_SER(net::serializeInt(s, count, 0, max));
    if constexpr (S::kIsReading) {
        if (count > s.bitsRemaining() / minBits) return false;
        items.resize(count);
    }
    for (T& item : items)
        FG_SER(item.serialize(s));
    return true;
}

// A poll; counts are empty unless the receiver may see results (shown, or a moderator).
struct PollInfo {
    std::uint64_t id = 0;
    std::string question;
    std::vector<std::string> options;
    bool multiple = false;
    PollState state = PollState::Prepared;
    bool resultsShown = false;
    std::vector<std::uint32_t> counts; // per option
    std::uint32_t voters = 0;
    std::uint32_t mine = 0; // the receiver's choices (bit per option), in QnaState only
    bool operator==(const PollInfo&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU64(s, id));
        FG_SER(net::serializeString(s, question, kMaxQuestionLength));
        std::uint32_t n = std::uint32_t(options.size());
        FG_SER(net::serializeInt(s, n, 0, kMaxPollOptions));
        if constexpr (S::kIsReading) options.resize(n);
        for (std::string& option : options)
            FG_SER(net::serializeString(s, option, kMaxPollOptionLength));
        FG_SER(net::serializeBool(s, multiple));
        FG_SER(serializeEnum(s, state, kPollStateMax));
        FG_SER(net::serializeBool(s, resultsShown));
        std::uint32_t c = std::uint32_t(counts.size());
        FG_SER(net::serializeInt(s, c, 0, kMaxPollOptions));
        if constexpr (S::kIsReading) counts.resize(c);
        for (std::uint32_t& count : counts)
            FG_SER(net::serializeU32(s, count));
        FG_SER(net::serializeU32(s, voters));
        return net::serializeInt(s, mine, 0, (1u << kMaxPollOptions) - 1);
    }
};

// A raised hand in a session's queue.
struct HandEntry {
    std::uint16_t clientId = 0;
    std::string name;
    bool onStage = false;
    bool operator==(const HandEntry&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(serializeClientId(s, clientId));
        FG_SER(net::serializeString(s, name, kMaxNameLength));
        return net::serializeBool(s, onStage);
    }
};

// Attendee -> server: the session's questions and polls (answered by QnaState).
struct QnaJoin {
    static constexpr const char* kName = "QnaJoin";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string sessionId;
    bool operator==(const QnaJoin&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        return net::serializeString(s, sessionId, kMaxIdLength);
    }
};

// Server -> one attendee: every question and poll it may see, its own upvotes.
struct QnaState {
    static constexpr const char* kName = "QnaState";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint32_t requestId = 0; // 0: pushed (approval switched)
    std::string sessionId;
    bool requireApproval = false;
    bool moderator = false; // the receiver moderates the session
    std::vector<QuestionInfo> questions;
    std::vector<PollInfo> polls;
    std::vector<std::uint64_t> myVotes; // question ids the receiver upvoted
    bool operator==(const QnaState&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        FG_SER(net::serializeBool(s, requireApproval));
        FG_SER(net::serializeBool(s, moderator));
        FG_SER(serializeItems(s, questions, kMaxQnaQuestions, 64));
        FG_SER(serializeItems(s, polls, kMaxPolls, 64));
        std::uint32_t n = std::uint32_t(myVotes.size());
        FG_SER(net::serializeInt(s, n, 0, kMaxQnaQuestions));
        if constexpr (S::kIsReading) {
            if (n > s.bitsRemaining() / 64) return false;
            myVotes.resize(n);
        }
        for (std::uint64_t& v : myVotes)
            FG_SER(net::serializeU64(s, v));
        return true;
    }
};

// Attendee -> server: a question, optionally anonymous to the other attendees.
struct QnaAsk {
    static constexpr const char* kName = "QnaAsk";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string sessionId;
    std::string text;
    bool anonymous = false;
    bool operator==(const QnaAsk&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        FG_SER(net::serializeString(s, text, kMaxQuestionLength));
        return net::serializeBool(s, anonymous);
    }
};

// Verified attendee -> server: one upvote (a second one from the same person changes nothing).
struct QnaVote {
    static constexpr const char* kName = "QnaVote";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string sessionId;
    std::uint64_t questionId = 0;
    bool operator==(const QnaVote&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        return net::serializeU64(s, questionId);
    }
};

// Moderator -> server: approve, pin, unpin, mark answered, hide; switch approval.
struct QnaModerate {
    static constexpr const char* kName = "QnaModerate";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string sessionId;
    std::uint64_t questionId = 0;
    QnaAction action = QnaAction::Approve;
    bool operator==(const QnaModerate&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        FG_SER(net::serializeU64(s, questionId));
        return serializeEnum(s, action, kQnaActionMax);
    }
};

// Server -> the session's attendees: a question is new or changed (votes, state, pin).
struct QnaQuestionUpdate {
    static constexpr const char* kName = "QnaQuestionUpdate";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::string sessionId;
    QuestionInfo question;
    bool operator==(const QnaQuestionUpdate&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        return question.serialize(s);
    }
};

// Moderator -> server: a poll, prepared (opened later) or opened at once (ad hoc).
struct PollCreate {
    static constexpr const char* kName = "PollCreate";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string sessionId;
    std::string question;
    std::vector<std::string> options;
    bool multiple = false;
    bool openNow = false;
    bool operator==(const PollCreate&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        FG_SER(net::serializeString(s, question, kMaxQuestionLength));
        std::uint32_t n = std::uint32_t(options.size());
        FG_SER(net::serializeInt(s, n, 0, kMaxPollOptions));
        if constexpr (S::kIsReading) options.resize(n);
        for (std::string& option : options)
            FG_SER(net::serializeString(s, option, kMaxPollOptionLength));
        FG_SER(net::serializeBool(s, multiple));
        return net::serializeBool(s, openNow);
    }
};

// Moderator -> server: open, close a poll or show its results to everyone.
struct PollControl {
    static constexpr const char* kName = "PollControl";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string sessionId;
    std::uint64_t pollId = 0;
    PollAction action = PollAction::Open;
    bool operator==(const PollControl&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        FG_SER(net::serializeU64(s, pollId));
        return serializeEnum(s, action, kPollActionMax);
    }
};

// Verified attendee -> server: the choices (bit per option) in an open poll, once.
struct PollAnswer {
    static constexpr const char* kName = "PollAnswer";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string sessionId;
    std::uint64_t pollId = 0;
    std::uint32_t choices = 0;
    bool operator==(const PollAnswer&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        FG_SER(net::serializeU64(s, pollId));
        return net::serializeInt(s, choices, 0, (1u << kMaxPollOptions) - 1);
    }
};

// Server -> the session's attendees: a poll is new or changed (state, results).
struct PollUpdate {
    static constexpr const char* kName = "PollUpdate";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::string sessionId;
    PollInfo poll;
    bool operator==(const PollUpdate&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        return poll.serialize(s);
    }
};

// Attendee -> server: applause, heart or thumbs up (rate-limited per person).
struct ReactionSend {
    static constexpr const char* kName = "ReactionSend";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::string sessionId;
    ReactionKind kind = ReactionKind::Applause;
    bool operator==(const ReactionSend&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        return serializeEnum(s, kind, kReactionKindMax);
    }
};

// Server -> the session's attendees: float KIND above CLIENTID's avatar for a few seconds.
struct ReactionShown {
    static constexpr const char* kName = "ReactionShown";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::string sessionId;
    std::uint16_t clientId = 0;
    ReactionKind kind = ReactionKind::Applause;
    bool operator==(const ReactionShown&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        FG_SER(serializeClientId(s, clientId));
        return serializeEnum(s, kind, kReactionKindMax);
    }
};

// Attendee -> server: raise (or lower) a hand to speak.
struct HandRaise {
    static constexpr const char* kName = "HandRaise";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string sessionId;
    bool raised = true;
    bool operator==(const HandRaise&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        return net::serializeBool(s, raised);
    }
};

// Moderator -> server: bring a raised hand on stage (a temporary speaker) or send it back.
struct HandStage {
    static constexpr const char* kName = "HandStage";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string sessionId;
    std::uint16_t clientId = 0;
    bool onStage = true;
    bool operator==(const HandStage&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        FG_SER(serializeClientId(s, clientId));
        return net::serializeBool(s, onStage);
    }
};

// Server -> the session's attendees: the raised hands, oldest first, and who is on stage.
struct HandQueue {
    static constexpr const char* kName = "HandQueue";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::string sessionId;
    std::vector<HandEntry> hands;
    bool operator==(const HandQueue&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeString(s, sessionId, kMaxIdLength));
        return serializeItems(s, hands, kMaxHands, 14);
    }
};

} // namespace fg::expo::proto
