// RegistrationBook's SQL: registration_book (one row per person and session), migrated as the
// "registrations" slice. Writes run with the store's synchronous=FULL, each change (with the
// promotions it causes) in one transaction.
#include "server/store/RegistrationBook.h"

#include "server/store/SliceSchema.h"
#include "server/store/Sqlite.h"
#include "server/store/Store.h"

#include <array>
#include <fmt/format.h>

namespace fg::store {
namespace {

constexpr std::array<const char*, 1> kRegistrationSchema = {
    R"sql(
CREATE TABLE registration_book (id INTEGER PRIMARY KEY AUTOINCREMENT, session TEXT NOT NULL,
    person TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL,
    created_at INTEGER NOT NULL, UNIQUE (session, person));
CREATE INDEX registration_book_session ON registration_book(session, status, id);
CREATE INDEX registration_book_person ON registration_book(person);
)sql",
};

constexpr const char* kColumns =
    "SELECT id, session, person, name, status, created_at FROM registration_book ";

RegistrationRecord recordFrom(const sql::Statement& st) {
    RegistrationRecord r;
    r.id = st.columnInt(0);
    r.sessionId = st.columnText(1);
    r.personKey = st.columnText(2);
    r.name = st.columnText(3);
    r.status = st.columnText(4) == "waiting" ? PlaceStatus::Waiting : PlaceStatus::Confirmed;
    r.createdAt = st.columnInt(5);
    return r;
}

Result<std::vector<RegistrationRecord>> collect(sql::Statement& st) {
    std::vector<RegistrationRecord> out;
    for (;;) {
        auto row = st.step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back(recordFrom(st));
    }
}

Result<std::int64_t> countWhere(sql::Database& db, std::string_view sessionId,
                                std::string_view status) {
    auto st = db.prepare("SELECT COUNT(*) FROM registration_book WHERE session = ? AND status = ?");
    if (!st) return st.error();
    st->bindAll(sessionId, status);
    auto row = st->step();
    if (!row) return row.error();
    return st->columnInt(0);
}

} // namespace

const char* placeStatusName(PlaceStatus status) {
    return status == PlaceStatus::Waiting ? "waiting" : "confirmed";
}

Result<std::unique_ptr<RegistrationBook>> RegistrationBook::open(Store& store) {
    if (auto s = migrateSlice(store.database(), SliceSchema{"registrations", kRegistrationSchema});
        !s)
        return s.error();
    return std::unique_ptr<RegistrationBook>(new RegistrationBook(store));
}

Result<RegistrationRecord> RegistrationBook::add(std::string_view sessionId,
                                                 std::string_view personKey, std::string_view name,
                                                 std::uint32_t capacity) {
    sql::Database& db = m_store.database();
    sql::Transaction tx(db);
    if (Status b = tx.begun(); !b) return b.error();
    auto existing = find(sessionId, personKey);
    if (!existing) return existing.error();
    if (*existing) return **existing;
    auto confirmed = countWhere(db, sessionId, "confirmed");
    if (!confirmed) return confirmed.error();
    const PlaceStatus status =
        *confirmed < std::int64_t(capacity) ? PlaceStatus::Confirmed : PlaceStatus::Waiting;
    if (Status s = db.run("INSERT INTO registration_book (session, person, name, status, "
                          "created_at) VALUES (?, ?, ?, ?, ?)",
                          sessionId, personKey, name, placeStatusName(status), unixNow());
        !s)
        return s.error();
    RegistrationRecord r{db.lastInsertId(),
                         std::string(sessionId),
                         std::string(personKey),
                         std::string(name),
                         status,
                         unixNow(),
                         0};
    auto position = positionOf(r);
    if (!position) return position.error();
    r.position = *position;
    if (Status c = tx.commit(); !c) return c.error();
    return r;
}

