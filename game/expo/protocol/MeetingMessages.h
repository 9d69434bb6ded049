// The meetings slice's messages (channel 0): a booth's hours and free slots, a visitor's request,
// the answers of both sides, and each person's meetings. Included by Messages.h; serialize only.
#pragma once

#include "game/expo/protocol/ProtocolTypes.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fg::expo::proto {

inline constexpr std::uint32_t kMinMeetingMinutes = 15;
inline constexpr std::uint32_t kMaxMeetingMinutes = 60;
inline constexpr std::uint32_t kMaxMeetingNote = 500;
inline constexpr std::uint32_t kMaxMeetingList = 200;   // one MeetingList's meetings
inline constexpr std::uint32_t kMaxMeetingSlots = 1024; // one MeetingSlots' slots (the earliest)
inline constexpr std::uint32_t kMaxMeetingDays = 31;
inline constexpr std::uint32_t kMaxMeetingTables = 20;

// Requested: the visitor asked, the booth answers. Proposed: the booth offered another time,
// the visitor answers. Both hold their slot on both sides until answered.
enum class MeetingState : std::uint8_t { Requested, Proposed, Accepted, Declined, Cancelled };
inline constexpr std::uint32_t kMeetingStateMax = 4;
// Accept, Decline, Propose: the booth's staff on a Requested meeting. AcceptProposal,
// DeclineProposal: the visitor on a Proposed one. Cancel: either side, before it ends.
enum class MeetingAction : std::uint8_t {
    Accept,
    Decline,
    Propose,
    AcceptProposal,
    DeclineProposal,
    Cancel
};
inline constexpr std::uint32_t kMeetingActionMax = 5;

// One meeting as one of its two sides sees it.
struct MeetingInfo {
    std::uint64_t id = 0;
    std::string boothId;
    std::string visitorName;
    std::int64_t startUnix = 0; // UTC seconds
    std::uint32_t minutes = 30;
    MeetingState state = MeetingState::Requested;
    bool asHost = false; // the receiver answers it as the booth's staff (else: as the visitor)
    std::string note;    // the visitor's
    std::string reason;  // why it was declined or cancelled (and by whom)
    bool operator==(const MeetingInfo&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU64(s, id));
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        FG_SER(net::serializeString(s, visitorName, kMaxNameLength));
        FG_SER(net::serializeI64(s, startUnix));
        FG_SER(net::serializeInt(s, minutes, kMinMeetingMinutes, kMaxMeetingMinutes));
        FG_SER(serializeEnum(s, state, kMeetingStateMax));
        FG_SER(net::serializeBool(s, asHost));
        FG_SER(net::serializeString(s, note, kMaxMeetingNote));
        return net::serializeString(s, reason, kMaxReasonLength);
    }
};

// A booth's meeting hours on the wire (expo::MeetingHours plus whether it takes meetings).
struct MeetingHoursInfo {
    bool open = false;
    std::vector<std::int64_t> days; // 00:00Z of each day; empty: every day of the event
    std::uint32_t fromMinute = 9 * 60, toMinute = 17 * 60;
    std::uint32_t slotMinutes = 30;
    std::uint32_t tables = 1;
    bool operator==(const MeetingHoursInfo&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeBool(s, open));
        std::uint32_t count = std::uint32_t(days.size());
        FG_SER(net::serializeInt(s, count, 0, kMaxMeetingDays));
        if constexpr (S::kIsReading) {
            if (count > s.bitsRemaining() / 64) return false;
            days.resize(count);
        }
        for (std::int64_t& d : days)
            FG_SER(net::serializeI64(s, d));
        FG_SER(net::serializeInt(s, fromMinute, 0, 24 * 60));
        FG_SER(net::serializeInt(s, toMinute, 0, 24 * 60));
        FG_SER(net::serializeInt(s, slotMinutes, kMinMeetingMinutes, kMaxMeetingMinutes));
        return net::serializeInt(s, tables, 1, kMaxMeetingTables);
    }
};

