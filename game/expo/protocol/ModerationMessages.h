// The moderation slice's messages (channel 0): an organiser's actions in the world (kick, mute,
// ban, announce, booth approval, chat deletion), chat reports and the live booth heat map.
// Included by Messages.h; serialize only. Who may send each is the server's (ModerationModule).
#pragma once

#include "game/expo/protocol/ChatHistoryMessages.h"
#include "game/expo/protocol/ProtocolTypes.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fg::expo::proto {

enum class ModerationVerb : std::uint8_t { Kick, Mute, Unmute, Ban };
inline constexpr std::uint32_t kModerationVerbMax = 3;
enum class ReportVerdict : std::uint8_t { Dismiss, Resolve, DeleteLine, MuteSender };
inline constexpr std::uint32_t kReportVerdictMax = 3;
// Entries one ApprovalQueue, BoothHeat or ReportList carries.
inline constexpr std::uint32_t kMaxQueueEntries = 100;
inline constexpr std::uint32_t kMaxHeatBooths = 1000;
// A ReportList stays under the packet limit: 20 reports, their context lines cut to 120 bytes.
inline constexpr std::uint32_t kMaxReports = 20;
inline constexpr std::uint32_t kMaxReportContext = 7; // the reported line and 3 either side
inline constexpr std::uint32_t kMaxContextText = 120;

// A counted list of entries, each of at least MINBITS bits (a count the bytes left cannot hold
// is refused before anything is allocated).
template <class S, class T>
bool serializeEntries(S& s, std::vector<T>& items, std::uint32_t max, std::uint32_t minBits) {
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

// Client -> server (organisers): kick, mute, unmute or ban the joined person TARGET. SECONDS is
// the mute's or ban's length (0: until lifted); REASON is shown to the person (kick, ban).
struct ModerationAction {
    static constexpr const char* kName = "ModerationAction";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    ModerationVerb verb = ModerationVerb::Kick;
    std::uint16_t target = 0;
    std::uint32_t seconds = 0;
    std::string reason;
    bool operator==(const ModerationAction&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(serializeEnum(s, verb, kModerationVerbMax));
        FG_SER(serializeClientId(s, target));
        FG_SER(net::serializeU32(s, seconds));
        return net::serializeString(s, reason, kMaxReasonLength);
    }
};

// Client -> server (organisers): an announcement to hall HALLID, or to everyone when empty.
struct AnnounceRequest {
    static constexpr const char* kName = "AnnounceRequest";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string hallId;
    std::string text;
    bool operator==(const AnnounceRequest&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, hallId, kMaxIdLength));
        return net::serializeString(s, text, kMaxChatLength);
    }
};

// Client -> server (organisers): the booths waiting for approval (answered by ApprovalQueue).
struct ApprovalQueueRequest {
    static constexpr const char* kName = "ApprovalQueueRequest";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    bool operator==(const ApprovalQueueRequest&) const = default;

    template <class S>
    bool serialize(S& s) {
        return net::serializeU32(s, requestId);
    }
};

struct ApprovalEntry {
    std::string boothId;
    std::string exhibitorId;
    std::int64_t submittedAt = 0; // Unix seconds
    std::uint32_t warnings = 0;   // how many warnings the bundle checks gave
    bool operator==(const ApprovalEntry&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        FG_SER(net::serializeString(s, exhibitorId, kMaxIdLength));
        FG_SER(net::serializeI64(s, submittedAt));
        return net::serializeU32(s, warnings);
    }
};

// Server -> client (organisers): the pending booth submissions, oldest first (requestId 0: sent
// because the queue changed).
struct ApprovalQueue {
    static constexpr const char* kName = "ApprovalQueue";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint32_t requestId = 0;
    std::vector<ApprovalEntry> entries;
    bool operator==(const ApprovalQueue&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        return serializeEntries(s, entries, kMaxQueueEntries, 64);
    }
};

// Client -> server (organisers): approve BOOTHID's pending submission, or reject it with REASON.
struct ApprovalDecision {
    static constexpr const char* kName = "ApprovalDecision";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string boothId;
    bool approve = false;
    std::string reason;
    bool operator==(const ApprovalDecision&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        FG_SER(net::serializeBool(s, approve));
        return net::serializeString(s, reason, kMaxReasonLength);
    }
};

