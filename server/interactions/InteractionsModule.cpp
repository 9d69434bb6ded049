// Interactions module: each message goes through fg_interactions (rules, permissions, store)
// and its outcome goes back as ActionResult. Must not decide rules or send outside ServerContext.
#include "server/interactions/InteractionsModule.h"

#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "server/core/BusTopics.h"
#include "server/interactions/Interactions.h"

#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

InteractionsModule::InteractionsModule(ServerContext& ctx, interact::Interactions& interactions)
    : m_ctx(ctx), m_interactions(interactions) {
    m_boothTopics = ctx.bus().subscribe(
        std::string(topic::kBoothPrefix) + "*",
        [this](std::string_view t, std::span<const std::uint8_t> b) { deliverToAudience(t, b); });
}

InteractionsModule::~InteractionsModule() {
    m_ctx.bus().unsubscribe(m_boothTopics);
}

void InteractionsModule::registerHandlers(ServerRouter& router) {
    const Permit anyone = Permit::joined();
    router.on<ChatSend>(anyone, [this](Session& s, const ChatSend& m) { chat(s, m); });
    router.on<Like>(anyone, [this](Session& s, const Like& m) { like(s, m); });
    router.on<OpenItem>(anyone, [this](Session& s, const OpenItem& m) { openItem(s, m); });
    router.on<DropCard>(anyone, [this](Session& s, const DropCard& m) { dropCard(s, m); });
    // Who staffs which booth is fg_interactions' rule (its refusals are readable replies).
    router.on<StaffPresence>(anyone,
                             [this](Session& s, const StaffPresence& m) { staffDuty(s, m); });
}

void InteractionsModule::onLeave(Session& s, LeaveReason) {
    m_interactions.removeActor(s.id, monotonicSeconds());
}

void InteractionsModule::onTick(std::uint32_t tick, double now) {
    if (tick % 5 == 0) updateVisits(now); // 4 Hz at 20 Hz is plenty for dwell statistics
}

void InteractionsModule::like(Session& s, const Like& m) {
    auto r = m_interactions.like(m_ctx.actor(s), m.boothId, monotonicSeconds());
    if (!r) return m_ctx.reply(s, m.requestId, r.error());
    m_ctx.reply(s, m.requestId, {}, std::uint32_t(r->count), r->added ? "liked" : "already liked");
}

void InteractionsModule::openItem(Session& s, const OpenItem& m) {
    auto r =
        m_interactions.openItem(m_ctx.actor(s), m.boothId, m.kind, m.index, monotonicSeconds());
    if (!r) return m_ctx.reply(s, m.requestId, r.error());
    m_ctx.reply(s, m.requestId, {}, 0, *r);
}

void InteractionsModule::dropCard(Session& s, const DropCard& m) {
    interact::BusinessCard bc{m.name, m.company, m.email, m.note, m.consent};
    auto r = m_interactions.dropCard(m_ctx.actor(s), m.boothId, bc, monotonicSeconds());
    if (!r) return m_ctx.reply(s, m.requestId, r.error());
    log::info("server: card from '{}' at booth '{}' saved as lead {}", s.name, m.boothId, *r);
    m_ctx.reply(s, m.requestId, {}, std::uint32_t(*r), "card left");
}

void InteractionsModule::staffDuty(Session& s, const StaffPresence& m) {
    Status st = m_interactions.setStaffOnDuty(m_ctx.actor(s), m.boothId, m.onDuty);
    m_ctx.reply(s, m.requestId, st, 0, m.onDuty ? "on duty" : "off duty");
}

void InteractionsModule::chat(Session& s, const ChatSend& chat) {
    // Whether S is muted is the store's (a timed mute ends there); Interactions::chat asks it.
    auto line = m_interactions.chat(m_ctx.actor(s), chat.scope, chat.boothId, chat.recipient,
                                    chat.text, monotonicSeconds());
    if (!line) return m_ctx.reply(s, chat.requestId, line.error());
    ChatReceived out{chat.scope,
                     s.id,
                     s.name,
                     line->boothId,
                     std::int64_t(unixNow()) * 1000,
                     line->text,
                     staffCompany(s, line->boothId),
                     nextChatLineId(m_ctx.bus())};
    if (chat.scope == ChatScope::Booth) m_interactions.joinBoothChat(s.id, line->boothId);
    ChatLineEvent event{chat.scope, "",         line->boothId, s.name,     s.role,
                        "",         out.timeMs, line->text,    out.lineId, out.company};
    const std::size_t delivered = deliverChat(s, chat, line->boothId, std::move(out));
    if (chat.scope == ChatScope::Direct && delivered < 2)
        return m_ctx.reply(
            s, chat.requestId,
            makeError(fmt::format("chat: visitor {} is not connected", chat.recipient)));
    publishLine(s, chat, std::move(event));
    m_ctx.reply(s, chat.requestId, {}, std::uint32_t(delivered));
}

