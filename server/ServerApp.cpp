// ServerApp lifecycle, network event dispatch, handshake, presence input and the fixed tick.
// Must not block the tick on anything but the store's synchronous writes of user-visible data.
#include "server/ServerApp.h"

#include "engine/core/File.h"
#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "game/expo/ExhibitionJson.h"
#include "server/content/ContentService.h"
#include "server/interactions/Interactions.h"
#include "server/presence/ClientSnapshot.h"
#include "server/store/Role.h"
#include "server/store/Store.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

Result<std::unique_ptr<expo::Exhibition>> loadValidExhibition(const std::filesystem::path& path) {
    expo::LoadReport report = expo::loadExhibition(path);
    if (report.ok()) return std::make_unique<expo::Exhibition>(std::move(*report.exhibition));
    std::string text = fmt::format("{}: {} problem(s)", path.string(), report.problems.size());
    for (const auto& p : report.problems)
        text += "\n" + p.toString();
    if (report.problems.empty()) text += "\nnot a usable exhibition";
    return makeError(text);
}

namespace {

// Names: 2-32 bytes, printable, no leading/trailing space, no control characters.
bool validName(const std::string& name) {
    if (name.size() < 2 || name.size() > kMaxNameLength) return false;
    if (name.front() == ' ' || name.back() == ' ') return false;
    return std::none_of(name.begin(), name.end(),
                        [](char c) { return std::uint8_t(c) < 0x20 || c == 0x7f; });
}

// Names are unique regardless of ASCII case; compared in place because every Hello checks
// every joined visitor (no allocation per pair).
bool sameNameIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(std::uint8_t(x)) == std::tolower(std::uint8_t(y));
           });
}

} // namespace

Result<std::unique_ptr<ServerApp>> ServerApp::create(ServerConfig config) {
    auto exhibition = loadValidExhibition(config.exhibitionPath);
    if (!exhibition) return exhibition.error();
    std::unique_ptr<ServerApp> app(new ServerApp());
    app->m_exhibition = std::move(*exhibition);
    auto store = store::Store::open(config.dataDir);
    if (!store) return store.error();
    app->m_store = std::move(*store);
    auto json = readFileText(config.exhibitionPath);
    if (!json) return json.error();
    if (auto imported =
            app->m_store->importExhibitionIfEmpty(*json, config.exhibitionPath.string());
        !imported)
        return imported.error();
    if (auto current = app->m_store->currentExhibition(); current && *current)
        app->m_revision = std::uint64_t((*current)->revision);

    config.tickRate = std::clamp<std::uint32_t>(config.tickRate, 1, kMaxTickRate);
    config.maxVisitors = std::clamp<std::uint32_t>(config.maxVisitors, 1, kMaxClientId);
    net::HostConfig host;
    host.bindAddress = config.bindAddress;
    host.port = config.port;
    // Spare slots so that rejected peers still saying goodbye do not block new handshakes, and
    // a full server can still answer "full" instead of staying silent.
    host.peerLimit = std::min<std::size_t>(net::kEnetMaxPeers, config.maxVisitors + 32);
    if (const char* threads = std::getenv("FG_NET_THREADS"); threads && *threads)
        config.netThreads = std::uint32_t(std::clamp(std::atoi(threads), 0, 16));
    host.threads = config.netThreads;
    auto listening = net::NetHost::listen(host);
    if (!listening) return listening.error();
    app->m_host = std::move(*listening);
    app->m_sessions.resize(app->m_host->peerCapacity()); // PeerIds index the sessions
    app->m_world = std::make_unique<presence::PresenceWorld>(*app->m_exhibition, config.presence);
    app->m_interactions =
        std::make_unique<interact::Interactions>(*app->m_store, *app->m_exhibition);
    app->m_config = std::move(config);
    if (Status st = app->startContent(); !st) return st.error();
    if (Status st = app->startPublish(); !st) return st.error();
    app->m_startTime = monotonicSeconds();
    app->m_nextTick = app->m_startTime;
    app->m_lastRateTime = app->m_startTime;
    log::info("server: '{}' revision {} on port {}, {} Hz, up to {} visitors, {} network threads",
              app->m_exhibition->event.name, app->m_revision, app->port(), app->m_config.tickRate,
              app->m_config.maxVisitors, app->m_config.netThreads);
    return app;
}

