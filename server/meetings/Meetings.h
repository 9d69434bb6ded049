// The meetings slice's rules on the server: a booth's hours (the exhibitor's stored setting,
// else the exhibition file's), its slots and how taken they are, requests, the answers of both
// sides and who may give which. Store calls only; never sends: the module delivers outcomes.
#pragma once

#include "engine/core/Result.h"
#include "game/expo/Exhibition.h"
#include "game/expo/protocol/MeetingMessages.h"
#include "server/interactions/Actor.h"
#include "server/store/MeetingBook.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::meetings {

using store::MeetingRecord;

class Meetings {
public:
    using ExhibitionFn = std::function<const expo::Exhibition&()>;
    using ClockFn = std::function<UnixSeconds()>;

    Meetings(store::MeetingBook& book, ExhibitionFn exhibition, ClockFn clock)
        : m_book(book), m_exhibition(std::move(exhibition)), m_clock(std::move(clock)) {}

    // The booth's hours now; nullopt when it takes no meetings. Errors: unknown booth, store.
    Result<std::optional<expo::MeetingHours>> hours(std::string_view boothId);
    // Replaces the booth's hours (nullopt: it takes no more requests; booked ones stay). ACTOR
    // must be the booth's exhibitor or an organiser; the hours must pass checkMeetingHours.
    Status setHours(const interact::Actor& actor, std::string_view boothId,
                    const std::optional<expo::MeetingHours>& hours);
    // The booth's hours and its slots that have not begun (the earliest kMaxMeetingSlots).
    Result<expo::proto::MeetingSlots> slots(std::string_view boothId);

    // A visitor asks for the slot at START; the new meeting holds it on both sides.
    Result<MeetingRecord> request(const interact::Actor& actor, std::string_view boothId,
                                  UnixSeconds start, std::string_view note);
    // ACTION on meeting ID (START: the proposed slot; REASON: for declines and cancels).
    Result<MeetingRecord> answer(const interact::Actor& actor, std::int64_t id,
                                 expo::proto::MeetingAction action, UnixSeconds start,
                                 std::string_view reason);

    // ACTOR answers R as the booth's side: its exhibitor's staff, or an organiser.
    bool isHost(const interact::Actor& actor, const MeetingRecord& r) const;
    bool isVisitor(const interact::Actor& actor, const MeetingRecord& r) const;
    // ACTOR's meetings as a visitor and, for exhibitor staff, those of its booths (newest
    // kMaxMeetingList by start).
    Result<std::vector<expo::proto::MeetingInfo>> meetingsOf(const interact::Actor& actor);
    expo::proto::MeetingInfo info(const MeetingRecord& r, bool asHost) const;

private:
    // Refuses a slot that is not the booth's, has begun, is full, or clashes with another
    // meeting of the visitor; SELF (a meeting being moved) does not count against itself.
    Status checkSlot(const char* what, const expo::Booth& booth, const std::string& visitorKey,
                     UnixSeconds start, std::int64_t self);
    Status checkFree(const char* what, const expo::Booth& booth, const expo::MeetingHours& h,
                     const std::string& visitorKey, UnixSeconds start, std::int64_t self);
    Result<MeetingRecord> hostAnswer(const interact::Actor& actor, MeetingRecord r,
                                     expo::proto::MeetingAction action, UnixSeconds start,
                                     const std::string& reason);
    Result<MeetingRecord> visitorAnswer(const interact::Actor& actor, MeetingRecord r,
                                        expo::proto::MeetingAction action,
                                        const std::string& reason);
    Result<MeetingRecord> cancel(const interact::Actor& actor, MeetingRecord r,
                                 const std::string& reason);
    Result<MeetingRecord> save(MeetingRecord r);
    int slotMinutes(std::string_view boothId); // of the booth's hours now

    store::MeetingBook& m_book;
    ExhibitionFn m_exhibition;
    ClockFn m_clock;
};

// "2021-10-12 10:00-10:30 UTC"
std::string slotText(UnixSeconds start, int minutes);

} // namespace fg::meetings
