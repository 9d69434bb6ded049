// Console `session registrations SESSION [--csv FILE]`: a session's confirmed places and its
// waiting list, as a table or RFC 4180 CSV. Reads the registration book only.
#include "engine/core/File.h"
#include "server/console/ConsoleText.h"
#include "server/registration/RegistrationModule.h"
#include "server/store/Store.h"

#include <algorithm>
#include <fmt/format.h>
#include <optional>

namespace fg::server {
namespace {

// Names people typed: a cell a spreadsheet would run as a formula gets a leading apostrophe.
std::string safeCell(std::string_view text) {
    if (text.empty() || std::string_view("=+-@\t\r").find(text.front()) == std::string_view::npos)
        return store::csvField(text);
    return store::csvField("'" + std::string(text));
}

std::string registrationsCsv(const std::vector<store::RegistrationRecord>& list) {
    std::string out = "position,name,person,status,registered_utc\r\n";
    std::uint32_t confirmed = 0;
    for (const store::RegistrationRecord& r : list)
        out += fmt::format("{},{},{},{},{}\r\n",
                           r.status == store::PlaceStatus::Waiting ? r.position : ++confirmed,
                           safeCell(r.name), store::csvField(r.personKey),
                           store::placeStatusName(r.status), formatUtcTimestamp(r.createdAt));
    return out;
}

std::string registrationsTable(const std::vector<store::RegistrationRecord>& list) {
    console::Table t({"#", "name", "person", "status", "registered (UTC)"});
    t.alignRight(0);
    std::uint32_t confirmed = 0;
    for (const store::RegistrationRecord& r : list)
        t.addRow(
            {std::to_string(r.status == store::PlaceStatus::Waiting ? r.position : ++confirmed),
             r.name, r.personKey,
             r.status == store::PlaceStatus::Waiting ? fmt::format("waiting ({})", r.position)
                                                     : std::string("confirmed"),
             formatUtcTimestamp(r.createdAt)});
    return t.render();
}

// "registrations SESSION [--csv FILE]" as the sub-command receives it (options not parsed).
struct RegistrationsArgs {
    std::string session;
    std::optional<std::string> csv;
};

Result<RegistrationsArgs> parseArgs(const std::vector<std::string>& words) {
    RegistrationsArgs out;
    for (std::size_t i = 1; i < words.size(); ++i) {
        if (words[i] == "--csv") {
            if (i + 1 >= words.size()) return makeError("--csv needs a FILE");
            out.csv = words[++i];
        } else if (out.session.empty()) {
            out.session = words[i];
        } else {
            return makeError(fmt::format("unexpected \"{}\"", words[i]));
        }
    }
    if (out.session.empty()) return makeError("usage: session registrations SESSION [--csv FILE]");
    return out;
}

} // namespace

// `session` is the console's programme command; this module adds its `registrations` verb.
void RegistrationModule::registerCommands(console::ConsoleCommands& commands) {
    commands.addSubcommand("session", "registrations",
                           [this](const console::CommandArgs& a) { return registrations(a); });
}

console::ConsoleResult RegistrationModule::registrations(const console::CommandArgs& a) {
    auto args = parseArgs(a.words);
    if (!args) return {"session registrations: " + args.error().message + "\n", false};
    const expo::Session* e = expo::findSession(m_ctx.exhibition(), args->session);
    if (!e)
        return {fmt::format("session registrations: no session \"{}\"\n", args->session), false};
    auto list = m_book->forSession(e->id);
    if (!list) return {"session registrations: " + list.error().message + "\n", false};
    if (args->csv) {
        if (Status st = writeFileAtomic(*args->csv, registrationsCsv(*list)); !st)
            return {"session registrations: " + st.error().message + "\n", false};
        return {
            fmt::format("wrote {} registrations of {} to {}\n", list->size(), e->id, *args->csv)};
    }
    const std::uint32_t capacity = expo::registrationCapacity(m_ctx.exhibition(), *e);
    const auto confirmed = std::count_if(list->begin(), list->end(), [](const auto& r) {
        return r.status == store::PlaceStatus::Confirmed;
    });
    std::string head =
        fmt::format("{} ({}, registration {}): {} of {} places taken\n", e->title, e->id,
                    expo::toString(e->registration.mode), confirmed, capacity);
    if (list->empty()) return {head + "no registrations\n"};
    return {head + registrationsTable(*list)};
}

} // namespace fg::server
