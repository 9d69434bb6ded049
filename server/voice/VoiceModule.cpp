// VoiceModule: frames in (rate, stage right, mutes), each tick the listeners' choice (chooseVoices
// with last tick's selection) turned into one route list per talker, and frames out on arrival
// along those routes within each listener's budget and link. Must not decode or keep audio.
#include "server/voice/VoiceModule.h"

#include "engine/core/Log.h"
#include "game/expo/VenueLayout.h"
#include "game/expo/protocol/MessageCodec.h"
#include "server/store/VoiceMuteRecords.h"

#include <algorithm>
#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

namespace {

constexpr std::size_t kMaxPendingFrames = 5; // a new talker's frames held for the next tick
constexpr float kStageMargin = 1.0f;         // metres around a venue's stage that still count

bool insideGrown(const expo::Rect& r, glm::vec2 p, float margin) {
    return p.x >= r.x - margin && p.x <= r.x + r.width + margin && p.y >= r.z - margin &&
           p.y <= r.z + r.depth + margin;
}

} // namespace

VoiceModule::VoiceModule(ServerContext& ctx, ProgrammeAccess& programme,
                         std::function<UnixSeconds()> clock, VoiceLimits limits)
    : m_ctx(ctx), m_programme(programme), m_clock(std::move(clock)), m_limits(limits) {}

VoiceModule::~VoiceModule() = default;

void VoiceModule::registerHandlers(ServerRouter& router) {
    // Any joined person may talk; the rate, the stage flag and mutes are checked in receive().
    // The router's own budget sits above ours, so the fault for a flood is counted here.
    router.on<VoiceFrameUp>(Permit::joined().budget(100, 100),
                            [this](Session& s, VoiceFrameUp& m) { receive(s, m.frame); });
    // Who may mute is per session (moderators) or the organiser role: decided in the handler.
    router.on<VoiceMute>(Permit::joined(),
                         [this](Session& s, const VoiceMute& m) { handleMute(s, m); });
}

VoiceModule::Peer& VoiceModule::peer(std::uint16_t id) {
    if (id >= m_peers.size()) m_peers.resize(std::size_t(id) + 1);
    return m_peers[id];
}

void VoiceModule::onLeave(Session& s, LeaveReason) {
    if (s.id >= m_peers.size()) return;
    m_peers[s.id] = Peer{};
    // Routes to the leaver are dropped at the next tick; until then admit() finds no session.
}

bool VoiceModule::withinRate(Peer& p, double now) {
    const double cap = double(voice::kBurstFrames);
    p.tokens = p.tokensAt < 0
                   ? cap
                   : std::min(cap, p.tokens + (now - p.tokensAt) * voice::kFramesPerSecond);
    p.tokensAt = now;
    if (p.tokens < 1.0) return false;
    p.tokens -= 1.0;
    return true;
}

void VoiceModule::receive(Session& s, voice::VoiceFrame& frame) {
    const double now = monotonicSeconds();
    Peer& p = peer(s.id);
    const presence::Avatar* avatar = s.present ? m_ctx.world().find(s.id) : nullptr;
    auto refuse = [&](std::string_view why) {
        ++m_counters.refused;
        m_ctx.fault(s, why);
    };
    if (!avatar || !avatar->active) return refuse("voice: a frame from someone with no avatar");
    if (!withinRate(p, now)) return refuse("voice: more than 50 frames per second");
    if ((frame.header.flags & voice::kFlagStage) && !presentsLive(s))
        return refuse("voice: the stage flag from someone who presents no live session");
    if (muteOf(s)) {
        ++m_counters.mutedFrames;
        if (now - p.mutedToldAt >= m_limits.mutedStatusEverySeconds) {
            p.mutedToldAt = now;
            tellStatus(s);
        }
        return;
    }
    ++m_counters.framesIn;
    const bool endOfSpurt = (frame.header.flags & voice::kFlagEndOfSpurt) != 0;
    p.level = p.fresh ? std::max(p.level, frame.header.level) : frame.header.level;
    p.fresh = true;
    p.stage = (frame.header.flags & voice::kFlagStage) != 0;
    p.lastFrameAt = now;
    if (p.routed)
        forward(s.id, frame, now);
    else if (p.pending.size() < kMaxPendingFrames)
        p.pending.push_back(std::move(frame));
    // Push-to-talk released: leave every selection at the next tick instead of lingering.
    if (endOfSpurt) p.lastFrameAt = -1e9;
}

