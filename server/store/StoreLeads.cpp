// Leads (business cards) and likes: what users were told
// is saved, so each write is its own durable (synchronous=FULL) commit. No batching here.
#include "server/store/Sqlite.h"
#include "server/store/Store.h"

#include <fmt/format.h>

namespace fg::store {

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

} // namespace fg::store
