// MeetingBook's SQL: meeting_book (one row per meeting) and meeting_hours (per booth), migrated
// as the "meetings" slice. Writes run with the store's synchronous=FULL: an answer to a person
// goes out only after its row is on disk.
#include "server/store/MeetingBook.h"

#include "server/store/SliceSchema.h"
#include "server/store/Sqlite.h"
#include "server/store/Store.h"

#include <array>
#include <fmt/format.h>

namespace fg::store {
namespace {

constexpr std::array<const char*, 1> kMeetingSchema = {
    R"sql(
CREATE TABLE meeting_book (id INTEGER PRIMARY KEY AUTOINCREMENT, booth TEXT NOT NULL,
    exhibitor TEXT NOT NULL, visitor_key TEXT NOT NULL, visitor_name TEXT NOT NULL,
    start INTEGER NOT NULL, minutes INTEGER NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL,
    reason TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE INDEX meeting_book_booth ON meeting_book(booth, start);
CREATE INDEX meeting_book_visitor ON meeting_book(visitor_key, start);
CREATE INDEX meeting_book_exhibitor ON meeting_book(exhibitor, start);
CREATE TABLE meeting_hours (booth TEXT PRIMARY KEY, open INTEGER NOT NULL, days TEXT NOT NULL,
    from_minute INTEGER NOT NULL, to_minute INTEGER NOT NULL, slot_minutes INTEGER NOT NULL,
    tables INTEGER NOT NULL);
INSERT INTO meeting_book (booth, exhibitor, visitor_key, visitor_name, start, minutes, status,
    note, reason, created_at, updated_at)
  SELECT booth, exhibitor, visitor_key, visitor_name, proposed_at, minutes,
    CASE state WHEN 'pending' THEN 'requested' ELSE state END, message, '', created_at,
    updated_at FROM meetings WHERE proposed_at IS NOT NULL;
)sql",
};

constexpr const char* kColumns =
    "SELECT id, booth, exhibitor, visitor_key, visitor_name, start, minutes, status, note, "
    "reason, created_at, updated_at FROM meeting_book ";

MeetingRecord recordFrom(const sql::Statement& st) {
    MeetingRecord r;
    r.id = st.columnInt(0);
    r.boothId = st.columnText(1);
    r.exhibitorId = st.columnText(2);
    r.visitorKey = st.columnText(3);
    r.visitorName = st.columnText(4);
    r.start = st.columnInt(5);
    r.minutes = int(st.columnInt(6));
    r.status = parseMeetingStatus(st.columnText(7)).value_or(MeetingStatus::Cancelled);
    r.note = st.columnText(8);
    r.reason = st.columnText(9);
    r.createdAt = st.columnInt(10);
    r.updatedAt = st.columnInt(11);
    return r;
}

std::string joinDays(const std::vector<UnixSeconds>& days) {
    std::string out;
    for (UnixSeconds d : days)
        out += (out.empty() ? "" : ",") + formatDate(d);
    return out;
}

std::vector<UnixSeconds> splitDays(const std::string& text) {
    std::vector<UnixSeconds> out;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t comma = text.find(',', at);
        if (comma == std::string::npos) comma = text.size();
        if (auto d = parseDate(std::string_view(text).substr(at, comma - at))) out.push_back(*d);
        at = comma + 1;
    }
    return out;
}

} // namespace

const char* meetingStatusName(MeetingStatus status) {
    switch (status) {
    case MeetingStatus::Requested:
        return "requested";
    case MeetingStatus::Proposed:
        return "proposed";
    case MeetingStatus::Accepted:
        return "accepted";
    case MeetingStatus::Declined:
        return "declined";
    case MeetingStatus::Cancelled:
        return "cancelled";
    }
    return "cancelled";
}

std::optional<MeetingStatus> parseMeetingStatus(std::string_view text) {
    for (auto s : {MeetingStatus::Requested, MeetingStatus::Proposed, MeetingStatus::Accepted,
                   MeetingStatus::Declined, MeetingStatus::Cancelled})
        if (text == meetingStatusName(s)) return s;
    return std::nullopt;
}

bool holdsSlot(MeetingStatus status) {
    return status == MeetingStatus::Requested || status == MeetingStatus::Proposed ||
           status == MeetingStatus::Accepted;
}

Result<std::unique_ptr<MeetingBook>> MeetingBook::open(Store& store) {
    if (auto s = migrateSlice(store.database(), SliceSchema{"meetings", kMeetingSchema}); !s)
        return s.error();
    return std::unique_ptr<MeetingBook>(new MeetingBook(store));
}

