// The speaking-list rules of every roundtable session, in memory and written through
// store::FloorRecords: the queue, who has the floor until when, overtime. Time is passed in
// (Unix seconds), so tests move it; no network and no permission checks (RoundtableModule).
#pragma once

#include "engine/core/Result.h"
#include "server/store/FloorRecords.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace fg::server {

using FloorPerson = store::StoredFloorPerson;

class SpeakingFloor {
public:
    static constexpr std::uint32_t kDefaultSeconds = 180; // "3 minutes per intervention"

    static Result<std::unique_ptr<SpeakingFloor>> open(store::Store& store);

    // The session's list (a default one, not stored, before anything happened).
    const store::StoredFloor& list(const std::string& session) const;
    // Milliseconds left of the current intervention at NOW (below 0: over time).
    std::int64_t remainingMs(const std::string& session, double now) const;

    // PERSON asks for the floor (ON) or withdraws (off the queue; the speaker yields the floor).
    // Returns what happened, for the reply.
    Result<std::string> request(const std::string& session, const FloorPerson& person, bool on);
    // The first in the queue takes the floor (the list's end stops the current speaker).
    Result<std::string> next(const std::string& session, double now);
    // PERSON takes the floor now (taken off the queue when on it).
    Result<std::string> give(const std::string& session, const FloorPerson& person, double now);
    Result<std::string> remove(const std::string& session, const std::string& key);
    // Moves KEY one place earlier (DELTA -1) or later (+1) in the queue.
    Result<std::string> move(const std::string& session, const std::string& key, int delta);
    Result<std::string> setSeconds(const std::string& session, std::uint32_t seconds);
    Result<std::string> addTime(const std::string& session, std::uint32_t seconds);
    Result<std::string> stop(const std::string& session);
    Result<std::string> clear(const std::string& session);

    // Counts the interventions whose time ran out by NOW; returns their sessions (to push).
    std::vector<std::string> tick(double now);

private:
    explicit SpeakingFloor(store::FloorRecords& records) : m_records(records) {}
    store::StoredFloor& edit(const std::string& session);
    Status save(const store::StoredFloor& floor);
    void startTurn(store::StoredFloor& f, const FloorPerson& person, double now);

    std::unique_ptr<store::FloorRecords> m_owned;
    store::FloorRecords& m_records;
    std::map<std::string, store::StoredFloor, std::less<>> m_lists;
};

} // namespace fg::server