bool VoiceModule::presentsLive(const Session& s) const {
    for (const expo::Session& session : m_ctx.exhibition().sessions)
        if (m_programme.state(session.id) == StageState::Live &&
            m_programme.presents(s, session.id))
            return true;
    return false;
}

std::uint32_t VoiceModule::stageOf(const Session& s) const {
    const presence::Avatar* a = m_ctx.world().find(s.id);
    if (!a) return 0;
    const expo::Exhibition& ex = m_ctx.exhibition();
    for (std::size_t i = 0; i < ex.sessions.size(); ++i) {
        const expo::Session& session = ex.sessions[i];
        if (m_programme.state(session.id) != StageState::Live ||
            !m_programme.presents(s, session.id))
            continue;
        if (a->hall >= ex.halls.size()) continue;
        const expo::Hall& hall = ex.halls[a->hall];
        for (const expo::Venue& venue : hall.venues)
            if (venue.id == session.venue &&
                insideGrown(expo::venueLayout(hall, venue).stage, a->position, kStageMargin))
                return std::uint32_t(i) + 1;
    }
    return 0;
}

std::uint32_t VoiceModule::attendedSession(const Session& s) const {
    return s.id < m_attending.size() ? m_attending[s.id] : 0;
}

// Who is talking, who attends what and where the private zones are, then each listener's
// choice; the routes it gives are what receive() forwards along until the next tick.
void VoiceModule::rebuildRoutes(double now) {
    expo::Exhibition& ex = m_ctx.exhibition();
    m_zones.update(ex, m_ctx.revision());
    // Every id has its peer from here on: forward() holds references across peer() calls.
    if (m_peers.size() < m_ctx.sessions().size() + 1) m_peers.resize(m_ctx.sessions().size() + 1);
    m_attending.assign(m_ctx.sessions().size() + 1, 0);
    for (std::size_t i = 0; i < ex.sessions.size(); ++i)
        if (m_programme.state(ex.sessions[i].id) == StageState::Live)
            for (std::uint16_t id : m_programme.attendees(ex.sessions[i].id))
                if (id < m_attending.size()) m_attending[id] = std::uint32_t(i) + 1;

    std::vector<voice::VoiceListener>& listeners = m_listeners;
    listeners.clear();
    m_talkers.clear();
    for (Session& s : m_ctx.sessions()) {
        if (!s.joined || !s.present) continue;
        const presence::Avatar* a = m_ctx.world().find(s.id);
        if (!a || !a->active || a->hall >= ex.halls.size()) continue;
        Peer& p = peer(s.id);
        p.zone = m_zones.zoneAt(ex.halls[a->hall].id, a->position, p.zone);
        const std::uint32_t zone = p.zone;
        p.routes.clear();
        listeners.push_back(voice::VoiceListener{s.id, std::uint8_t(a->hall), a->position.x,
                                                 a->position.y, zone, attendedSession(s)});
        // A spurt shorter than a tick still goes out: its frames wait in PENDING.
        const bool talking =
            (now - p.lastFrameAt <= m_limits.talkerHoldSeconds || !p.pending.empty()) && !muteOf(s);
        p.routed = talking;
        if (!talking) {
            p.pending.clear();
            continue;
        }
        m_talkers.push_back(voice::VoiceSpeaker{s.id, std::uint8_t(a->hall), a->position.x,
                                                a->position.y, zone, p.stage ? stageOf(s) : 0,
                                                p.level});
        p.fresh = false; // kept as it is until the next frame
    }
    voice::VoiceSelection next;
    for (const voice::VoiceListener& l : listeners) {
        Peer& p = peer(l.id);
        voice::chooseVoices(l, m_talkers, p.selection, m_limits.rules, next);
        p.selection = next;
        for (std::size_t i = 0; i < next.size(); ++i)
            peer(next[i]).routes.push_back(Route{l.id, next.reachOf(i)});
    }
}