ServerApp::~ServerApp() {
    if (m_host) {
        for (auto& s : m_sessions)
            if (s.id != 0) m_host->disconnect(s.id - 1u, 0, true);
        m_host->flush();
    }
    if (m_store) (void)m_store->flush();
}

std::uint16_t ServerApp::port() const {
    return m_host->port();
}

bool ServerApp::stopping() const {
    return m_stopAt >= 0 && monotonicSeconds() >= m_stopAt;
}

void ServerApp::run() {
    while (!stopping())
        step(50);
    (void)requestSave();
}

void ServerApp::step(std::uint32_t maxWaitMs) {
    double now = monotonicSeconds();
    double wait = std::clamp(m_nextTick - now, 0.0, double(maxWaitMs) / 1000.0);
    if (m_host->service(m_netEvent, std::uint32_t(wait * 1000.0))) handleEvent(m_netEvent);
    // Drain everything already queued without waiting.
    while (m_host->service(m_netEvent, 0))
        handleEvent(m_netEvent);
    pumpContent(/*newTick=*/false);
    now = monotonicSeconds();
    if (now >= m_nextTick) {
        tick();
        m_nextTick += 1.0 / m_config.tickRate;
        if (m_nextTick < now) m_nextTick = now; // fell behind: do not burst
    }
}

Session* ServerApp::session(std::uint32_t id) {
    if (id == 0 || id > m_sessions.size() || m_sessions[id - 1].id != id) return nullptr;
    return &m_sessions[id - 1];
}

void ServerApp::handleEvent(net::NetEvent& event) {
    if (event.peer >= m_sessions.size()) return;
    Session& s = m_sessions[event.peer];
    switch (event.type) {
    case net::NetEventType::Connect:
        s = Session{};
        s.id = std::uint16_t(event.peer + 1);
        s.connectedAt = monotonicSeconds();
        s.address = m_host->peerAddress(event.peer);
        break;
    case net::NetEventType::Disconnect:
        if (s.id != 0) onDisconnect(s, LeaveReason::Left);
        s = Session{};
        break;
    case net::NetEventType::Receive:
        if (s.id != 0) handlePacket(s, event.payload);
        break;
    }
}

void ServerApp::fault(Session& s, std::string_view what) {
    ++s.badPackets;
    log::debug("server: client {} sent bad data: {}", s.id, what);
    if (s.badPackets > m_config.maxBadPackets)
        reject(s, RejectReason::BadData, "too many malformed or unexpected messages");
}

void ServerApp::handlePacket(Session& s, std::span<const std::uint8_t> bytes) {
    auto decoded = decode(bytes);
    if (!decoded) return fault(s, decoded.error().message);
    Message& m = *decoded;
    if (auto* hello = std::get_if<Hello>(&m)) {
        if (s.joined) return fault(s, "second Hello");
        return handleHello(s, *hello);
    }
    if (!s.joined) return fault(s, "message before Hello");
    if (auto* in = std::get_if<Input>(&m)) return handleInput(s, *in);
    if (auto* tp = std::get_if<Teleport>(&m)) return handleTeleport(s, *tp);
    if (auto* cc = std::get_if<ConsoleCommand>(&m)) return handleConsole(s, *cc);
    if (handleBoothFetchMessage(s, m)) return; // before content: guards bundles by owner
    if (auto* cr = std::get_if<ContentRequest>(&m)) return handleContentRequest(s, *cr);
    if (handlePublishMessage(s, m)) return;
    if (handleExhibitorMessage(s, m)) return;
    handleInteraction(s, m);
}