Result<std::vector<RegistrationRecord>> RegistrationBook::cancel(std::string_view sessionId,
                                                                 std::string_view personKey,
                                                                 std::uint32_t capacity) {
    sql::Database& db = m_store.database();
    sql::Transaction tx(db);
    if (Status b = tx.begun(); !b) return b.error();
    if (Status s = db.run("DELETE FROM registration_book WHERE session = ? AND person = ?",
                          sessionId, personKey);
        !s)
        return s.error();
    if (db.changes() == 0)
        return makeError(fmt::format("session \"{}\": not registered", sessionId));
    auto confirmed = countWhere(db, sessionId, "confirmed");
    if (!confirmed) return confirmed.error();
    auto waiting = select("WHERE session = ? AND status = 'waiting' ORDER BY id", sessionId, {});
    if (!waiting) return waiting.error();
    std::vector<RegistrationRecord> promoted;
    for (RegistrationRecord& r : *waiting) {
        if (*confirmed + std::int64_t(promoted.size()) >= std::int64_t(capacity)) break;
        if (Status s =
                db.run("UPDATE registration_book SET status = 'confirmed' WHERE id = ?", r.id);
            !s)
            return s.error();
        r.status = PlaceStatus::Confirmed;
        promoted.push_back(r);
    }
    if (Status c = tx.commit(); !c) return c.error();
    return promoted;
}

Result<std::optional<RegistrationRecord>> RegistrationBook::find(std::string_view sessionId,
                                                                 std::string_view personKey) {
    auto list = select("WHERE session = ? AND person = ?", sessionId, personKey);
    if (!list) return list.error();
    if (list->empty()) return std::optional<RegistrationRecord>();
    RegistrationRecord r = list->front();
    auto position = positionOf(r);
    if (!position) return position.error();
    r.position = *position;
    return std::optional<RegistrationRecord>(r);
}

Result<std::vector<RegistrationRecord>> RegistrationBook::forSession(std::string_view sessionId) {
    auto list = select("WHERE session = ? ORDER BY status = 'waiting', id", sessionId, {});
    if (!list) return list.error();
    std::uint32_t waiting = 0;
    for (RegistrationRecord& r : *list)
        if (r.status == PlaceStatus::Waiting) r.position = ++waiting;
    return list;
}

Result<std::vector<RegistrationRecord>> RegistrationBook::forPerson(std::string_view personKey) {
    auto list = select("WHERE person = ? ORDER BY id", personKey, {});
    if (!list) return list.error();
    for (RegistrationRecord& r : *list) {
        auto position = positionOf(r);
        if (!position) return position.error();
        r.position = *position;
    }
    return list;
}

Result<RegistrationCounts> RegistrationBook::counts(std::string_view sessionId) {
    sql::Database& db = m_store.database();
    auto confirmed = countWhere(db, sessionId, "confirmed");
    if (!confirmed) return confirmed.error();
    auto waiting = countWhere(db, sessionId, "waiting");
    if (!waiting) return waiting.error();
    return RegistrationCounts{std::uint32_t(*confirmed), std::uint32_t(*waiting)};
}

Result<std::vector<RegistrationRecord>>
RegistrationBook::select(std::string_view where, std::string_view a, std::string_view b) {
    auto st = m_store.database().prepare(std::string(kColumns) + std::string(where));
    if (!st) return st.error();
    if (b.data() != nullptr)
        st->bindAll(a, b);
    else
        st->bindAll(a);
    return collect(*st);
}

// Waiting ones before R on its session's list, plus one; 0 for a confirmed place.
Result<std::uint32_t> RegistrationBook::positionOf(const RegistrationRecord& r) {
    if (r.status != PlaceStatus::Waiting) return 0u;
    auto st = m_store.database().prepare("SELECT COUNT(*) FROM registration_book WHERE session = "
                                         "? AND status = 'waiting' AND id <= ?");
    if (!st) return st.error();
    st->bindAll(r.sessionId, r.id);
    auto row = st->step();
    if (!row) return row.error();
    return std::uint32_t(st->columnInt(0));
}

} // namespace fg::store
