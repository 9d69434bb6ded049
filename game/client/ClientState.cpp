// Visitor actions shared by UI buttons and script lines, and handling of server messages.
// Sends requests through the Connection only; never draws, never blocks.
#include "game/client/ClientState.h"

#include "engine/core/Log.h"
#include "engine/core/Time.h"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <glm/geometric.hpp>
#include <sys/wait.h>
#include <unistd.h>

namespace fg::client {
namespace {

netclient::NetClient* joined(Session& s) {
    if (!s.link || s.link->state() != LinkState::Joined) return nullptr;
    return s.link->client();
}

const expo::Booth* openBoothPtr(const Session& s) {
    if (!s.ex || s.booth.booth < 0 || std::size_t(s.booth.booth) >= s.ex->booths.size())
        return nullptr;
    return &s.ex->booths[std::size_t(s.booth.booth)];
}

// xdg-open in a child process: the URL is one argv entry, never parsed by a shell.
bool launchBrowser(const std::string& url) {
    const pid_t pid = ::fork();
    if (pid < 0) return false;
    if (pid == 0) {
        if (::fork() == 0) {
            ::execlp("xdg-open", "xdg-open", url.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(pid, &status, 0); // the grandchild is reparented, so no zombie is left
    return true;
}

void track(Session& s, std::uint32_t request, std::string what) {
    if (request) s.pending[request] = std::move(what);
}

} // namespace

int boothIndex(const Session& s, const std::string& id) {
    if (!s.ex) return -1;
    for (std::size_t i = 0; i < s.ex->booths.size(); ++i)
        if (s.ex->booths[i].id == id) return int(i);
    return -1;
}

std::uint32_t hallIndexOf(const expo::Exhibition& ex, const std::string& hallId) {
    for (std::size_t i = 0; i < ex.halls.size(); ++i)
        if (ex.halls[i].id == hallId) return std::uint32_t(i);
    return 0;
}

void toast(Session& s, std::string text, bool error) {
    log::info("client: {}", text);
    s.toasts.push_back({std::move(text), s.now + 4.0, error});
}

bool openBooth(Session& s, const std::string& id) {
    const int index = boothIndex(s, id);
    if (index < 0) {
        toast(s, fmt::format("no booth '{}'", id), true);
        return false;
    }
    s.booth = BoothView{};
    s.booth.booth = index;
    s.statsAskedAt = -1e9; // an own booth's figures are asked for at once
    s.booth.card = {s.profile.name, s.profile.organisation, s.profile.email, "", false};
    return true;
}

void closeBooth(Session& s) {
    s.booth = BoothView{};
}

bool goToBooth(Session& s, const std::string& id) {
    const int index = boothIndex(s, id);
    if (index < 0 || !s.avatar || !s.areas) return false;
    const expo::Booth& b = s.ex->booths[std::size_t(index)];
    const std::uint32_t hall = hallIndexOf(*s.ex, b.hall);
    if (hall != s.hall || hall >= s.areas->size()) return teleportToBooth(s, id);
    auto front = (*s.areas)[hall].boothFront(b);
    if (!front) return teleportToBooth(s, id);
    s.avatar->walkTo(*front, b.position);
    return true;
}

bool teleportToBooth(Session& s, const std::string& id) {
    auto* c = joined(s);
    if (!c || boothIndex(s, id) < 0) return false;
    c->teleport(proto::TeleportKind::Booth, 0, id);
    s.faceAfterTeleport = s.ex->booths[std::size_t(boothIndex(s, id))].position;
    return true;
}

bool teleportToVenue(Session& s, const std::string& venueId) {
    auto* c = joined(s);
    if (!c) return false;
    c->teleport(proto::TeleportKind::Venue, 0, venueId);
    return true;
}

bool dropCard(Session& s) {
    const expo::Booth* b = openBoothPtr(s);
    auto* c = joined(s);
    if (!b || !c) return false;
    if (!s.booth.card.consent) {
        toast(s, "tick the consent box to share your card", true);
        return false;
    }
    proto::DropCard card;
    card.boothId = b->id;
    card.name = s.booth.card.name;
    card.company = s.booth.card.company;
    card.email = s.booth.card.email;
    card.note = s.booth.card.note;
    card.consent = true;
    track(s, c->dropCard(card), "card:" + b->id);
    s.ui.cardForm = false;
    return true;
}

bool likeBooth(Session& s) {
    const expo::Booth* b = openBoothPtr(s);
    auto* c = joined(s);
    if (!b || !c) return false;
    track(s, c->like(b->id), "like:" + b->id);
    return true;
}

bool openDocument(Session& s, std::size_t index) {
    const expo::Booth* b = openBoothPtr(s);
    auto* c = joined(s);
    if (!b || !c || index >= b->content.documents.size()) return false;
    track(s, c->openItem(b->id, proto::ItemKind::Document, std::uint32_t(index)), "document");
    const auto file = s.baseDir / b->content.documents[index].file;
    launchBrowser(file.string());
    toast(s, fmt::format("opened {}", b->content.documents[index].title));
    return true;
}

bool openLink(Session& s, std::size_t index, bool confirmed) {
    const expo::Booth* b = openBoothPtr(s);
    if (!b || index >= b->content.links.size()) return false;
    if (!confirmed) {
        s.booth.confirmLink = int(index);
        return true;
    }
    s.booth.confirmLink = -1;
    if (auto* c = joined(s))
        track(s, c->openItem(b->id, proto::ItemKind::Link, std::uint32_t(index)), "link");
    launchBrowser(b->content.links[index].url);
    toast(s, "opened " + b->content.links[index].url + " in your browser");
    return true;
}

bool requestMeeting(Session& s) {
    const expo::Booth* b = openBoothPtr(s);
    auto* c = joined(s);
    if (!b || !c) return false;
    const MeetingForm& f = s.booth.meeting;
    const std::int64_t day = (std::int64_t(unixNow()) / 86400 + f.dayOffset) * 86400;
    proto::MeetingRequest request;
    request.boothId = b->id;
    request.startUnix = day + f.hour * 3600 + f.minute * 60;
    request.minutes = std::uint32_t(std::clamp(f.minutes, 5, 240));
    request.note = f.note;
    track(s, c->requestMeeting(request), "meeting:" + b->id);
    s.ui.meetingForm = false;
    return true;
}

bool sendChat(Session& s, const std::string& text) {
    auto* c = joined(s);
    if (!c || text.empty()) return false;
    const expo::Booth* b = openBoothPtr(s);
    proto::ChatScope scope = proto::ChatScope::Hall;
    if (s.chatTab == ChatTab::Booth && b) scope = proto::ChatScope::Booth;
    if (s.chatTab == ChatTab::Direct && s.directTo) scope = proto::ChatScope::Direct;
    track(s, c->chat(scope, b ? b->id : "", s.directTo, text), "chat");
    return true;
}

bool staffOnline(const Session& s, const std::string& id) {
    return s.staffOnline.count(id) > 0;
}

bool ownsOpenBooth(const Session& s) {
    const netclient::NetClient* c =
        s.link && s.link->state() == LinkState::Joined ? s.link->client() : nullptr;
    if (!c || !s.ex || s.booth.booth < 0) return false;
    if (c->welcome().role == proto::Role::Organiser) return true;
    return c->welcome().role == proto::Role::Exhibitor &&
           c->welcome().exhibitorId == s.ex->booths[std::size_t(s.booth.booth)].exhibitor;
}

void pollBoothStats(Session& s) {
    constexpr double kRefreshSeconds = 3.0;
    if (!ownsOpenBooth(s) || s.now - s.statsAskedAt < kRefreshSeconds) return;
    s.statsAskedAt = s.now;
    const std::string& id = s.ex->booths[std::size_t(s.booth.booth)].id;
    const std::uint32_t requestId = s.nextStatsRequest++;
    if (joined(s)->sendRaw(proto::BoothStatsRequest{requestId, id}))
        s.pending[requestId] = "stats:" + id;
}

int visitorsNear(const Session& s, int booth) {
    int n = 0;
    if (!s.ex || booth < 0) return 0;
    const expo::Booth& b = s.ex->booths[std::size_t(booth)];
    for (const auto& r : s.remotes)
        if (glm::distance(r.position, b.position) < 6.0f) ++n;
    return n;
}

} // namespace fg::client

namespace fg::client {
namespace {

void simplify(std::string& text) {
    static const std::pair<std::string_view, std::string_view> kMap[] = {
        {"\u2013", "-"},  {"\u2014", "-"},   {"\u2018", "'"}, {"\u2019", "'"}, {"\u201c", "\""},
        {"\u201d", "\""}, {"\u2026", "..."}, {"\u00a0", " "}, {"\u00b7", "-"}};
    for (auto [from, to] : kMap)
        for (auto at = text.find(from); at != std::string::npos;
             at = text.find(from, at + to.size()))
            text.replace(at, from.size(), to);
}

} // namespace

void simplifyDisplayText(expo::Exhibition& ex) {
    simplify(ex.event.name);
    for (auto& h : ex.halls) {
        simplify(h.name);
        for (auto& v : h.venues)
            simplify(v.name);
    }
    for (auto& p : ex.pavilions)
        simplify(p.name);
    for (auto& x : ex.exhibitors)
        simplify(x.name), simplify(x.description), simplify(x.sector);
    for (auto& b : ex.booths) {
        for (auto& d : b.content.documents)
            simplify(d.title);
        for (auto& l : b.content.links)
            simplify(l.title);
        for (auto& v : b.content.videos)
            simplify(v.title);
    }
    for (auto& s : ex.sessions) {
        simplify(s.title);
        simplify(s.description);
        for (auto& sp : s.speakers)
            simplify(sp);
    }
}

} // namespace fg::client
