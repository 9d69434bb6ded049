// Interaction rules against the store: permissions, rate limits, likes, chat, opens, leads,
// staff duty. Never sends anything: the caller delivers results and reasons.
#include "server/interactions/Interactions.h"

#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "server/store/Store.h"

#include <fmt/format.h>

namespace fg::interact {

namespace {
// What a muted person reads when they try to chat: until when, and why.
std::string muteText(const store::Mute& m) {
    std::string text = "chat: you are muted by the organiser";
    if (m.expiresAt) text += " until " + formatUtcTimestamp(*m.expiresAt);
    if (!m.reason.empty()) text += ": " + m.reason;
    return text;
}
} // namespace

Status checkCard(const BusinessCard& card, const InteractionLimits& limits); // InteractionRules.cpp

Interactions::Interactions(store::Store& store, const expo::Exhibition& exhibition,
                           InteractionLimits limits, VisitRules visitRules)
    : m_store(store), m_limits(limits), m_visits(store, exhibition, visitRules),
      m_chatLimiter(limits.chatBurst, limits.chatPerSecond),
      m_actionLimiter(limits.actionBurst, limits.actionPerSecond) {}

void Interactions::setExhibition(const expo::Exhibition& exhibition) {
    m_visits.setExhibition(exhibition);
    std::erase_if(m_onDuty, [&](const auto& duty) {
        return expo::findBooth(exhibition, duty.first) == nullptr;
    });
}

Status Interactions::requireOrganiser(const Actor& actor, std::string_view action) const {
    if (actor.role == store::Role::Organiser) return {};
    return makeError(fmt::format("{}: only organisers may do this (you are signed in as {})",
                                 action, store::roleName(actor.role)));
}

Result<const expo::Booth*> Interactions::findBooth(std::string_view boothId,
                                                   std::string_view action) const {
    // The zone index already maps ids to booths; no linear scan per message.
    const BoothZones& zones = m_visits.zones();
    if (const expo::Booth* b = zones.booth(zones.indexOf(std::string(boothId)))) return b;
    return makeError(fmt::format("{}: unknown booth \"{}\"", action, boothId));
}

Status Interactions::requireBoothStaff(const Actor& actor, std::string_view boothId,
                                       std::string_view action) const {
    auto booth = findBooth(boothId, action);
    if (!booth) return booth.error();
    if (actor.role == store::Role::Organiser) return {};
    if (actor.role != store::Role::Exhibitor)
        return makeError(
            fmt::format("{}: only the exhibitor of booth \"{}\" may do this", action, boothId));
    if (actor.exhibitorId != (*booth)->exhibitor)
        return makeError(fmt::format("{}: booth \"{}\" belongs to exhibitor \"{}\", not to \"{}\"",
                                     action, boothId, (*booth)->exhibitor, actor.exhibitorId));
    return {};
}

Status Interactions::checkAction(const Actor& actor, std::string_view action, double now) {
    if (m_actionLimiter.take(actor.id, now)) return {};
    return makeError(fmt::format("{}: too many requests; try again in {:.1f} s", action,
                                 m_actionLimiter.waitSeconds(actor.id, now)));
}

Result<LikeOutcome> Interactions::like(const Actor& actor, std::string_view boothId, double now) {
    auto booth = findBooth(boothId, "like");
    if (!booth) return booth.error();
    if (actor.role == store::Role::Exhibitor && actor.exhibitorId == (*booth)->exhibitor)
        return makeError("like: you cannot like your own booth");
    if (auto s = checkAction(actor, "like", now); !s) return s.error();
    auto added = m_store.addLike(boothId, visitorKey(actor));
    if (!added) return added.error();
    auto count = m_store.likeCount(boothId);
    if (!count) return count.error();
    return LikeOutcome{*count, *added};
}

Result<ChatLine> Interactions::chat(const Actor& actor, ChatScope scope, std::string_view boothId,
                                    std::uint32_t recipient, std::string_view text, double now) {
    auto muted = m_store.findActiveMute(actor.name, actor.clientKey, unixNow(), actor.personKey);
    if (!muted) return muted.error();
    if (*muted) return makeError(muteText(**muted));
    if (scope == ChatScope::Booth) {
        if (auto b = findBooth(boothId, "chat"); !b) return b.error();
    }
    if (scope == ChatScope::Direct && (recipient == 0 || recipient == actor.id))
        return makeError("chat: a direct message needs another visitor as recipient");
    auto clean = cleanChatText(text, m_limits.maxChatBytes);
    if (!clean) return clean.error();
    if (!m_chatLimiter.take(actor.id, now))
        return makeError(fmt::format("chat: you are sending too fast; wait {:.1f} s",
                                     m_chatLimiter.waitSeconds(actor.id, now)));
    ChatLine line{scope,
                  scope == ChatScope::Booth ? std::string(boothId) : std::string(),
                  scope == ChatScope::Direct ? recipient : 0,
                  actor.id,
                  actor.name,
                  std::move(*clean)};
    return line;
}

Result<std::string> Interactions::openItem(const Actor& actor, std::string_view boothId,
                                           ItemKind kind, std::uint32_t index, double now) {
    auto booth = findBooth(boothId, "open");
    if (!booth) return booth.error();
    const expo::BoothContent& c = (*booth)->content;
    std::size_t count = kind == ItemKind::Document ? c.documents.size()
                        : kind == ItemKind::Link   ? c.links.size()
                                                   : c.videos.size();
    const char* what = kind == ItemKind::Document ? "document"
                       : kind == ItemKind::Link   ? "link"
                                                  : "video";
    if (index >= count)
        return makeError(fmt::format("open: booth \"{}\" has no {} #{} (it has {})", boothId, what,
                                     index, count));
    if (auto s = checkAction(actor, "open", now); !s) return s.error();
    if (kind == ItemKind::Document) {
        m_store.recordDocumentOpen(boothId);
        return c.documents[index].file;
    }
    if (kind == ItemKind::Link) {
        m_store.recordLinkOpen(boothId);
        return c.links[index].url;
    }
    m_store.recordVideoOpen(boothId);
    return c.videos[index].url;
}

Result<std::int64_t> Interactions::dropCard(const Actor& actor, std::string_view boothId,
                                            const BusinessCard& card, double now) {
    auto booth = findBooth(boothId, "business card");
    if (!booth) return booth.error();
    if (auto s = checkCard(card, m_limits); !s) return s.error();
    if (auto s = checkAction(actor, "business card", now); !s) return s.error();
    store::Lead lead{
        0,          std::string(boothId), (*booth)->exhibitor, card.name, card.organisation,
        card.email, card.message,         card.consent,        unixNow()};
    auto id = m_store.addLead(lead);
    if (!id) return id.error();
    lead.id = *id;
    if (m_leadObserver) m_leadObserver(actor, lead);
    log::info("lead #{} for booth {} from {}", *id, boothId, actor.name);
    return *id;
}

} // namespace fg::interact
