// FloorRecords' SQL: rt_floor (one row per session) and rt_floor_queue (its queue in order),
// migrated as the "roundtable" slice; written with the store's synchronous=FULL.
#include "server/store/FloorRecords.h"

#include "server/store/SliceSchema.h"
#include "server/store/Sqlite.h"
#include "server/store/Store.h"

#include <array>
#include <map>
#include <string>

namespace fg::store {
namespace {

constexpr std::array<const char*, 1> kFloorSchema = {
    R"sql(
CREATE TABLE rt_floor (session TEXT PRIMARY KEY, seconds_per_turn INTEGER NOT NULL,
    speaking INTEGER NOT NULL, speaker_key TEXT NOT NULL, speaker_name TEXT NOT NULL,
    turn_ends_ms INTEGER NOT NULL, overtime_counted INTEGER NOT NULL,
    interventions INTEGER NOT NULL, overtimes INTEGER NOT NULL);
CREATE TABLE rt_floor_queue (session TEXT NOT NULL, position INTEGER NOT NULL,
    person TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (session, position)) WITHOUT ROWID;
)sql",
};

Status saveQueue(sql::Database& db, const StoredFloor& f) {
    if (auto s = db.run("DELETE FROM rt_floor_queue WHERE session = ?", f.session); !s) return s;
    auto st = db.prepare("INSERT INTO rt_floor_queue (session, position, person, name) "
                         "VALUES (?, ?, ?, ?)");
    if (!st) return st.error();
    for (std::size_t i = 0; i < f.queue.size(); ++i) {
        st->reset();
        st->bindAll(f.session, std::int64_t(i), f.queue[i].key, f.queue[i].name);
        if (auto s = st->run(); !s) return s;
    }
    return {};
}

Result<std::vector<StoredFloor>> loadRows(sql::Database& db) {
    auto st = db.prepare("SELECT session, seconds_per_turn, speaking, speaker_key, speaker_name, "
                         "turn_ends_ms, overtime_counted, interventions, overtimes FROM rt_floor "
                         "ORDER BY session");
    if (!st) return st.error();
    std::vector<StoredFloor> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back(StoredFloor{st->columnText(0),
                                  std::uint32_t(st->columnInt(1)),
                                  st->columnInt(2) != 0,
                                  {st->columnText(3), st->columnText(4)},
                                  st->columnInt(5),
                                  st->columnInt(6) != 0,
                                  {},
                                  std::uint32_t(st->columnInt(7)),
                                  std::uint32_t(st->columnInt(8))});
    }
}

} // namespace

Result<std::unique_ptr<FloorRecords>> FloorRecords::open(Store& store) {
    if (auto s = migrateSlice(store.database(), SliceSchema{"roundtable", kFloorSchema}); !s)
        return s.error();
    return std::unique_ptr<FloorRecords>(new FloorRecords(store));
}

Status FloorRecords::save(const StoredFloor& f) {
    sql::Database& db = m_store.database();
    sql::Transaction tx(db);
    if (!tx.begun()) return tx.begun();
    auto s = db.run("INSERT OR REPLACE INTO rt_floor (session, seconds_per_turn, speaking, "
                    "speaker_key, speaker_name, turn_ends_ms, overtime_counted, interventions, "
                    "overtimes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    f.session, std::int64_t(f.secondsPerTurn), f.speaking ? 1 : 0, f.current.key,
                    f.current.name, f.turnEndsMs, f.overtimeCounted ? 1 : 0,
                    std::int64_t(f.interventions), std::int64_t(f.overtimes));
    if (!s) return s;
    if (auto q = saveQueue(db, f); !q) return q;
    return tx.commit();
}

Result<std::vector<StoredFloor>> FloorRecords::load() {
    sql::Database& db = m_store.database();
    auto rows = loadRows(db);
    if (!rows) return rows.error();
    std::map<std::string, StoredFloor*> bySession;
    for (StoredFloor& f : *rows)
        bySession[f.session] = &f;
    auto st = db.prepare("SELECT session, person, name FROM rt_floor_queue "
                         "ORDER BY session, position");
    if (!st) return st.error();
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) return rows;
        if (auto it = bySession.find(st->columnText(0)); it != bySession.end())
            it->second->queue.push_back({st->columnText(1), st->columnText(2)});
    }
}

} // namespace fg::store
