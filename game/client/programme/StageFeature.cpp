// StageFeature's state from the server (places, updates, roles), its requests and its script
// actions. The panel is StagePanel.cpp. Nothing here decides who attends or who may page.
#include "game/client/programme/StageFeature.h"

#include "engine/core/Translate.h"
#include "game/client/ClientTry.h"
#include "game/netclient/NetClient.h"

#include <algorithm>
#include <fmt/format.h>

namespace fg::client {

using proto::StagePlaceKind;

namespace {

bool listed(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

bool running(const proto::StageUpdate& u) {
    return u.state == proto::StageWireState::DoorsOpen || u.state == proto::StageWireState::Live;
}

Result<std::uint32_t> pageArg(const std::string& text) {
    if (text.empty() || text.size() > 5 ||
        text.find_first_not_of("0123456789") != std::string::npos || std::stoul(text) == 0)
        return makeError(fmt::format("stage-page: \"{}\" is not a page number (1, 2, ...)", text));
    return std::uint32_t(std::stoul(text) - 1);
}

} // namespace

void StageFeature::registerHandlers(netclient::ClientRouter& router, PendingRequests&) {
    router.on<proto::StageUpdate>([this](proto::StageUpdate& u) {
        if (!running(u)) m_full.erase(u.sessionId);
        m_updates[u.sessionId] = u;
    });
    router.on<proto::StagePlace>([this](proto::StagePlace& p) { onPlace(p); });
    router.on<proto::StageRoles>([this](proto::StageRoles& r) { m_roles = r; });
}

void StageFeature::onPlace(const proto::StagePlace& p) {
    if (p.place == StagePlaceKind::Full) {
        m_full.insert(p.sessionId);
        m_fullPrompt = p.sessionId;
        toast(m_s, trf("'{}' is full: watch it from the overflow", p.sessionId));
        return;
    }
    if (p.place == StagePlaceKind::None) {
        if (m_attending == p.sessionId) m_attending.clear();
        if (m_overflowWanted == p.sessionId && m_place == StagePlaceKind::Overflow)
            m_overflowWanted.clear();
        m_place = StagePlaceKind::None;
        return;
    }
    m_attending = p.sessionId;
    m_place = p.place;
    m_open = true; // the stage panel comes up with the session
    if (m_fullPrompt == p.sessionId) m_fullPrompt.clear();
}

void StageFeature::onJoined() {
    m_updates.clear();
    m_roles = {};
    m_attending.clear();
    m_place = StagePlaceKind::None;
    m_full.clear();
    // A reconnect keeps the visitor in the overflow they were watching.
    if (!m_overflowWanted.empty()) watchOverflow(m_overflowWanted);
}

const expo::Session* StageFeature::attending() const {
    if (!m_s.ex || m_attending.empty()) return nullptr;
    for (const auto& session : m_s.ex->sessions)
        if (session.id == m_attending) return &session;
    return nullptr;
}

std::uint32_t StageFeature::slide() const {
    const proto::StageUpdate* u = update(m_attending);
    return u ? u->page : 0;
}

const proto::StageUpdate* StageFeature::update(const std::string& sessionId) const {
    auto it = m_updates.find(sessionId);
    return it == m_updates.end() ? nullptr : &it->second;
}

bool StageFeature::full(const std::string& sessionId) const {
    const proto::StageUpdate* u = update(sessionId);
    if (!u || !running(*u)) return false;
    return m_full.count(sessionId) || (u->capacity > 0 && u->inVenue >= u->capacity);
}

bool StageFeature::moderates(const std::string& sessionId) const {
    const netclient::NetClient* c = joinedClient(m_s);
    if (c && c->welcome().role == proto::Role::Organiser) return true;
    return listed(m_roles.moderates, sessionId);
}

bool StageFeature::presents(const std::string& sessionId) const {
    return moderates(sessionId) || listed(m_roles.speaks, sessionId);
}

bool StageFeature::watchOverflow(const std::string& sessionId) {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c) return false;
    m_overflowWanted = sessionId;
    m_shown = sessionId;
    return c->request(proto::OverflowRequest{0, sessionId, true}) != 0;
}

bool StageFeature::leaveOverflow() {
    netclient::NetClient* c = joinedClient(m_s);
    if (!c || m_place != StagePlaceKind::Overflow) return false;
    m_overflowWanted.clear();
    return c->request(proto::OverflowRequest{0, m_attending, false}) != 0;
}

bool StageFeature::command(const std::string& sessionId, proto::StageAction action) {
    netclient::NetClient* c = joinedClient(m_s);
    return c && c->request(proto::StageCommand{0, sessionId, action}) != 0;
}

bool StageFeature::showPage(const std::string& sessionId, std::uint32_t page) {
    netclient::NetClient* c = joinedClient(m_s);
    return c && c->request(proto::StagePage{0, sessionId, page}) != 0;
}

// The presenter's previous/next: from the page the server last said, within the protocol.
bool StageFeature::turnPage(int delta) {
    const expo::Session* e = panelSession();
    if (!e) return false;
    const proto::StageUpdate* u = update(e->id);
    const std::int64_t page = std::int64_t(u ? u->page : 0) + delta;
    if (page < 0 || page > std::int64_t(proto::kMaxSlidePage)) return false;
    return showPage(e->id, std::uint32_t(page));
}

std::optional<Status> StageFeature::runAction(const std::string& name,
                                              const std::vector<std::string>& args) {
    auto session = [&]() -> Result<std::string> {
        if (args.size() != 1) return makeError(fmt::format("{}: expected SESSION", name));
        for (const auto& e : m_s.ex->sessions)
            if (e.id == args[0]) return e.id;
        return makeError(fmt::format("{}: no session '{}'", name, args[0]));
    };
    bool ran = false;
    if (name == "stage") {
        m_open = !m_open;
        if (args.size() == 1) {
            auto id = session();
            if (!id) return Status(id.error());
            m_shown = *id;
            m_open = true;
        }
        return Status{};
    } else if (name == "stage-start" || name == "stage-end") {
        auto id = session();
        if (!id) return Status(id.error());
        m_shown = *id;
        ran = command(*id,
                      name == "stage-start" ? proto::StageAction::Start : proto::StageAction::End);
    } else if (name == "stage-next" || name == "stage-prev") {
        ran = turnPage(name == "stage-next" ? 1 : -1);
    } else if (name == "stage-page") {
        FG_CLIENT_TRY(needArgs(name, args, 1));
        auto page = pageArg(args[0]);
        if (!page) return Status(page.error());
        const expo::Session* e = panelSession();
        ran = e && showPage(e->id, *page);
    } else if (name == "stage-overflow") {
        auto id = session();
        if (!id) return Status(id.error());
        ran = watchOverflow(*id);
    } else if (name == "stage-leave-overflow") {
        ran = leaveOverflow();
    } else {
        return std::nullopt;
    }
    return actionRan(ran, name, args);
}

} // namespace fg::client
