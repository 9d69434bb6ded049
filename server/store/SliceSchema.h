// Per-slice schema versions: a capability's store file migrates its own tables forward, kept in
// the slice_schema table, so slices never share (or fight over) the core's migration list.
// Private to server/store: it takes the SQLite wrapper; other folders use the slice stores.
#pragma once

#include "engine/core/Result.h"

#include <span>
#include <string_view>

namespace fg::store {

namespace sql {
class Database;
}

struct SliceSchema {
    std::string_view slice;             // "chat", ...; the key in slice_schema
    std::span<const char* const> steps; // step N takes the slice from version N-1 to N
};

// Runs the steps the database has not seen yet, each in its own transaction; fails when the
// database holds a newer version of the slice than this server knows.
Status migrateSlice(sql::Database& db, const SliceSchema& schema);

} // namespace fg::store