// Tells whoever keeps chat (the history slice) where the line went, with the names of a pair.
void InteractionsModule::publishLine(const Session& s, const ChatSend& chat, ChatLineEvent event) {
    event.hallId = m_ctx.exhibition().halls[m_ctx.world().find(s.id)->hall].id;
    if (chat.scope == ChatScope::Direct)
        if (const Session* to = m_ctx.session(chat.recipient)) event.recipientName = to->name;
    publishChatLine(m_ctx.bus(), std::move(event));
}

// Hall and booth chat go through the bus (other processes serve the same hall later); a direct
// line goes to its two ends. Returns how many connections here got the line.
std::size_t InteractionsModule::deliverChat(Session& s, const ChatSend& chat,
                                            const std::string& boothId, ChatReceived out) {
    std::size_t delivered = 0;
    if (chat.scope == ChatScope::Direct) {
        for (const Session& other : m_ctx.sessions())
            if (other.joined && (other.id == chat.recipient || other.id == s.id) &&
                m_ctx.send(other, out))
                ++delivered;
        return delivered;
    }
    std::string topicName;
    if (chat.scope == ChatScope::Hall) {
        const std::uint32_t hall = m_ctx.world().find(s.id)->hall;
        for (const Session& other : m_ctx.sessions())
            if (other.joined && m_ctx.world().find(other.id)->hall == hall) ++delivered;
        topicName = topic::hall(m_ctx.exhibition().halls[hall].id);
    } else {
        const expo::Booth* booth = expo::findBooth(m_ctx.exhibition(), boothId);
        for (const Session& other : m_ctx.sessions())
            if (other.joined && inAudience(other, boothId, booth)) ++delivered;
        // The sender sees their own line even when they are not at the booth.
        if (!inAudience(s, boothId, booth) && m_ctx.send(s, out)) ++delivered;
        topicName = topic::booth(boothId);
    }
    if (Status st = broadcast(m_ctx.bus(), topicName, std::move(out)); !st)
        log::error("server: chat: {}", st.error().message);
    return delivered;
}

bool InteractionsModule::inAudience(const Session& s, const std::string& boothId,
                                    const expo::Booth* booth) const {
    if (boothId.empty()) return false;
    return m_interactions.visits().boothOf(s.id) == boothId ||
           m_interactions.inBoothChat(s.id, boothId) ||
           (booth && s.role == Role::Exhibitor && s.exhibitorId == booth->exhibitor);
}

// Visitors read a staff reply as coming from the company: its exhibitor's name.
std::string InteractionsModule::staffCompany(const Session& s, const std::string& boothId) const {
    const expo::Booth* booth = expo::findBooth(m_ctx.exhibition(), boothId);
    if (!booth || s.role != Role::Exhibitor || s.exhibitorId != booth->exhibitor) return {};
    const expo::Exhibitor* x = expo::findExhibitor(m_ctx.exhibition(), booth->exhibitor);
    std::string name = x ? x->name : booth->exhibitor;
    if (name.size() > kMaxCompanyLength) name.resize(kMaxCompanyLength);
    return name;
}

void InteractionsModule::deliverToAudience(std::string_view topicName,
                                           std::span<const std::uint8_t> bytes) {
    auto cast = readBroadcast(bytes);
    if (!cast) return;
    const std::string boothId(topicName.substr(topic::kBoothPrefix.size()));
    const expo::Booth* booth = expo::findBooth(m_ctx.exhibition(), boothId);
    for (const Session& s : m_ctx.sessions())
        if (s.joined && inAudience(s, boothId, booth))
            m_ctx.sendPacket(s, cast->channel, cast->packet);
}

void InteractionsModule::updateVisits(double now) {
    for (const Session& s : m_ctx.sessions()) {
        if (!s.joined || !s.present) continue; // a tool stands nowhere
        const presence::Avatar* a = m_ctx.world().find(s.id);
        m_interactions.updatePosition(m_ctx.actor(s), m_ctx.exhibition().halls[a->hall].id,
                                      a->position, now);
    }
}

} // namespace fg::server
