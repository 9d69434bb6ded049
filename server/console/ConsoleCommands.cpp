// Command registry, argument checking, `help` and tab completion for the organiser console.
// The commands themselves live in CommandsLive.cpp and CommandsStore.cpp.
#include "server/console/ConsoleCommands.h"

#include "game/expo/Exhibition.h"
#include "server/console/ConsoleLine.h"
#include "server/console/ConsoleText.h"

#include <algorithm>
#include <cassert>
#include <climits>
#include <fmt/format.h>

namespace fg::console {

namespace {
constexpr std::size_t kAny = SIZE_MAX;

ConsoleResult fail(std::string text) {
    if (!text.empty() && text.back() != '\n') text += '\n';
    return {std::move(text), false};
}

// Breaks TEXT into lines of at most WIDTH characters at spaces (long words stay whole).
std::string wrap(std::string_view text, std::size_t width) {
    std::string out, line;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view word = text.substr(start, end - start);
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            out += line + "\n";
            line.clear();
        }
        if (!line.empty()) line += ' ';
        line += word;
        start = end + 1;
    }
    if (!line.empty()) out += line + "\n";
    return out;
}
} // namespace

std::string CommandArgs::rest(std::size_t index) const {
    std::string out;
    for (std::size_t i = index; i < words.size(); ++i) {
        if (!out.empty()) out += ' ';
        out += words[i];
    }
    return out;
}

ConsoleCommands::ConsoleCommands(ConsoleHost& host, store::Store& store)
    : m_host(host), m_store(store) {
    registerCommands();
    registerStoreCommands();
    registerTicketCommands();
    std::sort(m_commands.begin(), m_commands.end(),
              [](const Command& a, const Command& b) { return a.name < b.name; });
}

void ConsoleCommands::add(Command command) {
    assert(!find(command.name) && "a console command is registered once");
    auto at = std::lower_bound(m_commands.begin(), m_commands.end(), command.name,
                               [](const Command& c, const std::string& n) { return c.name < n; });
    m_commands.insert(at, std::move(command));
}

void ConsoleCommands::addSubcommand(std::string_view command, std::string verb, Handler handler) {
    auto it = std::find_if(m_commands.begin(), m_commands.end(),
                           [&](const Command& c) { return c.name == command; });
    assert(it != m_commands.end() && "a sub-command extends a registered command");
    if (it == m_commands.end()) return;
    if (std::find(it->subwords.begin(), it->subwords.end(), verb) == it->subwords.end())
        it->subwords.push_back(verb);
    auto& verbs = m_subcommands[it->name];
    assert(!verbs.count(verb) && "a sub-command is registered once");
    verbs[std::move(verb)] = std::move(handler);
}

