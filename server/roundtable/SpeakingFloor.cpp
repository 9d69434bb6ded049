// SpeakingFloor: the speaking list's rules over memory, every change written through
// FloorRecords before it is reported. Must not send anything nor check who may do what.
#include "server/roundtable/SpeakingFloor.h"

#include "engine/core/Log.h"
#include "game/expo/protocol/RoundtableMessages.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace fg::server {

using store::StoredFloor;

namespace {

auto findPerson(std::vector<FloorPerson>& queue, const std::string& key) {
    return std::find_if(queue.begin(), queue.end(),
                        [&](const FloorPerson& p) { return p.key == key; });
}

std::int64_t toMs(double unixSeconds) {
    return std::int64_t(std::llround(unixSeconds * 1000.0));
}

} // namespace

Result<std::unique_ptr<SpeakingFloor>> SpeakingFloor::open(store::Store& store) {
    auto records = store::FloorRecords::open(store);
    if (!records) return records.error();
    std::unique_ptr<SpeakingFloor> floor(new SpeakingFloor(**records));
    floor->m_owned = std::move(*records);
    auto stored = floor->m_records.load();
    if (!stored)
        return makeError("roundtable: cannot read the stored speaking lists: " +
                         stored.error().message);
    for (StoredFloor& f : *stored)
        floor->m_lists[f.session] = std::move(f);
    return floor;
}

const StoredFloor& SpeakingFloor::list(const std::string& session) const {
    static const StoredFloor kEmpty{};
    auto it = m_lists.find(session);
    return it != m_lists.end() ? it->second : kEmpty;
}

StoredFloor& SpeakingFloor::edit(const std::string& session) {
    auto [it, added] = m_lists.try_emplace(session);
    if (added) it->second.session = session;
    return it->second;
}

Status SpeakingFloor::save(const StoredFloor& floor) {
    Status s = m_records.save(floor);
    if (!s) return makeError("roundtable: the speaking list was not stored: " + s.error().message);
    return s;
}

std::int64_t SpeakingFloor::remainingMs(const std::string& session, double now) const {
    const StoredFloor& f = list(session);
    return f.speaking ? f.turnEndsMs - toMs(now) : 0;
}

void SpeakingFloor::startTurn(StoredFloor& f, const FloorPerson& person, double now) {
    f.speaking = true;
    f.current = person;
    f.turnEndsMs = toMs(now) + std::int64_t(f.secondsPerTurn) * 1000;
    f.overtimeCounted = false;
    ++f.interventions;
}

Result<std::string> SpeakingFloor::request(const std::string& session, const FloorPerson& person,
                                           bool on) {
    StoredFloor& f = edit(session);
    auto it = findPerson(f.queue, person.key);
    const bool speaking = f.speaking && f.current.key == person.key;
    std::string done;
    if (on) {
        if (speaking) return makeError("floor: you have the floor already");
        if (it != f.queue.end())
            return fmt::format("already on the list ({})", it - f.queue.begin() + 1);
        if (f.queue.size() >= expo::proto::kMaxFloorQueue)
            return makeError(
                fmt::format("floor: the speaking list is full ({} waiting)", f.queue.size()));
        f.queue.push_back(person);
        done = fmt::format("on the list ({})", f.queue.size());
    } else if (speaking) {
        f.speaking = false;
        done = "floor yielded";
    } else if (it != f.queue.end()) {
        f.queue.erase(it);
        done = "withdrawn";
    } else {
        return makeError("floor: you are not on the speaking list");
    }
    if (Status s = save(f); !s) return s.error();
    return done;
}

Result<std::string> SpeakingFloor::next(const std::string& session, double now) {
    StoredFloor& f = edit(session);
    std::string done = "the list is empty: nobody has the floor";
    if (f.queue.empty()) {
        f.speaking = false;
    } else {
        const FloorPerson person = f.queue.front();
        f.queue.erase(f.queue.begin());
        startTurn(f, person, now);
        done = person.name + " has the floor";
    }
    if (Status s = save(f); !s) return s.error();
    return done;
}

