// Console commands over the store: invite/credentials/revoke, bans list, booth stats, top
// booths, leads (table or CSV file) and export of the exhibition. Tokens are printed once only.
#include "engine/core/File.h"
#include "game/expo/Exhibition.h"
#include "game/expo/ExhibitionJson.h"
#include "server/console/ConsoleCommands.h"
#include "server/console/ConsoleText.h"
#include "server/store/Store.h"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace fg::console {
namespace {

ConsoleResult fail(std::string text) {
    return {std::move(text), false};
}

nlohmann::json statsJson(const store::BoothStats& s) {
    return {{"booth", s.boothId},
            {"visits", s.visits},
            {"unique_visitors", s.uniqueVisitors},
            {"dwell_s", s.dwellSeconds},
            {"likes", s.likes},
            {"cards", s.cards},
            {"document_opens", s.documentOpens},
            {"link_opens", s.linkOpens},
            {"video_opens", s.videoOpens}};
}

// EXTRA: the modules' column names and each booth's values (ConsoleCommands::boothFigures).
std::string statsTable(
    const std::vector<store::BoothStats>& list,
    const std::pair<std::vector<std::string>, std::vector<std::vector<std::int64_t>>>& extra) {
    std::vector<std::string> header{"booth", "visits", "unique", "dwell", "avg dwell",
                                    "likes", "cards",  "docs",   "links", "videos"};
    for (std::string name : extra.first) // "meetings_requested" -> "meetings requested"
        header.push_back((std::replace(name.begin(), name.end(), '_', ' '), name));
    Table t(header);
    for (std::size_t c = 1; c < header.size(); ++c)
        t.alignRight(c);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const store::BoothStats& s = list[i];
        double avg = s.visits > 0 ? s.dwellSeconds / double(s.visits) : 0;
        std::vector<std::string> row{s.boothId,
                                     std::to_string(s.visits),
                                     std::to_string(s.uniqueVisitors),
                                     formatDuration(s.dwellSeconds),
                                     formatDuration(avg),
                                     std::to_string(s.likes),
                                     std::to_string(s.cards),
                                     std::to_string(s.documentOpens),
                                     std::to_string(s.linkOpens),
                                     std::to_string(s.videoOpens)};
        if (i < extra.second.size()) // `top booths` passes no module figures
            for (std::int64_t v : extra.second[i])
                row.push_back(std::to_string(v));
        t.addRow(row);
    }
    return t.render();
}

} // namespace

void ConsoleCommands::registerStoreCommands() {
    using C = ConsoleCommands;
    m_commands.push_back(
        {"invite",
         "invite exhibitor EXHIBITOR_ID [LABEL]",
         "make a credential and print its token once",
         "Also 'invite organiser [LABEL]' and 'invite visitor [LABEL]' (a ticket "
         "code). The token is shown only now and stored only as a hash; hand it "
         "to the person. An exhibitor token acts for that exhibitor's booths only. "
         "'invite speaker SESSION[,SESSION...] [--moderator] [LABEL]' (the programme "
         "module) binds a visitor credential to those sessions as speaker or moderator.",
         1,
         SIZE_MAX,
         {},
         {"exhibitor", "organiser", "visitor"},
         bind(&C::cmdInvite)});
    m_commands.push_back({"credentials",
                          "credentials",
                          "list credentials (never the tokens)",
                          "Shows id, role, exhibitor, label, the token's first digits, when it was "
                          "made and whether it was revoked.",
                          0,
                          0,
                          {},
                          {},
                          bind(&C::cmdCredentials)});
    m_commands.push_back({"revoke",
                          "revoke TOKEN|PREFIX|#ID",
                          "revoke a credential",
                          "Accepts the full token, its first 4-8 hex digits (with or without "
                          "fgx_) or #ID from 'credentials'. Its holder can no longer sign in. "
                          "A visitor ticket's full code (fgt_...) is revoked as by 'tickets "
                          "revoke'.",
                          1,
                          1,
                          {},
                          {},
                          bind(&C::cmdRevoke)});
    m_commands.push_back({"bans",
                          "bans",
                          "list active bans",
                          "Shows #id, kind, value, expiry and "
                          "reason of every ban still in force.",
                          0,
                          0,
                          {},
                          {},
                          bind(&C::cmdBans)});
    m_commands.push_back({"booth",
                          "booth stats [BOOTH] [--json] | pending | approve BOOTH | reject BOOTH "
                          "REASON",
                          "booth statistics and moderation of uploaded booths",
                          "stats: visits, unique visitors, total and average dwell, likes, cards "
                          "(leads) and document/link/video opens, for one booth or all with any "
                          "activity. pending, approve, reject: the booths exhibitors uploaded "
                          "(run by the server's publish module, server/publish/PublishModule.cpp).",
                          1,
                          2,
                          {"json"},
                          {"stats", "pending", "approve", "reject"},
                          bind(&C::cmdBooth)});
    m_commands.push_back({"top",
                          "top booths [N] [--by visits|unique|dwell|likes|cards]",
                          "the most visited booths",
                          "The N (default 10) booths with the most visits, or sorted by another "
                          "figure with --by.",
                          1,
                          2,
                          {"by", "json"},
                          {"booths"},
                          bind(&C::cmdTop)});
    m_commands.push_back({"leads",
                          "leads BOOTH [--csv FILE]",
                          "a booth's leads",
                          "Prints the business cards left at BOOTH, or writes them to FILE as "
                          "RFC 4180 CSV (written atomically).",
                          1,
                          1,
                          {"csv"},
                          {},
                          bind(&C::cmdLeads)});
    m_commands.push_back({"export",
                          "export FILE",
                          "write the current exhibition as JSON",
                          "Writes the exhibition being served in canonical form. Referenced "
                          "files (images, models) are not copied.",
                          1,
                          1,
                          {},
                          {},
                          bind(&C::cmdExport)});
}

