// The moderation slice's records: chat reports with the reported line, its room's lines around
// it (copied when reported: the chat history trims), who reported it, why, and the decision.
// Never talks to the network, the bus or the chat log itself.
#pragma once

#include "engine/core/Result.h"
#include "server/store/ChatLog.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::store {

class Store;

enum class ReportState : std::uint8_t { Open, Resolved, Dismissed };
const char* toString(ReportState state);

struct ReportRecord {
    std::int64_t id = 0; // assigned by add
    ChatRecord line;     // the reported line as stored (room, sender, text, lineId)
    std::string reporterName;
    std::string reason;
    std::int64_t reportedMs = 0; // Unix milliseconds
    ReportState state = ReportState::Open;
    std::string decidedBy;           // who resolved or dismissed it, and how
    std::vector<ChatRecord> context; // the room's lines around it, oldest first
};

class ReportLog {
public:
    // Migrates the slice's tables in STORE's database.
    static Result<std::unique_ptr<ReportLog>> open(Store& store);

    // Stores a new open report (synchronous=FULL: the reporter was told it is filed).
    Result<std::int64_t> add(ReportRecord report);
    // Open reports, oldest first, at most LIMIT (0: all).
    Result<std::vector<ReportRecord>> pending(std::size_t limit = 0);
    Result<std::optional<ReportRecord>> find(std::int64_t id);
    // Closes an open report; an unknown or closed report is an error naming it.
    Status decide(std::int64_t id, ReportState state, std::string_view decidedBy);

private:
    explicit ReportLog(Store& store) : m_store(store) {}
    Result<std::vector<ChatRecord>> contextOf(std::int64_t reportId);
    Store& m_store;
};

} // namespace fg::store
