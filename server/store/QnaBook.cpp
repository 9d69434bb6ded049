// QnaBook's SQL: qna_question, qna_vote, qna_approval, qna_poll, qna_answer and (step 2)
// qna_stage_count, migrated as the "qna" slice. Runs with the store's synchronous=FULL: a person is
// told only what is on disk.
#include "server/store/QnaBook.h"

#include "server/store/SliceSchema.h"
#include "server/store/Sqlite.h"
#include "server/store/Store.h"

#include <array>
#include <fmt/format.h>

namespace fg::store {
namespace {

constexpr std::array<const char*, 2> kQnaSchema = {
    R"sql(
CREATE TABLE qna_question (id INTEGER PRIMARY KEY AUTOINCREMENT, session TEXT NOT NULL,
    author_key TEXT NOT NULL, author_name TEXT NOT NULL, anonymous INTEGER NOT NULL,
    text TEXT NOT NULL, state INTEGER NOT NULL, pinned INTEGER NOT NULL,
    asked_at INTEGER NOT NULL);
CREATE TABLE qna_vote (question INTEGER NOT NULL, person TEXT NOT NULL,
    PRIMARY KEY (question, person)) WITHOUT ROWID;
CREATE TABLE qna_approval (session TEXT PRIMARY KEY);
CREATE TABLE qna_poll (id INTEGER PRIMARY KEY AUTOINCREMENT, session TEXT NOT NULL,
    question TEXT NOT NULL, options TEXT NOT NULL, multiple INTEGER NOT NULL,
    state INTEGER NOT NULL, results_shown INTEGER NOT NULL);
CREATE TABLE qna_answer (poll INTEGER NOT NULL, person TEXT NOT NULL, choices INTEGER NOT NULL,
    PRIMARY KEY (poll, person)) WITHOUT ROWID;
)sql",
    // Step 2: reactions and raised hands counted per session (`session stats` across restarts).
    R"sql(
CREATE TABLE qna_stage_count (session TEXT PRIMARY KEY, reactions INTEGER NOT NULL,
    hands INTEGER NOT NULL);
)sql",
};

// Options are kept one per line (an option never holds a newline: the module strips them).
std::string joinOptions(const std::vector<std::string>& options) {
    std::string out;
    for (const std::string& o : options)
        out += (out.empty() ? "" : "\n") + o;
    return out;
}

std::vector<std::string> splitOptions(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t at = 0; at <= text.size();) {
        std::size_t nl = text.find('\n', at);
        if (nl == std::string::npos) nl = text.size();
        out.push_back(text.substr(at, nl - at));
        at = nl + 1;
    }
    return out;
}

} // namespace

Result<std::unique_ptr<QnaBook>> QnaBook::open(Store& store) {
    if (auto s = migrateSlice(store.database(), SliceSchema{"qna", kQnaSchema}); !s)
        return s.error();
    return std::unique_ptr<QnaBook>(new QnaBook(store));
}

Result<std::int64_t> QnaBook::addQuestion(const StoredQuestion& q) {
    sql::Database& db = m_store.database();
    auto s = db.run("INSERT INTO qna_question (session, author_key, author_name, anonymous, text, "
                    "state, pinned, asked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    q.session, q.authorKey, q.authorName, q.anonymous ? 1 : 0, q.text, q.state,
                    q.pinned ? 1 : 0, q.askedAt);
    if (!s) return s.error();
    return db.lastInsertId();
}

Status QnaBook::updateQuestion(const StoredQuestion& q) {
    return m_store.database().run("UPDATE qna_question SET state = ?, pinned = ? WHERE id = ?",
                                  q.state, q.pinned ? 1 : 0, q.id);
}

Status QnaBook::addVotes(std::span<const StoredVote> votes) {
    if (votes.empty()) return {};
    sql::Database& db = m_store.database();
    sql::Transaction tx(db);
    if (!tx.begun()) return tx.begun();
    auto st = db.prepare("INSERT OR IGNORE INTO qna_vote (question, person) VALUES (?, ?)");
    if (!st) return st.error();
    for (const StoredVote& v : votes) {
        st->reset();
        st->bindAll(v.question, v.person);
        if (auto s = st->run(); !s) return s;
    }
    return tx.commit();
}

