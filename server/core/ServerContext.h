// What a server module may use: send to a session, reply ActionResult, the sessions, the
// presence world, the exhibition, the store, the publish service, the bus, config and fault().
// Must not expose ServerApp or the ENet host: a module reaches the server only through here.
#pragma once

#include "engine/net/NetHost.h"
#include "game/expo/Exhibition.h"
#include "game/expo/protocol/Messages.h"
#include "server/core/Bus.h"
#include "server/core/ServerConfig.h"
#include "server/interactions/Actor.h"
#include "server/presence/PresenceWorld.h"
#include "server/presence/Session.h"

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace fg::store {
class Store;
}
namespace fg::publish {
class PublishService;
}

namespace fg::server {

namespace proto = expo::proto;

// A move an avatar is about to make (an Input, or where a Teleport landed): from FROM in hall
// FROMHALL to TO in hall TOHALL.
struct AvatarMove {
    std::uint32_t fromHall = 0;
    glm::vec2 from{0.0f};
    std::uint32_t toHall = 0;
    glm::vec2 to{0.0f};
};
// Asked by presence before a move is accepted: a non-empty answer refuses it with that reason (the
// guard may tell the person why itself). Slices that close an area add one (registration:
// a venue whose session requires it). Runs on every Input: keep it cheap.
using EntryGuard = std::function<std::string(const presence::Session&, const AvatarMove&)>;

// The server's core state, owned by ServerApp (which replaces the exhibition and world on
// reload: modules read them through ServerContext each time, never keep references).
struct ServerState {
    ServerConfig config;
    std::unique_ptr<expo::Exhibition> exhibition;
    std::uint64_t revision = 0;
    std::unique_ptr<store::Store> store;
    std::unique_ptr<net::NetHost> host;
    std::unique_ptr<presence::PresenceWorld> world;
    std::vector<presence::Session> sessions; // by ENet peer slot
    std::unique_ptr<publish::PublishService> publish;
    std::unique_ptr<Bus> bus;
    std::uint32_t tick = 0;
    std::vector<EntryGuard> entryGuards;
};

// TEXT cut to at most MAX bytes (a reason or note field of a message).
inline std::string bounded(std::string text, std::size_t max) {
    if (text.size() > max) text.resize(max);
    return text;
}

class ServerContext {
public:
    using Session = presence::Session;
    // Removes a peer with a reason it can read (ServerApp::reject: Leave to others, onLeave).
    using RejectFn = std::function<void(Session&, proto::RejectReason, std::string)>;

    ServerContext(ServerState& state, RejectFn reject)
        : m_state(state), m_reject(std::move(reject)) {}

    bool send(const Session& s, proto::Message message);
    // An already encoded packet (snapshots, broadcasts): no copy, no encode per recipient.
    bool sendPacket(const Session& s, std::uint8_t channel, std::span<const std::uint8_t> bytes);
    // ActionResult for REQUESTID: ok with VALUE and TEXT, or STATUS's error (bounded).
    void reply(const Session& s, std::uint32_t requestId, const Status& status,
               std::uint32_t value = 0, std::string text = {});
    // Counts a bad or unexpected message against S; past maxBadPackets S is disconnected.
    void fault(Session& s, std::string_view what);
    void reject(Session& s, proto::RejectReason reason, std::string text);
    // Bytes waiting in ENet for S on CHANNEL (flow control of bulk transfers).
    std::size_t queuedBytes(const Session& s, std::uint8_t channel) const;

    // The joined (or connecting) session with wire id ID, else null.
    Session* session(std::uint32_t id);
    std::vector<Session>& sessions() { return m_state.sessions; }
    const std::vector<Session>& sessions() const { return m_state.sessions; }
    interact::Actor actor(const Session& s) const;

    presence::PresenceWorld& world() { return *m_state.world; }
    expo::Exhibition& exhibition() { return *m_state.exhibition; }
    std::uint64_t revision() const { return m_state.revision; }
    void setRevision(std::uint64_t revision) { m_state.revision = revision; }
    store::Store& store() { return *m_state.store; }
    publish::PublishService& publisher() { return *m_state.publish; }
    Bus& bus() { return *m_state.bus; }
    const ServerConfig& config() const { return m_state.config; }
    std::uint32_t tick() const { return m_state.tick; }
    void addEntryGuard(EntryGuard guard) { m_state.entryGuards.push_back(std::move(guard)); }
    // The first guard's refusal of MOVE by S, or empty when every guard lets it through.
    std::string entryRefusal(const Session& s, const AvatarMove& move) const {
        for (const EntryGuard& guard : m_state.entryGuards)
            if (std::string why = guard(s, move); !why.empty()) return why;
        return {};
    }
    // Hall index of HALLID, or the hall count when there is none.
    std::uint32_t hallIndex(std::string_view hallId) const;

private:
    ServerState& m_state;
    RejectFn m_reject;
};

} // namespace fg::server
