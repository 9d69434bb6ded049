// RoundtableFeature's state: the speaking lists the server pushes (kept by session, timed from
// receipt) and the requests it sends. The panel is in RoundtablePanel.cpp, script actions in
// RoundtableActions.cpp. Must not decide permissions (the server does).
#include "game/client/roundtable/RoundtableFeature.h"

#include "engine/core/Time.h"
#include "engine/core/Translate.h"
#include "game/client/ClientFeatures.h"
#include "game/client/LocalText.h"
#include "game/client/programme/StageFeature.h"
#include "game/client/slides/SlidesFeature.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace fg::client {

using namespace fg::expo::proto;

std::string floorClock(std::int64_t ms) {
    const bool over = ms < 0;
    const std::int64_t s = (over ? -ms : ms + 999) / 1000;
    return fmt::format("{}{}:{:02}", over ? "-" : "", s / 60, s % 60);
}

namespace {

std::string lower(std::string text) {
    for (char& c : text)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// The card of the speaker called NAME: the same name, else one containing the other (a display
// name "Ana Costa" for the card "H.E. Ana Costa"); -1 when none.
int seatOf(const std::vector<std::string>& cards, const std::string& name) {
    for (std::size_t i = 0; i < cards.size(); ++i)
        if (cards[i] == name) return int(i);
    const std::string n = lower(name);
    for (std::size_t i = 0; i < cards.size() && n.size() >= 3; ++i) {
        const std::string c = lower(cards[i]);
        if (!c.empty() && (c.find(n) != std::string::npos || n.find(c) != std::string::npos))
            return int(i);
    }
    return -1;
}

} // namespace

RoundtableFeature::RoundtableFeature(Session& s, ClientFeatures& host) : m_s(s) {
    m_stage = host.find<StageFeature>();
}

void RoundtableFeature::registerHandlers(netclient::ClientRouter& router,
                                         PendingRequests& pending) {
    router.on<SpeakingList>([this](SpeakingList& l) {
        const std::string id = l.sessionId;
        m_seconds = int(l.secondsPerTurn); // the moderator's field starts from the current value
        m_lists[id] = Received{std::move(l), m_s.now};
    });
    pending.on<FloorPending>([this](const FloorPending&, const ActionResult& r) {
        if (r.ok) toast(m_s, serverText(r.text)); // refusals: the core's toast names them
    });
}

void RoundtableFeature::onJoined() {
    m_lists.clear(); // the server sends the list again on arrival
}

const expo::Session* RoundtableFeature::session() const {
    const expo::Session* e = m_stage ? m_stage->attending() : nullptr;
    if (!e || e->kind != expo::SessionKind::Roundtable) return nullptr;
    const StageUpdate* u = m_stage->update(e->id);
    return u && u->state == StageWireState::Live ? e : nullptr;
}

const SpeakingList* RoundtableFeature::list() const {
    const expo::Session* e = session();
    if (!e) return nullptr;
    auto it = m_lists.find(e->id);
    return it != m_lists.end() ? &it->second.list : nullptr;
}

std::int64_t RoundtableFeature::remainingMs() const {
    const SpeakingList* l = list();
    if (!l || !l->speaking) return 0;
    const double since = m_s.now - m_lists.at(l->sessionId).at;
    return l->remainingMs - std::int64_t(since * 1000.0);
}

bool RoundtableFeature::speaking() const {
    const SpeakingList* l = list();
    const netclient::NetClient* c = joinedClient(m_s);
    return l && c && l->speaking && l->current.clientId == c->id();
}

bool RoundtableFeature::waiting() const {
    const SpeakingList* l = list();
    const netclient::NetClient* c = joinedClient(m_s);
    return l && c && std::any_of(l->queue.begin(), l->queue.end(), [&](const FloorEntry& e) {
               return e.clientId == c->id();
           });
}

std::vector<ShownTable> RoundtableFeature::tables() const {
    std::vector<ShownTable> out;
    if (!m_s.ex || m_s.hall >= m_s.ex->halls.size()) return out;
    const expo::Hall& hall = m_s.ex->halls[m_s.hall];
    const SpeakingList* l = list();
    for (const auto& venue : hall.venues) {
        const expo::Session* e = screenSession(*m_s.ex, venue.id, unixNow());
        if (!e || e->kind != expo::SessionKind::Roundtable) continue;
        ShownTable t{&hall, &venue, {}};
        for (const expo::Speaker& sp : e->speakers)
            t.view.names.push_back(sp.name);
        if (l && l->sessionId == e->id && l->speaking) {
            const std::int64_t ms = remainingMs();
            t.view.lit = seatOf(t.view.names, l->current.name);
            if (t.view.lit < 0) { // not a listed speaker (a delegate brought on): the next seat
                t.view.lit = int(t.view.names.size());
                t.view.names.push_back(l->current.name);
            }
            t.view.speaker = l->current.name;
            t.view.clock = floorClock(ms);
            t.view.over = ms < 0;
        }
        out.push_back(std::move(t));
    }
    return out;
}

bool RoundtableFeature::requestFloor(bool on) {
    const expo::Session* e = session();
    netclient::NetClient* c = joinedClient(m_s);
    if (!e || !c) return false;
    m_s.pending.add(c->request(FloorRequest{0, e->id, on}),
                    FloorPending{on ? "request" : "withdraw"});
    return true;
}

bool RoundtableFeature::control(FloorAction action, std::uint16_t clientId, std::uint32_t seconds) {
    const expo::Session* e = session();
    netclient::NetClient* c = joinedClient(m_s);
    if (!e || !c) return false;
    m_s.pending.add(
        c->request(FloorControl{0, e->id, action, clientId, std::min(seconds, kMaxTurnSeconds)}),
        FloorPending{"control"});
    return true;
}

} // namespace fg::client