bool ServerApp::send(const Session& s, Message message) {
    const std::uint8_t channel = channelOf(message);
    auto packet = encode(std::move(message));
    if (!packet) {
        log::error("server: {}", packet.error().message);
        return false;
    }
    return m_host->send(s.id - 1u, channel, *packet);
}

void ServerApp::reject(Session& s, RejectReason reason, std::string text) {
    log::info("server: client {} ('{}') removed: {}: {}", s.id, s.name, toString(reason), text);
    send(s, Reject{reason, std::move(text)});
    m_host->disconnect(s.id - 1u, std::uint32_t(reason));
    LeaveReason why = reason == RejectReason::Kicked || reason == RejectReason::Banned
                          ? LeaveReason::Kicked
                          : LeaveReason::Left;
    if (s.joined) onDisconnect(s, why);
    s.joined = false; // the Disconnect event clears the slot
}

void ServerApp::onDisconnect(Session& s, LeaveReason reason) {
    if (!s.joined) return;
    dropContent(s);
    dropUpload(s);
    m_world->remove(s.id);
    m_interactions->removeActor(s.id, monotonicSeconds());
    for (auto& other : m_sessions)
        if (other.joined && other.id != s.id && other.introduced.test(s.id)) {
            other.introduced.reset(s.id);
            send(other, Leave{s.id, reason});
        }
    s.joined = false;
    log::info("server: {} ('{}') left", s.id, s.name);
}

void ServerApp::handleHello(Session& s, Hello& hello) {
    if (hello.version != kProtocolVersion)
        return reject(
            s, RejectReason::VersionMismatch,
            fmt::format("server speaks protocol {}, client {}", kProtocolVersion, hello.version));
    if (!validName(hello.name))
        return reject(s, RejectReason::InvalidName,
                      "names are 2-32 characters, printable, without leading or trailing spaces");
    std::size_t joined = 0;
    for (const auto& other : m_sessions) {
        if (!other.joined) continue;
        ++joined;
        if (sameNameIgnoringCase(other.name, hello.name))
            return reject(s, RejectReason::NameTaken,
                          fmt::format("the name '{}' is already in use", hello.name));
    }
    if (joined >= m_config.maxVisitors)
        return reject(s, RejectReason::Full, "the event is full, try again later");
    auto ban = m_store->findActiveBan(hello.name, s.address, hello.clientKey, unixNow());
    if (ban && *ban) return reject(s, RejectReason::Banned, "banned: " + (*ban)->reason);
    s.role = hello.role;
    if (hello.role != Role::Visitor || m_config.visitorsNeedTicket || !hello.credential.empty()) {
        auto cred = m_store->verifyToken(hello.credential);
        if (!cred)
            return reject(s, RejectReason::BadCredentials, "the ticket or token is not valid");
        if (cred->role != hello.role)
            return reject(
                s, RejectReason::BadCredentials,
                fmt::format("this token is for the {} role", store::roleName(cred->role)));
        s.exhibitorId = cred->exhibitorId;
    }
    std::uint32_t hall = 0;
    while (hall < m_world->hallCount() && !m_world->hallOpen(hall))
        ++hall;
    if (hall == m_world->hallCount())
        return reject(s, RejectReason::HallClosed, "every hall is closed right now");
    s.name = hello.name;
    s.look = hello.look;
    s.country = hello.country;
    s.clientKey = hello.clientKey;
    auto muted = m_store->isMuted(s.name, s.clientKey);
    s.muted = muted && *muted;
    s.joined = true;
    m_world->add(s.id, hall, monotonicSeconds());
    AvatarState me = m_world->quantized(s.id);
    send(s, Welcome{s.id, s.role, std::int64_t(unixNow()) * 1000, m_revision, m_config.tickRate,
                    hall, me.x, me.z, me.heading, s.exhibitorId});
    s.introduced.set(s.id);
    send(s, Join{s.id, s.name, s.look, s.country, s.role});
    sendStaffPresence(s);
    sendPublishedBooths(s);
    log::info("server: {} joined as '{}' ({}) from {}", s.id, s.name, toString(s.role), s.address);
}

