// QnaModule's reactions (rate-limited per person, counted per session, broadcast) and raised
// hands (a queue per session; the moderator brings one on stage and sends it back). Only the
// counts are stored (QnaBoard::countStage); the queue lives as long as the session's crowd.
#include "game/expo/VenueLayout.h"
#include "server/presence/PresenceModule.h"
#include "server/qna/QnaModule.h"

#include <algorithm>
#include <fmt/format.h>
#include <glm/geometric.hpp>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

namespace {

// A person's reactions: a burst of 3, then one a second (the icon floats for ~3 s).
constexpr float kReactionBurst = 3.0f;
constexpr float kReactionsPerSecond = 1.0f;

// The venue of SESSION and its hall index, or null.
const expo::Venue* venueOf(const expo::Exhibition& ex, std::string_view session,
                           std::uint32_t& hall) {
    const expo::Session* found = nullptr;
    for (const auto& s : ex.sessions)
        if (s.id == session) found = &s;
    if (!found) return nullptr;
    for (std::uint32_t h = 0; h < ex.halls.size(); ++h)
        for (const auto& venue : ex.halls[h].venues)
            if (venue.id == found->venue) {
                hall = h;
                return &venue;
            }
    return nullptr;
}

} // namespace

bool QnaModule::allowReaction(const Session& s, double now) {
    const std::string key = s.verified() ? s.personKey : "id:" + std::to_string(s.id);
    Bucket& b = m_reactionBuckets[key];
    if (b.at < 0)
        b.tokens = kReactionBurst;
    else
        b.tokens = std::min(kReactionBurst, b.tokens + float(now - b.at) * kReactionsPerSecond);
    b.at = now;
    if (b.tokens < 1.0f) return false;
    b.tokens -= 1.0f;
    return true;
}

void QnaModule::react(Session& s, const ReactionSend& m) {
    if (!refusal(s, m.sessionId, false).empty()) return ++m_refused, void();
    if (!allowReaction(s, monotonicSeconds())) return; // too many: dropped, not a fault
    m_board->countStage(m.sessionId, 1, 0);
    const ReactionShown shown{m.sessionId, s.id, m.kind};
    for (std::uint16_t id : m_programme.attendees(m.sessionId))
        if (const Session* other = m_ctx.session(id)) m_ctx.send(*other, shown);
}

void QnaModule::raiseHand(Session& s, const HandRaise& m) {
    if (auto why = refusal(s, m.sessionId, false); !why.empty())
        return refuse(s, m.requestId, "hand: " + why, false);
    auto& hands = m_hands[m.sessionId];
    auto it = std::find_if(hands.begin(), hands.end(), [&](const Hand& h) { return h.id == s.id; });
    if (m.raised && it == hands.end()) {
        hands.push_back(Hand{s.id, s.name, false, 0, {}});
        m_board->countStage(m.sessionId, 0, 1);
    }
    if (!m.raised && it != hands.end() && !it->onStage) hands.erase(it);
    m_ctx.reply(s, m.requestId, {}, 0, m.raised ? "hand raised" : "hand lowered");
    pushHands(m.sessionId);
}

Status QnaModule::moveToStage(Hand& hand, const std::string& session) {
    std::uint32_t hall = 0;
    const expo::Venue* venue = venueOf(m_ctx.exhibition(), session, hall);
    if (!venue) return makeError(fmt::format("session {} has no venue", session));
    const presence::Avatar* a = m_ctx.world().find(hand.id);
    if (!a || !a->active) return makeError(fmt::format("#{} is not in the hall", hand.id));
    hand.hall = a->hall;
    hand.position = a->position;
    const glm::vec2 spot = freeSpeakerSpot(m_ctx.exhibition().halls[hall], *venue, hall);
    return m_ctx.world().placeAt(hand.id, hall, spot, monotonicSeconds());
}

// The first of the venue's speaker spots with nobody within a metre of it (the last spot when
// all are taken): where a person brought on stage stands, beside the speakers.
glm::vec2 QnaModule::freeSpeakerSpot(const expo::Hall& hall, const expo::Venue& venue,
                                     std::uint32_t hallIndex) const {
    const expo::VenueLayout layout = expo::venueLayout(hall, venue);
    if (layout.speakerSpots.empty())
        return {venue.rect.x + venue.rect.width / 2, venue.rect.z + venue.rect.depth * 0.85f};
    for (const glm::vec2 spot : layout.speakerSpots) {
        const auto& world = m_ctx.world();
        const auto& ids = world.activeIds();
        const bool taken = std::any_of(ids.begin(), ids.end(), [&](std::uint16_t id) {
            const presence::Avatar* a = world.find(id);
            return a && a->hall == hallIndex && glm::distance(a->position, spot) < 1.0f;
        });
        if (!taken) return spot;
    }
    return layout.speakerSpots.back();
}

void QnaModule::stageHand(Session& s, const HandStage& m) {
    if (auto why = refusal(s, m.sessionId, true); !why.empty())
        return refuse(s, m.requestId, "hand: " + why, true);
    auto& hands = m_hands[m.sessionId];
    auto it =
        std::find_if(hands.begin(), hands.end(), [&](const Hand& h) { return h.id == m.clientId; });
    Session* speaker = m_ctx.session(m.clientId);
    if (it == hands.end() || !speaker)
        return refuse(s, m.requestId, fmt::format("hand: #{} has no hand raised", m.clientId),
                      false);
    if (m.onStage == it->onStage)
        return refuse(s, m.requestId,
                      fmt::format("hand: #{} is {} the stage", m.clientId,
                                  m.onStage ? "already on" : "not on"),
                      false);
    Status moved = m.onStage
                       ? moveToStage(*it, m.sessionId)
                       : m_ctx.world().placeAt(it->id, it->hall, it->position, monotonicSeconds());
    if (!moved) return refuse(s, m.requestId, "hand: " + moved.error().message, false);
    sendCorrection(m_ctx, *speaker, speaker->lastInput); // the client jumps there
    m_programme.setTemporarySpeaker(m.sessionId, m.clientId, m.onStage);
    if (m.onStage)
        it->onStage = true;
    else
        hands.erase(it); // back in the audience: the hand is lowered
    m_ctx.reply(s, m.requestId, {}, m.clientId, m.onStage ? "on stage" : "back in the audience");
    pushHands(m.sessionId);
}

HandQueue QnaModule::handQueue(const std::string& session) {
    HandQueue queue{session, {}};
    for (const Hand& h : m_hands[session])
        if (queue.hands.size() < kMaxHands) queue.hands.push_back({h.id, h.name, h.onStage});
    return queue;
}

void QnaModule::pushHands(const std::string& session) {
    const HandQueue queue = handQueue(session);
    for (std::uint16_t id : m_programme.attendees(session))
        if (const Session* s = m_ctx.session(id)) m_ctx.send(*s, queue);
}

void QnaModule::onLeave(Session& s, LeaveReason) {
    for (auto& [session, hands] : m_hands) {
        auto it =
            std::find_if(hands.begin(), hands.end(), [&](const Hand& h) { return h.id == s.id; });
        if (it == hands.end()) continue;
        if (it->onStage) m_programme.setTemporarySpeaker(session, s.id, false);
        hands.erase(it);
        pushHands(session);
    }
}

} // namespace fg::server
