// ServerApp lifecycle, module composition, network events, the handshake and the fixed tick.
// Must not block the tick on anything but the store's synchronous writes of user-visible data.
#include "server/ServerApp.h"

#include "engine/core/File.h"
#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "game/expo/ExhibitionJson.h"
#include "server/awards/AwardsModule.h"
#include "server/boothfetch/BoothFetchModule.h"
#include "server/chat/ChatHistoryModule.h"
#include "server/cluster/ClusterModule.h"
#include "server/cluster/RedisBus.h"
#include "server/console/RemoteConsoleModule.h"
#include "server/content/ContentModule.h"
#include "server/core/BoothAccess.h"
#include "server/core/InProcessBus.h"
#include "server/deckupload/DeckUploadModule.h"
#include "server/interactions/Interactions.h"
#include "server/interactions/InteractionsModule.h"
#include "server/meetings/MeetingsModule.h"
#include "server/moderation/ModerationModule.h"
#include "server/presence/PresenceModule.h"
#include "server/programme/ProgrammeModule.h"
#include "server/publish/PublishModule.h"
#include "server/publish/PublishService.h"
#include "server/qna/QnaModule.h"
#include "server/registration/RegistrationModule.h"
#include "server/roundtable/RoundtableModule.h"
#include "server/staff/StaffModule.h"
#include "server/voice/VoiceModule.h"
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

// Per-address rules at ENet's door, before a connection attempt gets a slot: churn from one
// address (close, reopen, thousands a second) cannot win every slot that frees up. The slot cap
// leaves the guard room above maxPerAddress, so a full address still hears "full" from it.
net::ConnectLimits connectLimitsOf(const HandshakeLimits& h) {
    const std::uint32_t slots = h.maxPerAddress > 0 ? h.maxPerAddress + h.maxPendingPerAddress : 0;
    return {h.connectsPerSecond, h.connectBurst, slots, h.trustLoopback};
}

} // namespace

Result<std::unique_ptr<ServerApp>> ServerApp::create(ServerConfig config) {
    auto exhibition = loadValidExhibition(config.exhibitionPath);
    if (!exhibition) return exhibition.error();
    std::unique_ptr<ServerApp> app(new ServerApp());
    ServerState& st = app->m_state;
    st.exhibition = std::move(*exhibition);
    auto store = store::Store::open(config.dataDir);
    if (!store) return store.error();
    st.store = std::move(*store);
    auto json = readFileText(config.exhibitionPath);
    if (!json) return json.error();
    if (auto imported = st.store->importExhibitionIfEmpty(*json, config.exhibitionPath.string());
        !imported)
        return imported.error();
    auto revision = st.store->liveExhibitionRevision();
    if (!revision) return revision.error();
    st.revision = std::uint64_t(*revision);

    config.tickRate = std::clamp<std::uint32_t>(config.tickRate, 1, kMaxTickRate);
    config.maxVisitors = std::clamp<std::uint32_t>(config.maxVisitors, 1, kMaxClientId);
    net::HostConfig host;
    host.bindAddress = config.bindAddress;
    host.port = config.port;
    // Spare slots so that rejected peers still saying goodbye do not block new handshakes, and
    // a full server can still answer "full" instead of staying silent; pending handshakes have
    // slots of their own (HandshakeGuard keeps them at most maxPending).
    host.peerLimit = std::min<std::size_t>(
        net::kEnetMaxPeers, std::size_t(config.maxVisitors) + config.handshake.maxPending + 32);
    if (const char* threads = std::getenv("FG_NET_THREADS"); threads && *threads)
        config.netThreads = std::uint32_t(std::clamp(std::atoi(threads), 0, 16));
    host.threads = config.netThreads;
    host.connectGate = std::make_shared<net::ConnectGate>(connectLimitsOf(config.handshake));
    app->m_connectGate = host.connectGate;
    auto key = net::loadOrCreateServerKey(config.keyFile.empty() ? config.dataDir / "server.key"
                                                                 : config.keyFile);
    if (!key) return key.error();
    host.serverKey = std::make_shared<const net::ServerKeyPair>(*key);
    host.securityFaultReason = std::uint32_t(RejectReason::BadData);
    if (!config.encrypt) host.security = net::Security::Plain;
    auto listening = net::NetHost::listen(host);
    if (!listening) return listening.error();
    st.host = std::move(*listening);
    st.config = std::move(config);
    if (Status opened = app->open(); !opened) return opened.error();
    log::info("server: '{}' revision {} on port {}, {} Hz, up to {} visitors, {} network threads, "
              "key {}",
              st.exhibition->event.name, st.revision, app->port(), st.config.tickRate,
              st.config.maxVisitors, st.config.netThreads, net::fingerprintOf(key->publicKey));
    return app;
}

