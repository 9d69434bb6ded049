// Forward migrations of one slice's tables, recorded in slice_schema(slice, version).
// Only ever appends steps; never edits the core schema (Store.cpp owns user_version).
#include "server/store/SliceSchema.h"

#include "engine/core/Log.h"
#include "server/store/Sqlite.h"

#include <fmt/format.h>

namespace fg::store {
namespace {

Result<int> sliceVersion(sql::Database& db, std::string_view slice) {
    if (auto s = db.exec("CREATE TABLE IF NOT EXISTS slice_schema (slice TEXT PRIMARY KEY, "
                         "version INTEGER NOT NULL)");
        !s)
        return s.error();
    auto st = db.prepare("SELECT version FROM slice_schema WHERE slice = ?");
    if (!st) return st.error();
    st->bindAll(slice);
    auto row = st->step();
    if (!row) return row.error();
    return *row ? int(st->columnInt(0)) : 0;
}

} // namespace

Status migrateSlice(sql::Database& db, const SliceSchema& schema) {
    auto version = sliceVersion(db, schema.slice);
    if (!version) return version.error();
    const int latest = int(schema.steps.size());
    if (*version > latest)
        return makeError(fmt::format("{}: slice '{}' is at schema version {}, newer than this "
                                     "server's {}",
                                     db.name(), schema.slice, *version, latest));
    for (int v = *version; v < latest; ++v) {
        sql::Transaction tx(db);
        if (!tx.begun()) return tx.begun();
        if (auto s = db.exec(schema.steps[std::size_t(v)]); !s)
            return makeError(fmt::format("{}: slice '{}' migration to v{}: {}", db.name(),
                                         schema.slice, v + 1, s.error().message));
        if (auto s = db.run("INSERT INTO slice_schema (slice, version) VALUES (?, ?) "
                            "ON CONFLICT(slice) DO UPDATE SET version = excluded.version",
                            schema.slice, v + 1);
            !s)
            return s;
        if (auto s = tx.commit(); !s) return s;
        log::info("store: slice '{}' migrated to v{}", schema.slice, v + 1);
    }
    return {};
}

} // namespace fg::store
