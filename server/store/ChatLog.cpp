// ChatLog's SQL: one table of chat lines indexed by room, trimmed on each append.
// Chat lines are written with synchronous=NORMAL (no fsync each): the next FULL commit or a
// checkpoint makes them durable; a user is never told a chat line is "saved".
#include "server/store/ChatLog.h"

#include "server/store/SliceSchema.h"
#include "server/store/Sqlite.h"
#include "server/store/Store.h"

#include <array>

namespace fg::store {
namespace {

constexpr std::array<const char*, 1> kChatSchema = {
    R"sql(
CREATE TABLE chat_messages (id INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL,
    sender_name TEXT NOT NULL, sender_role TEXT NOT NULL, sent_ms INTEGER NOT NULL,
    text TEXT NOT NULL);
CREATE INDEX chat_messages_room ON chat_messages(room, id);
)sql",
};

ChatRecord recordFrom(const sql::Statement& st) {
    return ChatRecord{st.columnInt(0),  st.columnText(1), st.columnText(2),
                      st.columnText(3), st.columnInt(4),  st.columnText(5)};
}

} // namespace

Result<std::unique_ptr<ChatLog>> ChatLog::open(Store& store, std::size_t retain) {
    if (auto s = migrateSlice(store.database(), SliceSchema{"chat", kChatSchema}); !s)
        return s.error();
    return std::unique_ptr<ChatLog>(new ChatLog(store, retain == 0 ? 1 : retain));
}

Result<std::int64_t> ChatLog::append(ChatRecord r) {
    sql::Database& db = m_store.database();
    if (auto s = db.exec("PRAGMA synchronous=NORMAL"); !s) return s.error();
    auto inserted = db.run("INSERT INTO chat_messages (room, sender_name, sender_role, sent_ms, "
                           "text) VALUES (?, ?, ?, ?, ?)",
                           r.room, r.senderName, r.senderRole, r.sentMs, r.text);
    std::int64_t id = db.lastInsertId();
    auto trimmed = db.run("DELETE FROM chat_messages WHERE room = ? AND id <= (SELECT id FROM "
                          "chat_messages WHERE room = ? ORDER BY id DESC LIMIT 1 OFFSET ?)",
                          r.room, r.room, std::int64_t(m_retain));
    if (auto s = db.exec("PRAGMA synchronous=FULL"); !s) return s.error();
    if (!inserted) return inserted.error();
    if (!trimmed) return trimmed.error();
    return id;
}

Result<std::vector<ChatRecord>> ChatLog::recent(std::string_view room, std::size_t limit,
                                                std::int64_t beforeId) {
    auto st = m_store.database().prepare(
        "SELECT id, room, sender_name, sender_role, sent_ms, text FROM chat_messages "
        "WHERE room = ? AND (? = 0 OR id < ?) ORDER BY id DESC LIMIT ?");
    if (!st) return st.error();
    st->bindAll(room, beforeId, beforeId, std::int64_t(limit));
    std::vector<ChatRecord> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) break;
        out.push_back(recordFrom(*st));
    }
    return std::vector<ChatRecord>(out.rbegin(), out.rend());
}

Result<std::int64_t> ChatLog::purge(std::string_view room) {
    sql::Database& db = m_store.database();
    auto s = room.empty() ? db.run("DELETE FROM chat_messages")
                          : db.run("DELETE FROM chat_messages WHERE room = ?", room);
    if (!s) return s.error();
    return std::int64_t(db.changes());
}

Result<std::vector<std::pair<std::string, std::int64_t>>> ChatLog::rooms() {
    auto st = m_store.database().prepare(
        "SELECT room, COUNT(*) FROM chat_messages GROUP BY room ORDER BY room");
    if (!st) return st.error();
    std::vector<std::pair<std::string, std::int64_t>> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) break;
        out.emplace_back(st->columnText(0), st->columnInt(1));
    }
    return out;
}

} // namespace fg::store