void ConsoleCommands::registerCommands() {
    using C = ConsoleCommands;
    m_commands.push_back({"help",
                          "help [COMMAND]",
                          "list commands, or explain one",
                          "Without an argument lists every command with its usage. With a command "
                          "name prints its arguments and what it does.",
                          0,
                          1,
                          {},
                          {},
                          bind(&C::cmdHelp)});
    m_commands.push_back({"status",
                          "status [--json]",
                          "uptime, visitors per hall, tick and traffic",
                          "Prints uptime, connections, tick rate with p50/p99 tick time, bytes in "
                          "and out per second, the exhibition revision, pending analytics and each "
                          "hall with its visitor count and whether it is open.",
                          0,
                          0,
                          {"json"},
                          {},
                          bind(&C::cmdStatus)});
    m_commands.push_back({"who",
                          "who [HALL|BOOTH] [--json]",
                          "list connected visitors",
                          "Lists connected people: id, name, role, country, hall, the booth they "
                          "are at and their position. HALL or BOOTH (an id) narrows the list.",
                          0,
                          1,
                          {"json"},
                          {},
                          bind(&C::cmdWho)});
    m_commands.push_back({"find",
                          "find NAME",
                          "search visitors and exhibitors by name",
                          "Case-insensitive substring search over connected visitors' names and "
                          "over exhibitor names (with their booths).",
                          1,
                          kAny,
                          {},
                          {},
                          bind(&C::cmdFind)});
    m_commands.push_back({"kick",
                          "kick WHO [REASON]",
                          "disconnect a visitor",
                          "WHO is a visitor id (#12 or 12) or an exact name. The visitor sees "
                          "REASON and may reconnect (use ban to keep them out).",
                          1,
                          kAny,
                          {},
                          {},
                          bind(&C::cmdKick)});
    m_commands.push_back({"ban",
                          "ban WHO [DURATION] [REASON]",
                          "ban and disconnect",
                          "WHO is a connected visitor (#id or name: bans their name and client "
                          "key), or name:NAME, ip:ADDRESS, key:CLIENTKEY for people not online. "
                          "DURATION like 30m, 2h, 7d or 1h30m; without it the ban is permanent.",
                          1,
                          kAny,
                          {},
                          {},
                          bind(&C::cmdBan)});
    m_commands.push_back({"unban",
                          "unban WHO",
                          "lift bans",
                          "WHO is #BANID (see 'bans'), name:NAME, ip:ADDRESS, key:CLIENTKEY, or a "
                          "plain name (name bans).",
                          1,
                          1,
                          {},
                          {},
                          bind(&C::cmdUnban)});
    m_commands.push_back({"mute",
                          "mute WHO [DURATION] [REASON]",
                          "stop a visitor from chatting, for DURATION or until unmuted",
                          "WHO is a connected visitor (#id or name) or name:NAME. DURATION as for "
                          "ban (30m, 2h, 1d); without it the mute lasts until 'unmute'. REASON "
                          "is shown to them when they try to chat. Mutes are kept across "
                          "reconnects and restarts; a new mute replaces the old one.",
                          1,
                          kAnyWords,
                          {},
                          {},
                          bind(&C::cmdMute)});
    m_commands.push_back({"unmute",
                          "unmute WHO",
                          "allow a muted visitor to chat again",
                          "WHO as for mute.",
                          1,
                          1,
                          {},
                          {},
                          bind(&C::cmdUnmute)});
    m_commands.push_back({"announce",
                          "announce [HALL] TEXT",
                          "message everyone or one hall",
                          "When the first word is a hall id the announcement goes to that hall "
                          "only; otherwise the whole line goes to everyone.",
                          1,
                          kAny,
                          {},
                          {},
                          bind(&C::cmdAnnounce)});
    m_commands.push_back({"hall",
                          "hall open|close HALL",
                          "open or close a hall",
                          "A closed hall admits nobody new.",
                          2,
                          2,
                          {},
                          {"open", "close"},
                          bind(&C::cmdHall)});
    m_commands.push_back({"save",
                          "save",
                          "write pending data and checkpoint the database",
                          "Flushes batched analytics and dwell, then checkpoints the database.",
                          0,
                          0,
                          {},
                          {},
                          bind(&C::cmdSave)});
    m_commands.push_back({"reload",
                          "reload",
                          "re-read and validate the exhibition file",
                          "The file is validated first; a rejected reload changes nothing and "
                          "prints every problem.",
                          0,
                          0,
                          {},
                          {},
                          bind(&C::cmdReload)});
    m_commands.push_back({"shutdown",
                          "shutdown [SECONDS]",
                          "announce and stop the server",
                          "Announces the shutdown and stops after SECONDS (default 60; 0 = now) "
                          "with a final save.",
                          0,
                          1,
                          {},
                          {},
                          bind(&C::cmdShutdown)});
    // The programme's verbs are added by its modules (addSubcommand): stage, Q&A, registration.
    m_commands.push_back({"session",
                          "session VERB SESSION ...",
                          "run the live programme's sessions",
                          "Verbs: start, end, auto, status, slide, stats, attendance (the stage) "
                          "and those other programme modules add; 'session' alone lists them.",
                          0,
                          kAny,
                          {},
                          {},
                          bind(&C::cmdSession)});
}

ConsoleResult ConsoleCommands::cmdSession(const CommandArgs& a) {
    const Command* cmd = find("session");
    std::string verbs;
    for (const auto& v : cmd->subwords)
        verbs += (verbs.empty() ? "" : ", ") + v;
    if (verbs.empty()) return fail("session: no programme module is running");
    if (a.words.empty()) return {"session verbs: " + verbs};
    return fail(
        fmt::format("session: unknown verb \"{}\" (expected one of: {})", a.words[0], verbs));
}

const ConsoleCommands::Handler*
ConsoleCommands::subcommand(const Command& cmd, const std::vector<std::string>& words) const {
    if (words.size() < 2) return nullptr;
    auto verbs = m_subcommands.find(cmd.name);
    if (verbs == m_subcommands.end()) return nullptr;
    auto it = verbs->second.find(words[1]);
    return it == verbs->second.end() ? nullptr : &it->second;
}

