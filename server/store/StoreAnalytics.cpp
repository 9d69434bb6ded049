// Booth analytics (visits, unique visitors, dwell, opens): queued in memory, written in one
// transaction per batch so high-rate events cost one fsync per flush. Reads flush first.
#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "server/store/Sqlite.h"
#include "server/store/Store.h"

#include <fmt/format.h>
#include <map>

namespace fg::store {

void Store::queue(PendingEvent event) {
    m_pending.push_back(std::move(event));
    if (m_pending.size() >= m_options.analyticsFlushEvents) {
        if (auto s = flush(); !s)
            log::error("store: analytics flush failed: {}", s.error().message);
    }
}

void Store::recordVisit(std::string_view boothId, std::string_view visitorKey) {
    queue({PendingEvent::Kind::Visit, std::string(boothId), std::string(visitorKey), 1});
}
void Store::recordDwell(std::string_view boothId, double seconds) {
    if (seconds > 0) queue({PendingEvent::Kind::Dwell, std::string(boothId), {}, seconds});
}
void Store::recordDocumentOpen(std::string_view boothId) {
    queue({PendingEvent::Kind::DocumentOpen, std::string(boothId), {}, 1});
}
void Store::recordLinkOpen(std::string_view boothId) {
    queue({PendingEvent::Kind::LinkOpen, std::string(boothId), {}, 1});
}
void Store::recordVideoOpen(std::string_view boothId) {
    queue({PendingEvent::Kind::VideoOpen, std::string(boothId), {}, 1});
}

Status Store::flushIfDue() {
    if (m_pending.empty()) return {};
    if (monotonicSeconds() - m_lastFlush < m_options.analyticsFlushSeconds &&
        m_pending.size() < m_options.analyticsFlushEvents)
        return {};
    auto n = flush();
    if (!n) return n.error();
    return {};
}

struct Store::BoothTotals {
    std::int64_t visits = 0, documentOpens = 0, linkOpens = 0, videoOpens = 0;
    double dwell = 0;
};

Result<std::size_t> Store::flush() {
    m_lastFlush = monotonicSeconds();
    if (m_pending.empty()) return std::size_t{0};
    // Sum per booth first: a batch becomes one upsert per booth touched.
    std::map<std::string, BoothTotals> totals;
    using K = PendingEvent::Kind;
    for (const PendingEvent& e : m_pending) {
        BoothTotals& t = totals[e.boothId];
        t.visits += e.kind == K::Visit;
        t.dwell += e.kind == K::Dwell ? e.amount : 0.0;
        t.documentOpens += e.kind == K::DocumentOpen;
        t.linkOpens += e.kind == K::LinkOpen;
        t.videoOpens += e.kind == K::VideoOpen;
    }
    // Analytics need not be on disk before the call returns: NORMAL skips the fsync here, and
    // the next FULL commit (a lead, a credential) or checkpoint makes these frames durable too.
    if (auto s = m_db->exec("PRAGMA synchronous=NORMAL"); !s) return s.error();
    auto written = writeAnalytics(totals);
    if (auto s = m_db->exec("PRAGMA synchronous=FULL"); !s) return s.error();
    if (!written) return written.error();
    std::size_t count = m_pending.size();
    m_pending.clear();
    return count;
}

Status Store::writeAnalytics(const std::map<std::string, BoothTotals>& totals) {
    sql::Transaction tx(*m_db);
    if (!tx.begun()) return tx.begun();
    auto upsert = m_db->prepare(
        "INSERT INTO booth_stats (booth, visits, dwell_seconds, document_opens, link_opens, "
        "video_opens) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(booth) DO UPDATE SET "
        "visits = visits + ?2, dwell_seconds = dwell_seconds + ?3, "
        "document_opens = document_opens + ?4, link_opens = link_opens + ?5, "
        "video_opens = video_opens + ?6");
    auto visitor =
        m_db->prepare("INSERT OR IGNORE INTO booth_visitors (booth, visitor) VALUES (?, ?)");
    if (!upsert) return upsert.error();
    if (!visitor) return visitor.error();
    for (const auto& [booth, t] : totals) {
        upsert->reset();
        upsert->bindAll(booth, t.visits, t.dwell, t.documentOpens, t.linkOpens, t.videoOpens);
        if (auto s = upsert->run(); !s) return s;
    }
    for (const PendingEvent& e : m_pending) {
        if (e.kind != PendingEvent::Kind::Visit || e.visitorKey.empty()) continue;
        visitor->reset();
        visitor->bindAll(e.boothId, e.visitorKey);
        if (auto s = visitor->run(); !s) return s;
    }
    return tx.commit();
}

namespace {
// One query for every figure; booths with no analytics row still get likes and leads.
constexpr const char* kStatsQuery = R"sql(
WITH ids(booth) AS (SELECT booth FROM booth_stats UNION SELECT booth FROM likes
                    UNION SELECT booth FROM leads)
SELECT ids.booth, COALESCE(s.visits, 0), COALESCE(s.dwell_seconds, 0),
    COALESCE(s.document_opens, 0), COALESCE(s.link_opens, 0), COALESCE(s.video_opens, 0),
    (SELECT COUNT(*) FROM booth_visitors v WHERE v.booth = ids.booth),
    (SELECT COUNT(*) FROM likes l WHERE l.booth = ids.booth),
    (SELECT COUNT(*) FROM leads d WHERE d.booth = ids.booth)
FROM ids LEFT JOIN booth_stats s ON s.booth = ids.booth
)sql";

BoothStats readStats(const sql::Statement& st) {
    BoothStats b;
    b.boothId = st.columnText(0);
    b.visits = st.columnInt(1);
    b.dwellSeconds = st.columnDouble(2);
    b.documentOpens = st.columnInt(3);
    b.linkOpens = st.columnInt(4);
    b.videoOpens = st.columnInt(5);
    b.uniqueVisitors = st.columnInt(6);
    b.likes = st.columnInt(7);
    b.cards = st.columnInt(8);
    return b;
}
} // namespace

Result<BoothStats> Store::boothStats(std::string_view boothId) {
    if (auto f = flush(); !f) return f.error();
    auto st = m_db->prepare(std::string(kStatsQuery) + " WHERE ids.booth = ?");
    if (!st) return st.error();
    st->bindAll(boothId);
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return BoothStats{std::string(boothId)};
    return readStats(*st);
}

Result<std::vector<BoothStats>> Store::allBoothStats() {
    if (auto f = flush(); !f) return f.error();
    auto st =
        m_db->prepare(std::string(kStatsQuery) + " ORDER BY COALESCE(s.visits, 0) DESC, ids.booth");
    if (!st) return st.error();
    std::vector<BoothStats> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back(readStats(*st));
    }
}

} // namespace fg::store
