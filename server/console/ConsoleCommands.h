// The organiser console's command registry: parses a line, checks arguments, runs the command
// against the live server (ConsoleHost) and the store, and returns printable text.
// No terminal I/O here (see ConsoleTerminal), so every command is testable with a fake host.
#pragma once

#include "engine/core/Result.h"
#include "engine/core/Time.h"
#include "server/console/ConsoleHost.h"
#include "server/store/StoreTypes.h"

#include <climits>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::store {
class Store;
}

namespace fg::console {

struct ConsoleResult {
    std::string text; // what to print (ends with a newline unless empty)
    bool ok = true;
};

// Positional words and options of one command line (options removed from words).
struct CommandArgs {
    std::vector<std::string> words;
    bool json = false;
    std::optional<std::string> csv;   // --csv FILE
    std::optional<std::string> by;    // --by KEY
    std::optional<std::string> label; // --label L
    // Words from INDEX on joined by single spaces ("" when none).
    std::string rest(std::size_t index) const;
};

class ConsoleCommands {
public:
    using Handler = std::function<ConsoleResult(const CommandArgs&)>;
    // One command as `help` shows it and execute() checks it.
    struct Command {
        std::string name;
        std::string usage;   // e.g. "kick WHO [REASON]"
        std::string summary; // one line for `help`
        std::string details; // paragraph for `help CMD`
        std::size_t minWords = 0;
        std::size_t maxWords = 0;          // kAnyWords: any number (free text)
        std::vector<std::string> options;  // "json", "csv", "by"
        std::vector<std::string> subwords; // completion candidates for the first argument
        Handler handler;
    };
    static constexpr std::size_t kAnyWords = SIZE_MAX;

    ConsoleCommands(ConsoleHost& host, store::Store& store);
    ConsoleCommands(const ConsoleCommands&) = delete; // handlers hold `this`
    ConsoleCommands& operator=(const ConsoleCommands&) = delete;

    // Server modules add their commands here; a name registered twice is a programmer error.
    void add(Command command);
    // "COMMAND VERB ...": VERB's words (VERB first, options not parsed, no count checks) go to
    // HANDLER instead of COMMAND's own; VERB joins COMMAND's completion candidates.
    void addSubcommand(std::string_view command, std::string verb, Handler handler);

    ConsoleResult execute(std::string_view line);
    // Candidates for the word being typed at the end of LINE (command names first, then
    // sub-commands, hall ids, booth ids, exhibitor ids and visitor names).
    std::vector<std::string> complete(std::string_view line) const;
    std::vector<std::string> commandNames() const;
    // Moderation as the console runs it, for every caller (its own commands and an organiser's
    // client through the moderation module): one implementation, the same checks and output.
    // WHO is what findVisitor reads ("#ID", "ID", a name) or, for ban and mute, "name:NAME"
    // (ban also "ip:ADDRESS", "key:CLIENTKEY"); SECONDS is the ban's or mute's length.
    ConsoleResult kick(std::string_view who, std::string reason);
    ConsoleResult ban(std::string_view who, std::optional<std::int64_t> seconds,
                      std::string reason);
    ConsoleResult mute(std::string_view who, bool muted, std::optional<std::int64_t> seconds = {},
                       std::string reason = {});
    // HALLID "" announces to everyone.
    ConsoleResult announce(std::string_view hallId, std::string_view text);
    // Figures a server module adds to `booth stats` (the meetings slice: requested, confirmed,
    // declined): column NAMES and, for one booth, its values in the same order.
    struct BoothFigures {
        std::vector<std::string> names;
        std::function<Result<std::vector<std::int64_t>>(std::string_view boothId)> values;
    };
    void addBoothFigures(BoothFigures figures) { m_boothFigures.push_back(std::move(figures)); }
    // The text `invite` prints for a credential just issued (WHAT: "speaker forum-1", ...):
    // its id, the token once and the invitation code with the server key.
    std::string inviteText(const store::IssuedCredential& issued, std::string_view what) const;
    // Tests replace the wall clock used for ban expiry.
    void setClock(std::function<UnixSeconds()> clock) { m_clock = std::move(clock); }

private:
    // Adapts one of the built-in commands below.
    Handler bind(ConsoleResult (ConsoleCommands::*command)(const CommandArgs&)) {
        return [this, command](const CommandArgs& a) { return (this->*command)(a); };
    }
    void registerCommands();
    void registerStoreCommands();
    void registerTicketCommands(); // CommandsTickets.cpp
    const Command* find(std::string_view name) const;
    const Handler* subcommand(const Command& cmd, const std::vector<std::string>& words) const;
    Result<CommandArgs> parseArgs(const Command& cmd, std::vector<std::string> words) const;

