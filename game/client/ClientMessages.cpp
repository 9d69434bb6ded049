// Server messages -> session state (chat lines, banners, request outcomes, meetings), and the
// named script actions. Must not draw or send anything the UI could not send itself.
#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "game/client/ClientState.h"
#include "game/client/ClientTry.h"

#include <fmt/format.h>

namespace fg::client {
namespace {

void onResult(Session& s, const proto::ActionResult& r) {
    auto it = s.pending.find(r.requestId);
    const std::string what = it == s.pending.end() ? "" : it->second;
    if (it != s.pending.end()) s.pending.erase(it);
    const auto colon = what.find(':');
    const std::string kind = what.substr(0, colon);
    const std::string booth = colon == std::string::npos ? "" : what.substr(colon + 1);
    if (!r.ok) {
        toast(s, r.text.empty() ? "the server refused: " + kind : r.text, true);
        if (kind == "stats") s.boothStats.erase(booth);
        if (kind == "card") s.booth.lastResult = "card not delivered: " + r.text;
        return;
    }
    if (kind == "card") {
        ++s.cardsDropped[booth];
        s.booth.lastResult = "card delivered";
        toast(s, fmt::format("your card was left at booth {}", booth));
    } else if (kind == "like") {
        s.likes[booth] = r.value;
        toast(s, fmt::format("liked ({} likes)", r.value));
    } else if (kind == "meeting") {
        s.booth.lastResult = "meeting requested";
        toast(s, "meeting request sent to the exhibitor");
    }
}

ChatTab tabOf(proto::ChatScope scope) {
    return scope == proto::ChatScope::Booth    ? ChatTab::Booth
           : scope == proto::ChatScope::Direct ? ChatTab::Direct
                                               : ChatTab::Hall;
}

void onChat(Session& s, const proto::ChatReceived& m) {
    const bool mine = s.link && s.link->client() && m.from == s.link->client()->id();
    s.chat.push_back({m.scope, m.boothId, m.from, m.fromName, m.text, mine});
    if (s.chat.size() > 500) s.chat.erase(s.chat.begin());
    const ChatTab tab = tabOf(m.scope);
    if (!mine && (!s.ui.chat || s.chatTab != tab)) ++s.unread[tab];
}

std::string joinArgs(const std::vector<std::string>& args) {
    std::string out;
    for (const auto& a : args)
        out += (out.empty() ? "" : " ") + a;
    return out;
}

} // namespace

void handleMessage(Session& s, proto::Message& message) {
    if (auto* r = std::get_if<proto::ActionResult>(&message))
        onResult(s, *r);
    else if (auto* c = std::get_if<proto::ChatReceived>(&message))
        onChat(s, *c);
    else if (auto* a = std::get_if<proto::Announcement>(&message)) {
        s.banners.push_back(*a);
        log::info("client: announcement from {}: {}", a->from, a->text);
    } else if (auto* m = std::get_if<proto::MeetingIncoming>(&message)) {
        s.meetingsIn.push_back(*m);
        toast(s, fmt::format("{} asks for a meeting at booth {}", m->fromName, m->boothId));
    } else if (auto* st = std::get_if<proto::StaffPresence>(&message)) {
        if (st->onDuty)
            s.staffOnline.insert(st->boothId);
        else
            s.staffOnline.erase(st->boothId);
    } else if (auto* b = std::get_if<proto::BoothStats>(&message)) {
        s.pending.erase(b->requestId);
        s.boothStats[b->boothId] = std::move(*b);
    } else if (auto* m = std::get_if<proto::MeetingResult>(&message)) {
        toast(s,
              fmt::format("your meeting at booth {} was {}", m->boothId,
                          m->accepted ? "accepted" : "declined"),
              !m->accepted);
    }
}

Status runAction(Session& s, const std::string& name, const std::vector<std::string>& args) {
    auto need = [&](std::size_t n) -> Status {
        if (args.size() < n)
            return makeError(fmt::format("action {}: needs {} argument(s)", name, n));
        return {};
    };
    bool ok = true;
    if (name == "open-booth") {
        FG_CLIENT_TRY(need(1));
        ok = openBooth(s, args[0]);
    } else if (name == "walk-to") {
        FG_CLIENT_TRY(need(1));
        ok = goToBooth(s, args[0]);
    } else if (name == "teleport") {
        FG_CLIENT_TRY(need(1));
        ok =
            boothIndex(s, args[0]) >= 0 ? teleportToBooth(s, args[0]) : teleportToVenue(s, args[0]);
    } else if (name == "close-panel")
        closeBooth(s);
    else if (name == "card-form")
        s.ui.cardForm = s.booth.booth >= 0;
    else if (name == "card-note")
        s.booth.card.note = joinArgs(args);
    else if (name == "consent")
        s.booth.card.consent = args.empty() || args[0] != "off";
    else if (name == "drop-card") {
        // The scripted form submit: consent given, as a person ticking the box would.
        s.booth.card.consent = true;
        if (!args.empty()) s.booth.card.note = joinArgs(args);
        ok = dropCard(s);
    } else if (name == "like")
        ok = likeBooth(s);
    else if (name == "request-meeting")
        ok = requestMeeting(s);
    else if (name == "open-document") {
        FG_CLIENT_TRY(need(1));
        ok = openDocument(s, std::stoul(args[0]));
    } else if (name == "zoom-poster") {
        FG_CLIENT_TRY(need(1));
        s.booth.zoomPoster = std::stoi(args[0]);
        s.booth.zoom = args.size() > 1 ? std::stof(args[1]) : 1.0f;
    } else if (name == "chat") {
        s.ui.chat = true;
        ok = sendChat(s, joinArgs(args));
    } else if (name == "search") {
        s.ui.directory = true;
        s.directorySearch = joinArgs(args);
    } else if (name == "directory")
        s.ui.directory = !s.ui.directory;
    else if (name == "agenda")
        s.ui.agenda = !s.ui.agenda;
    else if (name == "map")
        s.ui.map = !s.ui.map;
    else if (name == "chat-window")
        s.ui.chat = !s.ui.chat;
    else if (name == "settings")
        s.ui.settings = !s.ui.settings;
    else if (name == "help")
        s.ui.help = !s.ui.help;
    else if (name == "people")
        s.ui.people = !s.ui.people;
    else if (name == "agenda-day") {
        FG_CLIENT_TRY(need(1));
        s.agendaDay = std::stoi(args[0]);
    } else if (name == "event-time") {
        FG_CLIENT_TRY(need(1));
        auto t = parseUtcTimestamp(args[0]);
        if (!t) return t.error();
        s.eventClockOffset = *t - unixNow();
        s.agendaDay = -1;
        s.ui.agenda = true;
    } else if (name == "quit")
        s.quit = true;
    else
        return makeError(fmt::format("unknown action '{}'", name));
    if (!ok) return makeError(fmt::format("action {} {} could not run now", name, joinArgs(args)));
    return {};
}

} // namespace fg::client
