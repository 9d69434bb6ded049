// DeckRecords' SQL: one table of the "deck" slice, pages kept as one space-separated list of
// asset names (a deck is at most 100 pages, always read and written whole).
#include "server/store/DeckRecords.h"

#include "server/store/SliceSchema.h"
#include "server/store/Sqlite.h"
#include "server/store/Store.h"

#include <array>
#include <sstream>

namespace fg::store {
namespace {

constexpr std::array<const char*, 1> kDeckSchema = {
    R"sql(
CREATE TABLE deck_uploads (session TEXT PRIMARY KEY, file_name TEXT NOT NULL,
    pages TEXT NOT NULL, uploaded_by TEXT NOT NULL, uploaded_at INTEGER NOT NULL);
)sql",
};

std::string joinPages(const std::vector<std::string>& pages) {
    std::string out;
    for (const auto& p : pages)
        out += (out.empty() ? "" : " ") + p;
    return out;
}

std::vector<std::string> splitPages(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string page; in >> page;)
        out.push_back(page);
    return out;
}

} // namespace

Result<std::unique_ptr<DeckRecords>> DeckRecords::open(Store& store) {
    if (auto s = migrateSlice(store.database(), SliceSchema{"deck", kDeckSchema}); !s)
        return s.error();
    return std::unique_ptr<DeckRecords>(new DeckRecords(store));
}

Status DeckRecords::save(const DeckRecord& r) {
    return m_store.database().run("INSERT OR REPLACE INTO deck_uploads (session, file_name, "
                                  "pages, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?)",
                                  r.sessionId, r.fileName, joinPages(r.pages), r.uploadedBy,
                                  r.uploadedAt);
}

Result<std::vector<DeckRecord>> DeckRecords::all() {
    auto st = m_store.database().prepare("SELECT session, file_name, pages, uploaded_by, "
                                         "uploaded_at FROM deck_uploads ORDER BY session");
    if (!st) return st.error();
    std::vector<DeckRecord> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back(DeckRecord{st->columnText(0), st->columnText(1),
                                 splitPages(st->columnText(2)), st->columnText(3),
                                 st->columnInt(4)});
    }
}

} // namespace fg::store
