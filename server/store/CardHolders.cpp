// CardHolders' SQL: one row per lead naming the visitor key that left it, joined with the core
// leads table on read. Written with the lead (synchronous=FULL, like the lead itself).
#include "server/store/CardHolders.h"

#include "server/store/SliceSchema.h"
#include "server/store/Sqlite.h"
#include "server/store/Store.h"

#include <array>

namespace fg::store {
namespace {

constexpr std::array<const char*, 1> kStaffSchema = {
    R"sql(
CREATE TABLE card_holders (lead_id INTEGER PRIMARY KEY, exhibitor TEXT NOT NULL,
    visitor_key TEXT NOT NULL);
CREATE INDEX card_holders_visitor ON card_holders(exhibitor, visitor_key, lead_id);
)sql",
};

} // namespace

Result<std::unique_ptr<CardHolders>> CardHolders::open(Store& store) {
    if (auto s = migrateSlice(store.database(), SliceSchema{"staff", kStaffSchema}); !s)
        return s.error();
    return std::unique_ptr<CardHolders>(new CardHolders(store));
}

Status CardHolders::record(std::int64_t leadId, std::string_view exhibitorId,
                           std::string_view visitorKey) {
    return m_store.database().run("INSERT OR REPLACE INTO card_holders (lead_id, exhibitor, "
                                  "visitor_key) VALUES (?, ?, ?)",
                                  leadId, exhibitorId, visitorKey);
}

Result<std::optional<Lead>> CardHolders::newestCard(std::string_view exhibitorId,
                                                    std::string_view visitorKey) {
    auto st = m_store.database().prepare(
        "SELECT l.id, l.booth, l.exhibitor, l.visitor_name, l.organisation, l.email, l.message, "
        "l.consent, l.created_at FROM card_holders h JOIN leads l ON l.id = h.lead_id "
        "WHERE h.exhibitor = ? AND h.visitor_key = ? ORDER BY h.lead_id DESC LIMIT 1");
    if (!st) return st.error();
    st->bindAll(exhibitorId, visitorKey);
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return std::optional<Lead>();
    return std::optional<Lead>(Lead{st->columnInt(0), st->columnText(1), st->columnText(2),
                                    st->columnText(3), st->columnText(4), st->columnText(5),
                                    st->columnText(6), st->columnInt(7) != 0, st->columnInt(8)});
}

} // namespace fg::store
