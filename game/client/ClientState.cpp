// The shared core's world actions (walk to a booth, teleport) and helpers every feature uses.
// Sends requests through the Connection only; never draws, never blocks, holds no feature state.
#include "game/client/ClientState.h"

#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "game/expo/VenueLayout.h"

#include <algorithm>
#include <fmt/format.h>
#include <glm/geometric.hpp>
#include <sys/wait.h>
#include <unistd.h>

namespace fg::client {

netclient::NetClient* joinedClient(Session& s) {
    if (!s.link || s.link->state() != LinkState::Joined) return nullptr;
    return s.link->client();
}

const netclient::NetClient* joinedClient(const Session& s) {
    if (!s.link || s.link->state() != LinkState::Joined) return nullptr;
    return s.link->client();
}

const expo::Booth* selectedBooth(const Session& s) {
    const int i = s.selection.booth;
    if (!s.ex || i < 0 || std::size_t(i) >= s.ex->booths.size()) return nullptr;
    return &s.ex->booths[std::size_t(i)];
}

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
    auto* c = joinedClient(s);
    if (!c || boothIndex(s, id) < 0) return false;
    c->teleport(proto::TeleportKind::Booth, 0, id);
    s.faceAfterTeleport = s.ex->booths[std::size_t(boothIndex(s, id))].position;
    return true;
}

bool teleportToVenue(Session& s, const std::string& venueId) {
    auto* c = joinedClient(s);
    if (!c) return false;
    c->teleport(proto::TeleportKind::Venue, 0, venueId);
    if (!s.ex) return true;
    for (const auto& hall : s.ex->halls)
        for (const auto& venue : hall.venues)
            if (venue.id == venueId) // arrive facing the venue's screen (the stage, the table)
                s.faceAfterTeleport = expo::venueLayout(hall, venue).screen.position;
    return true;
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

void simplify(expo::Translations& translations) {
    for (auto& [language, text] : translations)
        simplify(text);
}

} // namespace

void simplifyDisplayText(expo::Exhibition& ex) {
    simplify(ex.event.name);
    for (auto& h : ex.halls) {
        simplify(h.name), simplify(h.nameI18n);
        for (auto& v : h.venues)
            simplify(v.name), simplify(v.nameI18n);
    }
    for (auto& p : ex.pavilions)
        simplify(p.name), simplify(p.nameI18n);
    for (auto& x : ex.exhibitors) {
        simplify(x.name), simplify(x.description), simplify(x.sector);
        simplify(x.nameI18n), simplify(x.descriptionI18n);
    }
    for (auto& b : ex.booths) {
        for (auto& d : b.content.documents)
            simplify(d.title);
        for (auto& l : b.content.links)
            simplify(l.title);
        for (auto& v : b.content.videos)
            simplify(v.title);
    }
    for (auto& s : ex.sessions) {
        simplify(s.title), simplify(s.titleI18n);
        simplify(s.description), simplify(s.descriptionI18n);
        for (auto& sp : s.speakers) {
            simplify(sp.name);
            simplify(sp.title);
            simplify(sp.organisation);
        }
    }
}

} // namespace fg::client
