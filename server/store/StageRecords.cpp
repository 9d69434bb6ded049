// StageRecords' SQL: three tables of the "stage" slice (state, attendance, bindings), written
// with the store's synchronous=FULL so a restart during a live session resumes it as it was.
#include "server/store/StageRecords.h"

#include "server/store/SliceSchema.h"
#include "server/store/Sqlite.h"
#include "server/store/Store.h"

#include <array>

namespace fg::store {
namespace {

constexpr std::array<const char*, 1> kStageSchema = {
    R"sql(
CREATE TABLE stage_state (session TEXT PRIMARY KEY, state INTEGER NOT NULL,
    auto INTEGER NOT NULL, page INTEGER NOT NULL, live_since INTEGER NOT NULL,
    peak INTEGER NOT NULL);
CREATE TABLE stage_attendance (session TEXT NOT NULL, person TEXT NOT NULL, name TEXT NOT NULL,
    role TEXT NOT NULL, first_seen INTEGER NOT NULL, seconds REAL NOT NULL,
    PRIMARY KEY (session, person));
CREATE TABLE stage_bindings (person TEXT NOT NULL, session TEXT NOT NULL,
    moderator INTEGER NOT NULL, PRIMARY KEY (person, session));
)sql",
};

template <class Row, class Read>
Result<std::vector<Row>> readRows(sql::Statement& st, Read read) {
    std::vector<Row> out;
    for (;;) {
        auto row = st.step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back(read(st));
    }
}

} // namespace

Result<std::unique_ptr<StageRecords>> StageRecords::open(Store& store) {
    if (auto s = migrateSlice(store.database(), SliceSchema{"stage", kStageSchema}); !s)
        return s.error();
    return std::unique_ptr<StageRecords>(new StageRecords(store));
}

Status StageRecords::saveState(const StageRecord& r) {
    return m_store.database().run(
        "INSERT OR REPLACE INTO stage_state (session, state, auto, page, live_since, peak) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        r.sessionId, r.state, r.autoSchedule ? 1 : 0, std::int64_t(r.page), r.liveSince,
        std::int64_t(r.peak));
}

Result<std::vector<StageRecord>> StageRecords::states() {
    auto st = m_store.database().prepare(
        "SELECT session, state, auto, page, live_since, peak FROM stage_state ORDER BY session");
    if (!st) return st.error();
    return readRows<StageRecord>(*st, [](const sql::Statement& s) {
        return StageRecord{s.columnText(0),     int(s.columnInt(1)),
                           s.columnInt(2) != 0, std::uint32_t(s.columnInt(3)),
                           s.columnInt(4),      std::uint32_t(s.columnInt(5))};
    });
}

Status StageRecords::saveAttendance(const std::vector<StageAttendance>& rows) {
    if (rows.empty()) return {};
    sql::Database& db = m_store.database();
    sql::Transaction tx(db);
    if (!tx.begun()) return tx.begun();
    for (const StageAttendance& a : rows)
        if (auto s = db.run("INSERT OR REPLACE INTO stage_attendance (session, person, name, "
                            "role, first_seen, seconds) VALUES (?, ?, ?, ?, ?, ?)",
                            a.sessionId, a.person, a.name, a.role, a.firstSeen, a.seconds);
            !s)
            return s;
    return tx.commit();
}

Result<std::vector<StageAttendance>> StageRecords::attendance(std::string_view sessionId) {
    auto st = m_store.database().prepare(
        "SELECT session, person, name, role, first_seen, seconds FROM stage_attendance "
        "WHERE ? = '' OR session = ? ORDER BY first_seen, person");
    if (!st) return st.error();
    st->bindAll(sessionId, sessionId);
    return readRows<StageAttendance>(*st, [](const sql::Statement& s) {
        return StageAttendance{s.columnText(0), s.columnText(1), s.columnText(2),
                               s.columnText(3), s.columnInt(4),  s.columnDouble(5)};
    });
}

Status StageRecords::bind(const StageBinding& b) {
    return m_store.database().run(
        "INSERT OR REPLACE INTO stage_bindings (person, session, moderator) VALUES (?, ?, ?)",
        b.person, b.sessionId, b.moderator ? 1 : 0);
}

Result<std::vector<StageBinding>> StageRecords::bindings(std::string_view person) {
    auto st = m_store.database().prepare("SELECT person, session, moderator FROM stage_bindings "
                                         "WHERE ? = '' OR person = ? ORDER BY person, session");
    if (!st) return st.error();
    st->bindAll(person, person);
    return readRows<StageBinding>(*st, [](const sql::Statement& s) {
        return StageBinding{s.columnText(0), s.columnText(1), s.columnInt(2) != 0};
    });
}

} // namespace fg::store
