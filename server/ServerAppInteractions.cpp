// ServerApp's booth interaction handlers: each message goes through fg_interactions (rules,
// permissions, store) and its outcome goes back as ActionResult. No rules are decided here.
#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "server/ServerApp.h"
#include "server/interactions/Interactions.h"
#include "server/store/Store.h"

#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

interact::Actor ServerApp::actor(const Session& s) const {
    return interact::Actor{s.id, s.name, s.role, s.exhibitorId, s.clientKey, s.address};
}

void ServerApp::reply(const Session& s, std::uint32_t requestId, const Status& status,
                      std::uint32_t value, std::string text) {
    if (!status) text = status.error().message;
    if (text.size() > kMaxReasonLength) text.resize(kMaxReasonLength);
    send(s, ActionResult{requestId, status.ok(), value, std::move(text)});
}

void ServerApp::handleInteraction(Session& s, Message& m) {
    const double now = monotonicSeconds();
    const interact::Actor who = actor(s);
    if (auto* chat = std::get_if<ChatSend>(&m)) return deliverChat(s, *chat);
    if (auto* like = std::get_if<Like>(&m)) {
        auto r = m_interactions->like(who, like->boothId, now);
        if (!r) return reply(s, like->requestId, r.error());
        return reply(s, like->requestId, {}, std::uint32_t(r->count),
                     r->added ? "liked" : "already liked");
    }
    if (auto* open = std::get_if<OpenItem>(&m)) {
        auto r = m_interactions->openItem(who, open->boothId, open->kind, open->index, now);
        if (!r) return reply(s, open->requestId, r.error());
        return reply(s, open->requestId, {}, 0, *r);
    }
    if (auto* card = std::get_if<DropCard>(&m)) {
        interact::BusinessCard bc{card->name, card->company, card->email, card->note,
                                  card->consent};
        auto r = m_interactions->dropCard(who, card->boothId, bc, now);
        if (!r) return reply(s, card->requestId, r.error());
        log::info("server: card from '{}' at booth '{}' saved as lead {}", s.name, card->boothId,
                  *r);
        return reply(s, card->requestId, {}, std::uint32_t(*r), "card left");
    }
    if (auto* req = std::get_if<MeetingRequest>(&m)) return handleMeetingRequest(s, *req);
    if (auto* rep = std::get_if<MeetingReply>(&m)) return handleMeetingReply(s, *rep);
    if (auto* staff = std::get_if<StaffPresence>(&m)) {
        Status st = m_interactions->setStaffOnDuty(who, staff->boothId, staff->onDuty);
        return reply(s, staff->requestId, st, 0, staff->onDuty ? "on duty" : "off duty");
    }
    fault(s, fmt::format("{} is not a client message", messageName(m.index())));
}

void ServerApp::deliverChat(Session& s, const ChatSend& chat) {
    if (s.muted) return reply(s, chat.requestId, makeError("chat: you are muted"));
    auto line = m_interactions->chat(actor(s), chat.scope, chat.boothId, chat.recipient, chat.text,
                                     monotonicSeconds());
    if (!line) return reply(s, chat.requestId, line.error());
    ChatReceived out{chat.scope, s.id, s.name, line->boothId, std::int64_t(unixNow()) * 1000,
                     line->text};
    const std::uint32_t hall = m_world->find(s.id)->hall;
    const expo::Booth* booth = expo::findBooth(*m_exhibition, line->boothId);
    std::size_t delivered = 0;
    for (auto& other : m_sessions) {
        if (!other.joined) continue;
        bool to = false;
        if (chat.scope == ChatScope::Hall) to = m_world->find(other.id)->hall == hall;
        if (chat.scope == ChatScope::Direct) to = other.id == chat.recipient || other.id == s.id;
        if (chat.scope == ChatScope::Booth)
            to = other.id == s.id || m_interactions->visits().boothOf(other.id) == line->boothId ||
                 (booth && other.role == Role::Exhibitor && other.exhibitorId == booth->exhibitor);
        if (to && send(other, out)) ++delivered;
    }
    if (chat.scope == ChatScope::Direct && delivered < 2)
        return reply(s, chat.requestId,
                     makeError(fmt::format("chat: visitor {} is not connected", chat.recipient)));
    reply(s, chat.requestId, {}, std::uint32_t(delivered));
}

void ServerApp::handleMeetingRequest(Session& s, const MeetingRequest& m) {
    auto r = m_interactions->requestMeeting(actor(s), m.boothId, m.startUnix, m.minutes, m.note,
                                            monotonicSeconds());
    if (!r) return reply(s, m.requestId, r.error());
    MeetingIncoming incoming{std::uint64_t(r->id), m.boothId, s.id,  s.name,
                             m.startUnix,          m.minutes, m.note};
    for (auto& other : m_sessions)
        if (other.joined && other.role == Role::Exhibitor && other.exhibitorId == r->exhibitorId)
            send(other, incoming);
    reply(s, m.requestId, {}, std::uint32_t(r->id), "meeting requested");
}

void ServerApp::handleMeetingReply(Session& s, const MeetingReply& m) {
    auto r = m_interactions->answerMeeting(actor(s), std::int64_t(m.meetingId), m.accept);
    if (!r) return reply(s, m.requestId, r.error());
    for (auto& other : m_sessions)
        if (other.joined && interact::visitorKey(actor(other)) == r->visitorKey)
            send(other, MeetingResult{m.meetingId, r->boothId, m.accept});
    reply(s, m.requestId, {}, 0, m.accept ? "accepted" : "declined");
}

void ServerApp::handleConsole(Session& s, const ConsoleCommand& command) {
    if (s.role != Role::Organiser) {
        log::warn("server: {} ('{}') tried a console command without the organiser role", s.id,
                  s.name);
        send(s,
             ConsoleResponse{command.requestId, false, "console commands need the organiser role"});
        return;
    }
    if (auto r = runPublishCommand(command.line)) {
        send(s, ConsoleResponse{command.requestId, r->ok(), r->ok() ? **r : r->error().message});
        return;
    }
    if (!m_consoleRunner) {
        send(s, ConsoleResponse{command.requestId, false, "no console on this server"});
        return;
    }
    log::info("server: remote console '{}': {}", s.name, command.line);
    auto out = m_consoleRunner(command.line);
    std::string text = out ? *out : out.error().message;
    if (text.size() > kMaxConsoleOutputLength) text.resize(kMaxConsoleOutputLength);
    send(s, ConsoleResponse{command.requestId, out.ok(), std::move(text)});
}

void ServerApp::updateVisits() {
    const double now = monotonicSeconds();
    for (const auto& s : m_sessions) {
        if (!s.joined) continue;
        const presence::Avatar* a = m_world->find(s.id);
        m_interactions->updatePosition(actor(s), m_exhibition->halls[a->hall].id, a->position, now);
    }
}

} // namespace fg::server
