// The programme's console verbs: `session start|end|auto|status|slide|stats|attendance` and
// `invite speaker`. Parses and prints only; every change goes through ProgrammeModule's methods.
#include "engine/core/File.h"
#include "game/expo/LeadsCsv.h"
#include "server/console/ConsoleCommands.h"
#include "server/console/ConsoleText.h"
#include "server/programme/ProgrammeModule.h"
#include "server/store/Role.h"
#include "server/store/Store.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace fg::server {

using console::CommandArgs;
using console::ConsoleResult;

// Words without their options: --json sets JSON, --csv FILE sets CSV, --moderator MODERATOR.
struct ProgrammeModule::ConsoleArgs {
    std::vector<std::string> words;
    bool json = false, moderator = false;
    std::string csv;
};

namespace {

ConsoleResult fail(std::string text) {
    return {std::move(text), false};
}

using Parsed = ProgrammeModule::ConsoleArgs;

Result<Parsed> parse(std::string_view verb, const std::vector<std::string>& in) {
    Parsed out;
    for (std::size_t i = 1; i < in.size(); ++i) {
        if (in[i] == "--json")
            out.json = true;
        else if (in[i] == "--moderator")
            out.moderator = true;
        else if (in[i] == "--csv" && i + 1 < in.size())
            out.csv = in[++i];
        else if (in[i].starts_with("--"))
            return makeError(fmt::format("session {}: unknown option \"{}\"", verb, in[i]));
        else
            out.words.push_back(in[i]);
    }
    return out;
}

std::vector<std::string> splitComma(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

double meanMinutes(const ProgrammeModule::Live& live) {
    if (live.attendance.empty()) return 0;
    double total = 0;
    for (const auto& [person, a] : live.attendance)
        total += a.seconds;
    return total / double(live.attendance.size()) / 60.0;
}

std::string formatClock(std::int64_t unix) {
    return unix == 0 ? std::string("-") : formatUtcTimestamp(unix);
}

} // namespace

void ProgrammeModule::registerCommands(console::ConsoleCommands& commands) {
    auto verb = [&](const char* name, auto run) {
        commands.addSubcommand("session", name, [this, name, run](const CommandArgs& a) {
            auto parsed = parse(name, a.words);
            if (!parsed) return fail(parsed.error().message);
            return run(*parsed);
        });
    };
    auto change = [this](const char* name, auto apply) {
        return [this, name, apply](const Parsed& p) {
            if (p.words.empty()) return fail(fmt::format("session {}: missing SESSION", name));
            Status done = apply(p);
            if (!done) return fail(fmt::format("session {}: {}", name, done.error().message));
            const Live* l = live(p.words[0]);
            return ConsoleResult{fmt::format("{}: {}, page {}, {}", p.words[0],
                                             stageStateName(l->state), l->page + 1,
                                             l->autoSchedule ? "auto" : "manual")};
        };
    };
    verb("start", change("start", [this](const Parsed& p) { return startSession(p.words[0]); }));
    verb("end", change("end", [this](const Parsed& p) { return endSession(p.words[0]); }));
    verb("auto", change("auto", [this](const Parsed& p) {
             if (p.words.size() != 2 || (p.words[1] != "on" && p.words[1] != "off"))
                 return Status(makeError("usage: session auto SESSION on|off"));
             return setAuto(p.words[0], p.words[1] == "on");
         }));
    verb("slide", change("slide", [this](const Parsed& p) -> Status {
             if (p.words.size() != 2) return makeError("usage: session slide SESSION N (1-based)");
             const std::string& n = p.words[1];
             if (n.empty() || n.size() > 5 ||
                 n.find_first_not_of("0123456789") != std::string::npos || std::stoul(n) == 0)
                 return makeError(fmt::format("\"{}\" is not a page number (1, 2, ...)", n));
             return setPage(p.words[0], std::uint32_t(std::stoul(n) - 1));
         }));
    verb("status", [this](const Parsed& p) { return status(p); });
    verb("stats", [this](const Parsed& p) { return stats(p); });
    verb("attendance", [this](const Parsed& p) { return attendanceCsv(p); });
    commands.addSubcommand("invite", "speaker", [this, &commands](const CommandArgs& a) {
        return inviteSpeaker(commands, a.words);
    });
}

ConsoleResult ProgrammeModule::status(const Parsed& p) {
    nlohmann::json list = nlohmann::json::array();
    console::Table t({"session", "state", "mode", "page", "starts", "venue", "overflow"});
    for (const auto& session : m_ctx.exhibition().sessions) {
        if (!p.words.empty() && session.id != p.words[0]) continue;
        const Live& l = liveOf(session);
        std::uint32_t hall = 0;
        const expo::Venue* venue = venueOf(session, hall);
        const std::uint32_t capacity = venue ? venue->capacity : 0;
        list.push_back({{"session", session.id},
                        {"state", stageStateName(l.state)},
                        {"auto", l.autoSchedule},
                        {"page", l.page + 1},
                        {"start", session.start},
                        {"live_since", l.liveSince},
                        {"in_venue", l.inVenue},
                        {"capacity", capacity},
                        {"overflow", l.overflow}});
        t.addRow({session.id, stageStateName(l.state), l.autoSchedule ? "auto" : "manual",
                  std::to_string(l.page + 1), formatClock(session.start),
                  fmt::format("{}/{}", l.inVenue, capacity), std::to_string(l.overflow)});
    }
    if (!p.words.empty() && list.empty())
        return fail(fmt::format("session status: no session '{}'", p.words[0]));
    return {p.json ? list.dump(2) : t.render()};
}

ConsoleResult ProgrammeModule::stats(const Parsed& p) {
    if (p.words.size() != 1) return fail("usage: session stats SESSION [--json]");
    const Live* l = live(p.words[0]);
    if (!l) return fail(fmt::format("session stats: no session '{}'", p.words[0]));
    (void)flushAttendance();
    Figures figures = sessionFigures ? sessionFigures(p.words[0]) : Figures{};
    if (std::none_of(figures.begin(), figures.end(),
                     [](auto& f) { return f.first == "questions"; }))
        figures.insert(figures.begin(), {"questions", 0});
    std::string more;
    for (const auto& [name, value] : figures)
        more += fmt::format("{}{} {}", more.empty() ? "" : ", ", name, value);
    nlohmann::json j = {{"session", p.words[0]},
                        {"state", stageStateName(l->state)},
                        {"slide", l->page + 1},
                        {"attendees", l->attendance.size()},
                        {"peak", l->peak},
                        {"watching", l->inVenue + l->overflow},
                        {"in_venue", l->inVenue},
                        {"overflow", l->overflow},
                        {"mean_minutes", std::round(meanMinutes(*l) * 10) / 10}};
    for (const auto& [name, value] : figures)
        j[name] = value;
    if (p.json) return {j.dump(2)};
    return {fmt::format("{}: {}, slide {}\nattendees {}, peak {}, watching now {} ({} in the "
                        "venue, {} in the overflow)\nmean minutes watched {:.1f}\n{}",
                        p.words[0], stageStateName(l->state), l->page + 1, l->attendance.size(),
                        l->peak, l->inVenue + l->overflow, l->inVenue, l->overflow, meanMinutes(*l),
                        more)};
}

ConsoleResult ProgrammeModule::attendanceCsv(const Parsed& p) {
    if (p.words.size() != 1 || p.csv.empty())
        return fail("usage: session attendance SESSION --csv FILE");
    if (!live(p.words[0]))
        return fail(fmt::format("session attendance: no session '{}'", p.words[0]));
    if (Status s = flushAttendance(); !s) return fail("session attendance: " + s.error().message);
    auto rows = m_records->attendance(p.words[0]);
    if (!rows) return fail("session attendance: " + rows.error().message);
    std::string csv = "name,role,minutes,first_seen\r\n";
    for (const auto& a : *rows)
        csv += fmt::format("{},{},{:.1f},{}\r\n", expo::csvField(a.name), expo::csvField(a.role),
                           a.seconds / 60.0, formatUtcTimestamp(a.firstSeen));
    if (Status s = writeFileAtomic(p.csv, csv); !s)
        return fail("session attendance: " + s.error().message);
    return {fmt::format("{} attendee(s) of {} written to {}", rows->size(), p.words[0], p.csv)};
}

// "speaker SESSION[,SESSION...] [--moderator] [LABEL]": a visitor credential bound to sessions.
ConsoleResult ProgrammeModule::inviteSpeaker(console::ConsoleCommands& commands,
                                             const std::vector<std::string>& words) {
    auto parsed = parse("invite speaker", words);
    if (!parsed) return fail(parsed.error().message);
    if (parsed->words.empty())
        return fail("invite speaker: missing SESSION (usage: invite speaker SESSION[,SESSION...] "
                    "[--moderator] [LABEL])");
    const std::vector<std::string> ids = splitComma(parsed->words[0]);
    if (ids.empty()) return fail("invite speaker: missing SESSION");
    for (const auto& id : ids)
        if (!find(id)) return fail(fmt::format("invite speaker: unknown session \"{}\"", id));
    std::string label = parsed->moderator ? "moderator " : "speaker ";
    label += parsed->words[0];
    for (std::size_t i = 1; i < parsed->words.size(); ++i)
        label += (i == 1 ? ": " : " ") + parsed->words[i];
    auto issued = m_ctx.store().issueCredential(store::Role::Visitor, "", label);
    if (!issued) return fail("invite speaker: " + issued.error().message);
    const std::string person = fmt::format("cred:{}", issued->credential.id);
    for (const auto& id : ids)
        if (Status s = m_records->bind({person, id, parsed->moderator}); !s)
            return fail("invite speaker: " + s.error().message);
    return {commands.inviteText(*issued, label)};
}

} // namespace fg::server
