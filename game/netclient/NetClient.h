// Client side of the Fairground protocol for the visitor app and the bot: connect, handshake,
// send movement inputs, receive delta snapshots, interpolate remote avatars ~100 ms in the past,
// interaction calls and connection statistics. No rendering and no ENet types here.
#pragma once

#include "engine/core/Result.h"
#include "engine/net/NetHost.h"
#include "game/expo/protocol/MessageCodec.h"
#include "game/expo/protocol/SnapshotCodec.h"

#include <array>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <glm/vec2.hpp>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace fg::netclient {

namespace proto = fg::expo::proto;

struct ClientConfig {
    std::string host = "127.0.0.1";
    std::uint16_t port = 7777;
    proto::Hello hello;
    double interpolationDelay = 0.1; // seconds remote avatars are shown in the past
    std::uint32_t timeoutMs = 5000;  // ENet peer timeout
    // The server key fingerprint this connection must meet (from an invitation code); empty:
    // the one pinned in pinsFile for host:port, or on first use whatever key the server proves.
    std::string serverKey;
    // known_servers.json; empty: no pins kept (bots, tests). See ServerPins.h.
    std::filesystem::path pinsFile;
    net::Security security = net::Security::Encrypted; // Plain: benchmarks' "before" only
};

// Sets config's credential and server key from an invitation code ("TOKEN@KEY" or "TOKEN").
Status applyInvitation(ClientConfig& config, std::string_view code);

enum class ClientState : std::uint8_t { Connecting, Joined, Rejected, Disconnected };
const char* toString(ClientState state);

// What the client knows about another person (from Join) and where it shows them.
struct RemoteAvatar {
    std::uint16_t id = 0;
    glm::vec2 position{0.0f}; // hall coordinates
    float heading = 0;
    proto::Anim anim = proto::Anim::Idle;
    const proto::Join* info = nullptr; // nullptr until the Join arrives
};

struct ClientStats {
    std::uint32_t rttMs = 0;
    float packetLoss = 0;
    std::uint64_t bytesUp = 0; // UDP payload bytes sent (ENet headers included)
    std::uint64_t bytesDown = 0;
    std::uint64_t snapshots = 0; // snapshots applied
    std::uint64_t snapshotBytes = 0;
    std::uint64_t corrections = 0;
    std::uint64_t badPackets = 0; // undecodable or inconsistent messages from the server
};

class NetClient {
public:
    // Starts connecting; the Hello goes out as soon as ENet connects.
    static Result<std::unique_ptr<NetClient>> connect(ClientConfig config);
    ~NetClient();

    // Services the connection (waiting up to waitMs for traffic) and handles what arrived.
    void update(std::uint32_t waitMs = 0);
    ClientState state() const { return m_state; }
    const proto::Welcome& welcome() const { return m_welcome; }
    const proto::Reject& rejection() const { return m_reject; }
    std::uint16_t id() const { return m_welcome.clientId; }
    // The fingerprint of the key the server proved it holds (empty before that).
    const std::string& serverKey() const { return m_serverKey; }
    // A warning for the person when this connection pinned a key: on first use, or a changed key
    // taken from an invitation. Empty otherwise. A refused key ends in Rejected, with both keys.
    const std::string& keyNotice() const { return m_keyNotice; }
    bool keyRefused() const { return m_keyRefused; }

    // Own avatar: the position the client last sent or the server last corrected to.
    glm::vec2 selfPosition() const { return m_self; }
    std::uint32_t hall() const { return m_hall; }
    void sendInput(glm::vec2 position, float heading, proto::Anim anim);

