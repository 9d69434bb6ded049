// ScriptedSession: the links (one NetClient per scripted person), what they hear, and walking to
// their places (speaker spots, seats). The roles' timed behaviour is in SessionScript.cpp.
// Touches nothing but its own clients; all state lives on the thread that calls step().
#include "game/netclient/ScriptedSession.h"

#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "game/expo/VenueLayout.h"

#include <chrono>
#include <cmath>
#include <fmt/format.h>
#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

namespace fg::netclient {

ScriptedSession::ScriptedSession(const expo::Exhibition& ex, SessionScriptConfig config)
    : m_config(std::move(config)),
      m_country(ex.event.hostCountry.empty() ? "VN" : ex.event.hostCountry) {}

Result<std::unique_ptr<ScriptedSession>> ScriptedSession::create(const expo::Exhibition& ex,
                                                                 SessionScriptConfig config) {
    std::unique_ptr<ScriptedSession> out(new ScriptedSession(ex, std::move(config)));
    const expo::Session* session = expo::findSession(ex, out->m_config.sessionId);
    if (!session)
        return makeError(
            fmt::format("scripted session: unknown session \"{}\"", out->m_config.sessionId));
    std::uint32_t hallIndex = 0;
    const expo::Venue* venue = expo::findVenue(ex, session->venue, &hallIndex);
    if (!venue || hallIndex >= ex.halls.size())
        return makeError(fmt::format("scripted session: session \"{}\" has no venue \"{}\"",
                                     session->id, session->venue));
    out->m_venue = session->venue;
    const expo::VenueLayout layout = expo::venueLayout(ex.halls[hallIndex], *venue);
    out->m_screen = layout.screen.position;
    const glm::vec2 centre{venue->rect.x + venue->rect.width / 2,
                           venue->rect.z + venue->rect.depth / 2};
    out->m_speakerSpot = layout.speakerSpots.empty() ? centre : layout.speakerSpots.front();
    out->m_moderatorSpot =
        layout.speakerSpots.size() > 1 ? layout.speakerSpots.back() : out->m_speakerSpot;
    out->m_seats = expo::seatPositions(layout);
    out->m_audienceCentre = centre;
    if (!out->m_seats.empty()) {
        glm::vec2 sum{0.0f};
        for (glm::vec2 seat : out->m_seats)
            sum += seat;
        out->m_audienceCentre = sum / float(out->m_seats.size());
    }
    // A deck of images is its pages; a PDF is one file here, its page count known to the
    // server only: the script then pages through the first four.
    const auto& deck = session->deck;
    out->m_pages = deck.size() > 1 ? std::uint32_t(deck.size()) : deck.empty() ? 1 : 4;
    if (Status st = out->connectAll(); !st) return st.error();
    return out;
}

ScriptedSession::~ScriptedSession() {
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
    for (Actor* a : {&m_speaker, &m_moderator})
        if (a->net) a->net->disconnect();
    for (Actor& a : m_audience)
        if (a.net) a.net->disconnect();
}

Status ScriptedSession::connect(Actor& actor, const std::string& token) {
    ClientConfig cc;
    cc.host = m_config.host;
    cc.port = m_config.port;
    cc.serverKey = m_config.serverKey;
    cc.hello.name = actor.name;
    cc.hello.look = std::uint32_t(m_rng() & 0xffffff);
    cc.hello.country = m_country;
    cc.hello.clientKey = "scripted-" + actor.name;
    cc.hello.credential = token;
    auto client = NetClient::connect(cc);
    if (!client)
        return makeError(
            fmt::format("scripted session: {}: {}", actor.name, client.error().message));
    actor.net = std::move(*client);
    return {};
}

Status ScriptedSession::connectAll() {
    static constexpr const char* kAudience[] = {"Amara", "Bao",   "Chen", "Dalia", "Eitan",
                                                "Fatou", "Goran", "Hana", "Ines",  "Jomo"};
    m_speaker.name = m_config.speakerName;
    m_speaker.target = m_speakerSpot;
    m_speaker.face = m_audienceCentre;
    m_moderator.name = m_config.moderatorName;
    m_moderator.target = m_moderatorSpot;
    m_moderator.face = m_audienceCentre;
    if (Status st = connect(m_speaker, m_config.speakerToken); !st) return st;
    if (Status st = connect(m_moderator, m_config.moderatorToken); !st) return st;
    m_audience.resize(m_config.audienceTokens.size());
    for (std::size_t i = 0; i < m_audience.size(); ++i) {
        Actor& a = m_audience[i];
        a.name = fmt::format("{} (audience)", kAudience[i % std::size(kAudience)]);
        a.rest = proto::Anim::Sit;
        a.face = m_screen;
        // Spread over the seats, front rows first.
        a.target = m_seats.empty() ? m_speakerSpot : m_seats[(i * 3 + 1) % m_seats.size()];
        if (Status st = connect(a, m_config.audienceTokens[i]); !st) return st;
    }
    return {};
}

void ScriptedSession::startThread() {
    m_thread = std::thread([this] {
        while (!m_stop.load(std::memory_order_relaxed)) {
            step(monotonicSeconds());
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    });
}

ScriptedSession::Figures ScriptedSession::figures() const {
    std::lock_guard lock(m_figuresMutex);
    return m_figures;
}

void ScriptedSession::step(double now) {
    service(m_speaker, now);
    service(m_moderator, now);
    for (Actor& a : m_audience)
        service(a, now);
    std::uint32_t joined = 0;
    for (const Actor* a : {&m_speaker, &m_moderator})
        joined += a->entered;
    for (const Actor& a : m_audience)
        joined += a.entered;
    {
        std::lock_guard lock(m_figuresMutex);
        m_figures.joined = joined;
        m_figures.live = m_haveStage && m_stage.state == proto::StageWireState::Live;
        m_figures.page = m_stage.page;
    }
    moderatorStep(now);
    if (!m_haveStage || m_stage.state != proto::StageWireState::Live) return;
    speakerStep(now);
    audienceStep(now);
}

// Services ACTOR's link; once it has joined, into the venue (a teleport the server checks),
// then the Q&A, then on foot to its place.
void ScriptedSession::service(Actor& actor, double now) {
    if (!actor.net) return;
    actor.net->update(0);
    for (proto::Message& m : actor.net->takeInbox())
        onMessage(actor, m);
    if (actor.net->state() != ClientState::Joined) return;
    if (!actor.entered) {
        actor.net->teleport(proto::TeleportKind::Venue, 0, m_venue);
        actor.entered = true;       // the Q&A is joined once the server places it (StagePlace)
        actor.nextMove = now + 0.5; // after the server has placed the avatar
        return;
    }
    if (now >= actor.nextMove) walk(actor, now);
}

void ScriptedSession::walk(Actor& actor, double now) {
    constexpr double kPeriod = 0.1; // 10 Hz inputs, walking pace
    const glm::vec2 from = actor.net->selfPosition();
    const glm::vec2 to = actor.target - from;
    const float distance = glm::length(to);
    const float step = 1.4f * float(kPeriod);
    if (distance <= 0.05f) {
        const glm::vec2 look = actor.face - from;
        actor.net->sendInput(from, glm::degrees(std::atan2(look.x, look.y)), actor.rest);
    } else {
        const glm::vec2 next = distance <= step ? actor.target : from + to / distance * step;
        actor.net->sendInput(next, glm::degrees(std::atan2(to.x, to.y)), proto::Anim::Walk);
    }
    actor.nextMove = now + kPeriod;
}

void ScriptedSession::onMessage(Actor& actor, proto::Message& m) {
    using namespace fg::expo::proto;
    if (auto* u = std::get_if<StageUpdate>(&m); u && u->sessionId == m_config.sessionId) {
        if (&actor == &m_moderator || !m_haveStage) {
            m_stage = *u;
            m_haveStage = true;
        }
    } else if (auto* p = std::get_if<StagePlace>(&m); p && p->sessionId == m_config.sessionId) {
        if (p->place == StagePlaceKind::Full) // nobody is turned away: the overflow
            actor.net->request(OverflowRequest{0, m_config.sessionId, true});
        else if (p->place == StagePlaceKind::Venue || p->place == StagePlaceKind::Overflow)
            actor.net->request(QnaJoin{0, m_config.sessionId});
    } else if (auto* q = std::get_if<QnaState>(&m); q && q->sessionId == m_config.sessionId) {
        for (const auto& info : q->questions)
            actor.questions[info.id] = info;
        for (const auto& poll : q->polls)
            actor.polls[poll.id] = poll;
    } else if (auto* qu = std::get_if<QnaQuestionUpdate>(&m);
               qu && qu->sessionId == m_config.sessionId) {
        actor.questions[qu->question.id] = qu->question;
    } else if (auto* pu = std::get_if<PollUpdate>(&m); pu && pu->sessionId == m_config.sessionId) {
        actor.polls[pu->poll.id] = pu->poll;
    } else if (auto* r = std::get_if<ActionResult>(&m); r && !r->ok) {
        log::warn("scripted session: {} was refused: {}", actor.name, r->text);
        std::lock_guard lock(m_figuresMutex);
        ++m_figures.refusals;
        m_figures.lastRefusal = r->text;
    }
}

} // namespace fg::netclient