Result<std::int64_t> MeetingBook::add(MeetingRecord r) {
    sql::Database& db = m_store.database();
    const UnixSeconds now = unixNow();
    auto s = db.run("INSERT INTO meeting_book (booth, exhibitor, visitor_key, visitor_name, start, "
                    "minutes, status, note, reason, created_at, updated_at) VALUES (?, ?, ?, ?, "
                    "?, ?, ?, ?, ?, ?, ?)",
                    r.boothId, r.exhibitorId, r.visitorKey, r.visitorName, r.start, r.minutes,
                    meetingStatusName(r.status), r.note, r.reason, now, now);
    if (!s) return s.error();
    return db.lastInsertId();
}

Result<std::optional<MeetingRecord>> MeetingBook::find(std::int64_t id) {
    auto st = m_store.database().prepare(std::string(kColumns) + "WHERE id = ?");
    if (!st) return st.error();
    st->bindAll(id);
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return std::optional<MeetingRecord>();
    return std::optional<MeetingRecord>(recordFrom(*st));
}

Status MeetingBook::update(const MeetingRecord& r) {
    sql::Database& db = m_store.database();
    auto s = db.run("UPDATE meeting_book SET start = ?, minutes = ?, status = ?, reason = ?, "
                    "updated_at = ? WHERE id = ?",
                    r.start, r.minutes, meetingStatusName(r.status), r.reason, unixNow(), r.id);
    if (!s) return s;
    if (db.changes() == 0) return makeError(fmt::format("meeting #{}: no such meeting", r.id));
    return {};
}

Result<std::vector<MeetingRecord>> MeetingBook::holding(std::string_view boothId,
                                                        std::string_view visitorKey,
                                                        UnixSeconds from, UnixSeconds to) {
    const std::string column = boothId.empty() ? "visitor_key" : "booth";
    auto st = m_store.database().prepare(
        std::string(kColumns) + "WHERE " + column +
        " = ? AND status IN ('requested', 'proposed', 'accepted') AND start < ? AND "
        "start + minutes * 60 > ? ORDER BY start");
    if (!st) return st.error();
    st->bindAll(boothId.empty() ? visitorKey : boothId, to, from);
    return sql::collect<MeetingRecord>(*st, recordFrom);
}

Result<std::vector<MeetingRecord>> MeetingBook::select(std::string_view where,
                                                       std::string_view value) {
    auto st = m_store.database().prepare(std::string(kColumns) + std::string(where) +
                                         " ORDER BY start, id");
    if (!st) return st.error();
    if (where.find('?') != std::string_view::npos) st->bindAll(value);
    return sql::collect<MeetingRecord>(*st, recordFrom);
}

Result<std::vector<MeetingRecord>> MeetingBook::forVisitor(std::string_view visitorKey) {
    return select("WHERE visitor_key = ?", visitorKey);
}

Result<std::vector<MeetingRecord>> MeetingBook::forExhibitor(std::string_view exhibitorId) {
    return select("WHERE exhibitor = ?", exhibitorId);
}

Result<std::vector<MeetingRecord>> MeetingBook::forBooth(std::string_view boothId) {
    return boothId.empty() ? select("", {}) : select("WHERE booth = ?", boothId);
}

Result<MeetingCounts> MeetingBook::counts(std::string_view boothId) {
    auto st = m_store.database().prepare(
        "SELECT COUNT(*), COALESCE(SUM(status = 'accepted'), 0), "
        "COALESCE(SUM(status = 'declined'), 0), COALESCE(SUM(status = 'cancelled'), 0) "
        "FROM meeting_book WHERE ? = '' OR booth = ?");
    if (!st) return st.error();
    st->bindAll(boothId, boothId);
    auto row = st->step();
    if (!row) return row.error();
    return MeetingCounts{st->columnInt(0), st->columnInt(1), st->columnInt(2), st->columnInt(3)};
}

Result<std::optional<StoredMeetingHours>> MeetingBook::hours(std::string_view boothId) {
    auto st = m_store.database().prepare("SELECT open, days, from_minute, to_minute, "
                                         "slot_minutes, tables FROM meeting_hours WHERE booth = ?");
    if (!st) return st.error();
    st->bindAll(boothId);
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return std::optional<StoredMeetingHours>();
    StoredMeetingHours h{st->columnInt(0) != 0, splitDays(st->columnText(1)),
                         int(st->columnInt(2)), int(st->columnInt(3)),
                         int(st->columnInt(4)), int(st->columnInt(5))};
    return std::optional<StoredMeetingHours>(std::move(h));
}

Status MeetingBook::setHours(std::string_view boothId, const StoredMeetingHours& h) {
    return m_store.database().run(
        "INSERT INTO meeting_hours (booth, open, days, from_minute, to_minute, slot_minutes, "
        "tables) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(booth) DO UPDATE SET open = "
        "excluded.open, days = excluded.days, from_minute = excluded.from_minute, to_minute = "
        "excluded.to_minute, slot_minutes = excluded.slot_minutes, tables = excluded.tables",
        boothId, h.open ? 1 : 0, joinDays(h.days), h.fromMinute, h.toMinute, h.slotMinutes,
        h.tables);
}

} // namespace fg::store
