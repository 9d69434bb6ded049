// The staff slice's messages (channel 0): an exhibitor's leads page by page and who stands in
// its booth's visit zone now. Included by Messages.h, which owns the message list; serialize only.
#pragma once

#include "game/expo/protocol/InteractionMessages.h"
#include "game/expo/protocol/ProtocolTypes.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fg::expo::proto {

// Leads one LeadsPage carries: 40 of the largest (about 930 bytes) stay under 64 KiB.
inline constexpr std::uint32_t kMaxLeadsPerPage = 40;
// People one BoothVisitors lists; a booth's zone holds far fewer.
inline constexpr std::uint32_t kMaxBoothVisitors = 64;

// Exhibitor staff (own booth) or organiser -> server: the booth's leads with id > afterId.
// A refusal comes back as ActionResult{requestId, ok = false, reason}.
struct LeadsRequest {
    static constexpr const char* kName = "LeadsRequest";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string boothId;
    std::uint64_t afterId = 0;
    bool operator==(const LeadsRequest&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        return net::serializeU64(s, afterId);
    }
};

// One stored lead, every column the console's CSV has.
struct LeadEntry {
    std::uint64_t id = 0;
    std::int64_t timeUnix = 0; // when the card was left (UTC seconds)
    std::string name;
    std::string organisation;
    std::string email;
    std::string note;
    bool consent = false; // what the visitor ticked
    bool operator==(const LeadEntry&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU64(s, id));
        FG_SER(net::serializeI64(s, timeUnix));
        FG_SER(net::serializeString(s, name, kMaxNameLength));
        FG_SER(net::serializeString(s, organisation, kMaxCompanyLength));
        FG_SER(net::serializeString(s, email, kMaxEmailLength));
        FG_SER(net::serializeString(s, note, kMaxNoteLength));
        return net::serializeBool(s, consent);
    }
};

// Server -> the asker: leads oldest first; more = ask again with afterId = the last id.
struct LeadsPage {
    static constexpr const char* kName = "LeadsPage";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint32_t requestId = 0;
    std::string boothId;
    std::string exhibitorId; // the booth's exhibitor (a CSV column)
    bool more = false;
    std::vector<LeadEntry> leads;
    bool operator==(const LeadsPage&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        FG_SER(net::serializeString(s, exhibitorId, kMaxIdLength));
        FG_SER(net::serializeBool(s, more));
        std::uint32_t count = std::uint32_t(leads.size());
        FG_SER(net::serializeInt(s, count, 0, kMaxLeadsPerPage));
        if constexpr (S::kIsReading) {
            if (count > s.bitsRemaining() / 128) return false; // each lead needs >= 128 bits
            leads.resize(count);
        }
        for (LeadEntry& lead : leads)
            FG_SER(lead.serialize(s));
        return true;
    }
};

// Exhibitor staff (own booth) or organiser -> server: who is in the booth's visit zone now.
struct BoothVisitorsRequest {
    static constexpr const char* kName = "BoothVisitorsRequest";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ClientToServer;
    std::uint32_t requestId = 0;
    std::string boothId;
    bool operator==(const BoothVisitorsRequest&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        return net::serializeString(s, boothId, kMaxIdLength);
    }
};

// A person in the zone: organisation and e-mail only from a card they left with this exhibitor
// (or, for staff, their own company); never from anything else they told the server.
struct BoothVisitor {
    std::string name;
    Role role = Role::Visitor;
    std::string organisation;
    std::string email;
    bool operator==(const BoothVisitor&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeString(s, name, kMaxNameLength));
        FG_SER(serializeEnum(s, role, kRoleMax));
        FG_SER(net::serializeString(s, organisation, kMaxCompanyLength));
        return net::serializeString(s, email, kMaxEmailLength);
    }
};

struct BoothVisitors {
    static constexpr const char* kName = "BoothVisitors";
    static constexpr std::uint8_t kChannel = net::kChannelControl;
    static constexpr Direction kDirection = Direction::ServerToClient;
    std::uint32_t requestId = 0;
    std::string boothId;
    std::vector<BoothVisitor> people; // by name
    bool operator==(const BoothVisitors&) const = default;

    template <class S>
    bool serialize(S& s) {
        FG_SER(net::serializeU32(s, requestId));
        FG_SER(net::serializeString(s, boothId, kMaxIdLength));
        std::uint32_t count = std::uint32_t(people.size());
        FG_SER(net::serializeInt(s, count, 0, kMaxBoothVisitors));
        if constexpr (S::kIsReading) {
            if (count > s.bitsRemaining() / 20) return false; // each person needs >= 20 bits
            people.resize(count);
        }
        for (BoothVisitor& p : people)
            FG_SER(p.serialize(s));
        return true;
    }
};

} // namespace fg::expo::proto