Result<std::string> SpeakingFloor::give(const std::string& session, const FloorPerson& person,
                                        double now) {
    StoredFloor& f = edit(session);
    if (auto it = findPerson(f.queue, person.key); it != f.queue.end()) f.queue.erase(it);
    startTurn(f, person, now);
    if (Status s = save(f); !s) return s.error();
    return person.name + " has the floor";
}

Result<std::string> SpeakingFloor::remove(const std::string& session, const std::string& key) {
    StoredFloor& f = edit(session);
    auto it = findPerson(f.queue, key);
    if (it == f.queue.end()) return makeError("floor: not on the speaking list");
    const std::string name = it->name;
    f.queue.erase(it);
    if (Status s = save(f); !s) return s.error();
    return name + " taken off the list";
}

Result<std::string> SpeakingFloor::move(const std::string& session, const std::string& key,
                                        int delta) {
    StoredFloor& f = edit(session);
    auto it = findPerson(f.queue, key);
    if (it == f.queue.end()) return makeError("floor: not on the speaking list");
    const std::ptrdiff_t at = it - f.queue.begin(), to = at + delta;
    if (to < 0 || to >= std::ptrdiff_t(f.queue.size()))
        return makeError(fmt::format("floor: {} is {} of the list already", it->name,
                                     delta < 0 ? "at the top" : "at the end"));
    std::swap(f.queue[std::size_t(at)], f.queue[std::size_t(to)]);
    if (Status s = save(f); !s) return s.error();
    return fmt::format("{} is number {}", f.queue[std::size_t(to)].name, to + 1);
}

Result<std::string> SpeakingFloor::setSeconds(const std::string& session, std::uint32_t seconds) {
    if (seconds < 1 || seconds > expo::proto::kMaxTurnSeconds)
        return makeError(fmt::format("floor: {} s per intervention is out of range (1 to {})",
                                     seconds, expo::proto::kMaxTurnSeconds));
    StoredFloor& f = edit(session);
    f.secondsPerTurn = seconds;
    if (Status s = save(f); !s) return s.error();
    return fmt::format("{} s per intervention from the next speaker", seconds);
}

Result<std::string> SpeakingFloor::addTime(const std::string& session, std::uint32_t seconds) {
    StoredFloor& f = edit(session);
    if (!f.speaking) return makeError("floor: nobody has the floor");
    if (seconds < 1 || seconds > expo::proto::kMaxTurnSeconds)
        return makeError(
            fmt::format("floor: cannot add {} s (1 to {})", seconds, expo::proto::kMaxTurnSeconds));
    f.turnEndsMs += std::int64_t(seconds) * 1000;
    if (Status s = save(f); !s) return s.error();
    return fmt::format("{} s more for {}", seconds, f.current.name);
}

Result<std::string> SpeakingFloor::stop(const std::string& session) {
    StoredFloor& f = edit(session);
    if (!f.speaking) return makeError("floor: nobody has the floor");
    f.speaking = false;
    if (Status s = save(f); !s) return s.error();
    return f.current.name + "'s intervention ended";
}

Result<std::string> SpeakingFloor::clear(const std::string& session) {
    StoredFloor& f = edit(session);
    f.speaking = false;
    f.queue.clear();
    if (Status s = save(f); !s) return s.error();
    return std::string("speaking list cleared");
}

std::vector<std::string> SpeakingFloor::tick(double now) {
    std::vector<std::string> over;
    const std::int64_t nowMs = toMs(now);
    for (auto& [session, f] : m_lists) {
        if (!f.speaking || f.overtimeCounted || nowMs < f.turnEndsMs) continue;
        f.overtimeCounted = true; // counted once, however long it runs over
        ++f.overtimes;
        if (Status s = save(f); !s) // the next change writes it again; the count is in memory
            log::error("server: {}", s.error().message);
        over.push_back(session);
    }
    return over;
}

} // namespace fg::server
