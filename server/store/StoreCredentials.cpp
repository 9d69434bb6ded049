// Credentials: random tokens shown once, stored only as BLAKE2b hashes; lookup, list, revoke.
// Must never log or store a token in clear; only its hash and an 8-digit hint are kept.
#include "server/store/Sqlite.h"
#include "server/store/Store.h"
#include "server/store/Tokens.h"

#include <fmt/format.h>

namespace fg::store {
namespace {

constexpr std::string_view kTokenPrefix = "fgx_";
constexpr std::size_t kTokenBytes = 20; // 160 random bits; the 8-digit hint leaves 128 unknown
constexpr std::size_t kHintDigits = 8;

constexpr const char* kColumns =
    "SELECT id, role, exhibitor, label, hint, created_at, revoked_at FROM credentials ";

Credential readCredential(const sql::Statement& st) {
    Credential c;
    c.id = st.columnInt(0);
    c.role = parseRole(st.columnText(1)).value_or(Role::Visitor);
    c.exhibitorId = st.columnText(2);
    c.label = st.columnText(3);
    c.hint = st.columnText(4);
    c.createdAt = st.columnInt(5);
    if (!st.columnIsNull(6)) c.revokedAt = st.columnInt(6);
    return c;
}

} // namespace

Result<IssuedCredential> Store::issueCredential(Role role, std::string_view exhibitorId,
                                                std::string_view label) {
    if (role == Role::Exhibitor && exhibitorId.empty())
        return makeError("credential: an exhibitor credential needs an exhibitor id");
    std::string token = tokens::make(kTokenPrefix, kTokenBytes);
    Credential c;
    c.role = role;
    c.exhibitorId = role == Role::Exhibitor ? std::string(exhibitorId) : std::string();
    c.label = std::string(label);
    c.hint = token.substr(kTokenPrefix.size(), kHintDigits);
    c.createdAt = unixNow();
    auto s =
        m_db->run("INSERT INTO credentials (token_hash, hint, role, exhibitor, label, "
                  "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                  tokens::hash(token), c.hint, roleName(role), c.exhibitorId, c.label, c.createdAt);
    if (!s) return s.error();
    c.id = m_db->lastInsertId();
    return IssuedCredential{c, std::move(token)};
}

Result<std::optional<Credential>> Store::findCredential(std::string_view where,
                                                        std::string_view arg) {
    auto st = m_db->prepare(std::string(kColumns) + std::string(where));
    if (!st) return st.error();
    st->bindAll(arg);
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return std::optional<Credential>();
    return std::optional<Credential>(readCredential(*st));
}

Result<Credential> Store::verifyToken(std::string_view token) {
    if (!tokens::wellFormed(token, kTokenPrefix, kTokenBytes))
        return makeError("credential: malformed token (expected fgx_ and 40 hex digits)");
    auto found = findCredential("WHERE token_hash = ?", tokens::hash(token));
    if (!found) return found.error();
    if (!found->has_value()) return makeError("credential: unknown token");
    if ((*found)->revokedAt) return makeError("credential: token was revoked");
    return **found;
}

Result<std::vector<Credential>> Store::listCredentials() {
    auto st = m_db->prepare(std::string(kColumns) + "ORDER BY id");
    if (!st) return st.error();
    std::vector<Credential> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back(readCredential(*st));
    }
}

Result<Credential> Store::revokeCredential(std::string_view which) {
    Result<std::optional<Credential>> found = std::optional<Credential>();
    std::string_view id = which.starts_with('#') ? which.substr(1) : which;
    bool numeric = !id.empty() && id.find_first_not_of("0123456789") == std::string_view::npos;
    if (numeric && (which.starts_with('#') || id.size() < 4)) {
        found = findCredential("WHERE id = ?", id);
    } else if (which.size() == kTokenPrefix.size() + kTokenBytes * 2) {
        found = findCredential("WHERE token_hash = ?", tokens::hash(which));
    } else {
        std::string_view prefix = which.starts_with(kTokenPrefix) ? which.substr(4) : which;
        if (prefix.size() < 4 || prefix.size() > kHintDigits || !tokens::isHex(prefix))
            return makeError(fmt::format("revoke: \"{}\" is not a token, #id or token prefix "
                                         "(4-8 hex digits)",
                                         which));
        auto all = listCredentials();
        if (!all) return all.error();
        std::vector<Credential> matches;
        for (auto& c : *all)
            if (c.hint.starts_with(prefix) && !c.revokedAt) matches.push_back(c);
        if (matches.size() > 1)
            return makeError(fmt::format("revoke: prefix \"{}\" matches {} credentials; give more "
                                         "digits or #id",
                                         prefix, matches.size()));
        if (matches.size() == 1) found = std::optional<Credential>(matches[0]);
    }
    if (!found) return found.error();
    if (!found->has_value())
        return makeError(fmt::format("revoke: no credential matches \"{}\"", which));
    Credential c = **found;
    if (c.revokedAt)
        return makeError(fmt::format("revoke: credential #{} is already revoked", c.id));
    c.revokedAt = unixNow();
    if (auto s =
            m_db->run("UPDATE credentials SET revoked_at = ? WHERE id = ?", *c.revokedAt, c.id);
        !s)
        return s.error();
    return c;
}

} // namespace fg::store
