// Leads (business cards left at a booth) as the one RFC 4180 CSV file exhibitors get, written
// alike by the server console (`leads BOOTH --csv`) and the client ("Export CSV"). Text only: no
// files, no store, no network.
#pragma once

#include "engine/core/Time.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace fg::expo {

// A business card dropped at a booth; becomes a lead of the booth's exhibitor.
struct LeadRecord {
    std::int64_t id = 0;
    std::string boothId;
    std::string exhibitorId;
    std::string visitorName;
    std::string organisation;
    std::string email;
    std::string message;
    bool consent = false; // what the visitor ticked
    UnixSeconds createdAt = 0;
};

// RFC 4180: quotes a field when it holds a comma, quote, CR or LF; doubles inner quotes.
std::string csvField(std::string_view field);
// The header line and one CRLF-terminated line per lead, in the order given: id, booth,
// exhibitor, name, organisation, email, message, consent (yes/no), time (UTC).
std::string leadsCsv(std::span<const LeadRecord> leads);

} // namespace fg::expo