const ConsoleCommands::Command* ConsoleCommands::find(std::string_view name) const {
    for (const Command& c : m_commands)
        if (c.name == name) return &c;
    return nullptr;
}

std::vector<std::string> ConsoleCommands::commandNames() const {
    std::vector<std::string> out;
    for (const Command& c : m_commands)
        out.push_back(c.name);
    return out;
}

Result<CommandArgs> ConsoleCommands::parseArgs(const Command& cmd,
                                               std::vector<std::string> words) const {
    CommandArgs args;
    auto allowed = [&](const char* o) {
        return std::find(cmd.options.begin(), cmd.options.end(), o) != cmd.options.end();
    };
    for (std::size_t i = 1; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (!w.starts_with("--") || w.size() == 2) {
            args.words.push_back(w);
            continue;
        }
        std::string option = w.substr(2);
        if (!allowed(option.c_str()))
            return makeError(
                fmt::format("{}: unknown option \"{}\" (usage: {})", cmd.name, w, cmd.usage));
        if (option == "json") {
            args.json = true;
            continue;
        }
        if (i + 1 >= words.size())
            return makeError(
                fmt::format("{}: {} needs a value (usage: {})", cmd.name, w, cmd.usage));
        (option == "csv" ? args.csv : option == "label" ? args.label : args.by) = words[++i];
    }
    if (args.words.size() < cmd.minWords)
        return makeError(fmt::format("{}: missing argument (usage: {})", cmd.name, cmd.usage));
    if (args.words.size() > cmd.maxWords)
        return makeError(fmt::format("{}: too many arguments, unexpected \"{}\" (usage: {})",
                                     cmd.name, args.words[cmd.maxWords], cmd.usage));
    return args;
}

ConsoleResult ConsoleCommands::execute(std::string_view line) {
    auto words = splitWords(line);
    if (!words) return fail(words.error().message);
    if (words->empty()) return {};
    const Command* cmd = find((*words)[0]);
    if (!cmd) {
        std::string hint;
        for (const Command& c : m_commands)
            if (c.name.starts_with((*words)[0])) hint += (hint.empty() ? "" : ", ") + c.name;
        return fail(fmt::format("unknown command \"{}\" ({})", (*words)[0],
                                hint.empty() ? "try 'help'" : "did you mean: " + hint));
    }
    ConsoleResult r;
    if (const Handler* sub = subcommand(*cmd, *words)) {
        CommandArgs args;
        args.words.assign(words->begin() + 1, words->end());
        r = (*sub)(args);
    } else {
        auto args = parseArgs(*cmd, std::move(*words));
        if (!args) return fail(args.error().message);
        r = cmd->handler(*args);
    }
    if (!r.text.empty() && r.text.back() != '\n') r.text += '\n';
    return r;
}

ConsoleResult ConsoleCommands::cmdHelp(const CommandArgs& a) {
    if (!a.words.empty()) {
        const Command* cmd = find(a.words[0]);
        if (!cmd) return fail(fmt::format("help: unknown command \"{}\" (try 'help')", a.words[0]));
        return {
            fmt::format("usage: {}\n{}.\n{}", cmd->usage, cmd->summary, wrap(cmd->details, 78))};
    }
    Table t({"command", "what it does"});
    for (const Command& c : m_commands)
        t.addRow({c.usage, c.summary});
    return {t.render() + "Type 'help COMMAND' for details.\n"};
}

std::vector<std::string> ConsoleCommands::complete(std::string_view line) const {
    auto words = splitWords(line);
    if (!words) return {};
    bool fresh = line.empty() || line.back() == ' ';
    std::string prefix = fresh || words->empty() ? std::string() : words->back();
    std::size_t index = words->size() - (fresh || words->empty() ? 0 : 1);
    std::vector<std::string> pool;
    if (index == 0) {
        pool = commandNames();
    } else {
        const Command* cmd = find((*words)[0]);
        if (cmd && index == 1) pool = cmd->subwords;
        const expo::Exhibition& ex = m_host.exhibition();
        for (const auto& h : ex.halls)
            pool.push_back(h.id);
        for (const auto& b : ex.booths)
            pool.push_back(b.id);
        for (const auto& e : ex.exhibitors)
            pool.push_back(e.id);
        for (const auto& v : m_host.visitors())
            pool.push_back(v.name);
    }
    std::vector<std::string> out;
    for (auto& p : pool)
        if (p.starts_with(prefix) && std::find(out.begin(), out.end(), p) == out.end())
            out.push_back(p);
    return out;
}

} // namespace fg::console