void ServerApp::handleInput(Session& s, const Input& in) {
    // Unreliable sequenced channel: ENet already drops older ones, but a client may lie.
    if (in.sequence <= s.lastInput && s.lastInput != 0) return;
    s.lastInput = in.sequence;
    if (in.ackTick > s.ackTick && in.ackTick <= m_tick) s.ackTick = in.ackTick;
    auto verdict = m_world->applyInput(s.id, in, monotonicSeconds());
    if (verdict == presence::MoveVerdict::Accepted) return;
    ++s.corrections;
    log::debug("server: input {} of {} refused: {}", in.sequence, s.id,
               presence::toString(verdict));
    sendCorrection(s, in.sequence);
}

void ServerApp::sendCorrection(Session& s, std::uint32_t sequence) {
    AvatarState me = m_world->quantized(s.id);
    send(s, Correction{sequence, m_world->find(s.id)->hall, me.x, me.z, me.heading});
}

void ServerApp::handleTeleport(Session& s, const Teleport& tp) {
    auto moved = m_world->teleport(s.id, tp.kind, tp.hall, tp.targetId, monotonicSeconds());
    if (!moved) send(s, ActionResult{0, false, 0, moved.error().message});
    sendCorrection(s, s.lastInput);
}

void ServerApp::tick() {
    double start = monotonicSeconds();
    ++m_tick;
    m_world->beginTick(m_tick);
    sendSnapshots();
    if (m_tick % 5 == 0) updateVisits(); // 4 Hz at 20 Hz is plenty for dwell statistics
    if (m_tick % m_config.tickRate == 0) updateStaffPresence();
    if (m_tickHook) m_tickHook();
    (void)m_store->flushIfDue();
    pumpContent(/*newTick=*/true);
    pumpPublish();
    m_host->flush();
    recordTickTime(monotonicSeconds() - start);
}

void ServerApp::sendSnapshots() {
    for (auto& s : m_sessions) {
        if (!s.joined) continue;
        Status built =
            presence::buildSnapshot(*m_world, s, m_tick, m_viewScratch, m_snapshotPacket);
        for (std::uint16_t id : m_viewScratch) {
            if (s.introduced.test(id)) continue;
            const Session& other = m_sessions[id - 1u];
            send(s, Join{other.id, other.name, other.look, other.country, other.role});
            s.introduced.set(id);
        }
        if (!built) {
            log::error("server: snapshot for {}: {}", s.id, built.error().message);
            continue;
        }
        m_host->send(s.id - 1u, net::kChannelPresence, m_snapshotPacket);
    }
}

void ServerApp::recordTickTime(double seconds) {
    m_tickTimes.push_back(seconds);
    if (m_tickTimes.size() > 1200) m_tickTimes.pop_front();
    double now = monotonicSeconds();
    if (now - m_lastRateTime >= 1.0) {
        net::HostStats h = m_host->stats();
        double dt = now - m_lastRateTime;
        m_bytesInPerSecond = double(h.bytesReceived - m_lastHostStats.bytesReceived) / dt;
        m_bytesOutPerSecond = double(h.bytesSent - m_lastHostStats.bytesSent) / dt;
        m_netCpuPercent =
            (h.netThreadCpuSeconds - m_lastHostStats.netThreadCpuSeconds) / dt * 100.0;
        m_lastHostStats = h;
        m_lastRateTime = now;
    }
}

std::uint32_t ServerApp::hallIndex(std::string_view hallId) const {
    for (std::uint32_t h = 0; h < m_exhibition->halls.size(); ++h)
        if (m_exhibition->halls[h].id == hallId) return h;
    return std::uint32_t(m_exhibition->halls.size());
}

} // namespace fg::server
