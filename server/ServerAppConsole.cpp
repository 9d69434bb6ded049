// ServerApp's ConsoleHost side: live figures, visitor list, moderation and announcements (through
// the bus), hall open/close, save, reload and shutdown. Server thread only; never parses commands.
#include "engine/core/File.h"
#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "game/expo/ExhibitionJson.h"
#include "server/ServerApp.h"
#include "server/core/BusTopics.h"
#include "server/interactions/Interactions.h"
#include "server/presence/PresenceModule.h"
#include "server/publish/PublishModule.h"
#include "server/publish/PublishService.h"
#include "server/store/Store.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <sstream>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

namespace {
double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::size_t k = std::min(values.size() - 1, std::size_t(p * double(values.size() - 1) + 0.5));
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(k), values.end());
    return values[k];
}
} // namespace

console::ServerStats ServerApp::stats() const {
    console::ServerStats st;
    st.uptimeSeconds = monotonicSeconds() - m_startTime;
    std::vector<double> times(m_tickTimes.begin(), m_tickTimes.end());
    st.tickP50Ms = percentile(times, 0.5) * 1000.0;
    st.tickP99Ms = percentile(times, 0.99) * 1000.0;
    st.bytesInPerSecond = m_bytesInPerSecond;
    st.bytesOutPerSecond = m_bytesOutPerSecond;
    st.tickRateHz = m_state.config.tickRate;
    st.connections = std::uint32_t(m_state.host->connectedPeers());
    st.netThreads = m_state.config.netThreads;
    st.netThreadCpuPercent = m_netCpuPercent;
    const GuardCounters& guard = m_guard->counters();
    st.figures.push_back({"pending_handshakes", "pending handshakes", double(m_guard->pending())});
    st.figures.push_back(
        {"handshake_timeouts", "dropped at handshake deadline", double(guard.deadlineDrops)});
    st.figures.push_back({"handshake_evictions", "pending evicted", double(guard.evictions)});
    st.figures.push_back(
        {"address_refusals", "refused per-address cap", double(guard.addressRefusals)});
    st.figures.push_back({"connect_rate_refusals", "connect attempts over an address's rate",
                          double(m_connectGate->rateRefusals())});
    st.figures.push_back({"connect_slot_refusals", "connect attempts over an address's slots",
                          double(m_connectGate->slotRefusals())});
    st.figures.push_back(
        {"rate_limited", "requests rate-limited", double(m_router->rateLimited())});
    st.figures.push_back(
        {"rate_offenders", "rate-limited sessions", double(m_router->rateOffenders())});
    addSecurityStatus(st);
    for (const auto& module : m_modules)
        module->addStatus(st.figures);
    return st;
}

// The key clients pin, and the packets the encrypted sessions dropped (counted on the network
// threads, or on the tick thread without them).
void ServerApp::addSecurityStatus(console::ServerStats& st) const {
    if (auto key = m_state.host->publicKey()) st.keyFingerprint = net::fingerprintOf(*key);
    const net::HostStats h = m_state.host->stats();
    st.figures.push_back({"secure_sessions", "encrypted sessions", double(h.secureSessions)});
    st.figures.push_back(
        {"forged_packets", "packets failing authentication", double(h.forgedPackets)});
    st.figures.push_back({"replayed_packets", "replayed packets", double(h.replayedPackets)});
    st.figures.push_back(
        {"malformed_transport", "malformed transport packets", double(h.malformedPackets)});
    st.figures.push_back(
        {"security_disconnects", "peers dropped for bad packets", double(h.securityDisconnects)});
}

std::vector<console::HallStatus> ServerApp::halls() const {
    const expo::Exhibition& ex = *m_state.exhibition;
    std::vector<console::HallStatus> out;
    for (std::uint32_t h = 0; h < ex.halls.size(); ++h)
        out.push_back({ex.halls[h].id, ex.halls[h].name, m_state.world->hallOpen(h), 0});
    for (const auto& s : m_state.sessions)
        if (s.joined && s.present) ++out[m_state.world->find(s.id)->hall].visitors;
    return out;
}