ConsoleResult ConsoleCommands::cmdInvite(const CommandArgs& a) {
    const std::string& kind = a.words[0];
    auto role = store::parseRole(kind);
    if (!role)
        return fail(
            fmt::format("invite: expected exhibitor, organiser or visitor, found \"{}\"", kind));
    std::string exhibitor;
    std::size_t labelFrom = 1;
    if (*role == store::Role::Exhibitor) {
        if (a.words.size() < 2)
            return fail("invite: missing EXHIBITOR_ID (usage: invite exhibitor EXHIBITOR_ID)");
        exhibitor = a.words[1];
        if (!expo::findExhibitor(m_host.exhibition(), exhibitor))
            return fail(
                fmt::format("invite: unknown exhibitor \"{}\" (try 'find NAME')", exhibitor));
        labelFrom = 2;
    }
    auto issued = m_store.issueCredential(*role, exhibitor, a.rest(labelFrom));
    if (!issued) return fail("invite: " + issued.error().message);
    return {inviteText(*issued, exhibitor.empty() ? kind : kind + " " + exhibitor)};
}

std::string ConsoleCommands::inviteText(const store::IssuedCredential& issued,
                                        std::string_view what) const {
    std::string out = fmt::format("credential #{} for {}\ntoken (shown once, keep it safe): {}",
                                  issued.credential.id, what, issued.token);
    // The invitation code carries the server key: the client pins it before sending the token.
    const std::string key = m_host.stats().keyFingerprint;
    if (!key.empty())
        out += fmt::format("\ninvitation code (token@server key): {}@{}", issued.token, key);
    return out;
}

ConsoleResult ConsoleCommands::cmdCredentials(const CommandArgs&) {
    auto list = m_store.listCredentials();
    if (!list) return fail("credentials: " + list.error().message);
    Table t({"id", "role", "exhibitor", "label", "token", "created", "state"});
    t.alignRight(0);
    for (const store::Credential& c : *list)
        t.addRow({"#" + std::to_string(c.id), store::roleName(c.role), c.exhibitorId, c.label,
                  "fgx_" + c.hint + "...", formatUtcTimestamp(c.createdAt),
                  c.revokedAt ? "revoked " + formatUtcTimestamp(*c.revokedAt) : "active"});
    return {t.render()};
}

ConsoleResult ConsoleCommands::cmdRevoke(const CommandArgs& a) {
    if (a.words[0].starts_with("fgt_")) // a visitor ticket: revoked as `tickets revoke` does
        return cmdTickets(CommandArgs{{"revoke", a.words[0]}, false, {}, {}, {}});
    auto c = m_store.revokeCredential(a.words[0]);
    if (!c) return fail(c.error().message);
    return {fmt::format("revoked credential #{} ({}{})", c->id, store::roleName(c->role),
                        c->exhibitorId.empty() ? "" : " " + c->exhibitorId)};
}

ConsoleResult ConsoleCommands::cmdBans(const CommandArgs&) {
    auto list = m_store.listBans(now());
    if (!list) return fail("bans: " + list.error().message);
    Table t({"id", "kind", "value", "expires", "reason"});
    for (const store::Ban& b : *list)
        t.addRow({"#" + std::to_string(b.id), store::banKindName(b.kind), b.value,
                  b.expiresAt ? formatUtcTimestamp(*b.expiresAt) : "never", b.reason});
    return {t.render()};
}

