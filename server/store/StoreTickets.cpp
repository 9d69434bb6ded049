// Visitor tickets: codes issued in batches, stored only as BLAKE2b hashes (like credentials), with
// their own slice schema; sign-in with either kind of code. Never stores or logs a code in clear.
#include "engine/core/Log.h"
#include "server/store/SliceSchema.h"
#include "server/store/Sqlite.h"
#include "server/store/Store.h"
#include "server/store/Tokens.h"

#include <array>
#include <fmt/format.h>

namespace fg::store {
namespace {

constexpr std::string_view kTicketPrefix = "fgt_";
constexpr std::size_t kTicketBytes = 20; // 160 random bits, as credential tokens
constexpr std::size_t kHintDigits = 8;
constexpr std::size_t kMaxTicketsPerIssue = 100000;

// Step N takes the "tickets" slice from version N-1 to N; only ever append.
constexpr std::array<const char*, 1> kTicketSchema = {
    R"sql(
CREATE TABLE tickets (id INTEGER PRIMARY KEY AUTOINCREMENT, code_hash TEXT NOT NULL UNIQUE,
    hint TEXT NOT NULL, label TEXT NOT NULL DEFAULT '', issued_at INTEGER NOT NULL,
    revoked_at INTEGER, first_used_at INTEGER);
CREATE INDEX tickets_label ON tickets(label);
)sql",
};

constexpr const char* kColumns =
    "SELECT id, label, hint, issued_at, revoked_at, first_used_at FROM tickets ";

Ticket readTicket(const sql::Statement& st) {
    Ticket t;
    t.id = st.columnInt(0);
    t.label = st.columnText(1);
    t.hint = st.columnText(2);
    t.issuedAt = st.columnInt(3);
    if (!st.columnIsNull(4)) t.revokedAt = st.columnInt(4);
    if (!st.columnIsNull(5)) t.firstUsedAt = st.columnInt(5);
    return t;
}

// Every row of ST (already bound), in order.
Result<std::vector<Ticket>> readAll(sql::Statement& st) {
    std::vector<Ticket> out;
    for (;;) {
        auto row = st.step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back(readTicket(st));
    }
}

// The one active ticket whose hint starts with PREFIX (4-8 hex digits, "fgt_" optional).
Result<Ticket> byPrefix(sql::Database& db, std::string_view which) {
    std::string_view prefix = which.starts_with(kTicketPrefix) ? which.substr(4) : which;
    if (prefix.size() < 4 || prefix.size() > kHintDigits || !tokens::isHex(prefix))
        return makeError(fmt::format("tickets revoke: \"{}\" is not a ticket code, #id or code "
                                     "prefix (4-8 hex digits)",
                                     which));
    auto st = db.prepare(std::string(kColumns) +
                         "WHERE revoked_at IS NULL AND substr(hint, 1, ?1) = ?2 ORDER BY id");
    if (!st) return st.error();
    st->bindAll(std::int64_t(prefix.size()), prefix);
    auto matches = readAll(*st);
    if (!matches) return matches.error();
    if (matches->size() > 1)
        return makeError(fmt::format("tickets revoke: prefix \"{}\" matches {} tickets; give more "
                                     "digits or #id",
                                     prefix, matches->size()));
    if (matches->empty())
        return makeError(fmt::format("tickets revoke: no active ticket matches \"{}\"", which));
    return matches->front();
}

} // namespace

Status Store::migrateTickets() {
    return migrateSlice(*m_db, SliceSchema{"tickets", kTicketSchema});
}

Result<std::vector<IssuedTicket>> Store::issueTickets(std::size_t count, std::string_view label) {
    if (count == 0 || count > kMaxTicketsPerIssue)
        return makeError(fmt::format("tickets: can issue 1 to {} tickets at once, not {}",
                                     kMaxTicketsPerIssue, count));
    sql::Transaction tx(*m_db); // one fsync for the whole batch
    if (!tx.begun()) return tx.begun().error();
    auto insert = m_db->prepare(
        "INSERT INTO tickets (code_hash, hint, label, issued_at) VALUES (?, ?, ?, ?)");
    if (!insert) return insert.error();
    std::vector<IssuedTicket> out;
    out.reserve(count);
    const UnixSeconds now = unixNow();
    for (std::size_t i = 0; i < count; ++i) {
        IssuedTicket t{{0, std::string(label), {}, now, {}, {}},
                       tokens::make(kTicketPrefix, kTicketBytes)};
        t.ticket.hint = t.code.substr(kTicketPrefix.size(), kHintDigits);
        insert->reset();
        insert->bindAll(tokens::hash(t.code), t.ticket.hint, t.ticket.label, now);
        if (auto s = insert->run(); !s) return s.error();
        t.ticket.id = m_db->lastInsertId();
        out.push_back(std::move(t));
    }
    if (auto s = tx.commit(); !s) return s.error();
    return out;
}