    // ConsoleCommands.cpp
    ConsoleResult cmdHelp(const CommandArgs& a);
    // CommandsLive.cpp
    ConsoleResult cmdStatus(const CommandArgs& a);
    ConsoleResult cmdWho(const CommandArgs& a);
    ConsoleResult cmdFind(const CommandArgs& a);
    ConsoleResult cmdKick(const CommandArgs& a);
    ConsoleResult cmdBan(const CommandArgs& a);
    ConsoleResult cmdUnban(const CommandArgs& a);
    ConsoleResult cmdMute(const CommandArgs& a);
    ConsoleResult cmdUnmute(const CommandArgs& a);
    ConsoleResult cmdAnnounce(const CommandArgs& a);
    ConsoleResult cmdHall(const CommandArgs& a);
    ConsoleResult cmdSave(const CommandArgs& a);
    ConsoleResult cmdReload(const CommandArgs& a);
    ConsoleResult cmdShutdown(const CommandArgs& a);
    ConsoleResult cmdSession(const CommandArgs& a); // verbs come from modules
    // CommandsStore.cpp
    ConsoleResult cmdInvite(const CommandArgs& a);
    ConsoleResult cmdCredentials(const CommandArgs& a);
    ConsoleResult cmdRevoke(const CommandArgs& a);
    ConsoleResult cmdBans(const CommandArgs& a);
    ConsoleResult cmdBooth(const CommandArgs& a);
    // The modules' figures (addBoothFigures) of each booth of LIST: names, then rows.
    Result<std::pair<std::vector<std::string>, std::vector<std::vector<std::int64_t>>>>
    boothFigures(const std::vector<store::BoothStats>& list) const;
    ConsoleResult cmdTop(const CommandArgs& a);
    ConsoleResult cmdLeads(const CommandArgs& a);
    ConsoleResult cmdExport(const CommandArgs& a);
    // CommandsTickets.cpp
    ConsoleResult cmdTickets(const CommandArgs& a);

    // A connected visitor by "#ID", "ID" or exact name (case-insensitive); errors name CMD.
    Result<VisitorInfo> findVisitor(std::string_view cmd, std::string_view who) const;
    // What `ban WHO` bans: a prefixed identity, or a connected visitor's name and client key.
    Result<std::vector<std::pair<store::BanKind, std::string>>>
    banTargets(std::string_view who) const;
    // "[DURATION] [REASON]" after WHO, as ban and mute read them (CMD names errors).
    Result<std::pair<std::optional<std::int64_t>, std::string>>
    durationAndReason(std::string_view cmd, const CommandArgs& a) const;
    UnixSeconds now() const { return m_clock(); }

    ConsoleHost& m_host;
    store::Store& m_store;
    std::vector<Command> m_commands; // sorted by name
    std::map<std::string, std::map<std::string, Handler>, std::less<>> m_subcommands;
    std::function<UnixSeconds()> m_clock = [] { return unixNow(); };
    std::vector<BoothFigures> m_boothFigures;
};

// Adapts a result for callers that want Result<std::string> (e.g. the remote console).
inline Result<std::string> toResult(ConsoleResult r) {
    if (r.ok) return std::move(r.text);
    return makeError(std::move(r.text));
}

} // namespace fg::console
