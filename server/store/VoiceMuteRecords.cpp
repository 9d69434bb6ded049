// VoiceMuteRecords' SQL: voice_mutes (one row per mute), migrated as the "voice" slice; written
// with the store's synchronous=FULL (a mute is rare and must not be lost).
#include "server/store/VoiceMuteRecords.h"

#include "server/store/SliceSchema.h"
#include "server/store/Sqlite.h"
#include "server/store/Store.h"

#include <array>

namespace fg::store {
namespace {

constexpr std::array<const char*, 1> kVoiceSchema = {
    R"sql(
CREATE TABLE voice_mutes (key TEXT PRIMARY KEY, name TEXT NOT NULL, until INTEGER NOT NULL,
    reason TEXT NOT NULL, muted_by TEXT NOT NULL, session TEXT NOT NULL) WITHOUT ROWID;
)sql",
};

} // namespace

Result<std::unique_ptr<VoiceMuteRecords>> VoiceMuteRecords::open(Store& store) {
    if (auto s = migrateSlice(store.database(), SliceSchema{"voice", kVoiceSchema}); !s)
        return s.error();
    return std::unique_ptr<VoiceMuteRecords>(new VoiceMuteRecords(store));
}

Status VoiceMuteRecords::save(const StoredVoiceMute& m) {
    return m_store.database().run("INSERT OR REPLACE INTO voice_mutes (key, name, until, reason, "
                                  "muted_by, session) VALUES (?, ?, ?, ?, ?, ?)",
                                  m.key, m.name, m.until, m.reason, m.by, m.session);
}

Status VoiceMuteRecords::remove(const std::string& key) {
    return m_store.database().run("DELETE FROM voice_mutes WHERE key = ?", key);
}

Result<std::vector<StoredVoiceMute>> VoiceMuteRecords::load() {
    auto st = m_store.database().prepare(
        "SELECT key, name, until, reason, muted_by, session FROM voice_mutes ORDER BY key");
    if (!st) return st.error();
    std::vector<StoredVoiceMute> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back(StoredVoiceMute{st->columnText(0), st->columnText(1), st->columnInt(2),
                                      st->columnText(3), st->columnText(4), st->columnText(5)});
    }
}

} // namespace fg::store
