// Booth interactions as server rules: likes, chat, item opens, business cards (leads), staff
// duty, and who may do what. Pure logic plus store calls; no networking: the
// server's message handlers call these and send the outcome (or the readable reason) back.
#pragma once

#include "engine/core/Result.h"
#include "game/expo/protocol/ProtocolTypes.h"
#include "server/interactions/Actor.h"
#include "server/interactions/RateLimiter.h"
#include "server/interactions/VisitTracker.h"
#include "server/store/StoreTypes.h"

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace fg::interact {

// The protocol's enums, so handlers pass what arrived without a cast.
using ChatScope = expo::proto::ChatScope;
using ItemKind = expo::proto::ItemKind;

struct InteractionLimits {
    std::size_t maxChatBytes = 500; // = proto::kMaxChatLength
    double chatBurst = 5;           // messages at once ...
    double chatPerSecond = 1;       // ... then this many per second
    double actionBurst = 10;        // likes, opens, cards
    double actionPerSecond = 2;
    std::size_t maxNameBytes = 32;
    std::size_t maxOrganisationBytes = 120;
    std::size_t maxEmailBytes = 254;
    std::size_t maxNoteBytes = 500;
};

struct LikeOutcome {
    std::int64_t count = 0;
    bool added = false; // false: this visitor had already liked the booth
};

// Where a chat line goes; validated text and the target, ready for the server to deliver.
struct ChatLine {
    ChatScope scope = ChatScope::Hall;
    std::string boothId;         // Booth scope
    std::uint32_t recipient = 0; // Direct scope (connection id; the server checks it exists)
    std::uint32_t from = 0;
    std::string fromName;
    std::string text;
};

struct BusinessCard {
    std::string name;
    std::string organisation;
    std::string email;
    std::string message;
    bool consent = false; // the visitor agreed to share the card with the exhibitor
};

class Interactions {
public:
    Interactions(store::Store& store, const expo::Exhibition& exhibition,
                 InteractionLimits limits = {}, VisitRules visitRules = {});
    // After a successful reload; keeps a copy of the booths (in the visit zones).
    void setExhibition(const expo::Exhibition& exhibition);

    // --- permissions (every rejection names the action and the reason) ---
    Status requireOrganiser(const Actor& actor, std::string_view action) const;
    // Organisers, or the exhibitor that owns BOOTHID.
    Status requireBoothStaff(const Actor& actor, std::string_view boothId,
                             std::string_view action) const;

    // --- visitor actions; NOW is monotonic seconds (rate limits) ---
    Result<LikeOutcome> like(const Actor& actor, std::string_view boothId, double now);
    Result<ChatLine> chat(const Actor& actor, ChatScope scope, std::string_view boothId,
                          std::uint32_t recipient, std::string_view text, double now);
    // Returns the document's file path or the link's/video's URL.
    Result<std::string> openItem(const Actor& actor, std::string_view boothId, ItemKind kind,
                                 std::uint32_t index, double now);
    // Stores the card as a lead of the booth's exhibitor; returns the lead id.
    Result<std::int64_t> dropCard(const Actor& actor, std::string_view boothId,
                                  const BusinessCard& card, double now);

    // --- exhibitor actions (own booths only; organisers may act for any) ---
    Status setStaffOnDuty(const Actor& actor, std::string_view boothId, bool onDuty);
    // On duty explicitly, or an exhibitor of the booth standing in its zone.
    bool staffOnline(std::string_view boothId) const;
    // Who staffs BOOTHID now (switch on, or its exhibitor standing in its zone), by connection id.
    std::vector<std::uint32_t> staffAt(std::string_view boothId) const;
    // A booth chat's participants: whoever wrote to it keeps getting its lines (the replies of
    // its staff) wherever they walk, until they leave.
    void joinBoothChat(std::uint32_t actorId, std::string_view boothId);
    bool inBoothChat(std::uint32_t actorId, std::string_view boothId) const;
    // Called with each stored card (the staff slice remembers whose card it was).
    using LeadObserver = std::function<void(const Actor&, const store::Lead&)>;
    void setLeadObserver(LeadObserver observer) { m_leadObserver = std::move(observer); }
    Result<std::vector<store::Lead>> leads(const Actor& actor, std::string_view boothId);
    Result<store::BoothStats> boothStats(const Actor& actor, std::string_view boothId);

    // --- presence-derived ---
    std::vector<VisitEvent> updatePosition(const Actor& actor, const std::string& hall,
                                           glm::vec2 position, double now);
    // The actor left: closes its visit, drops its rate-limit buckets and duty flags.
    std::vector<VisitEvent> removeActor(std::uint32_t actorId, double now);
    VisitTracker& visits() { return m_visits; }
    const VisitTracker& visits() const { return m_visits; }

private:
    Result<const expo::Booth*> findBooth(std::string_view boothId, std::string_view action) const;
    Status checkAction(const Actor& actor, std::string_view action, double now);

    store::Store& m_store;
    InteractionLimits m_limits;
    VisitTracker m_visits;
    RateLimiter m_chatLimiter;
    RateLimiter m_actionLimiter;
    std::set<std::pair<std::string, std::uint32_t>> m_onDuty;     // (booth, actor)
    std::set<std::pair<std::uint32_t, std::string>> m_boothChats; // (actor, booth)
    LeadObserver m_leadObserver;
};

// Chat text rules: valid UTF-8, no control characters, 1..maxBytes after trimming spaces.
// Returns the trimmed text or the reason it was refused.
Result<std::string> cleanChatText(std::string_view text, std::size_t maxBytes);

} // namespace fg::interact