Status QnaBook::addStageCounts(std::span<const StoredStageCount> deltas) {
    if (deltas.empty()) return {};
    sql::Database& db = m_store.database();
    sql::Transaction tx(db);
    if (!tx.begun()) return tx.begun();
    auto st = db.prepare("INSERT INTO qna_stage_count (session, reactions, hands) VALUES (?, ?, ?) "
                         "ON CONFLICT(session) DO UPDATE SET reactions = reactions + "
                         "excluded.reactions, hands = hands + excluded.hands");
    if (!st) return st.error();
    for (const StoredStageCount& d : deltas) {
        st->reset();
        st->bindAll(d.session, std::int64_t(d.reactions), std::int64_t(d.hands));
        if (auto s = st->run(); !s) return s;
    }
    return tx.commit();
}

Result<std::vector<StoredStageCount>> QnaBook::stageCounts() {
    return sql::collect<StoredStageCount>(
        m_store.database(), "SELECT session, reactions, hands FROM qna_stage_count",
        [](const sql::Statement& st) {
            return StoredStageCount{st.columnText(0), std::uint64_t(st.columnInt(1)),
                                    std::uint64_t(st.columnInt(2))};
        });
}

Status QnaBook::setRequireApproval(std::string_view session, bool on) {
    if (on) return m_store.database().run("INSERT OR IGNORE INTO qna_approval VALUES (?)", session);
    return m_store.database().run("DELETE FROM qna_approval WHERE session = ?", session);
}

Result<std::int64_t> QnaBook::addPoll(const StoredPoll& p) {
    sql::Database& db = m_store.database();
    auto s = db.run("INSERT INTO qna_poll (session, question, options, multiple, state, "
                    "results_shown) VALUES (?, ?, ?, ?, ?, ?)",
                    p.session, p.question, joinOptions(p.options), p.multiple ? 1 : 0, p.state,
                    p.resultsShown ? 1 : 0);
    if (!s) return s.error();
    return db.lastInsertId();
}

Status QnaBook::updatePoll(const StoredPoll& p) {
    return m_store.database().run("UPDATE qna_poll SET state = ?, results_shown = ? WHERE id = ?",
                                  p.state, p.resultsShown ? 1 : 0, p.id);
}

Status QnaBook::addAnswer(const StoredPollAnswer& a) {
    return m_store.database().run("INSERT INTO qna_answer (poll, person, choices) VALUES (?, ?, ?)",
                                  a.poll, a.person, std::int64_t(a.choices));
}

Result<std::vector<StoredQuestion>> QnaBook::questions() {
    return sql::collect<StoredQuestion>(
        m_store.database(),
        "SELECT id, session, author_key, author_name, anonymous, text, state, pinned, asked_at "
        "FROM qna_question ORDER BY id",
        [](const sql::Statement& st) {
            return StoredQuestion{st.columnInt(0),      st.columnText(1),     st.columnText(2),
                                  st.columnText(3),     st.columnInt(4) != 0, st.columnText(5),
                                  int(st.columnInt(6)), st.columnInt(7) != 0, st.columnInt(8)};
        });
}

Result<std::vector<StoredVote>> QnaBook::votes() {
    return sql::collect<StoredVote>(m_store.database(), "SELECT question, person FROM qna_vote",
                                    [](const sql::Statement& st) {
                                        return StoredVote{st.columnInt(0), st.columnText(1)};
                                    });
}

Result<std::vector<std::string>> QnaBook::approvalSessions() {
    return sql::collect<std::string>(m_store.database(), "SELECT session FROM qna_approval",
                                     [](const sql::Statement& st) { return st.columnText(0); });
}

Result<std::vector<StoredPoll>> QnaBook::polls() {
    return sql::collect<StoredPoll>(
        m_store.database(),
        "SELECT id, session, question, options, multiple, state, results_shown FROM qna_poll "
        "ORDER BY id",
        [](const sql::Statement& st) {
            return StoredPoll{st.columnInt(0),      st.columnText(1),
                              st.columnText(2),     splitOptions(st.columnText(3)),
                              st.columnInt(4) != 0, int(st.columnInt(5)),
                              st.columnInt(6) != 0};
        });
}

Result<std::vector<StoredPollAnswer>> QnaBook::answers() {
    return sql::collect<StoredPollAnswer>(
        m_store.database(), "SELECT poll, person, choices FROM qna_answer",
        [](const sql::Statement& st) {
            return StoredPollAnswer{st.columnInt(0), st.columnText(1),
                                    std::uint32_t(st.columnInt(2))};
        });
}

} // namespace fg::store