void VoiceModule::forward(std::uint16_t speaker, const voice::VoiceFrame& frame, double now) {
    const std::vector<Route>& routes = peer(speaker).routes;
    if (routes.empty()) return;
    // One packet per reach, encoded once and sent as is to every listener it reaches.
    std::vector<std::uint8_t> packets[3];
    for (const Route& r : routes) {
        Session* listener = m_ctx.session(r.listener);
        if (!listener || !listener->joined) continue;
        auto& packet = packets[std::size_t(r.reach)];
        if (packet.empty()) {
            auto encoded = encode(VoiceFrameDown{speaker, r.reach, frame});
            if (!encoded) {
                log::error("server: voice: {}", encoded.error().message);
                return;
            }
            packet = std::move(*encoded);
        }
        if (!admit(*listener, peer(r.listener), packet.size(), now)) {
            ++m_counters.dropped;
            continue;
        }
        m_ctx.sendPacket(*listener, net::kChannelVoice, packet);
        ++m_counters.framesOut;
    }
}

// The listener's budget (bytes per second, token bucket) and link (bytes ENet still holds for
// the voice channel): a frame that does not fit is dropped, never queued, so voices stay live.
bool VoiceModule::admit(const Session& listener, Peer& p, std::size_t bytes, double now) {
    const double cap = m_limits.listenerBytesPerSecond * m_limits.listenerBurstSeconds;
    p.budget = p.budgetAt < 0
                   ? cap
                   : std::min(cap, p.budget + (now - p.budgetAt) * m_limits.listenerBytesPerSecond);
    p.budgetAt = now;
    if (p.budget < double(bytes)) return false;
    if (m_ctx.queuedBytes(listener, net::kChannelVoice) + bytes > m_limits.maxQueuedBytes)
        return false;
    p.budget -= double(bytes);
    return true;
}

void VoiceModule::onTick(std::uint32_t tick, double now) {
    if (tick % m_ctx.config().tickRate == 0) expireMutes();
    rebuildRoutes(now);
    for (std::size_t id = 0; id < m_peers.size(); ++id) {
        Peer& p = m_peers[id];
        if (p.pending.empty()) continue;
        std::vector<voice::VoiceFrame> frames = std::move(p.pending);
        p.pending.clear();
        for (const voice::VoiceFrame& f : frames)
            forward(std::uint16_t(id), f, now);
    }
    if (m_rates.at < 0 || now - m_rates.at >= 1.0) {
        if (m_rates.at >= 0) {
            const Counters& c = m_counters;
            const Counters& s = m_rates.start;
            m_rates.last =
                Counters{c.framesIn - s.framesIn, c.framesOut - s.framesOut, c.dropped - s.dropped,
                         c.mutedFrames - s.mutedFrames, c.refused - s.refused};
        }
        m_rates.start = m_counters;
        m_rates.at = now;
    }
}

void VoiceModule::addStatus(std::vector<console::StatusFigure>& figures) const {
    std::size_t talkers = m_talkers.size();
    figures.push_back({"voice_talkers", "voice talkers", double(talkers)});
    figures.push_back(
        {"voice_frames_in_per_s", "voice frames in/s", double(m_rates.last.framesIn)});
    figures.push_back(
        {"voice_frames_out_per_s", "voice frames out/s", double(m_rates.last.framesOut)});
    figures.push_back({"voice_mutes", "voice mutes", double(m_mutes.size())});
}

} // namespace fg::server
