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

constexpr std::array<const char*, 3> kChatSchema = {
    R"sql(
CREATE TABLE chat_messages (id INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL,
    sender_name TEXT NOT NULL, sender_role TEXT NOT NULL, sent_ms INTEGER NOT NULL,
    text TEXT NOT NULL);
CREATE INDEX chat_messages_room ON chat_messages(room, id);
)sql",
    // Step 2 (moderation): the stable id clients know a line by, to report or delete it.
    R"sql(
ALTER TABLE chat_messages ADD COLUMN line_id INTEGER NOT NULL DEFAULT 0;
CREATE INDEX chat_messages_line ON chat_messages(line_id);
)sql",
    // Step 3: the company a booth's staff spoke for, so stored lines read as live ones did.
    R"sql(
ALTER TABLE chat_messages ADD COLUMN sender_company TEXT NOT NULL DEFAULT '';
)sql",
};

constexpr const char* kColumns =
    "id, room, sender_name, sender_role, sent_ms, text, line_id, sender_company";

ChatRecord recordFrom(const sql::Statement& st) {
    return ChatRecord{st.columnInt(0), st.columnText(1), st.columnText(2), st.columnText(3),
                      st.columnInt(4), st.columnText(5), st.columnInt(6),  st.columnText(7)};
}

Result<std::vector<ChatRecord>> readAll(sql::Statement& st) {
    std::vector<ChatRecord> out;
    for (;;) {
        auto row = st.step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back(recordFrom(st));
    }
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
    auto inserted =
        db.run("INSERT INTO chat_messages (room, sender_name, sender_role, sent_ms, "
               "text, line_id, sender_company) VALUES (?, ?, ?, ?, ?, ?, ?)",
               r.room, r.senderName, r.senderRole, r.sentMs, r.text, r.lineId, r.senderCompany);
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
        std::string("SELECT ") + kColumns +
        " FROM chat_messages WHERE room = ? AND (? = 0 OR id < ?) ORDER BY id DESC LIMIT ?");
    if (!st) return st.error();
    st->bindAll(room, beforeId, beforeId, std::int64_t(limit));
    auto out = readAll(*st);
    if (!out) return out.error();
    return std::vector<ChatRecord>(out->rbegin(), out->rend());
}

Result<std::optional<ChatRecord>> ChatLog::find(std::int64_t lineId) {
    if (lineId == 0) return std::optional<ChatRecord>();
    auto st = m_store.database().prepare(std::string("SELECT ") + kColumns +
                                         " FROM chat_messages WHERE line_id = ? LIMIT 1");
    if (!st) return st.error();
    st->bindAll(lineId);
    auto out = readAll(*st);
    if (!out) return out.error();
    if (out->empty()) return std::optional<ChatRecord>();
    return std::optional<ChatRecord>(out->front());
}

Result<std::vector<ChatRecord>> ChatLog::around(const ChatRecord& line, std::size_t before,
                                                std::size_t after) {
    auto older = recent(line.room, before + 1, line.id + 1); // the line itself and older ones
    if (!older) return older.error();
    auto st = m_store.database().prepare(
        std::string("SELECT ") + kColumns +
        " FROM chat_messages WHERE room = ? AND id > ? ORDER BY id LIMIT ?");
    if (!st) return st.error();
    st->bindAll(line.room, line.id, std::int64_t(after));
    auto newer = readAll(*st);
    if (!newer) return newer.error();
    older->insert(older->end(), newer->begin(), newer->end());
    return older;
}

Result<std::int64_t> ChatLog::remove(std::int64_t lineId) {
    sql::Database& db = m_store.database();
    if (auto s = db.run("DELETE FROM chat_messages WHERE line_id = ? AND line_id != 0", lineId); !s)
        return s.error();
    return std::int64_t(db.changes());
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
