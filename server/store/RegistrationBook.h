// The agenda slice's records: who registered for which session, confirmed or waiting, in the
// store's SQLite file with synchronous=FULL (a person is told they have a place). No rules about
// who may register and no network: the registration module decides those.
#pragma once

#include "engine/core/Result.h"
#include "engine/core/Time.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::store {

class Store;

enum class PlaceStatus : std::uint8_t { Confirmed, Waiting };
const char* placeStatusName(PlaceStatus status); // "confirmed", "waiting"

struct RegistrationRecord {
    std::int64_t id = 0; // order of sign-up: the waiting list is promoted by it
    std::string sessionId;
    std::string personKey; // presence::Session::personKey, or "guest:" + client key
    std::string name;
    PlaceStatus status = PlaceStatus::Confirmed;
    UnixSeconds createdAt = 0;
    std::uint32_t position = 0; // on the waiting list, from 1 (0 when confirmed)
    bool operator==(const RegistrationRecord&) const = default;
};

struct RegistrationCounts {
    std::uint32_t confirmed = 0;
    std::uint32_t waiting = 0;
};

class RegistrationBook {
public:
    // Migrates the slice's table ("registrations") in STORE's database.
    static Result<std::unique_ptr<RegistrationBook>> open(Store& store);

    // Registers PERSON for SESSION: confirmed while fewer than CAPACITY are, else waiting. A
    // person already registered gets their existing record back (one registration per person).
    Result<RegistrationRecord> add(std::string_view sessionId, std::string_view personKey,
                                   std::string_view name, std::uint32_t capacity);
    // Cancels PERSON's registration (an error when there is none), then promotes the earliest
    // waiting ones while places are free; returns the promoted records.
    Result<std::vector<RegistrationRecord>>
    cancel(std::string_view sessionId, std::string_view personKey, std::uint32_t capacity);
    Result<std::optional<RegistrationRecord>> find(std::string_view sessionId,
                                                   std::string_view personKey);
    // SESSION's registrations: confirmed first, then the waiting list, each in sign-up order.
    Result<std::vector<RegistrationRecord>> forSession(std::string_view sessionId);
    Result<std::vector<RegistrationRecord>> forPerson(std::string_view personKey);
    Result<RegistrationCounts> counts(std::string_view sessionId);

private:
    explicit RegistrationBook(Store& store) : m_store(store) {}
    Result<std::vector<RegistrationRecord>> select(std::string_view where, std::string_view a,
                                                   std::string_view b);
    Result<std::uint32_t> positionOf(const RegistrationRecord& r);
    Store& m_store;
};

} // namespace fg::store
