// ReportLog's SQL: reports and their context lines in two tables of the "reports" slice.
// Written with the store's synchronous=FULL: a person was told the report is filed.
#include "server/store/ReportLog.h"

#include "server/store/SliceSchema.h"
#include "server/store/Sqlite.h"
#include "server/store/Store.h"

#include <array>
#include <fmt/format.h>

namespace fg::store {
namespace {

constexpr std::array<const char*, 1> kReportSchema = {
    R"sql(
CREATE TABLE chat_reports (id INTEGER PRIMARY KEY AUTOINCREMENT, line_id INTEGER NOT NULL,
    room TEXT NOT NULL, sender_name TEXT NOT NULL, sender_role TEXT NOT NULL,
    sent_ms INTEGER NOT NULL, text TEXT NOT NULL, reporter_name TEXT NOT NULL,
    reason TEXT NOT NULL, reported_ms INTEGER NOT NULL, state TEXT NOT NULL DEFAULT 'open',
    decided_by TEXT NOT NULL DEFAULT '');
CREATE INDEX chat_reports_state ON chat_reports(state, id);
CREATE TABLE chat_report_context (report_id INTEGER NOT NULL, position INTEGER NOT NULL,
    line_id INTEGER NOT NULL, sender_name TEXT NOT NULL, sender_role TEXT NOT NULL,
    sent_ms INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (report_id, position));
)sql",
};

constexpr const char* kReportColumns =
    "id, line_id, room, sender_name, sender_role, sent_ms, text, reporter_name, reason, "
    "reported_ms, state, decided_by";

ReportState stateFrom(const std::string& text) {
    if (text == "resolved") return ReportState::Resolved;
    if (text == "dismissed") return ReportState::Dismissed;
    return ReportState::Open;
}

ReportRecord reportFrom(const sql::Statement& st) {
    ReportRecord r;
    r.id = st.columnInt(0);
    r.line = ChatRecord{0,
                        st.columnText(2),
                        st.columnText(3),
                        st.columnText(4),
                        st.columnInt(5),
                        st.columnText(6),
                        st.columnInt(1)};
    r.reporterName = st.columnText(7);
    r.reason = st.columnText(8);
    r.reportedMs = st.columnInt(9);
    r.state = stateFrom(st.columnText(10));
    r.decidedBy = st.columnText(11);
    return r;
}

} // namespace

const char* toString(ReportState state) {
    switch (state) {
    case ReportState::Open:
        return "open";
    case ReportState::Resolved:
        return "resolved";
    case ReportState::Dismissed:
        return "dismissed";
    }
    return "open";
}

Result<std::unique_ptr<ReportLog>> ReportLog::open(Store& store) {
    if (auto s = migrateSlice(store.database(), SliceSchema{"reports", kReportSchema}); !s)
        return s.error();
    return std::unique_ptr<ReportLog>(new ReportLog(store));
}

Result<std::int64_t> ReportLog::add(ReportRecord r) {
    sql::Database& db = m_store.database();
    sql::Transaction tx(db);
    if (!tx.begun()) return tx.begun().error();
    const ChatRecord& l = r.line;
    if (auto s = db.run("INSERT INTO chat_reports (line_id, room, sender_name, sender_role, "
                        "sent_ms, text, reporter_name, reason, reported_ms) VALUES "
                        "(?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        l.lineId, l.room, l.senderName, l.senderRole, l.sentMs, l.text,
                        r.reporterName, r.reason, r.reportedMs);
        !s)
        return s.error();
    const std::int64_t id = db.lastInsertId();
    for (std::size_t i = 0; i < r.context.size(); ++i) {
        const ChatRecord& c = r.context[i];
        if (auto s =
                db.run("INSERT INTO chat_report_context (report_id, position, line_id, "
                       "sender_name, sender_role, sent_ms, text) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       id, std::int64_t(i), c.lineId, c.senderName, c.senderRole, c.sentMs, c.text);
            !s)
            return s.error();
    }
    if (auto s = tx.commit(); !s) return s.error();
    return id;
}

Result<std::vector<ChatRecord>> ReportLog::contextOf(std::int64_t reportId) {
    auto st = m_store.database().prepare(
        "SELECT line_id, sender_name, sender_role, sent_ms, text FROM chat_report_context "
        "WHERE report_id = ? ORDER BY position");
    if (!st) return st.error();
    st->bindAll(reportId);
    std::vector<ChatRecord> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back(ChatRecord{0, "", st->columnText(1), st->columnText(2), st->columnInt(3),
                                 st->columnText(4), st->columnInt(0)});
    }
}

Result<std::vector<ReportRecord>> ReportLog::pending(std::size_t limit) {
    auto st = m_store.database().prepare(fmt::format(
        "SELECT {} FROM chat_reports WHERE state = 'open' ORDER BY id LIMIT ?", kReportColumns));
    if (!st) return st.error();
    st->bindAll(limit == 0 ? std::int64_t(-1) : std::int64_t(limit));
    std::vector<ReportRecord> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) break;
        out.push_back(reportFrom(*st));
    }
    for (ReportRecord& r : out) {
        auto context = contextOf(r.id);
        if (!context) return context.error();
        r.context = std::move(*context);
    }
    return out;
}

Result<std::optional<ReportRecord>> ReportLog::find(std::int64_t id) {
    auto st = m_store.database().prepare(
        fmt::format("SELECT {} FROM chat_reports WHERE id = ?", kReportColumns));
    if (!st) return st.error();
    st->bindAll(id);
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return std::optional<ReportRecord>();
    ReportRecord r = reportFrom(*st);
    auto context = contextOf(r.id);
    if (!context) return context.error();
    r.context = std::move(*context);
    return std::optional<ReportRecord>(std::move(r));
}

Status ReportLog::decide(std::int64_t id, ReportState state, std::string_view decidedBy) {
    sql::Database& db = m_store.database();
    if (auto s = db.run("UPDATE chat_reports SET state = ?, decided_by = ? WHERE id = ? AND "
                        "state = 'open'",
                        toString(state), decidedBy, id);
        !s)
        return s.error();
    if (db.changes() == 0) return makeError(fmt::format("report #{} is not open", id));
    return {};
}

} // namespace fg::store
