// The moderation queue's records: every booth submission (pending, approved, rejected) with the
// hashes of its bundle and manifest. The store is their only record, each write a durable
// (synchronous=FULL) commit; nothing here reads bundles.
#include "server/store/Sqlite.h"
#include "server/store/Store.h"

#include <fmt/format.h>

namespace fg::store {
namespace {

constexpr const char* kSubmissionColumns =
    "SELECT id, booth, exhibitor, state, reason, submitted_at, bundle, manifest, revision, "
    "warnings FROM submissions ";

std::optional<SubmissionState> parseSubmissionState(std::string_view text) {
    if (text == "pending") return SubmissionState::Pending;
    if (text == "approved") return SubmissionState::Approved;
    if (text == "rejected") return SubmissionState::Rejected;
    return std::nullopt;
}

// A damaged row is reported with its id and booth, never guessed at.
Result<Submission> readSubmission(const sql::Statement& st, const std::string& db) {
    const std::int64_t id = st.columnInt(0);
    Submission s;
    s.boothId = st.columnText(1);
    s.exhibitorId = st.columnText(2);
    auto where = [&](std::string_view what) {
        return makeError(
            fmt::format("{}: submissions row {} (booth '{}'): {}", db, id, s.boothId, what));
    };
    auto state = parseSubmissionState(st.columnText(3));
    if (!state) return where(fmt::format("unknown state '{}'", st.columnText(3)));
    s.state = *state;
    s.reason = st.columnText(4);
    s.submittedAt = st.columnInt(5);
    if (!parseHex(st.columnText(6), s.bundle)) return where("bundle is not a 32-digit hash");
    if (!parseHex(st.columnText(7), s.manifest)) return where("manifest is not a 32-digit hash");
    s.revision = st.columnInt(8);
    const std::int64_t warnings = st.columnInt(9);
    if (warnings < 0 || warnings > std::int64_t(UINT32_MAX)) return where("warnings out of range");
    s.warnings = std::uint32_t(warnings);
    if (s.boothId.empty()) return where("no booth");
    if ((s.state == SubmissionState::Approved) != (s.revision > 0))
        return where(fmt::format("{} with revision {}", submissionStateName(s.state), s.revision));
    return s;
}

Status insertSubmission(sql::Database& db, const Submission& s) {
    return db.run("INSERT INTO submissions (booth, exhibitor, state, reason, submitted_at, bundle, "
                  "manifest, revision, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  s.boothId, s.exhibitorId, submissionStateName(s.state), s.reason, s.submittedAt,
                  toHex(s.bundle), toHex(s.manifest), s.revision, std::int64_t(s.warnings));
}

} // namespace

const char* submissionStateName(SubmissionState state) {
    switch (state) {
    case SubmissionState::Pending:
        return "pending";
    case SubmissionState::Approved:
        return "approved";
    case SubmissionState::Rejected:
        return "rejected";
    }
    return "pending";
}

Result<std::vector<Submission>> Store::submissions() {
    auto st = m_db->prepare(std::string(kSubmissionColumns) + "ORDER BY id");
    if (!st) return st.error();
    std::vector<Submission> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) return out;
        auto sub = readSubmission(*st, m_db->name());
        if (!sub) return sub.error();
        out.push_back(std::move(*sub));
    }
}

Status Store::submitPending(const Submission& sub) {
    if (sub.state != SubmissionState::Pending)
        return makeError(fmt::format("booth {}: a new submission must be pending", sub.boothId));
    sql::Transaction tx(*m_db);
    if (!tx.begun()) return tx.begun();
    if (auto s =
            m_db->run("DELETE FROM submissions WHERE booth = ? AND state = 'pending'", sub.boothId);
        !s)
        return s;
    if (auto s = insertSubmission(*m_db, sub); !s) return s;
    return tx.commit();
}

Status Store::decideSubmission(const Submission& sub) {
    if (sub.state == SubmissionState::Pending)
        return makeError(fmt::format("booth {}: a decision must approve or reject", sub.boothId));
    auto s = m_db->run("UPDATE submissions SET state = ?, reason = ?, revision = ? "
                       "WHERE booth = ? AND state = 'pending'",
                       submissionStateName(sub.state), sub.reason, sub.revision, sub.boothId);
    if (!s) return s;
    if (m_db->changes() != 1)
        return makeError(fmt::format("booth {}: nothing pending in {}", sub.boothId, m_db->name()));
    return {};
}

Status Store::importSubmissions(const std::vector<Submission>& subs) {
    sql::Transaction tx(*m_db);
    if (!tx.begun()) return tx.begun();
    for (const Submission& sub : subs)
        if (auto s = insertSubmission(*m_db, sub); !s) return s;
    return tx.commit();
}

Result<std::int64_t> Store::approvedSubmissions() {
    auto st = m_db->prepare("SELECT COUNT(*) FROM submissions WHERE state = 'approved'");
    if (!st) return st.error();
    auto row = st->step();
    if (!row) return row.error();
    return *row ? st->columnInt(0) : 0;
}

Result<std::int64_t> Store::liveExhibitionRevision() {
    auto current = currentExhibition();
    if (!current) return current.error();
    auto approved = approvedSubmissions();
    if (!approved) return approved.error();
    return (current->has_value() ? (*current)->revision : 0) + *approved;
}

} // namespace fg::store
