// RoundtableModule's console: `session floor SESSION [--json]` prints the speaking list;
// `session floor SESSION next|give NAME|remove NAME|up NAME|down NAME|time S|add S|stop|clear`
// runs it as the moderator would. Must not bypass SpeakingFloor's rules.
#include "server/console/ConsoleCommands.h"
#include "server/roundtable/RoundtableModule.h"

#include <charconv>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace fg::server {

using namespace fg::expo::proto;

namespace {

constexpr const char* kUsage =
    "usage: session floor SESSION [--json]\n"
    "       session floor SESSION next|stop|clear|time SECONDS|add SECONDS|"
    "give NAME|remove NAME|up NAME|down NAME\n";

std::string countdown(std::int64_t ms) {
    const bool over = ms < 0;
    const std::int64_t s = (over ? -ms : ms + 999) / 1000; // a started second counts
    return fmt::format("{}{}:{:02}", over ? "-" : "", s / 60, s % 60);
}

std::string listText(const SpeakingList& l, bool json) {
    if (json) {
        auto queue = nlohmann::json::array();
        for (const FloorEntry& e : l.queue)
            queue.push_back({{"name", e.name}, {"connected", e.clientId != 0}});
        return nlohmann::json{{"session", l.sessionId},
                              {"seconds_per_turn", l.secondsPerTurn},
                              {"speaker", l.speaking ? nlohmann::json(l.current.name) : nullptr},
                              {"remaining_ms", l.speaking ? l.remainingMs : 0},
                              {"overtime", l.speaking && l.remainingMs < 0},
                              {"queue", queue},
                              {"interventions", l.interventions},
                              {"overtimes", l.overtimes}}
                   .dump(2) +
               "\n";
    }
    std::string out = fmt::format("{} s per intervention, {} interventions, {} over time\n",
                                  l.secondsPerTurn, l.interventions, l.overtimes);
    out += l.speaking ? fmt::format("floor: {} ({}{})\n", l.current.name, countdown(l.remainingMs),
                                    l.remainingMs < 0 ? " over time" : " left")
                      : "floor: nobody\n";
    for (std::size_t i = 0; i < l.queue.size(); ++i)
        out += fmt::format("  {}. {}{}\n", i + 1, l.queue[i].name,
                           l.queue[i].clientId ? "" : " (not connected)");
    return l.queue.empty() ? out + "  (nobody waiting)\n" : out;
}

Result<std::uint32_t> secondsArg(const std::string& word) {
    std::uint32_t v = 0;
    auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), v);
    if (ec != std::errc() || end != word.data() + word.size())
        return makeError(fmt::format("session floor: \"{}\" is not a number of seconds", word));
    return v;
}

} // namespace

// The person called NAME for a console action: someone on SESSION's list, or a connected speaker.
Result<FloorPerson> RoundtableModule::personNamed(const std::string& session,
                                                  const std::string& name) const {
    const store::StoredFloor& f = m_floor->list(session);
    for (const FloorPerson& p : f.queue)
        if (p.name == name) return p;
    for (const presence::Session& s : m_ctx.sessions())
        if (s.joined && s.name == name && m_programme.presents(s, session))
            return FloorPerson{floorKey(s), s.name};
    return makeError(fmt::format("session floor: nobody called \"{}\" is on the list of {} or "
                                 "speaks at it",
                                 name, session));
}

console::ConsoleResult RoundtableModule::floorCommand(const std::vector<std::string>& words) {
    if (words.empty()) return {kUsage, false};
    const std::string& session = words[0];
    if (words.size() == 1) {
        if (auto why = closedReason(session); why.rfind("unknown", 0) == 0)
            return {"session floor: " + why + "\n", false};
        return {listText(view(session), false)};
    }
    static const std::map<std::string, FloorAction> kVerbs = {
        {"next", FloorAction::Next},     {"give", FloorAction::Give},
        {"remove", FloorAction::Remove}, {"up", FloorAction::MoveUp},
        {"down", FloorAction::MoveDown}, {"time", FloorAction::SetTime},
        {"add", FloorAction::AddTime},   {"stop", FloorAction::Stop},
        {"clear", FloorAction::Clear}};
    auto verb = kVerbs.find(words[1]);
    if (verb == kVerbs.end())
        return {fmt::format("session floor: unknown action \"{}\"\n{}", words[1], kUsage), false};
    const FloorAction action = verb->second;
    const bool timed = action == FloorAction::SetTime || action == FloorAction::AddTime;
    const bool named = action == FloorAction::Give || action == FloorAction::Remove ||
                       action == FloorAction::MoveUp || action == FloorAction::MoveDown;
    if ((timed || named) != (words.size() > 2) || (timed && words.size() != 3))
        return {kUsage, false};
    std::uint32_t seconds = 0;
    FloorPerson person;
    if (timed) {
        auto s = secondsArg(words[2]);
        if (!s) return {s.error().message + "\n", false};
        seconds = *s;
    }
    if (named) {
        std::string name = words[2];
        for (std::size_t i = 3; i < words.size(); ++i)
            name += " " + words[i];
        auto p = personNamed(session, name);
        if (!p) return {p.error().message + "\n", false};
        person = *p;
    }
    auto done = control(session, action, person, seconds);
    if (!done) return {done.error().message + "\n", false};
    return {*done + "\n"};
}

void RoundtableModule::registerCommands(console::ConsoleCommands& commands) {
    commands.addSubcommand("session", "floor", [this](const console::CommandArgs& a) {
        std::vector<std::string> words;
        bool json = a.json;
        for (std::size_t i = 1; i < a.words.size(); ++i)
            if (a.words[i] == "--json")
                json = true;
            else
                words.push_back(a.words[i]);
        if (json && words.size() == 1 && closedReason(words[0]).rfind("unknown", 0) != 0)
            return console::ConsoleResult{listText(view(words[0]), true)};
        return floorCommand(words);
    });
}

} // namespace fg::server
