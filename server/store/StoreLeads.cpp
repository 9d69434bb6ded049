// Leads (business cards), likes and meeting requests: what users were told
// is saved, so each write is its own durable (synchronous=FULL) commit. No batching here.
#include "server/store/Sqlite.h"
#include "server/store/Store.h"

#include <fmt/format.h>

namespace fg::store {
namespace {

std::optional<MeetingState> parseMeetingState(std::string_view text) {
    if (text == "pending") return MeetingState::Pending;
    if (text == "accepted") return MeetingState::Accepted;
    if (text == "declined") return MeetingState::Declined;
    return std::nullopt;
}

MeetingRequest readMeeting(const sql::Statement& st) {
    MeetingRequest m;
    m.id = st.columnInt(0);
    m.boothId = st.columnText(1);
    m.exhibitorId = st.columnText(2);
    m.visitorName = st.columnText(3);
    m.visitorKey = st.columnText(4);
    m.message = st.columnText(5);
    if (!st.columnIsNull(6)) m.proposedAt = st.columnInt(6);
    m.minutes = static_cast<std::uint32_t>(st.columnInt(7));
    m.state = parseMeetingState(st.columnText(8)).value_or(MeetingState::Pending);
    m.createdAt = st.columnInt(9);
    return m;
}

constexpr const char* kMeetingColumns =
    "SELECT id, booth, exhibitor, visitor_name, visitor_key, "
    "message, proposed_at, minutes, state, created_at FROM meetings ";

} // namespace

const char* meetingStateName(MeetingState state) {
    switch (state) {
    case MeetingState::Pending:
        return "pending";
    case MeetingState::Accepted:
        return "accepted";
    case MeetingState::Declined:
        return "declined";
    }
    return "pending";
}

Result<std::int64_t> Store::addLead(const Lead& lead) {
    auto s = m_db->run("INSERT INTO leads (booth, exhibitor, visitor_name, organisation, email, "
                       "message, consent, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       lead.boothId, lead.exhibitorId, lead.visitorName, lead.organisation,
                       lead.email, lead.message, lead.consent ? 1 : 0,
                       lead.createdAt != 0 ? lead.createdAt : unixNow());
    if (!s) return s.error();
    return m_db->lastInsertId();
}

Result<std::vector<Lead>> Store::leadsForBooth(std::string_view boothId) {
    auto st = m_db->prepare("SELECT id, booth, exhibitor, visitor_name, organisation, email, "
                            "message, consent, created_at FROM leads WHERE booth = ? ORDER BY id");
    if (!st) return st.error();
    st->bindAll(boothId);
    std::vector<Lead> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back(Lead{st->columnInt(0), st->columnText(1), st->columnText(2),
                           st->columnText(3), st->columnText(4), st->columnText(5),
                           st->columnText(6), st->columnInt(7) != 0, st->columnInt(8)});
    }
}

Result<std::string> Store::leadsCsv(std::string_view boothId) {
    auto leads = leadsForBooth(boothId);
    if (!leads) return leads.error();
    return expo::leadsCsv(*leads); // the one writer, shared with the client's "Export CSV"
}

Result<bool> Store::addLike(std::string_view boothId, std::string_view visitorKey) {
    auto s = m_db->run("INSERT OR IGNORE INTO likes (booth, visitor, created_at) VALUES (?, ?, ?)",
                       boothId, visitorKey, unixNow());
    if (!s) return s.error();
    return m_db->changes() == 1;
}

Result<std::int64_t> Store::likeCount(std::string_view boothId) {
    auto st = m_db->prepare("SELECT COUNT(*) FROM likes WHERE booth = ?");
    if (!st) return st.error();
    st->bindAll(boothId);
    if (auto row = st->step(); !row) return row.error();
    return st->columnInt(0);
}

Result<std::int64_t> Store::addMeetingRequest(const MeetingRequest& r) {
    UnixSeconds now = unixNow();
    auto s = m_db->run("INSERT INTO meetings (booth, exhibitor, visitor_name, visitor_key, "
                       "message, proposed_at, minutes, state, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       r.boothId, r.exhibitorId, r.visitorName, r.visitorKey, r.message,
                       r.proposedAt, static_cast<std::int64_t>(r.minutes),
                       meetingStateName(MeetingState::Pending), now, now);
    if (!s) return s.error();
    return m_db->lastInsertId();
}

Result<std::optional<MeetingRequest>> Store::meetingRequest(std::int64_t id) {
    auto st = m_db->prepare(std::string(kMeetingColumns) + "WHERE id = ?");
    if (!st) return st.error();
    st->bindAll(id);
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return std::optional<MeetingRequest>();
    return std::optional<MeetingRequest>(readMeeting(*st));
}

Status Store::setMeetingState(std::int64_t id, MeetingState state) {
    auto s = m_db->run("UPDATE meetings SET state = ?, updated_at = ? WHERE id = ?",
                       meetingStateName(state), unixNow(), id);
    if (!s) return s;
    if (m_db->changes() == 0) return makeError(fmt::format("meeting #{}: no such request", id));
    return {};
}

Result<std::vector<MeetingRequest>> Store::meetingsForExhibitor(std::string_view exhibitorId) {
    auto st = m_db->prepare(std::string(kMeetingColumns) + "WHERE exhibitor = ? ORDER BY id");
    if (!st) return st.error();
    st->bindAll(exhibitorId);
    std::vector<MeetingRequest> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back(readMeeting(*st));
    }
}

} // namespace fg::store
