// ChatHistoryModule: chat/line events into ChatLog, history requests answered from it, the
// hall's lines pushed on join, console `chat`. Reads the store on the tick thread (indexed).
// Must not deliver live chat (the interactions module does) nor decide who may chat.
#include "server/chat/ChatHistoryModule.h"

#include "engine/core/Log.h"
#include "server/console/ConsoleCommands.h"
#include "server/core/BusTopics.h"
#include "server/store/Role.h"
#include "server/store/Store.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

namespace {

std::string folded(std::string_view name) {
    std::string out(name);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

// Direct rooms are per pair of names (unique among joined people, ignoring case), either order.
std::string directRoom(std::string_view a, std::string_view b) {
    std::string x = folded(a), y = folded(b);
    if (y < x) std::swap(x, y);
    return "direct:" + x + "|" + y;
}

std::string roomOf(const ChatLineEvent& e) {
    switch (e.scope) {
    case ChatScope::Hall:
        return "hall:" + e.hallId;
    case ChatScope::Booth:
        return "booth:" + e.boothId;
    case ChatScope::Direct:
        return directRoom(e.senderName, e.recipientName);
    }
    return {};
}

} // namespace

Status ChatHistoryModule::start() {
    auto log = store::ChatLog::open(m_ctx.store(), m_ctx.config().chatHistory);
    if (!log) return log.error();
    m_log = std::move(*log);
    m_subscription = m_ctx.bus().subscribe(
        std::string(topic::kChatLines),
        [this](std::string_view, std::span<const std::uint8_t> bytes) { record(bytes); });
    m_subscribed = true;
    return {};
}

ChatHistoryModule::~ChatHistoryModule() {
    if (m_subscribed) m_ctx.bus().unsubscribe(m_subscription);
}

void ChatHistoryModule::registerHandlers(ServerRouter& router) {
    router.on<ChatHistoryRequest>(
        Permit::joined(), [this](Session& s, const ChatHistoryRequest& m) { answer(s, m); });
}

void ChatHistoryModule::record(std::span<const std::uint8_t> bytes) {
    auto event = readChatLine(bytes);
    if (!event) return log::error("chat history: a malformed chat/line event was ignored");
    store::ChatRecord r{0,
                        roomOf(*event),
                        event->senderName,
                        toString(event->senderRole),
                        event->sentMs,
                        event->text,
                        std::int64_t(event->lineId),
                        event->senderCompany};
    if (auto id = m_log->append(std::move(r)); !id) {
        ++m_storeErrors;
        return log::error("chat history: {}", id.error().message);
    }
    ++m_stored;
}

Result<std::string> ChatHistoryModule::roomFor(const Session& s, const ChatHistoryRequest& m) {
    switch (m.scope) {
    case ChatScope::Hall: {
        const presence::Avatar* a = m_ctx.world().find(s.id);
        if (!a) return makeError("chat history: you are not in a hall");
        return "hall:" + m_ctx.exhibition().halls[a->hall].id;
    }
    case ChatScope::Booth:
        if (!expo::findBooth(m_ctx.exhibition(), m.boothId))
            return makeError(fmt::format("chat history: booth '{}' does not exist", m.boothId));
        return "booth:" + m.boothId;
    case ChatScope::Direct: {
        const Session* other = m_ctx.session(m.with);
        if (!other || !other->joined || other->id == s.id)
            return makeError(fmt::format("chat history: visitor {} is not connected", m.with));
        return directRoom(s.name, other->name);
    }
    }
    return makeError("chat history: unknown scope");
}

Result<ChatHistory> ChatHistoryModule::history(const std::string& room, std::uint64_t beforeId) {
    // One more than a page tells whether older lines exist.
    auto lines = m_log->recent(room, kMaxHistoryLines + 1, std::int64_t(beforeId));
    if (!lines) return lines.error();
    ChatHistory out;
    out.more = lines->size() > kMaxHistoryLines;
    auto first = lines->begin() + (out.more ? 1 : 0);
    for (auto it = first; it != lines->end(); ++it) {
        auto role = store::parseRole(it->senderRole);
        out.lines.push_back(ChatHistoryLine{std::uint64_t(it->id), it->senderName,
                                            role.value_or(Role::Visitor), it->sentMs, it->text,
                                            std::uint64_t(it->lineId), it->senderCompany});
    }
    return out;
}

void ChatHistoryModule::answer(Session& s, const ChatHistoryRequest& m) {
    auto room = roomFor(s, m);
    if (!room) return m_ctx.reply(s, m.requestId, room.error());
    auto out = history(*room, m.beforeId);
    if (!out) return m_ctx.reply(s, m.requestId, out.error());
    out->requestId = m.requestId;
    out->scope = m.scope;
    out->boothId = m.scope == ChatScope::Booth ? m.boothId : "";
    if (m.scope == ChatScope::Direct) out->withName = m_ctx.session(m.with)->name;
    if (m.scope == ChatScope::Hall) out->boothId = room->substr(5);
    ++m_served;
    m_ctx.send(s, std::move(*out));
}

void ChatHistoryModule::onJoin(Session& s) {
    const presence::Avatar* a = m_ctx.world().find(s.id);
    if (!a) return;
    const std::string& hallId = m_ctx.exhibition().halls[a->hall].id;
    auto out = history("hall:" + hallId, 0);
    if (!out) return log::error("chat history: {}", out.error().message);
    // Sent even when empty: it tells the client this hall's history is loaded.
    out->scope = ChatScope::Hall;
    out->boothId = hallId;
    m_ctx.send(s, std::move(*out));
}

void ChatHistoryModule::addStatus(std::vector<console::StatusFigure>& figures) const {
    figures.push_back({"chat_lines_stored", "chat lines stored", double(m_stored)});
    figures.push_back({"chat_histories_served", "chat histories served", double(m_served)});
    if (m_storeErrors)
        figures.push_back({"chat_store_errors", "chat lines not stored", double(m_storeErrors)});
}

void ChatHistoryModule::registerCommands(console::ConsoleCommands& commands) {
    commands.add({"chat",
                  "chat rooms | chat purge [ROOM]",
                  "stored chat rooms, or delete a room's history (every room's without ROOM)",
                  fmt::format("Hall and booth rooms and direct conversations keep their last {} "
                              "lines (--chat-history N). Rooms are named hall:ID, booth:ID and "
                              "direct:NAME|NAME (names in lower case, in order).",
                              m_ctx.config().chatHistory),
                  1,
                  2,
                  {},
                  {"rooms", "purge"},
                  [this](const console::CommandArgs& a) { return command(a); }});
}

console::ConsoleResult ChatHistoryModule::command(const console::CommandArgs& a) {
    const std::string& verb = a.words[0];
    if (verb == "rooms" && a.words.size() == 1) {
        auto rooms = m_log->rooms();
        if (!rooms) return {rooms.error().message + "\n", false};
        if (rooms->empty()) return {"no chat stored\n", true};
        std::string out;
        for (const auto& [room, lines] : *rooms)
            out += fmt::format("{}  {} lines\n", room, lines);
        return {out, true};
    }
    if (verb == "purge") {
        const std::string room = a.words.size() > 1 ? a.words[1] : "";
        auto purged = m_log->purge(room);
        if (!purged) return {purged.error().message + "\n", false};
        log::info("server: console: chat purge {} removed {} lines", room.empty() ? "(all)" : room,
                  *purged);
        return {fmt::format("removed {} chat lines from {}\n", *purged,
                            room.empty() ? "every room" : room),
                true};
    }
    return {"usage: chat rooms | chat purge [ROOM]\n", false};
}

} // namespace fg::server
