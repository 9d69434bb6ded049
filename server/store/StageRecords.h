// The stage slice's records: each programme session's state and page, its attendance (one row
// per person) and the speaker/moderator bindings of credentials. No rules, no network.
#pragma once

#include "engine/core/Result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fg::store {

class Store;

// A session's live state as the server last decided it (StageState as an int).
struct StageRecord {
    std::string sessionId;
    int state = 0;
    bool autoSchedule = true;
    std::uint32_t page = 0;
    std::int64_t liveSince = 0; // Unix seconds; 0: never live
    std::uint32_t peak = 0;
    bool operator==(const StageRecord&) const = default;
};

// One person's attendance of one session (PERSON: a person key, else "key:..." or "id:...").
struct StageAttendance {
    std::string sessionId;
    std::string person;
    std::string name;
    std::string role;
    std::int64_t firstSeen = 0; // Unix seconds
    double seconds = 0;         // watched while live
    bool operator==(const StageAttendance&) const = default;
};

// PERSON ("cred:3") speaks at SESSIONID, and moderates it when MODERATOR.
struct StageBinding {
    std::string person;
    std::string sessionId;
    bool moderator = false;
    bool operator==(const StageBinding&) const = default;
};

class StageRecords {
public:
    // Migrates the slice's tables in STORE's database.
    static Result<std::unique_ptr<StageRecords>> open(Store& store);

    // Writes (or replaces) one session's state; synchronous=FULL (people saw it change).
    Status saveState(const StageRecord& record);
    Result<std::vector<StageRecord>> states();
    // Writes (or replaces) these rows in one transaction.
    Status saveAttendance(const std::vector<StageAttendance>& rows);
    // Rows of SESSIONID ("" = every session), by first seen.
    Result<std::vector<StageAttendance>> attendance(std::string_view sessionId);
    Status bind(const StageBinding& binding);
    // PERSON's bindings ("" = everyone's).
    Result<std::vector<StageBinding>> bindings(std::string_view person);

private:
    explicit StageRecords(Store& store) : m_store(store) {}
    Store& m_store;
};

} // namespace fg::store