    // Requests; each returns its requestId (answered by an ActionResult in the inbox).
    void teleport(proto::TeleportKind kind, std::uint32_t hall, const std::string& targetId);
    std::uint32_t chat(proto::ChatScope scope, const std::string& boothId, std::uint16_t recipient,
                       const std::string& text);
    std::uint32_t like(const std::string& boothId);
    std::uint32_t openItem(const std::string& boothId, proto::ItemKind kind, std::uint32_t index);
    std::uint32_t dropCard(proto::DropCard card); // requestId is filled in
    // Any request message (it has a requestId; moderation, meetings, staff records): fills the id
    // in and sends it; 0 when not sent.
    template <class M>
    std::uint32_t request(M message) {
        message.requestId = m_nextRequest++;
        return send(message) ? message.requestId : 0;
    }
    std::uint32_t setStaffOnDuty(const std::string& boothId, bool onDuty);
    std::uint32_t console(const std::string& line);
    // A room's stored lines (the chat-history slice); REQUEST's requestId is filled in.
    std::uint32_t chatHistory(proto::ChatHistoryRequest request);
    // Sends any message as is (tests use it to misbehave on purpose).
    bool sendRaw(const proto::Message& message);
    bool sendBytes(std::uint8_t channel, std::span<const std::uint8_t> bytes);

    // ContentChunk / ContentError messages go to HANDLER (ContentFetcher) instead of the inbox
    // while one is set; an empty function restores the inbox. This is the protocol layer's bulk
    // stream, not an app message: the app's messages all go through the inbox to its router.
    void setContentHandler(std::function<void(proto::Message&)> handler) {
        m_contentHandler = std::move(handler);
    }
    bool hasContentHandler() const { return bool(m_contentHandler); }
    // Non-presence messages received since the last call, in arrival order (the visitor app hands
    // them to its ClientRouter: the one place it handles server messages).
    std::vector<proto::Message> takeInbox();
    // The newest snapshot's avatars (quantized, exact as the server sent them).
    const proto::AvatarList& latestView() const { return m_latestView; }
    std::uint32_t latestTick() const { return m_latestTick; }
    // Remote avatars as they should be drawn at local time `now` (monotonic seconds).
    std::vector<RemoteAvatar> interpolated(double now) const;
    const proto::Join* person(std::uint16_t id) const;

    ClientStats stats() const;
    void disconnect();
    // Sends what is queued now without reading (a crowd of bots sends its inputs this way and
    // services only the connections NetPoll reports readable).
    void flush();
    const net::NetHost& host() const { return *m_host; }

private:
    NetClient() = default;
    void handle(std::span<const std::uint8_t> bytes);
    void onConnected();
    bool checkServerKey();
    void refuse(std::string text);
    bool consumedByProtocol(proto::Message& message);
    void onSnapshot(const proto::Snapshot& snapshot);
    bool send(const proto::Message& message);

    struct Received {
        std::uint32_t tick = 0;
        double time = 0; // local arrival, corrected to the server's tick clock
        proto::AvatarList view;
    };

    ClientConfig m_config;
    std::unique_ptr<net::NetHost> m_host;
    std::uint32_t m_peer = 0;
    ClientState m_state = ClientState::Connecting;
    proto::Welcome m_welcome;
    proto::Reject m_reject;
    std::string m_serverKey, m_keyNotice;
    bool m_keyRefused = false;
    glm::vec2 m_self{0.0f};
    std::uint32_t m_hall = 0;
    std::uint32_t m_inputSequence = 0;
    std::uint32_t m_nextRequest = 1;
    std::vector<proto::Message> m_inbox;
    std::function<void(proto::Message&)> m_contentHandler;
    std::unordered_map<std::uint16_t, proto::Join> m_people;

    static constexpr std::size_t kHistory = 32;
    std::array<std::uint32_t, kHistory> m_viewTicks{};
    std::array<proto::AvatarList, kHistory> m_views;
    proto::AvatarList m_latestView;
    std::uint32_t m_latestTick = 0;
    std::deque<Received> m_timeline; // for interpolation, oldest first
    double m_clockOffset = 0;        // local time - tick time, smallest seen
    bool m_haveClock = false;
    std::uint64_t m_snapshots = 0, m_snapshotBytes = 0, m_corrections = 0, m_badPackets = 0;
};

} // namespace fg::netclient
