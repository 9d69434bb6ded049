// AwardsBook's SQL: awards_ballot, awards_score, awards_juror, awards_reveal and awards_voting,
// migrated as the "awards" slice. Runs with the store's synchronous=FULL: a voter is told only
// what is on disk.
#include "server/store/AwardsBook.h"

#include "server/store/SliceSchema.h"
#include "server/store/Sqlite.h"
#include "server/store/Store.h"

#include <array>

namespace fg::store {
namespace {

constexpr std::array<const char*, 1> kAwardsSchema = {
    R"sql(
CREATE TABLE awards_ballot (category TEXT NOT NULL, person TEXT NOT NULL, booth TEXT NOT NULL,
    cast_at INTEGER NOT NULL, PRIMARY KEY (category, person)) WITHOUT ROWID;
CREATE TABLE awards_score (category TEXT NOT NULL, booth TEXT NOT NULL, juror TEXT NOT NULL,
    scores TEXT NOT NULL, scored_at INTEGER NOT NULL,
    PRIMARY KEY (category, booth, juror)) WITHOUT ROWID;
CREATE TABLE awards_juror (person TEXT NOT NULL, category TEXT NOT NULL,
    organisation TEXT NOT NULL, label TEXT NOT NULL,
    PRIMARY KEY (person, category)) WITHOUT ROWID;
CREATE TABLE awards_reveal (category TEXT PRIMARY KEY, booth TEXT NOT NULL,
    revealed_at INTEGER NOT NULL);
CREATE TABLE awards_voting (category TEXT PRIMARY KEY, open INTEGER NOT NULL);
)sql",
};

// Scores are kept as "7,9,10" (one per criterion, in the rubric's order).
std::string joinScores(const std::vector<std::uint8_t>& scores) {
    std::string out;
    for (std::uint8_t s : scores)
        out += (out.empty() ? "" : ",") + std::to_string(int(s));
    return out;
}

std::vector<std::uint8_t> splitScores(const std::string& text) {
    std::vector<std::uint8_t> out;
    int value = 0;
    bool any = false;
    for (char ch : text + ",") {
        if (ch == ',') {
            if (any) out.push_back(std::uint8_t(value));
            value = 0;
            any = false;
        } else if (ch >= '0' && ch <= '9' && value < 100) {
            value = value * 10 + (ch - '0');
            any = true;
        }
    }
    return out;
}

} // namespace

Result<std::unique_ptr<AwardsBook>> AwardsBook::open(Store& store) {
    if (auto s = migrateSlice(store.database(), SliceSchema{"awards", kAwardsSchema}); !s)
        return s.error();
    return std::unique_ptr<AwardsBook>(new AwardsBook(store));
}

Status AwardsBook::putBallots(std::span<const StoredBallot> ballots) {
    if (ballots.empty()) return {};
    sql::Database& db = m_store.database();
    sql::Transaction tx(db);
    if (!tx.begun()) return tx.begun();
    auto st = db.prepare("INSERT OR REPLACE INTO awards_ballot (category, person, booth, cast_at) "
                         "VALUES (?, ?, ?, ?)");
    if (!st) return st.error();
    for (const StoredBallot& b : ballots) {
        st->reset();
        st->bindAll(b.category, b.person, b.booth, b.castAt);
        if (auto s = st->run(); !s) return s;
    }
    return tx.commit();
}

Status AwardsBook::putScore(const StoredScore& s) {
    return m_store.database().run("INSERT OR REPLACE INTO awards_score (category, booth, juror, "
                                  "scores, scored_at) VALUES (?, ?, ?, ?, ?)",
                                  s.category, s.booth, s.juror, joinScores(s.scores), s.scoredAt);
}

Status AwardsBook::addJurors(std::span<const StoredJuror> jurors) {
    sql::Database& db = m_store.database();
    sql::Transaction tx(db);
    if (!tx.begun()) return tx.begun();
    for (const StoredJuror& j : jurors)
        if (auto s = db.run("INSERT OR REPLACE INTO awards_juror (person, category, organisation, "
                            "label) VALUES (?, ?, ?, ?)",
                            j.person, j.category, j.organisation, j.label);
            !s)
            return s;
    return tx.commit();
}

Status AwardsBook::putReveal(const StoredReveal& r) {
    return m_store.database().run(
        "INSERT OR REPLACE INTO awards_reveal (category, booth, revealed_at) VALUES (?, ?, ?)",
        r.category, r.booth, r.revealedAt);
}

Status AwardsBook::setVotingOverride(std::string_view category, std::optional<bool> open) {
    if (!open)
        return m_store.database().run("DELETE FROM awards_voting WHERE category = ?", category);
    return m_store.database().run(
        "INSERT OR REPLACE INTO awards_voting (category, open) VALUES (?, ?)", category,
        *open ? 1 : 0);
}

Result<std::vector<StoredBallot>> AwardsBook::ballots() {
    return sql::collect<StoredBallot>(
        m_store.database(),
        "SELECT category, person, booth, cast_at FROM awards_ballot ORDER BY cast_at, person",
        [](const sql::Statement& st) {
            return StoredBallot{st.columnText(0), st.columnText(1), st.columnText(2),
                                st.columnInt(3)};
        });
}

Result<std::vector<StoredScore>> AwardsBook::scores() {
    return sql::collect<StoredScore>(
        m_store.database(),
        "SELECT category, booth, juror, scores, scored_at FROM awards_score ORDER BY juror",
        [](const sql::Statement& st) {
            return StoredScore{st.columnText(0), st.columnText(1), st.columnText(2),
                               splitScores(st.columnText(3)), st.columnInt(4)};
        });
}

Result<std::vector<StoredJuror>> AwardsBook::jurors() {
    return sql::collect<StoredJuror>(
        m_store.database(), "SELECT person, category, organisation, label FROM awards_juror",
        [](const sql::Statement& st) {
            return StoredJuror{st.columnText(0), st.columnText(1), st.columnText(2),
                               st.columnText(3)};
        });
}

Result<std::vector<StoredReveal>> AwardsBook::reveals() {
    return sql::collect<StoredReveal>(
        m_store.database(), "SELECT category, booth, revealed_at FROM awards_reveal",
        [](const sql::Statement& st) {
            return StoredReveal{st.columnText(0), st.columnText(1), st.columnInt(2)};
        });
}

Result<std::vector<StoredVotingOverride>> AwardsBook::votingOverrides() {
    return sql::collect<StoredVotingOverride>(
        m_store.database(), "SELECT category, open FROM awards_voting",
        [](const sql::Statement& st) {
            return StoredVotingOverride{st.columnText(0), st.columnInt(1) != 0};
        });
}

} // namespace fg::store