struct BoothCount {
    std::string boothId;
    std::uint32_t visitors = 0;
    bool operator==(const BoothCount&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        return net::serializeU32(s, visitors);
    }
};

// Server -> client (organisers only): people in each booth's visit zone now (booths with
// nobody are left out), sent when the counts change.
struct BoothHeat {
    static constexpr const char* kName = "BoothHeat";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::vector<BoothCount> booths;
    bool operator==(const BoothHeat&) const = default;

    template <class S>
    bool serialize(S& s) {
        return serializeEntries(s, booths, kMaxHeatBooths, 32);
    }
};

// Client -> server (any joined person): report chat line LINEID (ChatReceived.lineId) with why.
struct ChatReport {
    static constexpr const char* kName = "ChatReport";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::uint64_t lineId = 0;
    std::string reason;
    bool operator==(const ChatReport&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeU64(s, lineId));
        return net::serializeString(s, reason, kMaxReasonLength);
    }
};

// Client -> server (organisers): the open reports (answered by ReportList).
struct ReportListRequest {
    static constexpr const char* kName = "ReportListRequest";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    bool operator==(const ReportListRequest&) const = default;

    template <class S>
    bool serialize(S& s) {
        return net::serializeU32(s, requestId);
    }
};

// One open report: the line, where and by whom it was said, who reported it and why, and the
// room's lines around it as they were when it was reported.
struct ReportEntry {
    std::uint64_t id = 0;
    std::uint64_t lineId = 0;
    std::string room; // "hall:ID", "booth:ID", "direct:NAME|NAME"
    std::string senderName;
    std::string text;
    std::string reporterName;
    std::string reason;
    std::int64_t reportedMs = 0; // Unix milliseconds
    std::vector<ChatHistoryLine> context;
    bool operator==(const ReportEntry&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU64(s, id));
        FG_SER(net::serializeU64(s, lineId));
        FG_SER(net::serializeString(s, room, kMaxIdLength + 2 * kMaxNameLength + 8));
        FG_SER(net::serializeString(s, senderName, kMaxNameLength));
        FG_SER(net::serializeString(s, text, kMaxChatLength));
        FG_SER(net::serializeString(s, reporterName, kMaxNameLength));
        FG_SER(net::serializeString(s, reason, kMaxReasonLength));
        FG_SER(net::serializeI64(s, reportedMs));
        return serializeEntries(s, context, kMaxReportContext, 160);
    }
};

// Server -> client (organisers): the open reports, oldest first (requestId 0: sent because a
// report was made or decided).
struct ReportList {
    static constexpr const char* kName = "ReportList";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint32_t requestId = 0;
    std::vector<ReportEntry> reports;
    bool operator==(const ReportList&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        return serializeEntries(s, reports, kMaxReports, 192);
    }
};

// Client -> server (organisers): decide report REPORTID: dismiss it, mark it resolved, delete
// the reported line (for everyone and from the history) or mute its sender for SECONDS (0: until
// unmuted). The last two also close the report.
struct ReportDecision {
    static constexpr const char* kName = "ReportDecision";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::uint64_t reportId = 0;
    ReportVerdict verdict = ReportVerdict::Dismiss;
    std::uint32_t seconds = 0;
    bool operator==(const ReportDecision&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeU64(s, reportId));
        FG_SER(serializeEnum(s, verdict, kReportVerdictMax));
        return net::serializeU32(s, seconds);
    }
};

// Client -> server (organisers): delete chat line LINEID for everyone and from the history.
struct ChatDelete {
    static constexpr const char* kName = "ChatDelete";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::uint64_t lineId = 0;
    bool operator==(const ChatDelete&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        return net::serializeU64(s, lineId);
    }
};

// Server -> clients (everyone): chat line LINEID was deleted by an organiser; stop showing it.
struct ChatDeleted {
    static constexpr const char* kName = "ChatDeleted";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint64_t lineId = 0;
    bool operator==(const ChatDeleted&) const = default;

    template <class S>
    bool serialize(S& s) {
        return net::serializeU64(s, lineId);
    }
};

} // namespace fg::expo::proto
