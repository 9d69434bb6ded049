// The server's persistent state in one SQLite file (DIR/fairground.db): exhibition revisions,
// credentials, visitor tickets, moderation, leads, likes, booth submissions and booth analytics.
// Not thread-safe: one Store is used from the server thread only. Never talks to the network.
#pragma once

#include "engine/core/Result.h"
#include "server/store/StoreTypes.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::store {

namespace sql {
class Database;
}

// Latest schema version; PRAGMA user_version holds the version a file was migrated to.
inline constexpr int kSchemaVersion = 4;

struct StoreOptions {
    // Analytics are batched: flushed in one transaction after this many events or seconds.
    std::size_t analyticsFlushEvents = 256;
    double analyticsFlushSeconds = 1.0;
    // Tests only: stop migrating at this version (0 = latest).
    int migrateTo = 0;
};

class Store {
public:
    // Creates DIR when missing, opens DIR/fairground.db and migrates it forward.
    static Result<std::unique_ptr<Store>> open(const std::filesystem::path& dataDir,
                                               StoreOptions options = {});
    ~Store(); // flushes pending analytics
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    int schemaVersion() const { return m_version; }
    // The connection, for the slice stores in server/store (ChatLog, ...) only: sql::Database is
    // private to server/store, so no other folder can use it.
    sql::Database& database() { return *m_db; }
    const std::filesystem::path& dataDir() const { return m_dataDir; }

    // --- exhibition (canonical JSON text, one row per revision) ---
    Result<std::optional<StoredExhibition>> currentExhibition();
    // Stores JSON as the next revision; returns that revision.
    Result<std::int64_t> storeExhibition(std::string_view json, std::string_view source);
    // First start: stores JSON only when no revision exists. Returns true when it imported.
    Result<bool> importExhibitionIfEmpty(std::string_view json, std::string_view source);

    // --- credentials (StoreCredentials.cpp) ---
    Result<IssuedCredential> issueCredential(Role role, std::string_view exhibitorId,
                                             std::string_view label);
    // The credential a token stands for; errors for unknown or revoked tokens.
    Result<Credential> verifyToken(std::string_view token);
    Result<std::vector<Credential>> listCredentials();
    // WHICH: the full token, "#ID" / "ID", or a unique prefix (>= 4 hex digits, "fgx_" optional)
    // of the token. Returns the revoked credential.
    Result<Credential> revokeCredential(std::string_view which);

    // --- visitor tickets (StoreTickets.cpp, their own slice schema "tickets") ---
    // Issues COUNT (1-100000) tickets labelled LABEL in one transaction; the codes exist only in
    // the result (the store keeps their hashes).
    Result<std::vector<IssuedTicket>> issueTickets(std::size_t count, std::string_view label);
    // The ticket a code stands for; errors for malformed, unknown or revoked codes.
    Result<Ticket> verifyTicket(std::string_view code);
    // Every ticket, or those labelled LABEL when given, oldest first.
    Result<std::vector<Ticket>> listTickets(std::optional<std::string> label = {});
    // WHICH: the full code, "#ID", or a unique prefix (4-8 hex digits, "fgt_" optional).
    Result<Ticket> revokeTicket(std::string_view which);
    // Revokes every active ticket labelled LABEL; returns how many.
    Result<int> revokeTicketsLabelled(std::string_view label);
    // The role and person key a credential token or a ticket code stands for (a ticket's first
    // use is recorded); the error says why not ("ticket: ...", "credential: ...").
    Result<SignIn> signIn(std::string_view code);

    // --- moderation (StoreModeration.cpp) ---
    Result<Ban> addBan(BanKind kind, std::string_view value, std::optional<UnixSeconds> expiresAt,
                       std::string_view reason);
    // The first ban, unexpired at NOW, matching any of the given identities (empty ones skipped);
    // PERSONKEY is a verified person's ("ticket:12"), so another name or client key is no way back.
    Result<std::optional<Ban>> findActiveBan(std::string_view name, std::string_view address,
                                             std::string_view clientKey, UnixSeconds now,
                                             std::string_view personKey = {});
    // Removes bans of KIND with VALUE; returns how many went.
    Result<int> removeBans(BanKind kind, std::string_view value);
    Result<int> removeBanById(std::int64_t id);
    Result<std::vector<Ban>> listBans(UnixSeconds now); // active ones only
    // Mutes are keyed by name (case-insensitive), by client key and by a verified person key.
    // Mutes (or unmutes) each identity given (empty ones skipped); EXPIRESAT nullopt: until
    // unmuted. A new mute of the same person replaces the old one.
    Status setMuted(std::string_view name, std::string_view clientKey, bool muted,
                    std::optional<UnixSeconds> expiresAt = {}, std::string_view reason = {},
                    std::string_view personKey = {});
    Result<bool> isMuted(std::string_view name, std::string_view clientKey,
                         std::string_view personKey = {});
    // The mute in force at NOW for the name, the client key or the person key, if any.
    Result<std::optional<Mute>> findActiveMute(std::string_view name, std::string_view clientKey,
                                               UnixSeconds now, std::string_view personKey = {});