// Everything after the store and the host: world, bus, publish service, router and modules.
Status ServerApp::open() {
    ServerState& st = m_state;
    st.sessions.resize(st.host->peerCapacity()); // PeerIds index the sessions
    st.world = std::make_unique<presence::PresenceWorld>(*st.exhibition, st.config.presence);
    if (Status bus = openBus(); !bus) return bus.error();
    m_interactions = std::make_unique<interact::Interactions>(*st.store, *st.exhibition);
    publish::PublishConfig publishConfig;
    publishConfig.dir =
        st.config.publishDir.empty() ? st.config.dataDir / "publish" : st.config.publishDir;
    publishConfig.autoApprove = st.config.autoApprove;
    publishConfig.store = st.store.get(); // the moderation queue's only record
    st.publish = std::make_unique<publish::PublishService>(std::move(publishConfig));
    if (Status opened = st.publish->open(); !opened) return opened.error();
    m_ctx =
        std::make_unique<ServerContext>(st, [this](Session& s, RejectReason r, std::string text) {
            reject(s, r, std::move(text));
        });
    m_router = std::make_unique<ServerRouter>(
        [this](Session& s, std::string_view what) { m_ctx->fault(s, what); },
        [this](const Session& s, const std::string& boothId) {
            return boothAccessRefusal(s, *m_state.exhibition, boothId);
        });
    m_router->setDefaultBudget(st.config.requestBudget);
    m_router->on<Hello>(Permit::beforeJoin(), [this](Session& s, Hello& h) { admit(s, h); });
    m_guard = std::make_unique<HandshakeGuard>(st.config.handshake, st.host->peerCapacity());
    m_console = std::make_unique<console::ConsoleCommands>(*this, *st.store);
    // Content cooks the exhibition as the file has it ...
    if (Status composed = composeModules(); !composed) return composed.error();
    applyPublishedBooths(*st.exhibition, *st.publish); // ... then approved booths are served
    subscribeBus();
    m_startTime = monotonicSeconds();
    m_nextTick = m_startTime;
    m_lastRateTime = m_startTime;
    return {};
}

// The bus: in memory for one process, Redis in cluster mode (--cluster).
Status ServerApp::openBus() {
    ServerState& st = m_state;
    if (st.config.cluster.empty()) {
        st.bus = std::make_unique<InProcessBus>();
        return {};
    }
    auto address = redis::parseRedisUrl(st.config.cluster);
    if (!address) return address.error();
    RedisBusConfig config{*address, st.config.clusterPrefix};
    config.processInfo =
        fmt::format("{}:{} {}", st.config.bindAddress, port(), st.exhibition->event.name);
    auto bus = RedisBus::open(std::move(config));
    if (!bus) return makeError("--cluster: " + bus.error().message);
    st.bus = std::move(*bus);
    return {};
}

