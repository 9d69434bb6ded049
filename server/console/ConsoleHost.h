// What the organiser console needs from the live server; ServerApp (engineer NET) implements it.
// Plain data and a pure-virtual interface only: no networking, no store, no console parsing here.
#pragma once

#include "engine/core/Result.h"
#include "server/store/Role.h"

#include <cstdint>
#include <glm/vec2.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace fg::expo {
struct Exhibition;
}

namespace fg::console {

// One connected person as the server sees them right now.
struct VisitorInfo {
    std::uint32_t id = 0; // connection id, unique while connected
    std::string name;     // display name from the handshake
    store::Role role = store::Role::Visitor;
    std::string exhibitorId;  // set when role is Exhibitor
    std::string country;      // ISO 3166-1 alpha-2, may be empty
    std::string hall;         // hall id the avatar is in
    std::string nearBooth;    // booth id whose visit zone the avatar is in, empty when none
    glm::vec2 position{0.0f}; // hall coordinates (x, z)
    std::string address;      // remote IP as text, for bans by address
    std::string clientKey;    // stable per-install key from the handshake, may be empty
    std::string personKey;    // verified credential or ticket ("ticket:12"); empty: a guest
    bool muted = false;
};

// One hall's live state.
struct HallStatus {
    std::string id;
    std::string name;
    bool open = true;
    std::uint32_t visitors = 0;
};

// One figure a server module adds to `status` (KEY in --json, LABEL in the text).
struct StatusFigure {
    std::string key;
    std::string label;
    double value = 0;
};

// Server-wide figures for `status`.
struct ServerStats {
    double uptimeSeconds = 0;
    double tickP50Ms = 0; // tick duration percentiles over a recent window
    double tickP99Ms = 0;
    double bytesInPerSecond = 0;
    double bytesOutPerSecond = 0;
    std::uint32_t tickRateHz = 0;
    std::uint32_t connections = 0;
    std::uint32_t netThreads = 0;      // 0: ENet runs on the tick thread (its time is in the tick)
    double netThreadCpuPercent = 0;    // all network threads over the last second, % of one core
    std::vector<StatusFigure> figures; // from the server's modules, in module order
    std::string keyFingerprint;        // the server key clients pin (empty: unencrypted)
};

// Implemented by the running server. Every call happens on the server's own thread (the console
// is pumped from the tick), so implementations need no locking. Failures caused by the
// arguments (unknown id, closed hall, bad exhibition) return an Error a person can read.
class ConsoleHost {
public:
    virtual ~ConsoleHost() = default;

    virtual ServerStats stats() const = 0;
    virtual std::vector<HallStatus> halls() const = 0;
    virtual std::vector<VisitorInfo> visitors() const = 0;
    // The exhibition currently served (booth ids, exhibitors, halls for lookups and completion).
    virtual const expo::Exhibition& exhibition() const = 0;

    // Disconnects one visitor, showing them REASON.
    virtual Status kick(std::uint32_t visitorId, std::string_view reason) = 0;
    // Disconnects a visitor because a ban now matches them (the ban is already in the store).
    virtual Status disconnectBanned(std::uint32_t visitorId, std::string_view reason) = 0;
    // Cluster mode: disconnects NAME wherever another process has them connected (the ban is
    // already in this process's store). A single process has nobody elsewhere.
    virtual void banElsewhere(std::string_view /*name*/, std::string_view /*reason*/) {}
    // Tells the live session its mute changed (the mute itself is already in the store).
    virtual Status setMuted(std::uint32_t visitorId, bool muted) = 0;
    // Sends TEXT to everyone in HALL, or to everyone when hallId is empty.
    virtual Status announce(std::string_view hallId, std::string_view text) = 0;
    // A closed hall admits nobody new; visitors inside are moved to an open hall or stay (NET).
    virtual Status setHallOpen(std::string_view hallId, bool open) = 0;
    // Flushes batched analytics and checkpoints the database now.
    virtual Status requestSave() = 0;
    // Re-reads the exhibition file, validates it completely and swaps it in only when valid;
    // a rejected reload changes nothing and returns every problem. On success: a summary line.
    virtual Result<std::string> reloadExhibition() = 0;
    // Announces the shutdown, then stops after SECONDS (0 = now) with a final save.
    virtual Status shutdown(std::uint32_t seconds) = 0;
};

} // namespace fg::console
