// SQLite calls for fg_store: open with WAL + synchronous=FULL, prepare, bind, step, transactions.
// Every failure becomes an Error naming the database file and SQLite's message; nothing throws.
#include "server/store/Sqlite.h"

#include <fmt/format.h>
#include <sqlite3.h>

namespace fg::store::sql {

Statement::Statement(Statement&& other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt) {
    other.m_stmt = nullptr;
}

Statement::~Statement() {
    if (m_stmt) sqlite3_finalize(m_stmt);
}

void Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(m_stmt, index, value);
}
void Statement::bind(int index, double value) {
    sqlite3_bind_double(m_stmt, index, value);
}
void Statement::bind(int index, std::string_view value) {
    sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()),
                      SQLITE_TRANSIENT);
}
void Statement::bind(int index, std::nullopt_t) {
    sqlite3_bind_null(m_stmt, index);
}

Result<bool> Statement::step() {
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return makeError(
        fmt::format("{}: {}", sqlite3_db_filename(m_db, "main"), sqlite3_errmsg(m_db)));
}

Status Statement::run() {
    for (;;) {
        auto row = step();
        if (!row) return row.error();
        if (!*row) return {};
    }
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::int64_t Statement::columnInt(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}
double Statement::columnDouble(int column) const {
    return sqlite3_column_double(m_stmt, column);
}
std::string Statement::columnText(int column) const {
    const unsigned char* text = sqlite3_column_text(m_stmt, column);
    int size = sqlite3_column_bytes(m_stmt, column);
    if (!text) return {};
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}
bool Statement::columnIsNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

Result<std::unique_ptr<Database>> Database::open(const std::filesystem::path& file) {
    sqlite3* db = nullptr;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
    int rc = sqlite3_open_v2(file.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close(db);
        return makeError(fmt::format("{}: cannot open database: {}", file.string(), message));
    }
    sqlite3_busy_timeout(db, 5000);
    std::unique_ptr<Database> out(new Database(db, file.string()));
    // WAL keeps readers off the writer; FULL makes every commit durable before it returns.
    if (auto st = out->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                            "PRAGMA foreign_keys=ON;");
        !st)
        return st.error();
    return out;
}

Database::~Database() {
    sqlite3_close(m_db);
}

Result<Statement> Database::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK)
        return makeError(fmt::format("{}: {} (in: {})", m_name, sqlite3_errmsg(m_db), sql));
    return Statement(m_db, stmt);
}

Status Database::exec(std::string_view sql) {
    std::string text(sql);
    char* message = nullptr;
    int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string why = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        return makeError(fmt::format("{}: {}", m_name, why));
    }
    return {};
}

std::int64_t Database::lastInsertId() const {
    return sqlite3_last_insert_rowid(m_db);
}
int Database::changes() const {
    return sqlite3_changes(m_db);
}

Transaction::Transaction(Database& db) : m_db(db), m_begin(db.exec("BEGIN IMMEDIATE")) {}

Transaction::~Transaction() {
    if (m_begin && !m_done) (void)m_db.exec("ROLLBACK");
}

Status Transaction::commit() {
    if (!m_begin) return m_begin;
    auto st = m_db.exec("COMMIT");
    if (st) m_done = true;
    return st;
}

} // namespace fg::store::sql
