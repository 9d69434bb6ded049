// Console moderation: ban/unban and mute/unmute. The store is written first (so a restart keeps
// the decision), then connected people it applies to are disconnected or muted via the host.
#include "server/console/ConsoleCommands.h"
#include "server/console/ConsoleText.h"
#include "server/store/Store.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace fg::console {
namespace {

ConsoleResult fail(std::string text) {
    return {std::move(text), false};
}

// True for a verified person key as `who` shows it: "ticket:12" or "cred:3".
bool isPersonKey(std::string_view who) {
    for (std::string_view kind : {"ticket:", "cred:"})
        if (who.starts_with(kind) && who.size() > kind.size() && who.size() < kind.size() + 19 &&
            who.find_first_not_of("0123456789", kind.size()) == std::string_view::npos)
            return true;
    return false;
}

// Splits "ip:1.2.3.4" into (kind, value); a person key ("ticket:12") is its own value; nullopt
// when WHO has no known prefix.
std::optional<std::pair<store::BanKind, std::string>> prefixed(std::string_view who) {
    if (isPersonKey(who)) return std::pair{store::BanKind::Person, std::string(who)};
    auto colon = who.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    std::string_view kind = who.substr(0, colon);
    std::string value(who.substr(colon + 1));
    if (kind == "name") return std::pair{store::BanKind::Name, value};
    if (kind == "ip") return std::pair{store::BanKind::Address, value};
    if (kind == "key") return std::pair{store::BanKind::ClientKey, value};
    return std::nullopt;
}

bool sameName(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

} // namespace

Result<std::vector<std::pair<store::BanKind, std::string>>>
ConsoleCommands::banTargets(std::string_view who) const {
    std::vector<std::pair<store::BanKind, std::string>> targets;
    if (auto p = prefixed(who)) {
        if (p->second.empty()) return makeError(fmt::format("ban: \"{}\" has an empty value", who));
        targets.push_back(*p);
        return targets;
    }
    auto v = findVisitor("ban", who);
    if (!v)
        return makeError(v.error().message + "; for someone not online use name:NAME, ip:ADDRESS, "
                                             "key:CLIENTKEY, ticket:ID or cred:ID");
    targets.push_back({store::BanKind::Name, v->name});
    if (!v->clientKey.empty()) targets.push_back({store::BanKind::ClientKey, v->clientKey});
    // The ticket or credential too: another name or client key is no way back in.
    if (!v->personKey.empty()) targets.push_back({store::BanKind::Person, v->personKey});
    return targets;
}

// "[DURATION] [REASON]" after WHO: a first word starting with a digit must be a duration.
Result<std::pair<std::optional<std::int64_t>, std::string>>
ConsoleCommands::durationAndReason(std::string_view cmd, const CommandArgs& a) const {
    std::optional<std::int64_t> duration;
    std::size_t reasonFrom = 1;
    if (a.words.size() > 1) {
        auto d = parseDuration(a.words[1]);
        if (!d && std::isdigit(static_cast<unsigned char>(a.words[1][0])))
            return makeError(fmt::format("{}: {}", cmd, d.error().message));
        if (d) {
            duration = *d;
            reasonFrom = 2;
        }
    }
    return std::pair{duration, a.words.size() > reasonFrom ? a.rest(reasonFrom) : std::string()};
}

ConsoleResult ConsoleCommands::cmdBan(const CommandArgs& a) {
    auto terms = durationAndReason("ban", a);
    if (!terms) return fail(terms.error().message);
    return ban(a.words[0], terms->first, terms->second);
}

ConsoleResult ConsoleCommands::ban(std::string_view who, std::optional<std::int64_t> seconds,
                                   std::string reason) {
    auto targets = banTargets(who);
    if (!targets) return fail(targets.error().message);
    if (reason.empty()) reason = "banned by the organiser";
    std::optional<UnixSeconds> expires;
    if (seconds) expires = now() + *seconds;
    std::string out;
    for (const auto& [kind, value] : *targets) {
        auto ban = m_store.addBan(kind, value, expires, reason);
        if (!ban) return fail("ban: " + ban.error().message);
        out += fmt::format("ban #{}: {} \"{}\" {}\n", ban->id, store::banKindName(kind), value,
                           expires ? "until " + formatUtcTimestamp(*expires) : "permanently");
    }
    std::vector<std::string> disconnected;
    for (const VisitorInfo& v : m_host.visitors()) {
        auto hit = m_store.findActiveBan(v.name, v.address, v.clientKey, now(), v.personKey);
        if (!hit || !hit->has_value()) continue;
        if (auto s = m_host.disconnectBanned(v.id, reason); !s) return fail(s.error().message);
        out += fmt::format("disconnected #{} {}\n", v.id, v.name);
        disconnected.push_back(v.name);
    }
    // A banned name not connected here may be on another process of the cluster.
    for (const auto& [kind, value] : *targets)
        if (kind == store::BanKind::Name &&
            std::none_of(disconnected.begin(), disconnected.end(),
                         [&](const std::string& n) { return sameName(n, value); }))
            m_host.banElsewhere(value, reason);
    return {out + "reason: " + reason};
}

ConsoleResult ConsoleCommands::cmdUnban(const CommandArgs& a) {
    const std::string& who = a.words[0];
    Result<int> removed = 0;
    std::string_view digits = std::string_view(who).substr(who.starts_with('#') ? 1 : 0);
    bool isId = who.starts_with('#') && !digits.empty() && digits.size() < 10 &&
                digits.find_first_not_of("0123456789") == std::string_view::npos;
    if (isId)
        removed = m_store.removeBanById(std::stoll(std::string(digits)));
    else if (auto p = prefixed(who))
        removed = m_store.removeBans(p->first, p->second);
    else
        removed = m_store.removeBans(store::BanKind::Name, who);
    if (!removed) return fail("unban: " + removed.error().message);
    if (*removed == 0) return fail(fmt::format("unban: no ban matches \"{}\" (see 'bans')", who));
    return {
        fmt::format("removed {} ban{} matching \"{}\"", *removed, *removed == 1 ? "" : "s", who)};
}

ConsoleResult ConsoleCommands::mute(std::string_view who, bool muted,
                                    std::optional<std::int64_t> seconds, std::string reason) {
    const char* cmd = muted ? "mute" : "unmute";
    std::optional<UnixSeconds> expires;
    if (muted && seconds) expires = now() + *seconds;
    if (!muted) reason.clear();
    std::string name, key, person;
    if (who.starts_with("name:")) {
        name = who.substr(5);
        if (name.empty()) return fail(fmt::format("{}: \"{}\" has an empty name", cmd, who));
    } else if (isPersonKey(who)) {
        person = who;
    } else {
        auto v = findVisitor(cmd, who);
        if (!v)
            return fail(v.error().message +
                        "; for someone not online use name:NAME, ticket:ID or cred:ID");
        name = v->name;
        key = v->clientKey;
        person = v->personKey; // the mute follows the ticket or credential
    }
    if (auto s = m_store.setMuted(name, key, muted, expires, reason, person); !s)
        return fail(std::string(cmd) + ": " + s.error().message);
    std::string out =
        fmt::format("{} \"{}\"", muted ? "muted" : "unmuted", name.empty() ? person : name);
    if (muted) out += expires ? " until " + formatUtcTimestamp(*expires) : " until unmuted";
    if (!reason.empty()) out += ": " + reason;
    out += "\n";
    for (const VisitorInfo& v : m_host.visitors()) {
        if (!sameName(v.name, name) && (key.empty() || v.clientKey != key) &&
            (person.empty() || v.personKey != person))
            continue;
        if (auto s = m_host.setMuted(v.id, muted); !s) return fail(s.error().message);
        out += fmt::format("told #{} {}\n", v.id, v.name);
    }
    return {out};
}

ConsoleResult ConsoleCommands::cmdMute(const CommandArgs& a) {
    auto terms = durationAndReason("mute", a);
    if (!terms) return fail(terms.error().message);
    return mute(a.words[0], true, terms->first, terms->second);
}

ConsoleResult ConsoleCommands::cmdUnmute(const CommandArgs& a) {
    return mute(a.words[0], false);
}

} // namespace fg::console