std::vector<console::VisitorInfo> ServerApp::visitors() const {
    std::vector<console::VisitorInfo> out;
    for (const auto& s : m_state.sessions) {
        if (!s.joined || !s.present) continue; // tools are connections, not people walking
        const presence::Avatar* a = m_state.world->find(s.id);
        console::VisitorInfo v;
        v.id = s.id;
        v.name = s.name;
        v.role = s.role;
        v.exhibitorId = s.exhibitorId;
        v.country = s.country;
        v.hall = m_state.exhibition->halls[a->hall].id;
        v.nearBooth = m_interactions->visits().boothOf(s.id);
        v.position = a->position;
        v.address = s.address;
        v.clientKey = s.clientKey;
        v.personKey = s.personKey;
        if (s.muted) { // a timed mute ends in the store, not in the session
            auto still = m_state.store->isMuted(s.name, s.clientKey, s.personKey);
            v.muted = !still || *still;
        }
        out.push_back(std::move(v));
    }
    return out;
}

// Moderation goes through the bus: whichever process has the person connected applies it.
Status ServerApp::kick(std::uint32_t visitorId, std::string_view reason) {
    Session* s = joinedSession(visitorId);
    if (!s) return makeError(fmt::format("kick: no visitor {}", visitorId));
    publishModeration(*m_state.bus, {ModerationEvent::Action::Kick, s->name,
                                     fmt::format("removed by the organiser: {}", reason)});
    return {};
}

Status ServerApp::disconnectBanned(std::uint32_t visitorId, std::string_view reason) {
    Session* s = joinedSession(visitorId);
    if (!s) return makeError(fmt::format("ban: no visitor {}", visitorId));
    publishModeration(*m_state.bus,
                      {ModerationEvent::Action::Ban, s->name, fmt::format("banned: {}", reason)});
    return {};
}

void ServerApp::banElsewhere(std::string_view name, std::string_view reason) {
    publishModeration(*m_state.bus, {ModerationEvent::Action::Ban, std::string(name),
                                     fmt::format("banned: {}", reason)});
}

Status ServerApp::setMuted(std::uint32_t visitorId, bool muted) {
    Session* s = joinedSession(visitorId);
    if (!s) return makeError(fmt::format("mute: no visitor {}", visitorId));
    using A = ModerationEvent::Action;
    publishModeration(*m_state.bus, {muted ? A::Mute : A::Unmute, s->name, {}});
    return {};
}

Status ServerApp::announce(std::string_view hallId, std::string_view text) {
    const std::uint32_t hall = hallId.empty() ? 0 : m_ctx->hallIndex(hallId);
    if (!hallId.empty() && hall >= m_state.exhibition->halls.size())
        return makeError(fmt::format("announce: no hall '{}'", hallId));
    if (text.empty() || text.size() > kMaxChatLength)
        return makeError(fmt::format("announce: text must be 1-{} bytes", kMaxChatLength));
    return broadcast(*m_state.bus,
                     hallId.empty() ? std::string(topic::kEveryone) : topic::hall(hallId),
                     Announcement{"Organiser", std::string(text)});
}

void ServerApp::subscribeBus() {
    Bus& bus = *m_state.bus;
    auto deliver = [this](std::string_view topic, std::span<const std::uint8_t> bytes) {
        deliverBroadcast(topic, bytes);
    };
    bus.subscribe(std::string(topic::kEveryone), deliver);
    bus.subscribe(std::string(topic::kHallPrefix) + "*", deliver);
    bus.subscribe(std::string(topic::kModeration),
                  [this](std::string_view, std::span<const std::uint8_t> bytes) {
                      if (auto event = readModeration(bytes)) applyModeration(*event);
                  });
}

// A broadcast for everyone or for one hall reaches the joined people of this process in it.
void ServerApp::deliverBroadcast(std::string_view topicName, std::span<const std::uint8_t> bytes) {
    auto message = readBroadcast(bytes);
    if (!message) return;
    const bool everyone = topicName == topic::kEveryone;
    const std::uint32_t hall =
        everyone ? 0 : m_ctx->hallIndex(topicName.substr(topic::kHallPrefix.size()));
    if (!everyone && hall >= m_state.exhibition->halls.size()) return; // served elsewhere
    for (const Session& s : m_state.sessions)
        if (s.joined && (everyone || m_state.world->find(s.id)->hall == hall))
            m_ctx->sendPacket(s, message->channel, message->packet);
}