// The capabilities this server hosts: adding one is one line here.
Status ServerApp::composeModules() {
    ServerContext& ctx = *m_ctx;
    auto content = std::make_unique<ContentModule>(
        ctx, BundleAccessPolicy(
                 [&ctx](const Hash128& hash) { return ctx.publisher().bundleBooth(hash); },
                 [&ctx](const Session& s, const std::string& boothId) {
                     return boothAccessRefusal(s, ctx.exhibition(), boothId);
                 }));
    m_contentModule = content.get();
    m_modules.push_back(std::make_unique<PresenceModule>(ctx));
    m_modules.push_back(std::make_unique<InteractionsModule>(ctx, *m_interactions));
    m_modules.push_back(std::make_unique<StaffModule>(ctx, *m_interactions));
    m_modules.push_back(std::move(content));
    m_modules.push_back(std::make_unique<PublishModule>(ctx));
    m_modules.push_back(std::make_unique<BoothFetchModule>(ctx));
    m_modules.push_back(std::make_unique<ChatHistoryModule>(ctx));
    m_modules.push_back(std::make_unique<MeetingsModule>(ctx));
    m_modules.push_back(std::make_unique<RemoteConsoleModule>(ctx, [this](std::string_view line) {
        if (m_consoleRunner) return m_consoleRunner(line);
        return console::toResult(m_console->execute(line));
    }));
    m_modules.push_back(std::make_unique<ModerationModule>(ctx, *m_interactions));
    // The programme's slices (Q&A, polls, decks, registration) take it as ProgrammeAccess&.
    auto programme = std::make_unique<ProgrammeModule>(ctx);
    auto qna = std::make_unique<QnaModule>(ctx, *programme);
    programme->sessionFigures = [q = qna.get()](std::string_view sessionId) {
        const QnaCounts c = q->counts(sessionId);
        return ProgrammeModule::Figures{{"questions", c.questions}, {"upvotes", c.upvotes},
                                        {"polls", c.polls},         {"poll_answers", c.pollAnswers},
                                        {"reactions", c.reactions}, {"hands_raised", c.hands}};
    };
    m_modules.push_back(std::move(qna));
    ProgrammeModule* programmeRaw = programme.get();
    m_modules.push_back(std::move(programme));
    m_modules.push_back(std::make_unique<RegistrationModule>(ctx, *programmeRaw));
    m_modules.push_back(std::make_unique<RoundtableModule>(ctx, *programmeRaw));
    m_modules.push_back(std::make_unique<DeckUploadModule>(ctx, *programmeRaw));
    m_modules.push_back(std::make_unique<AwardsModule>(ctx, *programmeRaw));
    m_modules.push_back(std::make_unique<VoiceModule>(ctx, *programmeRaw));
    m_modules.push_back(std::make_unique<ClusterModule>(ctx, dynamic_cast<RedisBus*>(&ctx.bus())));
    if (m_state.config.reverseModules) std::reverse(m_modules.begin(), m_modules.end());
    for (auto& module : m_modules) {
        if (Status started = module->start(); !started) return started.error();
        module->registerHandlers(*m_router);
        module->registerCommands(*m_console);
    }
    return {};
}

ServerApp::~ServerApp() {
    if (m_state.host) {
        for (auto& s : m_state.sessions)
            if (s.id != 0) m_state.host->disconnect(s.id - 1u, 0, true);
        m_state.host->flush();
    }
    if (m_state.store) (void)m_state.store->flush();
}

std::uint16_t ServerApp::port() const {
    return m_state.host->port();
}

content::ContentService* ServerApp::contentService() {
    return m_contentModule ? &m_contentModule->service() : nullptr;
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
    net::NetHost& host = *m_state.host;
    double now = monotonicSeconds();
    double wait = std::clamp(m_nextTick - now, 0.0, double(maxWaitMs) / 1000.0);
    if (host.service(m_netEvent, std::uint32_t(wait * 1000.0))) handleEvent(m_netEvent);
    // Drain everything already queued without waiting.
    while (host.service(m_netEvent, 0))
        handleEvent(m_netEvent);
    now = monotonicSeconds();
    for (auto& module : m_modules)
        module->onStep(now);
    now = monotonicSeconds();
    if (now >= m_nextTick) {
        tick();
        m_nextTick += 1.0 / m_state.config.tickRate;
        if (m_nextTick < now) m_nextTick = now; // fell behind: do not burst
    }
}

Session* ServerApp::joinedSession(std::uint32_t id) {
    Session* s = m_ctx->session(id);
    return s && s->joined ? s : nullptr;
}

void ServerApp::handleEvent(net::NetEvent& event) {
    if (event.peer >= m_state.sessions.size()) return;
    Session& s = m_state.sessions[event.peer];
    switch (event.type) {
    case net::NetEventType::Connect:
        onConnect(s, event.peer);
        break;
    case net::NetEventType::Disconnect:
        if (s.id != 0) onDisconnect(s, LeaveReason::Left);
        s = Session{};
        m_guard->gone(event.peer);
        break;
    case net::NetEventType::Receive:
        if (s.id != 0) handlePacket(s, event.payload);
        break;
    }
}

void ServerApp::onConnect(Session& s, net::PeerId peer) {
    s = Session{};
    s.id = std::uint16_t(peer + 1);
    s.connectedAt = monotonicSeconds();
    s.address = m_state.host->peerAddress(peer);
    m_router->resetBudgets(s);
    m_guard->connected(peer, s.address, s.connectedAt, m_drops);
    applyDrops();
}

