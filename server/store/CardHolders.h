// The staff slice's records: whose business card each lead was (the connection's visitor key),
// so "who is at my booth" can show the organisation and e-mail a person gave this exhibitor.
// Own table in the store's SQLite file; never writes leads, never talks to the network.
#pragma once

#include "engine/core/Result.h"
#include "server/store/StoreTypes.h"

#include <memory>
#include <optional>
#include <string_view>

namespace fg::store {

class Store;

class CardHolders {
public:
    // Migrates the slice's table ("staff" in slice_schema) in STORE's database.
    static Result<std::unique_ptr<CardHolders>> open(Store& store);

    // Lead LEADID (already stored) was left by VISITORKEY at one of EXHIBITORID's booths.
    Status record(std::int64_t leadId, std::string_view exhibitorId, std::string_view visitorKey);
    // The newest card VISITORKEY left with EXHIBITORID, if any.
    Result<std::optional<Lead>> newestCard(std::string_view exhibitorId,
                                           std::string_view visitorKey);

private:
    explicit CardHolders(Store& store) : m_store(store) {}
    Store& m_store;
};

} // namespace fg::store