ConsoleResult ConsoleCommands::cmdBooth(const CommandArgs& a) {
    if (a.words[0] != "stats")
        return fail(fmt::format("booth: unknown sub-command \"{}\" (usage: booth stats [BOOTH])",
                                a.words[0]));
    std::vector<store::BoothStats> list;
    if (a.words.size() == 2) {
        if (!expo::findBooth(m_host.exhibition(), a.words[1]))
            return fail(fmt::format("booth stats: unknown booth \"{}\"", a.words[1]));
        auto s = m_store.boothStats(a.words[1]);
        if (!s) return fail("booth stats: " + s.error().message);
        list.push_back(*s);
    } else {
        auto all = m_store.allBoothStats();
        if (!all) return fail("booth stats: " + all.error().message);
        list = std::move(*all);
    }
    auto extra = boothFigures(list);
    if (!extra) return fail("booth stats: " + extra.error().message);
    if (a.json) {
        nlohmann::json j = nlohmann::json::array();
        for (std::size_t i = 0; i < list.size(); ++i) {
            nlohmann::json row = statsJson(list[i]);
            for (std::size_t k = 0; k < extra->first.size(); ++k)
                row[extra->first[k]] = extra->second[i][k];
            j.push_back(std::move(row));
        }
        return {j.dump(2)};
    }
    return {statsTable(list, *extra)};
}

Result<std::pair<std::vector<std::string>, std::vector<std::vector<std::int64_t>>>>
ConsoleCommands::boothFigures(const std::vector<store::BoothStats>& list) const {
    std::pair<std::vector<std::string>, std::vector<std::vector<std::int64_t>>> out;
    out.second.resize(list.size());
    for (const BoothFigures& f : m_boothFigures) {
        out.first.insert(out.first.end(), f.names.begin(), f.names.end());
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto values = f.values(list[i].boothId);
            if (!values) return values.error();
            values->resize(f.names.size()); // a module's row always fills its columns
            out.second[i].insert(out.second[i].end(), values->begin(), values->end());
        }
    }
    return out;
}

ConsoleResult ConsoleCommands::cmdTop(const CommandArgs& a) {
    if (a.words[0] != "booths")
        return fail(fmt::format("top: unknown list \"{}\" (usage: top booths [N])", a.words[0]));
    std::size_t n = 10;
    if (a.words.size() == 2) {
        const std::string& w = a.words[1];
        if (w.empty() || w.size() > 4 || w.find_first_not_of("0123456789") != std::string::npos ||
            std::stoul(w) == 0)
            return fail(fmt::format("top booths: N must be 1-9999, found \"{}\"", w));
        n = std::stoul(w);
    }
    std::string by = a.by.value_or("visits");
    using S = store::BoothStats;
    std::function<double(const S&)> key;
    if (by == "visits")
        key = [](const S& s) { return double(s.visits); };
    else if (by == "unique")
        key = [](const S& s) { return double(s.uniqueVisitors); };
    else if (by == "dwell")
        key = [](const S& s) { return s.dwellSeconds; };
    else if (by == "likes")
        key = [](const S& s) { return double(s.likes); };
    else if (by == "cards")
        key = [](const S& s) { return double(s.cards); };
    else
        return fail(fmt::format("top booths: --by expects visits, unique, dwell, likes or cards, "
                                "found \"{}\"",
                                by));
    auto all = m_store.allBoothStats();
    if (!all) return fail("top booths: " + all.error().message);
    std::stable_sort(all->begin(), all->end(),
                     [&](const S& x, const S& y) { return key(x) > key(y); });
    if (all->size() > n) all->resize(n);
    if (a.json) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& s : *all)
            j.push_back(statsJson(s));
        return {j.dump(2)};
    }
    return {statsTable(*all, {})};
}

ConsoleResult ConsoleCommands::cmdLeads(const CommandArgs& a) {
    const std::string& booth = a.words[0];
    if (!expo::findBooth(m_host.exhibition(), booth))
        return fail(fmt::format("leads: unknown booth \"{}\"", booth));
    if (a.csv) {
        auto csv = m_store.leadsCsv(booth);
        if (!csv) return fail("leads: " + csv.error().message);
        if (auto s = writeFileAtomic(*a.csv, std::string_view(*csv)); !s)
            return fail("leads: " + s.error().message);
        auto count = std::count(csv->begin(), csv->end(), '\n') - 1;
        return {fmt::format("wrote {} leads of booth {} to {}", count, booth, *a.csv)};
    }
    auto leads = m_store.leadsForBooth(booth);
    if (!leads) return fail("leads: " + leads.error().message);
    Table t({"id", "time", "name", "organisation", "e-mail", "consent", "message"});
    for (const store::Lead& l : *leads) {
        std::string message = l.message;
        std::replace(message.begin(), message.end(), '\n', ' ');
        if (message.size() > 60) message = message.substr(0, 57) + "...";
        t.addRow({"#" + std::to_string(l.id), formatUtcTimestamp(l.createdAt), l.visitorName,
                  l.organisation, l.email, l.consent ? "yes" : "no", message});
    }
    return {t.render() + fmt::format("{} leads\n", leads->size())};
}

ConsoleResult ConsoleCommands::cmdExport(const CommandArgs& a) {
    if (auto s = expo::saveExhibition(m_host.exhibition(), a.words[0]); !s)
        return fail("export: " + s.error().message);
    return {fmt::format("exported \"{}\" ({} halls, {} booths) to {}",
                        m_host.exhibition().event.name, m_host.exhibition().halls.size(),
                        m_host.exhibition().booths.size(), a.words[0])};
}

} // namespace fg::console