    // --- leads, likes (StoreLeads.cpp) ---
    Result<std::int64_t> addLead(const Lead& lead);
    Result<std::vector<Lead>> leadsForBooth(std::string_view boothId);
    // RFC 4180 CSV of the booth's leads, header row first, CRLF line ends. Visitor-typed cells
    // starting with = + - @ get a leading ' so spreadsheets do not run them as formulas.
    Result<std::string> leadsCsv(std::string_view boothId);
    // True when newly liked, false when this visitor already liked the booth.
    Result<bool> addLike(std::string_view boothId, std::string_view visitorKey);
    Result<std::int64_t> likeCount(std::string_view boothId);

    // --- booth submissions, the moderation queue's only record (StorePublishing.cpp) ---
    // Every submission, oldest first; a damaged row is an error naming its id and booth.
    Result<std::vector<Submission>> submissions();
    // How many submissions were ever approved (each one a booth revision that went live).
    Result<std::int64_t> approvedSubmissions();
    // The revision number of the exhibition visitors see: the stored exhibition's (import or
    // reload) plus every approval. Approved booths are records in submissions, applied to the
    // stored exhibition at start, so no copy of the whole exhibition is kept per publish.
    Result<std::int64_t> liveExhibitionRevision();
    // Stores SUB (pending) as its booth's pending submission, replacing an earlier pending one.
    Status submitPending(const Submission& sub);
    // Records the decision SUB (approved with its revision, or rejected with its reason) on its
    // booth's pending submission; an error when nothing is pending.
    Status decideSubmission(const Submission& sub);
    // Appends SUBS in order in one transaction (importing a legacy queue file).
    Status importSubmissions(const std::vector<Submission>& subs);

    // --- analytics, batched (StoreAnalytics.cpp) ---
    void recordVisit(std::string_view boothId, std::string_view visitorKey);
    void recordDwell(std::string_view boothId, double seconds);
    void recordDocumentOpen(std::string_view boothId);
    void recordLinkOpen(std::string_view boothId);
    void recordVideoOpen(std::string_view boothId);
    // Writes pending analytics when the batch is full or old enough; call from the tick.
    Status flushIfDue();
    // Writes pending analytics now (one transaction) and returns how many events went.
    Result<std::size_t> flush();
    std::size_t pendingAnalytics() const { return m_pending.size(); }
    // Stats include pending events (they are flushed first).
    Result<BoothStats> boothStats(std::string_view boothId);
    // Every booth with any recorded activity, most visits first.
    Result<std::vector<BoothStats>> allBoothStats();
    // Checkpoints the WAL into the main file (for `save` and clean shutdown).
    Status checkpoint();

private:
    struct PendingEvent {
        enum class Kind : std::uint8_t { Visit, Dwell, DocumentOpen, LinkOpen, VideoOpen } kind;
        std::string boothId;
        std::string visitorKey;
        double amount = 0;
    };

    struct BoothTotals;
    Status writeAnalytics(const std::map<std::string, BoothTotals>& totals);
    Store(std::unique_ptr<sql::Database> db, std::filesystem::path dataDir, StoreOptions options);
    Status migrate();
    Status migrateTickets(); // StoreTickets.cpp: the tickets slice
    void queue(PendingEvent event);
    Result<std::optional<Credential>> findCredential(std::string_view where, std::string_view arg);

    std::unique_ptr<sql::Database> m_db;
    std::filesystem::path m_dataDir;
    StoreOptions m_options;
    int m_version = 0;
    std::vector<PendingEvent> m_pending;
    double m_lastFlush = 0;
};

// The tickets CSV handed to whoever sends the codes out: RFC 4180, header "code,label,issued",
// the time as UTC ISO 8601, CRLF line ends; with SERVERKEY (the fingerprint clients pin) a
// fourth column "invitation" holds CODE@SERVERKEY. The one writer of that file (fairground-bot
// reads it).
std::string ticketsCsv(const std::vector<IssuedTicket>& tickets, std::string_view serverKey = {});

// RFC 4180 quoting, shared with the client's leads export (game/expo/LeadsCsv).
using expo::csvField;

} // namespace fg::store
