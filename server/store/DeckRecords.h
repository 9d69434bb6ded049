// The deck upload slice's records: each session's uploaded deck (its page textures by hash), so
// a restart serves the deck people last saw. No rules, no rendering, no network.
#pragma once

#include "engine/core/Result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace fg::store {

class Store;

// SESSIONID's uploaded deck: FILENAME as uploaded, PAGES as asset names ("<hash>.fgt").
struct DeckRecord {
    std::string sessionId;
    std::string fileName;
    std::vector<std::string> pages;
    std::string uploadedBy;      // the uploader's display name
    std::int64_t uploadedAt = 0; // Unix seconds
    bool operator==(const DeckRecord&) const = default;
};

class DeckRecords {
public:
    // Migrates the slice's table in STORE's database.
    static Result<std::unique_ptr<DeckRecords>> open(Store& store);

    // Writes (or replaces) SESSIONID's deck; synchronous=FULL (the presenter was told it is live).
    Status save(const DeckRecord& record);
    // Every uploaded deck, by session id.
    Result<std::vector<DeckRecord>> all();

private:
    explicit DeckRecords(Store& store) : m_store(store) {}
    Store& m_store;
};

} // namespace fg::store
