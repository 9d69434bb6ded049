// Requests the client sent and the server has not answered yet, as typed records (which booth a
// card went to, ...), and the feature handler each record's ActionResult goes to. No sending here.
#pragma once

#include "engine/core/Translate.h"
#include "game/expo/protocol/Messages.h"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>

namespace fg::client {

namespace proto = expo::proto;

struct ChatPending {
    static constexpr const char* kName = trMark("chat");
};
struct LikePending {
    static constexpr const char* kName = trMark("like");
    std::string boothId;
};
struct CardPending {
    static constexpr const char* kName = trMark("card");
    std::string boothId;
};
struct MeetingPending {
    static constexpr const char* kName = trMark("meeting");
    std::string boothId;
};
struct StatsPending {
    static constexpr const char* kName = trMark("stats");
    std::string boothId;
};
struct DutyPending {
    static constexpr const char* kName = trMark("on duty");
    std::string boothId;
    bool onDuty = false;
};
struct AnswerPending {
    static constexpr const char* kName = trMark("meeting answer");
    std::uint64_t meetingId = 0;
    proto::MeetingAction action = proto::MeetingAction::Accept;
};
struct SlotsPending {
    static constexpr const char* kName = trMark("meeting slots");
    std::string boothId;
};
struct HoursPending {
    static constexpr const char* kName = trMark("meeting hours");
    std::string boothId;
};
struct DocumentPending {
    static constexpr const char* kName = trMark("document");
};
struct LinkPending {
    static constexpr const char* kName = trMark("link");
};
struct StaffRecordsPending {
    static constexpr const char* kName = trMark("staff records");
    std::string boothId;
    bool leads = false; // LeadsRequest (else BoothVisitorsRequest)
};
struct ModerationPending {
    static constexpr const char* kName = trMark("moderation");
    std::string what; // "kick Vy", "report", ...
};

struct QnaPending {
    static constexpr const char* kName = trMark("Q&A");
    std::string what; // "question", "upvote", "poll answer", ...
};

struct RegistrationPending {
    static constexpr const char* kName = trMark("registration");
    std::string sessionId;
};

struct FloorPending {
    static constexpr const char* kName = trMark("floor");
    std::string what; // "request", "next", ...
};

struct AwardsPending {
    static constexpr const char* kName = "awards";
    std::string what; // "ballot", "scores", "reveal"
    std::string category;
};

using PendingRequest =
    std::variant<ChatPending, LikePending, CardPending, MeetingPending, StatsPending,
                 DocumentPending, LinkPending, DutyPending, AnswerPending, StaffRecordsPending,
                 ModerationPending, SlotsPending, HoursPending, QnaPending, RegistrationPending,
                 FloorPending, AwardsPending>;

// "card", "like", ...: what a refusal toast names.
const char* pendingName(const PendingRequest& request);

class PendingRequests {
public:
    // HANDLER (callable with const P&, const ActionResult&) receives the answers to requests of
    // kind P; one handler per kind, the feature that makes such requests.
    template <class P, class F>
    void on(F&& handler) {
        m_handlers[indexOf<P>()] = [h = std::forward<F>(handler)](const PendingRequest& p,
                                                                  const proto::ActionResult& r) {
            h(std::get<P>(p), r);
        };
    }
    // Remembers what REQUESTID asked for; 0 (nothing was sent) is ignored.
    void add(std::uint32_t requestId, PendingRequest what);
    // Forgets REQUESTID and returns what it was, if it was pending.
    std::optional<PendingRequest> take(std::uint32_t requestId);
    const PendingRequest* find(std::uint32_t requestId) const;
    // Hands RESULT to the handler of the request it answers and forgets the request. False for
    // an unknown requestId (nothing else happens).
    bool resolve(const proto::ActionResult& result);
    std::size_t size() const { return m_pending.size(); }

private:
    template <class P, std::size_t I = 0>
    static constexpr std::size_t indexOf() {
        static_assert(I < std::variant_size_v<PendingRequest>, "not a pending request kind");
        if constexpr (std::is_same_v<std::variant_alternative_t<I, PendingRequest>, P>)
            return I;
        else
            return indexOf<P, I + 1>();
    }

    using Handler = std::function<void(const PendingRequest&, const proto::ActionResult&)>;
    std::map<std::uint32_t, PendingRequest> m_pending;
    std::array<Handler, std::variant_size_v<PendingRequest>> m_handlers;
};

} // namespace fg::client
