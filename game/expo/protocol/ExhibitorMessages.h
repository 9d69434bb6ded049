// Exhibitor booth statistics and leads for the booth panel (channel 0): request and answer.
// Included by Messages.h, which owns the message list; serialize functions only.
#pragma once

#include "game/expo/protocol/InteractionMessages.h"
#include "game/expo/protocol/ProtocolTypes.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fg::expo::proto {

// The newest leads a BoothStats carries; the console's `leads` export has them all.
inline constexpr std::uint32_t kMaxRecentLeads = 20;
inline constexpr std::uint32_t kMaxStatCount = 0x3FFFFFFF;

// Exhibitor (own booth) or organiser -> server: the booth's statistics and newest leads.
// A refusal comes back as ActionResult{requestId, ok = false, reason}.
struct BoothStatsRequest {
    static constexpr const char* kName = "BoothStatsRequest";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string boothId;
    bool operator==(const BoothStatsRequest&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        return net::serializeString(s, boothId, kMaxIdLength);
    }
};

// A business card left at the booth, as the exhibitor sees it.
struct LeadSummary {
    std::string name;
    std::string organisation;
    std::string email;
    std::string message;
    std::int64_t timeUnix = 0; // when the card was left (UTC seconds)
    bool operator==(const LeadSummary&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeString(s, name, kMaxNameLength));
        FG_SER(net::serializeString(s, organisation, kMaxCompanyLength));
        FG_SER(net::serializeString(s, email, kMaxEmailLength));
        FG_SER(net::serializeString(s, message, kMaxNoteLength));
        return net::serializeI64(s, timeUnix);
    }
};

// Server -> the asker: totals since the event began, who is there now, newest leads first.
struct BoothStats {
    static constexpr const char* kName = "BoothStats";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint32_t requestId = 0;
    std::string boothId;
    std::uint32_t visits = 0, uniqueVisitors = 0;
    std::uint32_t meanDwellSeconds = 0;
    std::uint32_t likes = 0, cards = 0;
    std::uint32_t documentOpens = 0, linkOpens = 0, videoOpens = 0;
    std::uint32_t visitorsNow = 0; // avatars in the booth's zone this moment
    bool staffOnline = false;
    std::vector<LeadSummary> recentLeads; // at most kMaxRecentLeads, newest first
    bool operator==(const BoothStats&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        for (std::uint32_t* v : {&visits, &uniqueVisitors, &meanDwellSeconds, &likes, &cards,
                                 &documentOpens, &linkOpens, &videoOpens, &visitorsNow})
            FG_SER(net::serializeInt(s, *v, 0, kMaxStatCount));
        FG_SER(net::serializeBool(s, staffOnline));
        std::uint32_t count = std::uint32_t(recentLeads.size());
        FG_SER(net::serializeInt(s, count, 0, kMaxRecentLeads));
        if constexpr (S::kIsReading) {
            if (count > s.bitsRemaining() / 64) return false; // each lead needs >= 64 bits
            recentLeads.resize(count);
        }
        for (LeadSummary& lead : recentLeads)
            FG_SER(lead.serialize(s));
        return true;
    }
};

} // namespace fg::expo::proto
