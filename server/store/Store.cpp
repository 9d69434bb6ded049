// Store lifetime: opening the database, forward migrations and exhibition revisions.
// Migrations only ever append: never edit a released step, add a new one and bump kSchemaVersion.
#include "server/store/Store.h"

#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "server/store/Sqlite.h"

#include <array>
#include <fmt/format.h>
#include <sodium.h>

namespace fg::store {
namespace {

// Step N takes a database from user_version N-1 to N.
constexpr std::array<const char*, kSchemaVersion> kMigrations = {
    // 1: exhibition revisions, credentials, moderation, leads.
    R"sql(
CREATE TABLE exhibition (revision INTEGER PRIMARY KEY AUTOINCREMENT, json TEXT NOT NULL,
    source TEXT NOT NULL, stored_at INTEGER NOT NULL);
CREATE TABLE credentials (id INTEGER PRIMARY KEY AUTOINCREMENT, token_hash TEXT NOT NULL UNIQUE,
    hint TEXT NOT NULL, role TEXT NOT NULL, exhibitor TEXT NOT NULL DEFAULT '',
    label TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, revoked_at INTEGER);
CREATE TABLE bans (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, value TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, expires_at INTEGER);
CREATE INDEX bans_value ON bans(kind, value);
CREATE TABLE mutes (kind TEXT NOT NULL, value TEXT NOT NULL, created_at INTEGER NOT NULL,
    PRIMARY KEY (kind, value));
CREATE TABLE leads (id INTEGER PRIMARY KEY AUTOINCREMENT, booth TEXT NOT NULL,
    exhibitor TEXT NOT NULL, visitor_name TEXT NOT NULL, organisation TEXT NOT NULL,
    email TEXT NOT NULL, message TEXT NOT NULL, consent INTEGER NOT NULL,
    created_at INTEGER NOT NULL);
)sql",
    // 2: likes, meetings, published booths, booth analytics.
    R"sql(
CREATE INDEX leads_booth ON leads(booth);
CREATE TABLE likes (booth TEXT NOT NULL, visitor TEXT NOT NULL, created_at INTEGER NOT NULL,
    PRIMARY KEY (booth, visitor));
CREATE TABLE meetings (id INTEGER PRIMARY KEY AUTOINCREMENT, booth TEXT NOT NULL,
    exhibitor TEXT NOT NULL, visitor_name TEXT NOT NULL, visitor_key TEXT NOT NULL,
    message TEXT NOT NULL, proposed_at INTEGER, minutes INTEGER NOT NULL, state TEXT NOT NULL,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE INDEX meetings_exhibitor ON meetings(exhibitor);
CREATE TABLE published_booths (booth TEXT PRIMARY KEY, exhibitor TEXT NOT NULL,
    json TEXT NOT NULL, revision INTEGER NOT NULL, published_at INTEGER NOT NULL);
CREATE TABLE booth_stats (booth TEXT PRIMARY KEY, visits INTEGER NOT NULL DEFAULT 0,
    dwell_seconds REAL NOT NULL DEFAULT 0, document_opens INTEGER NOT NULL DEFAULT 0,
    link_opens INTEGER NOT NULL DEFAULT 0, video_opens INTEGER NOT NULL DEFAULT 0);
CREATE TABLE booth_visitors (booth TEXT NOT NULL, visitor TEXT NOT NULL,
    PRIMARY KEY (booth, visitor));
)sql",
    // 3: the moderation queue moves in from publish/queue.json (imported by fg_publish on its
    // first start); published_booths, a copy of the approved submissions nobody read, goes.
    R"sql(
CREATE TABLE submissions (id INTEGER PRIMARY KEY AUTOINCREMENT, booth TEXT NOT NULL,
    exhibitor TEXT NOT NULL, state TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '',
    submitted_at INTEGER NOT NULL, bundle TEXT NOT NULL, manifest TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 0, warnings INTEGER NOT NULL DEFAULT 0);
CREATE INDEX submissions_booth ON submissions(booth, state);
CREATE UNIQUE INDEX submissions_one_pending ON submissions(booth) WHERE state = 'pending';
DROP TABLE published_booths;
)sql",
    // 4: mutes with a duration and a reason, like bans.
    R"sql(
ALTER TABLE mutes ADD COLUMN expires_at INTEGER;
ALTER TABLE mutes ADD COLUMN reason TEXT NOT NULL DEFAULT '';
)sql",
};

} // namespace

