// Presence module: validates inputs through PresenceWorld, answers refusals with a Correction,
// and sends each joined client its snapshot every tick. Must not slow the tick: no per-client
// allocation or std::function on the snapshot path.
#include "server/presence/PresenceModule.h"

#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "server/presence/ClientSnapshot.h"

#include <utility>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

void sendCorrection(ServerContext& ctx, Session& s, std::uint32_t sequence) {
    AvatarState me = ctx.world().quantized(s.id);
    ctx.send(s, Correction{sequence, ctx.world().find(s.id)->hall, me.x, me.z, me.heading});
}

void PresenceModule::registerHandlers(ServerRouter& router) {
    // One Input per tick (up to 120 Hz) with room for a client catching up after a stall.
    router.on<Input>(Permit::joined().budget(480, 240),
                     [this](Session& s, const Input& in) { handleInput(s, in); });
    router.on<Teleport>(Permit::joined(),
                        [this](Session& s, const Teleport& tp) { handleTeleport(s, tp); });
}

void PresenceModule::handleInput(Session& s, const Input& in) {
    // Unreliable sequenced channel: ENet already drops older ones, but a client may lie.
    if (in.sequence <= s.lastInput && s.lastInput != 0) return;
    s.lastInput = in.sequence;
    if (in.ackTick > s.ackTick && in.ackTick <= m_ctx.tick()) s.ackTick = in.ackTick;
    if (refusedByGuard(s, in)) return;
    auto verdict = m_ctx.world().applyInput(s.id, in, monotonicSeconds());
    if (verdict == presence::MoveVerdict::Accepted) return;
    ++s.corrections;
    log::debug("server: input {} of {} refused: {}", in.sequence, s.id,
               presence::toString(verdict));
    sendCorrection(m_ctx, s, in.sequence);
}

// A slice's entry guard (ServerContext::addEntryGuard) may close an area the move enters.
bool PresenceModule::refusedByGuard(Session& s, const Input& in) {
    const presence::Avatar* a = m_ctx.world().find(s.id);
    if (!a || !a->active) return false;
    const AvatarMove move{
        a->hall, a->position, in.hall, {dequantizePosition(in.x), dequantizePosition(in.z)}};
    const std::string why = m_ctx.entryRefusal(s, move);
    if (why.empty()) return false;
    ++s.corrections;
    log::debug("server: input {} of {} refused: {}", in.sequence, s.id, why);
    sendCorrection(m_ctx, s, in.sequence);
    return true;
}

void PresenceModule::handleTeleport(Session& s, const Teleport& tp) {
    const presence::Avatar* a = m_ctx.world().find(s.id);
    const std::uint32_t fromHall = a ? a->hall : 0;
    const glm::vec2 from = a ? a->position : glm::vec2(0.0f);
    auto moved = m_ctx.world().teleport(s.id, tp.kind, tp.hall, tp.targetId, monotonicSeconds());
    if (!moved) m_ctx.send(s, ActionResult{0, false, 0, moved.error().message});
    if (moved && a) {
        const AvatarMove move{fromHall, from, a->hall, a->position};
        if (!m_ctx.entryRefusal(s, move).empty())
            (void)m_ctx.world().placeAt(s.id, fromHall, from, monotonicSeconds());
    }
    sendCorrection(m_ctx, s, s.lastInput);
}

std::string hallVisitorsCounter(std::string_view hallId) {
    return "visitors/hall/" + std::string(hallId);
}

void PresenceModule::onTick(std::uint32_t tick, double) {
    m_ctx.world().beginTick(tick);
    sendSnapshots(tick);
    if (tick % m_ctx.config().tickRate == 0) publishHallCounts();
}

// Once a second this process adds the change in its visitors per hall to the shared counters.
void PresenceModule::publishHallCounts() {
    const auto& halls = m_ctx.exhibition().halls;
    m_hallScratch.assign(halls.size(), 0);
    for (const Session& s : m_ctx.sessions())
        if (s.joined && s.present) ++m_hallScratch[m_ctx.world().find(s.id)->hall];
    for (auto& [hallId, counted] : m_hallCounted) // halls a reload removed count nobody here
        if (m_ctx.hallIndex(hallId) >= halls.size() && counted != 0)
            m_ctx.bus().add(hallVisitorsCounter(hallId), -std::exchange(counted, 0));
    for (std::size_t h = 0; h < halls.size(); ++h) {
        std::int64_t& counted = m_hallCounted[halls[h].id];
        if (m_hallScratch[h] == counted) continue;
        m_ctx.bus().add(hallVisitorsCounter(halls[h].id), m_hallScratch[h] - counted);
        counted = m_hallScratch[h];
    }
}

void PresenceModule::sendSnapshots(std::uint32_t tick) {
    auto& sessions = m_ctx.sessions();
    const presence::PresenceWorld& world = m_ctx.world();
    for (auto& s : sessions) {
        if (!s.joined || !s.present) continue; // a tool has no avatar to see from
        Status built = presence::buildSnapshot(world, s, tick, m_viewScratch, m_snapshotPacket);
        for (std::uint16_t id : m_viewScratch) {
            if (s.introduced.test(id)) continue;
            const Session& other = sessions[id - 1u];
            m_ctx.send(s, Join{other.id, other.name, other.look, other.country, other.role});
            s.introduced.set(id);
        }
        if (!built) {
            log::error("server: snapshot for {}: {}", s.id, built.error().message);
            continue;
        }
        m_ctx.sendPacket(s, net::kChannelPresence, m_snapshotPacket);
    }
}

} // namespace fg::server
