// The roundtable slice's records: each session's speaking list (seconds per intervention, who has
// the floor until when, the queue, the counts), replaced whole on every change. No rules.
#pragma once

#include "engine/core/Result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace fg::store {

class Store;

struct StoredFloorPerson {
    std::string key; // personKey, or "guest:CLIENTKEY"
    std::string name;
    bool operator==(const StoredFloorPerson&) const = default;
};

struct StoredFloor {
    std::string session;
    std::uint32_t secondsPerTurn = 180;
    bool speaking = false;
    StoredFloorPerson current;
    std::int64_t turnEndsMs = 0; // Unix milliseconds: a restart resumes the same countdown
    bool overtimeCounted = false;
    std::vector<StoredFloorPerson> queue; // in speaking order
    std::uint32_t interventions = 0, overtimes = 0;
    bool operator==(const StoredFloor&) const = default;
};

class FloorRecords {
public:
    // Migrates the "roundtable" slice's tables in STORE's database.
    static Result<std::unique_ptr<FloorRecords>> open(Store& store);

    // Replaces FLOOR's session's row and queue in one transaction.
    Status save(const StoredFloor& floor);
    // Every stored speaking list.
    Result<std::vector<StoredFloor>> load();

private:
    explicit FloorRecords(Store& store) : m_store(store) {}
    Store& m_store;
};

} // namespace fg::store
