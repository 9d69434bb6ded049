// NetClient: connection state machine, message handling, snapshot history for delta decoding
// and the interpolation timeline. Must not block: update() waits only as long as asked.
#include "game/netclient/NetClient.h"

#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "engine/net/NetHost.h"
#include "game/netclient/ServerPins.h"

#include <algorithm>
#include <fmt/format.h>
#include <glm/common.hpp>

namespace fg::netclient {

using namespace fg::expo::proto;

const char* toString(ClientState state) {
    switch (state) {
    case ClientState::Connecting:
        return "connecting";
    case ClientState::Joined:
        return "joined";
    case ClientState::Rejected:
        return "rejected";
    case ClientState::Disconnected:
        return "disconnected";
    }
    return "unknown";
}

Status applyInvitation(ClientConfig& config, std::string_view code) {
    auto invitation = parseInvitation(code);
    if (!invitation) return invitation.error();
    config.hello.credential = invitation->token;
    config.serverKey = invitation->serverKey;
    return {};
}

Result<std::unique_ptr<NetClient>> NetClient::connect(ClientConfig config) {
    if (config.serverKey.empty() && !config.pinsFile.empty()) {
        auto pins = ServerPins::load(config.pinsFile);
        if (!pins) return pins.error();
        config.serverKey = pins->pinned(fmt::format("{}:{}", config.host, config.port));
    }
    net::HostConfig hc;
    hc.security = config.security;
    hc.peerLimit = 1;
    hc.timeoutMinMs = std::min<std::uint32_t>(config.timeoutMs, 5000);
    hc.timeoutMaxMs = config.timeoutMs;
    auto host = net::NetHost::client(hc);
    if (!host) return host.error();
    auto peer = (*host)->connect(config.host, config.port);
    if (!peer) return peer.error();
    std::unique_ptr<NetClient> client(new NetClient());
    client->m_host = std::move(*host);
    client->m_peer = *peer;
    client->m_config = std::move(config);
    return client;
}

NetClient::~NetClient() {
    if (m_host && (m_state == ClientState::Joined || m_state == ClientState::Connecting)) {
        m_host->disconnect(m_peer, 0, true);
        m_host->flush();
    }
}

void NetClient::disconnect() {
    if (m_state == ClientState::Disconnected) return;
    m_host->disconnect(m_peer, 0, true);
    m_host->flush();
    m_state = ClientState::Disconnected;
}

void NetClient::flush() {
    m_host->flush();
}

void NetClient::update(std::uint32_t waitMs) {
    net::NetEvent event;
    bool first = true;
    while (m_host->service(event, first ? waitMs : 0)) {
        first = false;
        switch (event.type) {
        case net::NetEventType::Connect:
            onConnected();
            break;
        case net::NetEventType::Disconnect:
            if (event.data == net::kDisconnectKeyProof && m_state == ClientState::Connecting)
                refuse(fmt::format("the server at {}:{} did not prove that it holds the key it "
                                   "offered; nothing was sent to it",
                                   m_config.host, m_config.port));
            if (m_state != ClientState::Rejected) m_state = ClientState::Disconnected;
            break;
        case net::NetEventType::Receive:
            handle(event.payload);
            break;
        }
    }
}

// The key exchange is done: the Hello (and its credential) goes out only to the expected key.
void NetClient::onConnected() {
    if (checkServerKey()) send(m_config.hello);
}

bool NetClient::checkServerKey() {
    const auto key = m_host->peerKey(m_peer);
    if (!key) return true; // a plain link (benchmarks)
    m_serverKey = net::fingerprintOf(*key);
    const std::string address = fmt::format("{}:{}", m_config.host, m_config.port);
    const std::string& expected = m_config.serverKey;
    if (!expected.empty() && expected != m_serverKey) {
        refuse(fmt::format(
            "the server at {} does not hold the expected key: expected {}, offered {}. It may be "
            "an impostor, or the server's key was replaced; nothing was sent to it. If the "
            "organiser confirms the new key, sign in with an invitation code that carries it "
            "(TOKEN@{}), or remove {} from {}",
            address, expected, m_serverKey, m_serverKey, address,
            m_config.pinsFile.empty() ? std::string("the pinned keys")
                                      : m_config.pinsFile.string()));
        return false;
    }
    if (m_config.pinsFile.empty()) return true;
    auto pins = ServerPins::load(m_config.pinsFile);
    const std::string pinned = pins ? pins->pinned(address) : std::string();
    if (pins && pinned == m_serverKey) return true;
    if (Status st = pins ? pins->pin(address, m_serverKey) : Status(pins.error()); !st)
        log::error("client: cannot pin the key of {}: {}", address, st.error().message);
    m_keyNotice =
        pinned.empty()
            ? fmt::format("First connection to {}: its key {} is now pinned; this address will be "
                          "refused if its key ever changes. Compare the key with the one the "
                          "organiser gave you.",
                          address, m_serverKey)
            : fmt::format("The key of {} changed from {} to {}, as the invitation code says; the "
                          "new key is now pinned.",
                          address, pinned, m_serverKey);
    log::warn("client: {}", m_keyNotice);
    return true;
}

void NetClient::refuse(std::string text) {
    log::warn("client: {}", text);
    m_reject = Reject{RejectReason::Other, std::move(text)};
    m_state = ClientState::Rejected;
    m_keyRefused = true;
    m_host->disconnect(m_peer, 0, true);
    m_host->flush();
}

bool NetClient::send(const Message& message) {
    auto packet = encode(message);
    if (!packet) {
        log::error("client: {}", packet.error().message);
        return false;
    }
    return m_host->send(m_peer, channelOf(message), *packet);
}

bool NetClient::sendRaw(const Message& message) {
    return send(message);
}

bool NetClient::sendBytes(std::uint8_t channel, std::span<const std::uint8_t> bytes) {
    return m_host->send(m_peer, channel, bytes);
}

void NetClient::handle(std::span<const std::uint8_t> bytes) {
    auto decoded = decode(bytes);
    if (!decoded) {
        ++m_badPackets;
        log::debug("client: {}", decoded.error().message);
        return;
    }
    Message& m = *decoded;
    if (auto* snap = std::get_if<Snapshot>(&m)) {
        m_snapshotBytes += bytes.size();
        return onSnapshot(*snap);
    }
    if (consumedByProtocol(m)) return;
    m_inbox.push_back(std::move(m)); // the app's ClientRouter handles it, once per frame
}

// The protocol layer's own bookkeeping: the session (Welcome, Reject), the own position
// (Correction), who is who (Join, Leave) and the content stream, which ContentFetcher drives also
// before any app loop runs (downloadExhibition). Session messages still reach the inbox so the
// app may react; a content message with a handler set is consumed here (true).
bool NetClient::consumedByProtocol(Message& m) {
    if (auto* w = std::get_if<Welcome>(&m)) {
        m_welcome = *w;
        m_state = ClientState::Joined;
        m_hall = w->hall;
        m_self = {dequantizePosition(w->x), dequantizePosition(w->z)};
    } else if (auto* r = std::get_if<Reject>(&m)) {
        m_reject = *r;
        m_state = ClientState::Rejected;
    } else if (auto* c = std::get_if<Correction>(&m)) {
        ++m_corrections;
        m_hall = c->hall;
        m_self = {dequantizePosition(c->x), dequantizePosition(c->z)};
    } else if (auto* j = std::get_if<Join>(&m)) {
        m_people[j->clientId] = *j;
    } else if (auto* l = std::get_if<Leave>(&m)) {
        m_people.erase(l->clientId);
    } else if (m_contentHandler && (std::holds_alternative<ContentChunk>(m) ||
                                    std::holds_alternative<ContentError>(m))) {
        m_contentHandler(m);
        return true;
    }
    return false;
}

void NetClient::onSnapshot(const Snapshot& snap) {
    if (snap.tick <= m_latestTick) return; // stale (sequenced channel should prevent it)
    const AvatarList* base = nullptr;
    if (snap.baseTick != 0) {
        const std::size_t slot = snap.baseTick % kHistory;
        if (m_viewTicks[slot] != snap.baseTick) {
            ++m_badPackets; // base fell out of history; the next complete one recovers
            return;
        }
        base = &m_views[slot];
    }
    auto view = applySnapshot(base, snap);
    if (!view) {
        ++m_badPackets;
        log::debug("client: {}", view.error().message);
        return;
    }
    ++m_snapshots;
    const std::size_t slot = snap.tick % kHistory;
    m_viewTicks[slot] = snap.tick;
    m_views[slot] = *view;
    m_latestView = std::move(*view);
    m_latestTick = snap.tick;
    m_hall = snap.hall;

    const double now = monotonicSeconds();
    const double tickTime = double(snap.tick) / double(std::max(1u, m_welcome.tickRate));
    if (!m_haveClock || now - tickTime < m_clockOffset) m_clockOffset = now - tickTime;
    m_haveClock = true;
    m_timeline.push_back({snap.tick, tickTime, m_latestView});
    while (m_timeline.size() > 2 && m_timeline.front().time < tickTime - 1.0)
        m_timeline.pop_front();
}

std::vector<RemoteAvatar> NetClient::interpolated(double now) const {
    std::vector<RemoteAvatar> out;
    if (m_timeline.empty()) return out;
    const double render = now - m_clockOffset - m_config.interpolationDelay;
    std::size_t b = 0;
    while (b < m_timeline.size() && m_timeline[b].time < render)
        ++b;
    const Received& later = m_timeline[std::min(b, m_timeline.size() - 1)];
    const Received& earlier = m_timeline[b == 0 ? 0 : std::min(b, m_timeline.size()) - 1];
    double span = later.time - earlier.time;
    float t = span > 0 ? float(std::clamp((render - earlier.time) / span, 0.0, 1.0)) : 1.0f;
    for (const AvatarState& a : later.view) {
        RemoteAvatar r{a.id,
                       {dequantizePosition(a.x), dequantizePosition(a.z)},
                       dequantizeHeading(a.heading),
                       a.anim,
                       person(a.id)};
        auto was =
            std::lower_bound(earlier.view.begin(), earlier.view.end(), a.id,
                             [](const AvatarState& s, std::uint16_t id) { return s.id < id; });
        if (was != earlier.view.end() && was->id == a.id) {
            glm::vec2 from{dequantizePosition(was->x), dequantizePosition(was->z)};
            r.position = glm::mix(from, r.position, t);
        }
        out.push_back(r);
    }
    return out;
}

const Join* NetClient::person(std::uint16_t id) const {
    auto it = m_people.find(id);
    return it == m_people.end() ? nullptr : &it->second;
}

std::vector<Message> NetClient::takeInbox() {
    std::vector<Message> out;
    out.swap(m_inbox);
    return out;
}

ClientStats NetClient::stats() const {
    ClientStats s;
    net::PeerStats p = m_host->peerStats(m_peer);
    net::HostStats h = m_host->stats();
    s.rttMs = p.rttMs;
    s.packetLoss = p.packetLoss;
    s.bytesUp = h.bytesSent;
    s.bytesDown = h.bytesReceived;
    s.snapshots = m_snapshots;
    s.snapshotBytes = m_snapshotBytes;
    s.corrections = m_corrections;
    s.badPackets = m_badPackets;
    return s;
}

} // namespace fg::netclient
