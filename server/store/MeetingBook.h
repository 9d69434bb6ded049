// The meetings slice's records: every meeting (booth, visitor key, slot, state, note, reason)
// and the hours an exhibitor set for a booth, in the store's SQLite file, written with
// synchronous=FULL (people are told a meeting is booked). No rules, no network.
#pragma once

#include "engine/core/Result.h"
#include "engine/core/Time.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::store {

class Store;

// "requested", "proposed", "accepted", "declined", "cancelled" (the wire's MeetingState order).
enum class MeetingStatus : std::uint8_t { Requested, Proposed, Accepted, Declined, Cancelled };
const char* meetingStatusName(MeetingStatus status);
std::optional<MeetingStatus> parseMeetingStatus(std::string_view text);
// Requested, Proposed and Accepted meetings hold their slot (for the booth and the visitor).
bool holdsSlot(MeetingStatus status);

struct MeetingRecord {
    std::int64_t id = 0; // assigned by add
    std::string boothId;
    std::string exhibitorId;
    std::string visitorKey; // interact::visitorKey of the requester
    std::string visitorName;
    UnixSeconds start = 0;
    int minutes = 30;
    MeetingStatus status = MeetingStatus::Requested;
    std::string note;
    std::string reason;
    UnixSeconds createdAt = 0, updatedAt = 0;
    bool operator==(const MeetingRecord&) const = default;
    UnixSeconds end() const { return start + UnixSeconds(minutes) * 60; }
};

// Hours an exhibitor set from the client (they replace the exhibition file's for the booth).
struct StoredMeetingHours {
    bool open = false;
    std::vector<UnixSeconds> days;
    int fromMinute = 0, toMinute = 0, slotMinutes = 30, tables = 1;
    bool operator==(const StoredMeetingHours&) const = default;
};

// Meeting counts of one booth (or every booth) for `booth stats` and the console.
struct MeetingCounts {
    std::int64_t requested = 0; // every request ever made
    std::int64_t confirmed = 0; // accepted
    std::int64_t declined = 0;  // declined (by either side)
    std::int64_t cancelled = 0;
};

class MeetingBook {
public:
    // Migrates the slice's tables in STORE's database (the first time also takes over the rows
    // of the old core `meetings` table that had a time).
    static Result<std::unique_ptr<MeetingBook>> open(Store& store);

    Result<std::int64_t> add(MeetingRecord record); // returns its id
    Result<std::optional<MeetingRecord>> find(std::int64_t id);
    // Stores R's start, minutes, status and reason.
    Status update(const MeetingRecord& r);
    // Meetings whose slot is held (see holdsSlot) and overlaps [FROM, TO), of BOOTH or, with
    // an empty booth, of VISITORKEY.
    Result<std::vector<MeetingRecord>> holding(std::string_view boothId,
                                               std::string_view visitorKey, UnixSeconds from,
                                               UnixSeconds to);
    Result<std::vector<MeetingRecord>> forVisitor(std::string_view visitorKey);
    Result<std::vector<MeetingRecord>> forExhibitor(std::string_view exhibitorId);
    // Every meeting of BOOTH ("" = of every booth), by start.
    Result<std::vector<MeetingRecord>> forBooth(std::string_view boothId);
    Result<MeetingCounts> counts(std::string_view boothId);

    Result<std::optional<StoredMeetingHours>> hours(std::string_view boothId);
    Status setHours(std::string_view boothId, const StoredMeetingHours& hours);

private:
    explicit MeetingBook(Store& store) : m_store(store) {}
    Result<std::vector<MeetingRecord>> select(std::string_view where, std::string_view value);
    Store& m_store;
};

} // namespace fg::store