// Visitor -> server: one of the booth's free slots, with a note for the exhibitor.
struct MeetingRequest {
    static constexpr const char* kName = "MeetingRequest";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string boothId;
    std::int64_t startUnix = 0; // a slot start of the booth's hours
    std::string note;
    bool operator==(const MeetingRequest&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        FG_SER(net::serializeI64(s, startUnix));
        return net::serializeString(s, note, kMaxMeetingNote);
    }
};

// Server -> both sides of a meeting (the visitor, the booth's staff): it is new or changed.
struct MeetingUpdate {
    static constexpr const char* kName = "MeetingUpdate";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    MeetingInfo meeting;
    bool operator==(const MeetingUpdate&) const = default;

    template <class S>
    bool serialize(S& s) {
        return meeting.serialize(s);
    }
};

// Either side -> server: what it does with a meeting (MeetingAction says who may do what).
struct MeetingAnswer {
    static constexpr const char* kName = "MeetingAnswer";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::uint64_t meetingId = 0;
    MeetingAction action = MeetingAction::Accept;
    std::int64_t startUnix = 0; // Propose: the other slot
    std::string reason;         // Decline, DeclineProposal, Cancel
    bool operator==(const MeetingAnswer&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeU64(s, meetingId));
        FG_SER(serializeEnum(s, action, kMeetingActionMax));
        FG_SER(net::serializeI64(s, startUnix));
        return net::serializeString(s, reason, kMaxReasonLength);
    }
};

// Server -> one person, after each Welcome: their meetings on both sides (newest last).
struct MeetingList {
    static constexpr const char* kName = "MeetingList";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::vector<MeetingInfo> meetings;
    bool operator==(const MeetingList&) const = default;

    template <class S>
    bool serialize(S& s) {
        std::uint32_t count = std::uint32_t(meetings.size());
        FG_SER(net::serializeInt(s, count, 0, kMaxMeetingList));
        if constexpr (S::kIsReading) {
            if (count > s.bitsRemaining() / 150) return false; // each needs >= 150 bits
            meetings.resize(count);
        }
        for (MeetingInfo& m : meetings)
            FG_SER(m.serialize(s));
        return true;
    }
};

// Anyone -> server: a booth's hours and how taken each coming slot is.
struct MeetingSlotsRequest {
    static constexpr const char* kName = "MeetingSlotsRequest";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string boothId;
    bool operator==(const MeetingSlotsRequest&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        return net::serializeString(s, boothId, kMaxIdLength);
    }
};

// A coming slot and how many of the booth's tables are held then (free while < tables).
struct MeetingSlot {
    std::int64_t startUnix = 0;
    std::uint32_t taken = 0;
    bool operator==(const MeetingSlot&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeI64(s, startUnix));
        return net::serializeInt(s, taken, 0, kMaxMeetingTables);
    }
};

// Server -> asker (also after the booth's hours change): the hours and the slots not yet begun.
struct MeetingSlots {
    static constexpr const char* kName = "MeetingSlots";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint32_t requestId = 0;
    std::string boothId;
    MeetingHoursInfo hours;
    std::vector<MeetingSlot> slots;
    bool operator==(const MeetingSlots&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        FG_SER(hours.serialize(s));
        std::uint32_t count = std::uint32_t(slots.size());
        FG_SER(net::serializeInt(s, count, 0, kMaxMeetingSlots));
        if constexpr (S::kIsReading) {
            if (count > s.bitsRemaining() / 64) return false;
            slots.resize(count);
        }
        for (MeetingSlot& slot : slots)
            FG_SER(slot.serialize(s));
        return true;
    }
};

// Exhibitor (own booth) or organiser -> server: the booth's meeting hours from now on.
struct MeetingHoursSet {
    static constexpr const char* kName = "MeetingHoursSet";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string boothId;
    MeetingHoursInfo hours;
    bool operator==(const MeetingHoursSet&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        return hours.serialize(s);
    }
};

} // namespace fg::expo::proto