Result<Ticket> Store::verifyTicket(std::string_view code) {
    if (!tokens::wellFormed(code, kTicketPrefix, kTicketBytes))
        return makeError("ticket: malformed code (expected fgt_ and 40 hex digits)");
    auto st = m_db->prepare(std::string(kColumns) + "WHERE code_hash = ?");
    if (!st) return st.error();
    st->bindAll(tokens::hash(code));
    auto found = readAll(*st);
    if (!found) return found.error();
    if (found->empty()) return makeError("ticket: unknown code");
    if (found->front().revokedAt) return makeError("ticket: this ticket was revoked");
    return found->front();
}

Result<std::vector<Ticket>> Store::listTickets(std::optional<std::string> label) {
    auto st = m_db->prepare(std::string(kColumns) + "WHERE ?1 IS NULL OR label = ?1 ORDER BY id");
    if (!st) return st.error();
    st->bindAll(label);
    return readAll(*st);
}

Result<Ticket> Store::revokeTicket(std::string_view which) {
    Result<Ticket> found = makeError("");
    std::string_view id = which.starts_with('#') ? which.substr(1) : which;
    if (which.starts_with('#') && !id.empty() && id.size() < 10 &&
        id.find_first_not_of("0123456789") == std::string_view::npos) {
        auto st = m_db->prepare(std::string(kColumns) + "WHERE id = ?");
        if (!st) return st.error();
        st->bindAll(id);
        auto rows = readAll(*st);
        if (!rows) return rows.error();
        if (rows->empty()) return makeError(fmt::format("tickets revoke: no ticket {}", which));
        found = rows->front();
    } else if (which.size() == kTicketPrefix.size() + kTicketBytes * 2) {
        found = verifyTicket(which);
        if (!found) return makeError("tickets revoke: " + found.error().message);
    } else {
        found = byPrefix(*m_db, which);
    }
    if (!found) return found.error();
    if (found->revokedAt)
        return makeError(fmt::format("tickets revoke: ticket #{} is already revoked", found->id));
    found->revokedAt = unixNow();
    if (auto s = m_db->run("UPDATE tickets SET revoked_at = ? WHERE id = ?", *found->revokedAt,
                           found->id);
        !s)
        return s.error();
    return found;
}

Result<int> Store::revokeTicketsLabelled(std::string_view label) {
    if (auto s = m_db->run("UPDATE tickets SET revoked_at = ? WHERE label = ? AND revoked_at IS "
                           "NULL",
                           unixNow(), label);
        !s)
        return s.error();
    return m_db->changes();
}

Result<SignIn> Store::signIn(std::string_view code) {
    if (!code.starts_with(kTicketPrefix)) {
        auto cred = verifyToken(code);
        if (!cred) return cred.error();
        return SignIn{cred->role, cred->exhibitorId, fmt::format("cred:{}", cred->id)};
    }
    auto ticket = verifyTicket(code);
    if (!ticket) return ticket.error();
    if (!ticket->firstUsedAt) // once per ticket: a sign-in costs no write after the first
        if (auto s = m_db->run("UPDATE tickets SET first_used_at = ? WHERE id = ?", unixNow(),
                               ticket->id);
            !s)
            log::warn("store: could not record the first use of ticket #{}: {}", ticket->id,
                      s.error().message);
    return SignIn{Role::Visitor, {}, fmt::format("ticket:{}", ticket->id)};
}

std::string ticketsCsv(const std::vector<IssuedTicket>& tickets, std::string_view serverKey) {
    std::string out =
        serverKey.empty() ? "code,label,issued\r\n" : "code,label,issued,invitation\r\n";
    for (const IssuedTicket& t : tickets) {
        out += fmt::format("{},{},{}", csvField(t.code), csvField(t.ticket.label),
                           formatUtcTimestamp(t.ticket.issuedAt));
        // The invitation carries the server key, so the visitor's client pins it from the start.
        if (!serverKey.empty()) out += "," + csvField(fmt::format("{}@{}", t.code, serverKey));
        out += "\r\n";
    }
    return out;
}

} // namespace fg::store
