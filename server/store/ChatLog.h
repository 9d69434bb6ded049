// The chat slice's records: the last messages of each room (hall, booth, direct pair) in the
// store's SQLite file, trimmed to a retention count. Never talks to the network or the bus.
#pragma once

#include "engine/core/Result.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::store {

class Store;

struct ChatRecord {
    std::int64_t id = 0; // assigned by append
    std::string room;    // "hall:ID", "booth:ID" or "direct:NAME|NAME" (chat::roomFor*)
    std::string senderName;
    std::string senderRole;  // "visitor", "exhibitor", "organiser"
    std::int64_t sentMs = 0; // Unix milliseconds
    std::string text;
    std::int64_t lineId = 0;   // the line's stable id as clients saw it (0: stored before ids)
    std::string senderCompany; // a booth's staff: the exhibitor they spoke for; else empty
    bool operator==(const ChatRecord&) const = default;
};

class ChatLog {
public:
    // Migrates the slice's tables in STORE's database; RETAIN messages are kept per room.
    static Result<std::unique_ptr<ChatLog>> open(Store& store, std::size_t retain = 200);

    // Stores one line and drops the room's lines beyond the retention count; returns its id.
    Result<std::int64_t> append(ChatRecord record);
    // Up to LIMIT lines of ROOM older than BEFOREID (0: the newest), oldest first.
    Result<std::vector<ChatRecord>> recent(std::string_view room, std::size_t limit,
                                           std::int64_t beforeId = 0);
    // The stored line with stable id LINEID, if it is still kept.
    Result<std::optional<ChatRecord>> find(std::int64_t lineId);
    // LINE's room's lines from BEFORE lines before it to AFTER lines after it, oldest first.
    Result<std::vector<ChatRecord>> around(const ChatRecord& line, std::size_t before,
                                           std::size_t after);
    // Removes the line with stable id LINEID (an organiser deleted it); returns how many went.
    Result<std::int64_t> remove(std::int64_t lineId);
    // Removes every line of ROOM ("" = every room); returns how many went.
    Result<std::int64_t> purge(std::string_view room);
    // Rooms with stored lines and their counts, by room name.
    Result<std::vector<std::pair<std::string, std::int64_t>>> rooms();
    std::size_t retention() const { return m_retain; }

private:
    ChatLog(Store& store, std::size_t retain) : m_store(store), m_retain(retain) {}
    Store& m_store;
    std::size_t m_retain;
};

} // namespace fg::store