void ServerApp::applyModeration(const ModerationEvent& event) {
    auto same = [&](const std::string& name) {
        return name.size() == event.person.size() &&
               std::equal(name.begin(), name.end(), event.person.begin(), [](char x, char y) {
                   return std::tolower(std::uint8_t(x)) == std::tolower(std::uint8_t(y));
               });
    };
    for (Session& s : m_state.sessions) {
        if (!s.joined || !same(s.name)) continue;
        using A = ModerationEvent::Action;
        switch (event.action) {
        case A::Kick:
            reject(s, RejectReason::Kicked, event.reason);
            break;
        case A::Ban:
            reject(s, RejectReason::Banned, event.reason);
            break;
        case A::Mute:
            s.muted = true;
            break;
        case A::Unmute:
            s.muted = false;
            break;
        }
        return; // names are unique among joined people
    }
}

Status ServerApp::setHallOpen(std::string_view hallId, bool open) {
    const std::uint32_t hall = m_ctx->hallIndex(hallId);
    if (hall >= m_state.exhibition->halls.size())
        return makeError(fmt::format("no hall '{}'", hallId));
    m_state.world->setHallOpen(hall, open);
    log::info("server: hall '{}' {}", hallId, open ? "opened" : "closed");
    return {};
}

Status ServerApp::requestSave() {
    m_interactions->visits().flushDwell();
    if (auto r = m_state.store->flush(); !r) return r.error();
    return m_state.store->checkpoint();
}

Result<std::string> ServerApp::reloadExhibition() {
    ServerState& st = m_state;
    auto fresh = loadValidExhibition(st.config.exhibitionPath);
    if (!fresh) return fresh.error();
    auto json = readFileText(st.config.exhibitionPath);
    if (!json) return json.error();
    if (auto stored = st.store->storeExhibition(*json, "reload"); !stored) return stored.error();
    auto revision = st.store->liveExhibitionRevision();
    if (!revision) return revision.error();
    auto world = std::make_unique<presence::PresenceWorld>(**fresh, st.config.presence);
    const double now = monotonicSeconds();
    for (std::uint32_t h = 0; h < world->hallCount() && h < st.world->hallCount(); ++h)
        world->setHallOpen(h, st.world->hallOpen(h));
    for (auto& s : st.sessions) {
        if (!s.joined) continue;
        world->add(s.id, st.world->find(s.id)->hall, now); // back to spawn: the layout may differ
    }
    st.world = std::move(world);
    st.exhibition = std::move(*fresh);
    applyPublishedBooths(*st.exhibition, *st.publish); // approved revisions outlive a reload
    m_interactions->setExhibition(*st.exhibition);
    st.revision = std::uint64_t(*revision);
    for (auto& s : st.sessions)
        if (s.joined) sendCorrection(*m_ctx, s, s.lastInput);
    return fmt::format("reloaded '{}': revision {}, {} halls, {} booths", st.exhibition->event.name,
                       st.revision, st.exhibition->halls.size(), st.exhibition->booths.size());
}

Status ServerApp::shutdown(std::uint32_t seconds) {
    (void)announce("", seconds == 0 ? std::string("The server is shutting down now.")
                                    : fmt::format("The server shuts down in {} s.", seconds));
    m_stopAt = monotonicSeconds() + seconds;
    return {};
}

// "booth pending|approve|reject" as before, now through the console registry.
std::optional<Result<std::string>> ServerApp::runPublishCommand(std::string_view line) {
    std::istringstream in{std::string(line)};
    std::string word, verb;
    in >> word >> verb;
    if (word != "booth" || !(verb == "pending" || verb == "approve" || verb == "reject"))
        return std::nullopt;
    console::ConsoleResult r = m_console->execute(line);
    if (r.ok) return Result<std::string>(std::move(r.text));
    if (!r.text.empty() && r.text.back() == '\n') r.text.pop_back();
    return Result<std::string>(makeError(std::move(r.text)));
}

} // namespace fg::server