// Disconnect-now: a flood's peers get no goodbye round trip (their slots are free at once) and
// no Disconnect event follows, so their sessions are cleared here.
void ServerApp::applyDrops() {
    for (const GuardDrop& d : m_drops) {
        const RejectReason why =
            d.cause == DropCause::Deadline ? RejectReason::Other : RejectReason::Full;
        m_state.host->disconnect(d.peer, std::uint32_t(why), true);
        m_state.sessions[d.peer] = Session{};
    }
    m_drops.clear();
}

// One line per ten seconds at most while handshakes are being dropped, never one per peer.
void ServerApp::logGuard(double now) {
    const GuardCounters& c = m_guard->counters();
    if (now - m_lastGuardLog < 10.0) return;
    const GuardCounters& was = m_loggedGuard;
    const std::uint64_t gated = m_connectGate->rateRefusals() + m_connectGate->slotRefusals();
    if (c.deadlineDrops == was.deadlineDrops && c.evictions == was.evictions &&
        c.addressRefusals == was.addressRefusals && gated == m_loggedGated)
        return;
    log::warn("server: dropped {} connections without a handshake in time, evicted {} pending, "
              "refused {} over the per-address cap, {} connection attempts over an address's "
              "rate or slots; {} pending now",
              c.deadlineDrops - was.deadlineDrops, c.evictions - was.evictions,
              c.addressRefusals - was.addressRefusals, gated - m_loggedGated, m_guard->pending());
    m_loggedGuard = c;
    m_loggedGated = gated;
    m_lastGuardLog = now;
}

void ServerApp::handlePacket(Session& s, std::span<const std::uint8_t> bytes) {
    auto decoded = decode(bytes);
    if (!decoded) return m_ctx->fault(s, decoded.error().message);
    m_router->dispatch(s, *decoded);
}

void ServerApp::reject(Session& s, RejectReason reason, std::string text) {
    log::info("server: client {} ('{}') removed: {}: {}", s.id, s.name, toString(reason), text);
    m_ctx->send(s, Reject{reason, std::move(text)});
    m_state.host->disconnect(s.id - 1u, std::uint32_t(reason));
    LeaveReason why = reason == RejectReason::Kicked || reason == RejectReason::Banned
                          ? LeaveReason::Kicked
                          : LeaveReason::Left;
    if (s.joined) onDisconnect(s, why);
    s.joined = false; // the Disconnect event clears the slot
}

void ServerApp::onDisconnect(Session& s, LeaveReason reason) {
    if (!s.joined) return;
    for (auto& module : m_modules)
        module->onLeave(s, reason);
    m_state.world->remove(s.id);
    for (auto& other : m_state.sessions)
        if (other.joined && other.id != s.id && other.introduced.test(s.id)) {
            other.introduced.reset(s.id);
            m_ctx->send(other, Leave{s.id, reason});
        }
    s.joined = false;
    log::info("server: {} ('{}') left", s.id, s.name);
}

// The handshake's refusals, in the order a person would want to hear them; false: S was removed.
bool ServerApp::acceptHello(Session& s, const Hello& hello) {
    auto refuse = [&](RejectReason reason, std::string text) {
        reject(s, reason, std::move(text));
        return false;
    };
    if (hello.version != kProtocolVersion)
        return refuse(
            RejectReason::VersionMismatch,
            fmt::format("server speaks protocol {}, client {}", kProtocolVersion, hello.version));
    if (!validName(hello.name))
        return refuse(RejectReason::InvalidName,
                      "names are 2-32 characters, printable, without leading or trailing spaces");
    std::size_t joined = 0;
    for (const auto& other : m_state.sessions) {
        if (!other.joined) continue;
        ++joined;
        if (sameNameIgnoringCase(other.name, hello.name))
            return refuse(RejectReason::NameTaken,
                          fmt::format("the name '{}' is already in use", hello.name));
    }
    if (joined >= m_state.config.maxVisitors)
        return refuse(RejectReason::Full, "the event is full, try again later");
    if (!acceptCredential(s, hello)) return false;
    // After the credential: a banned ticket or credential is refused whatever name or key it uses.
    auto ban = m_state.store->findActiveBan(hello.name, s.address, hello.clientKey, unixNow(),
                                            s.personKey);
    if (ban && *ban) return refuse(RejectReason::Banned, "banned: " + (*ban)->reason);
    return true;
}

