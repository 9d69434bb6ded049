// Records kept by the server's store: credentials, visitor tickets, bans, mutes, leads, booth
// stats, booth submissions. Plain data only; the SQL that reads and writes them lives in
// server/store/*.cpp.
#pragma once

#include "engine/core/Hash.h"
#include "engine/core/Time.h"
#include "game/expo/LeadsCsv.h"
#include "server/store/Role.h"

#include <cstdint>
#include <optional>
#include <string>

namespace fg::store {

struct StoredExhibition {
    std::int64_t revision = 0;
    std::string json;
    std::string source; // where it came from: a file path, "reload", "publish"
    UnixSeconds storedAt = 0;
};

// A credential as listed; the token itself is never stored, only its hash.
struct Credential {
    std::int64_t id = 0;
    Role role = Role::Visitor;
    std::string exhibitorId; // set for Role::Exhibitor
    std::string label;
    std::string hint; // first 8 hex digits of the token's random part, for revoke by prefix
    UnixSeconds createdAt = 0;
    std::optional<UnixSeconds> revokedAt;
};

// Returned once when a credential is made: the only time the token exists outside the holder.
struct IssuedCredential {
    Credential credential;
    std::string token; // "fgx_" + 40 hex digits (160 random bits)
};

// A visitor ticket as listed; the code itself is never stored, only its hash.
struct Ticket {
    std::int64_t id = 0;
    std::string label; // the batch it was issued in ("press", "day 1"), may be empty
    std::string hint;  // first 8 hex digits of the code's random part, for revoke by prefix
    UnixSeconds issuedAt = 0;
    std::optional<UnixSeconds> revokedAt;
    std::optional<UnixSeconds> firstUsedAt; // the first sign-in with it
};

// Returned once when tickets are issued: the only time the code exists outside its holder.
struct IssuedTicket {
    Ticket ticket;
    std::string code; // "fgt_" + 40 hex digits (160 random bits)
};

// Who a verified code (credential token or visitor ticket) speaks for.
struct SignIn {
    Role role = Role::Visitor;
    std::string exhibitorId; // for Role::Exhibitor
    // The stable key everything counted per person uses: "cred:<id>" or "ticket:<id>".
    std::string personKey;
};

// Person: a verified person key ("ticket:12", "cred:3"), whatever name or client key they use.
enum class BanKind : std::uint8_t { Name, Address, ClientKey, Person };
const char* banKindName(BanKind kind); // "name", "ip", "key", "person"

struct Ban {
    std::int64_t id = 0;
    BanKind kind = BanKind::Name;
    std::string value; // names are stored lower-case
    std::string reason;
    UnixSeconds createdAt = 0;
    std::optional<UnixSeconds> expiresAt; // nullopt: permanent
};

// An active mute of a person (by name, client key or person key): no chat until it expires.
struct Mute {
    std::string reason;
    std::optional<UnixSeconds> expiresAt; // nullopt: until unmuted
};

// A business card dropped at a booth; the CSV writer shares the type (game/expo/LeadsCsv).
using Lead = expo::LeadRecord;

struct BoothStats {
    std::string boothId;
    std::int64_t visits = 0;
    std::int64_t uniqueVisitors = 0;
    double dwellSeconds = 0;
    std::int64_t likes = 0;
    std::int64_t cards = 0; // leads
    std::int64_t documentOpens = 0;
    std::int64_t linkOpens = 0;
    std::int64_t videoOpens = 0;
};

enum class SubmissionState : std::uint8_t { Pending, Approved, Rejected };
const char* submissionStateName(SubmissionState state); // "pending", "approved", "rejected"

// A booth revision submitted for moderation; holds references (hashes), never bundle bytes.
struct Submission {
    std::string boothId;
    std::string exhibitorId;
    SubmissionState state = SubmissionState::Pending;
    std::string reason; // why it was rejected
    UnixSeconds submittedAt = 0;
    Hash128 bundle;            // the uploaded .booth in the content store
    Hash128 manifest;          // booth.json with files replaced by asset hashes
    std::int64_t revision = 0; // assigned when approved
    std::uint32_t warnings = 0;
};

} // namespace fg::store
