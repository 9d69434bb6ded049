// Bans (by name, address, client key or verified person key, optionally expiring) and mutes,
// kept across restarts.
// Names are matched case-insensitively (stored lower-case); nothing here disconnects anyone.
#include "server/store/Sqlite.h"
#include "server/store/Store.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace fg::store {
namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string normalised(BanKind kind, std::string_view value) {
    return kind == BanKind::Name ? lower(value) : std::string(value);
}

std::optional<BanKind> parseBanKind(std::string_view text) {
    if (text == "name") return BanKind::Name;
    if (text == "ip") return BanKind::Address;
    if (text == "key") return BanKind::ClientKey;
    if (text == "person") return BanKind::Person;
    return std::nullopt;
}

constexpr const char* kBanColumns =
    "SELECT id, kind, value, reason, created_at, expires_at FROM bans ";

Ban readBan(const sql::Statement& st) {
    Ban b;
    b.id = st.columnInt(0);
    b.kind = parseBanKind(st.columnText(1)).value_or(BanKind::Name);
    b.value = st.columnText(2);
    b.reason = st.columnText(3);
    b.createdAt = st.columnInt(4);
    if (!st.columnIsNull(5)) b.expiresAt = st.columnInt(5);
    return b;
}

} // namespace

const char* banKindName(BanKind kind) {
    switch (kind) {
    case BanKind::Name:
        return "name";
    case BanKind::Address:
        return "ip";
    case BanKind::ClientKey:
        return "key";
    case BanKind::Person:
        return "person";
    }
    return "name";
}

Result<Ban> Store::addBan(BanKind kind, std::string_view value,
                          std::optional<UnixSeconds> expiresAt, std::string_view reason) {
    if (value.empty()) return makeError(fmt::format("ban: empty {}", banKindName(kind)));
    Ban b;
    b.kind = kind;
    b.value = normalised(kind, value);
    b.reason = std::string(reason);
    b.createdAt = unixNow();
    b.expiresAt = expiresAt;
    auto s = m_db->run("INSERT INTO bans (kind, value, reason, created_at, expires_at) "
                       "VALUES (?, ?, ?, ?, ?)",
                       banKindName(kind), b.value, b.reason, b.createdAt, b.expiresAt);
    if (!s) return s.error();
    b.id = m_db->lastInsertId();
    return b;
}

Result<std::optional<Ban>> Store::findActiveBan(std::string_view name, std::string_view address,
                                                std::string_view clientKey, UnixSeconds now,
                                                std::string_view personKey) {
    auto st = m_db->prepare(std::string(kBanColumns) +
                            "WHERE (expires_at IS NULL OR expires_at > ?1) AND "
                            "((kind = 'name' AND value = ?2 AND ?2 != '') OR "
                            "(kind = 'ip' AND value = ?3 AND ?3 != '') OR "
                            "(kind = 'key' AND value = ?4 AND ?4 != '') OR "
                            "(kind = 'person' AND value = ?5 AND ?5 != '')) ORDER BY id LIMIT 1");
    if (!st) return st.error();
    st->bindAll(now, lower(name), address, clientKey, personKey);
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return std::optional<Ban>();
    return std::optional<Ban>(readBan(*st));
}

Result<int> Store::removeBans(BanKind kind, std::string_view value) {
    auto s = m_db->run("DELETE FROM bans WHERE kind = ? AND value = ?", banKindName(kind),
                       normalised(kind, value));
    if (!s) return s.error();
    return m_db->changes();
}

Result<int> Store::removeBanById(std::int64_t id) {
    auto s = m_db->run("DELETE FROM bans WHERE id = ?", id);
    if (!s) return s.error();
    return m_db->changes();
}

Result<std::vector<Ban>> Store::listBans(UnixSeconds now) {
    auto st = m_db->prepare(std::string(kBanColumns) +
                            "WHERE expires_at IS NULL OR expires_at > ? ORDER BY id");
    if (!st) return st.error();
    st->bindAll(now);
    std::vector<Ban> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back(readBan(*st));
    }
}

Status Store::setMuted(std::string_view name, std::string_view clientKey, bool muted,
                       std::optional<UnixSeconds> expiresAt, std::string_view reason,
                       std::string_view personKey) {
    if (name.empty() && clientKey.empty() && personKey.empty())
        return makeError("mute: no name, client key or person given");
    sql::Transaction tx(*m_db);
    if (!tx.begun()) return tx.begun();
    const std::pair<const char*, std::string> keys[] = {
        {"name", lower(name)}, {"key", std::string(clientKey)}, {"person", std::string(personKey)}};
    for (const auto& [kind, value] : keys) {
        if (value.empty()) continue;
        auto s = muted ? m_db->run("INSERT OR REPLACE INTO mutes (kind, value, created_at, "
                                   "expires_at, reason) VALUES (?, ?, ?, ?, ?)",
                                   kind, value, unixNow(), expiresAt, reason)
                       : m_db->run("DELETE FROM mutes WHERE kind = ? AND value = ?", kind, value);
        if (!s) return s;
    }
    return tx.commit();
}

Result<bool> Store::isMuted(std::string_view name, std::string_view clientKey,
                            std::string_view personKey) {
    auto mute = findActiveMute(name, clientKey, unixNow(), personKey);
    if (!mute) return mute.error();
    return mute->has_value();
}

Result<std::optional<Mute>> Store::findActiveMute(std::string_view name, std::string_view clientKey,
                                                  UnixSeconds now, std::string_view personKey) {
    // The longest-running one first (a permanent mute outlasts any timed one).
    auto st = m_db->prepare(
        "SELECT reason, expires_at FROM mutes WHERE ((kind = 'name' AND value = ?1 AND ?1 != '')"
        " OR (kind = 'key' AND value = ?2 AND ?2 != '') OR (kind = 'person' AND value = ?4 AND "
        "?4 != '')) AND (expires_at IS NULL OR expires_at > ?3) ORDER BY expires_at IS NULL DESC, "
        "expires_at DESC LIMIT 1");
    if (!st) return st.error();
    st->bindAll(lower(name), clientKey, std::int64_t(now), personKey);
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return std::optional<Mute>();
    Mute m{st->columnText(0), std::nullopt};
    if (!st->columnIsNull(1)) m.expiresAt = st->columnInt(1);
    return std::optional<Mute>(std::move(m));
}

} // namespace fg::store