Store::Store(std::unique_ptr<sql::Database> db, std::filesystem::path dataDir, StoreOptions options)
    : m_db(std::move(db)), m_dataDir(std::move(dataDir)), m_options(options),
      m_lastFlush(monotonicSeconds()) {}

Store::~Store() {
    if (auto st = flush(); !st)
        log::error("store: final analytics flush failed: {}", st.error().message);
}

Result<std::unique_ptr<Store>> Store::open(const std::filesystem::path& dataDir,
                                           StoreOptions options) {
    if (sodium_init() < 0) return makeError("store: libsodium failed to initialise");
    std::error_code ec;
    std::filesystem::create_directories(dataDir, ec);
    if (ec)
        return makeError(
            fmt::format("{}: cannot create data folder: {}", dataDir.string(), ec.message()));
    auto db = sql::Database::open(dataDir / "fairground.db");
    if (!db) return db.error();
    std::unique_ptr<Store> store(new Store(std::move(*db), dataDir, options));
    if (auto st = store->migrate(); !st) return st.error();
    if (auto st = store->migrateTickets(); !st) return st.error();
    return store;
}

Status Store::migrate() {
    { // finalized before migrating: DROP TABLE fails while any statement is still active
        auto st = m_db->prepare("PRAGMA user_version");
        if (!st) return st.error();
        if (auto row = st->step(); !row) return row.error();
        m_version = static_cast<int>(st->columnInt(0));
    }
    if (m_version > kSchemaVersion)
        return makeError(fmt::format("{}: schema version {} is newer than this server's {}",
                                     m_db->name(), m_version, kSchemaVersion));
    int target = m_options.migrateTo > 0 ? m_options.migrateTo : kSchemaVersion;
    while (m_version < target) {
        sql::Transaction tx(*m_db);
        if (!tx.begun()) return tx.begun();
        if (auto s = m_db->exec(kMigrations[static_cast<std::size_t>(m_version)]); !s)
            return makeError(fmt::format("migration to v{}: {}", m_version + 1, s.error().message));
        if (auto s = m_db->exec(fmt::format("PRAGMA user_version = {}", m_version + 1)); !s)
            return s;
        if (auto s = tx.commit(); !s) return s;
        ++m_version;
        log::info("store: {} migrated to schema v{}", m_db->name(), m_version);
    }
    return {};
}

Result<std::optional<StoredExhibition>> Store::currentExhibition() {
    auto st = m_db->prepare("SELECT revision, json, source, stored_at FROM exhibition "
                            "ORDER BY revision DESC LIMIT 1");
    if (!st) return st.error();
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return std::optional<StoredExhibition>();
    return std::optional<StoredExhibition>(
        StoredExhibition{st->columnInt(0), st->columnText(1), st->columnText(2), st->columnInt(3)});
}

Result<std::int64_t> Store::storeExhibition(std::string_view json, std::string_view source) {
    if (auto s = m_db->run("INSERT INTO exhibition (json, source, stored_at) VALUES (?, ?, ?)",
                           json, source, unixNow());
        !s)
        return s.error();
    return m_db->lastInsertId();
}

Result<bool> Store::importExhibitionIfEmpty(std::string_view json, std::string_view source) {
    auto current = currentExhibition();
    if (!current) return current.error();
    if (current->has_value()) return false;
    auto revision = storeExhibition(json, source);
    if (!revision) return revision.error();
    log::info("store: imported exhibition from {} as revision {}", source, *revision);
    return true;
}

Status Store::checkpoint() {
    if (auto f = flush(); !f) return f.error();
    return m_db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

} // namespace fg::store