// The role and the person come from the credential or ticket, never from the Hello: a visitor
// Hello with an exhibitor or organiser token joins in that role; asking for a role the code does
// not have is refused. Without a code a visitor joins as a guest, when the server admits guests.
bool ServerApp::acceptCredential(Session& s, const Hello& hello) {
    auto refuse = [&](std::string text) {
        reject(s, RejectReason::BadCredentials, std::move(text));
        return false;
    };
    s.role = hello.role;
    s.present = hello.presence;
    if (hello.credential.empty()) {
        if (hello.role != Role::Visitor)
            return refuse(fmt::format("the {} role needs a token", toString(hello.role)));
        if (!m_state.config.guests)
            return refuse("this event admits visitors with a ticket only: sign in with the "
                          "ticket code you were sent");
        return true; // a guest
    }
    auto who = m_state.store->signIn(hello.credential);
    if (!who) {
        std::string why = who.error().message;
        for (std::string_view kind : {"credential: ", "ticket: "})
            if (why.starts_with(kind)) why.erase(0, kind.size());
        return refuse("the ticket or token is not valid: " + why);
    }
    if (hello.role != Role::Visitor && who->role != hello.role)
        return refuse(fmt::format("this code is for the {} role", store::roleName(who->role)));
    s.role = who->role;
    s.exhibitorId = who->exhibitorId;
    s.personKey = who->personKey;
    return true;
}

void ServerApp::admit(Session& s, Hello& hello) {
    if (!acceptHello(s, hello)) return;
    const ServerConfig& config = m_state.config;
    store::Store& store = *m_state.store;
    presence::PresenceWorld& world = *m_state.world;
    std::uint32_t hall = 0;
    while (hall < world.hallCount() && !world.hallOpen(hall))
        ++hall;
    if (hall == world.hallCount())
        return reject(s, RejectReason::HallClosed, "every hall is closed right now");
    s.name = hello.name;
    s.look = hello.look;
    s.country = hello.country;
    s.clientKey = hello.clientKey;
    auto muted = store.isMuted(s.name, s.clientKey, s.personKey);
    s.muted = muted && *muted;
    s.joined = true;
    m_guard->joined(s.id - 1u);
    world.add(s.id, hall, monotonicSeconds(), /*hidden=*/!s.present);
    AvatarState me = world.quantized(s.id);
    m_ctx->send(s, Welcome{s.id, s.role, std::int64_t(unixNow()) * 1000, m_state.revision,
                           config.tickRate, hall, me.x, me.z, me.heading, s.exhibitorId});
    s.introduced.set(s.id);
    m_ctx->send(s, Join{s.id, s.name, s.look, s.country, s.role});
    for (auto& module : m_modules)
        module->onJoin(s);
    log::info("server: {} joined as '{}' ({}, {}{}) from {}", s.id, s.name, toString(s.role),
              s.verified() ? s.personKey : "guest", s.present ? "" : ", tool without avatar",
              s.address);
}

void ServerApp::tick() {
    const double start = monotonicSeconds();
    const std::uint32_t tick = ++m_state.tick;
    m_state.bus->pump();
    for (auto& module : m_modules)
        module->onTick(tick, start);
    m_guard->expire(start, m_drops);
    applyDrops();
    logGuard(start);
    if (m_tickHook) m_tickHook();
    (void)m_state.store->flushIfDue();
    m_state.host->flush();
    recordTickTime(monotonicSeconds() - start);
}

void ServerApp::recordTickTime(double seconds) {
    m_tickTimes.push_back(seconds);
    if (m_tickTimes.size() > 1200) m_tickTimes.pop_front();
    double now = monotonicSeconds();
    if (now - m_lastRateTime >= 1.0) {
        net::HostStats h = m_state.host->stats();
        double dt = now - m_lastRateTime;
        m_bytesInPerSecond = double(h.bytesReceived - m_lastHostStats.bytesReceived) / dt;
        m_bytesOutPerSecond = double(h.bytesSent - m_lastHostStats.bytesSent) / dt;
        m_netCpuPercent =
            (h.netThreadCpuSeconds - m_lastHostStats.netThreadCpuSeconds) / dt * 100.0;
        m_lastHostStats = h;
        m_lastRateTime = now;
    }
}

} // namespace fg::server
