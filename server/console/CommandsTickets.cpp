// Console `tickets`: issue visitor tickets in batches to a CSV file, list them, revoke them.
// Codes leave the server only in the CSV written by `tickets issue` (never printed or logged).
#include "engine/core/File.h"
#include "server/console/ConsoleCommands.h"
#include "server/console/ConsoleText.h"
#include "server/store/Store.h"

#include <filesystem>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace fg::console {
namespace {

ConsoleResult fail(std::string text) {
    return {std::move(text), false};
}

constexpr const char* kUsage = "tickets issue N [--label L] --csv FILE | list [--label L] [--json]"
                               " | revoke CODE|PREFIX|#ID | revoke --label L";

// The codes exist only in the file, so an existing file is never overwritten.
ConsoleResult issue(store::Store& store, const CommandArgs& a, std::string_view serverKey) {
    if (a.words.size() != 2)
        return fail(fmt::format("tickets issue: how many? (usage: {})", kUsage));
    const std::string& n = a.words[1];
    if (n.empty() || n.size() > 6 || n.find_first_not_of("0123456789") != std::string::npos)
        return fail(fmt::format("tickets issue: \"{}\" is not a number of tickets", n));
    if (!a.csv)
        return fail("tickets issue: --csv FILE is required: the codes are shown only once, in "
                    "that file");
    std::error_code ec;
    if (std::filesystem::exists(*a.csv, ec))
        return fail(fmt::format("tickets issue: {} exists; its codes may be the only copy, choose "
                                "another file",
                                *a.csv));
    auto issued = store.issueTickets(std::stoul(n), a.label.value_or(""));
    if (!issued) return fail("tickets issue: " + issued.error().message);
    if (auto s = writeFileAtomic(*a.csv, std::string_view(store::ticketsCsv(*issued, serverKey)));
        !s) {
        for (const store::IssuedTicket& t : *issued) // nobody can ever hold these codes
            (void)store.revokeTicket("#" + std::to_string(t.ticket.id));
        return fail("tickets issue: " + s.error().message + " (the tickets were revoked)");
    }
    return {fmt::format("issued {} tickets #{}-#{}{} to {} (code,label,issued,invitation); send "
                        "each visitor one invitation code\n",
                        issued->size(), issued->front().ticket.id, issued->back().ticket.id,
                        a.label ? " labelled \"" + *a.label + "\"" : "", *a.csv)};
}

std::string state(const store::Ticket& t) {
    return t.revokedAt ? "revoked " + formatUtcTimestamp(*t.revokedAt) : "active";
}

nlohmann::json ticketJson(const store::Ticket& t) {
    return {{"id", t.id},
            {"label", t.label},
            {"code", "fgt_" + t.hint + "..."},
            {"issued", formatUtcTimestamp(t.issuedAt)},
            {"first_used", t.firstUsedAt ? formatUtcTimestamp(*t.firstUsedAt) : ""},
            {"revoked", t.revokedAt ? formatUtcTimestamp(*t.revokedAt) : ""}};
}

ConsoleResult list(store::Store& store, const CommandArgs& a) {
    if (a.words.size() != 1) return fail(fmt::format("tickets list: usage: {}", kUsage));
    auto tickets = store.listTickets(a.label);
    if (!tickets) return fail("tickets list: " + tickets.error().message);
    if (a.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const store::Ticket& t : *tickets)
            out.push_back(ticketJson(t));
        return {out.dump(2) + "\n"};
    }
    Table table({"id", "label", "code", "issued", "first used", "state"});
    table.alignRight(0);
    std::size_t used = 0, revoked = 0;
    for (const store::Ticket& t : *tickets) {
        used += t.firstUsedAt.has_value();
        revoked += t.revokedAt.has_value();
        table.addRow({"#" + std::to_string(t.id), t.label, "fgt_" + t.hint + "...",
                      formatUtcTimestamp(t.issuedAt),
                      t.firstUsedAt ? formatUtcTimestamp(*t.firstUsedAt) : "-", state(t)});
    }
    return {table.render() +
            fmt::format("{} tickets, {} used, {} revoked\n", tickets->size(), used, revoked)};
}

ConsoleResult revoke(store::Store& store, const CommandArgs& a) {
    if (a.label && a.words.size() == 1) {
        auto n = store.revokeTicketsLabelled(*a.label);
        if (!n) return fail("tickets revoke: " + n.error().message);
        if (*n == 0)
            return fail(
                fmt::format("tickets revoke: no active ticket is labelled \"{}\"", *a.label));
        return {fmt::format("revoked {} tickets labelled \"{}\"\n", *n, *a.label)};
    }
    if (a.words.size() != 2 || a.label)
        return fail(fmt::format("tickets revoke: give one code, prefix or #ID, or --label L "
                                "(usage: {})",
                                kUsage));
    auto t = store.revokeTicket(a.words[1]);
    if (!t) return fail(t.error().message);
    return {fmt::format("revoked ticket #{}{}; its holder can no longer sign in\n", t->id,
                        t->label.empty() ? "" : " (" + t->label + ")")};
}

} // namespace

void ConsoleCommands::registerTicketCommands() {
    m_commands.push_back(
        {"tickets",
         kUsage,
         "visitor tickets: issue codes to a CSV file, list, revoke",
         "issue N: makes N visitor tickets (optionally labelled, e.g. the batch or the day) and "
         "writes their codes to FILE as RFC 4180 CSV (code,label,issued, and invitation: "
         "CODE@SERVERKEY, which also pins the server's key); the codes are stored "
         "only as hashes and shown nowhere else, and an existing FILE is never overwritten. A "
         "visitor signs in with a code like with a token (fairground --token CODE, or the "
         "invitation code field). list: id, label, the code's first digits, when it was issued "
         "and first used, state. revoke: one ticket by its code, first 4-8 hex digits or #ID, or "
         "every ticket with --label L ('revoke fgt_...' works too).",
         1,
         2,
         {"label", "csv", "json"},
         {"issue", "list", "revoke"},
         bind(&ConsoleCommands::cmdTickets)});
}

ConsoleResult ConsoleCommands::cmdTickets(const CommandArgs& a) {
    const std::string& verb = a.words[0];
    if (verb == "issue") return issue(m_store, a, m_host.stats().keyFingerprint);
    if (verb == "list") return list(m_store, a);
    if (verb == "revoke") return revoke(m_store, a);
    return fail(fmt::format("tickets: unknown sub-command \"{}\" (usage: {})", verb, kUsage));
}

} // namespace fg::console
