// QnaModule's console: `qna questions SESSION [--json]` and `qna polls SESSION [--json]`, the
// organiser's view (askers of anonymous questions, pending and hidden ones, every count).
// Reads QnaBoard only; never changes anything.
#include "server/console/ConsoleCommands.h"
#include "server/console/ConsoleText.h"
#include "server/qna/QnaModule.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace fg::server {

using namespace fg::expo::proto;

namespace {

const char* questionStateName(int state) {
    static const char* const kNames[] = {"pending", "open", "answered", "hidden"};
    return state >= 0 && state <= int(kQuestionStateMax) ? kNames[state] : "?";
}

const char* pollStateName(PollState state) {
    static const char* const kNames[] = {"prepared", "open", "closed"};
    return kNames[int(state) <= int(kPollStateMax) ? int(state) : 0];
}

std::string questionsText(const std::vector<const QnaQuestion*>& list, bool json) {
    if (json) {
        auto out = nlohmann::json::array();
        for (const QnaQuestion* q : list)
            out.push_back({{"id", q->rec.id},
                           {"author", q->rec.authorName},
                           {"anonymous", q->rec.anonymous},
                           {"text", q->rec.text},
                           {"votes", q->voters.size()},
                           {"state", questionStateName(q->rec.state)},
                           {"pinned", q->rec.pinned},
                           {"asked_utc", formatUtcTimestamp(q->rec.askedAt)}});
        return out.dump(2) + "\n";
    }
    if (list.empty()) return "no questions\n";
    console::Table t({"id", "votes", "state", "author", "question"});
    for (const QnaQuestion* q : list)
        t.addRow({"#" + std::to_string(q->rec.id), std::to_string(q->voters.size()),
                  std::string(questionStateName(q->rec.state)) + (q->rec.pinned ? " (pinned)" : ""),
                  q->rec.authorName + (q->rec.anonymous ? " (anonymous)" : ""), q->rec.text});
    return t.render();
}

std::string pollsText(const std::vector<const QnaPoll*>& list, bool json) {
    auto out = nlohmann::json::array();
    std::string text;
    for (const QnaPoll* p : list) {
        const PollInfo info = QnaBoard::info(*p, true, "");
        nlohmann::json options = nlohmann::json::array();
        text += fmt::format("#{} [{}{}] {} ({} answers)\n", info.id, pollStateName(info.state),
                            info.resultsShown ? ", results shown" : "", info.question, info.voters);
        for (std::size_t i = 0; i < info.options.size(); ++i) {
            options.push_back({{"option", info.options[i]}, {"count", info.counts[i]}});
            text += fmt::format("  {:>5}  {}\n", info.counts[i], info.options[i]);
        }
        out.push_back({{"id", info.id},
                       {"question", info.question},
                       {"state", pollStateName(info.state)},
                       {"multiple", info.multiple},
                       {"results_shown", info.resultsShown},
                       {"answers", info.voters},
                       {"options", options}});
    }
    if (json) return out.dump(2) + "\n";
    return list.empty() ? "no polls\n" : text;
}

} // namespace

console::ConsoleResult QnaModule::listCommand(std::string_view verb, std::string_view session,
                                              bool json) const {
    bool known = false;
    for (const auto& s : m_ctx.exhibition().sessions)
        known = known || s.id == session;
    if (!known) return {fmt::format("session {}: unknown session \"{}\"\n", verb, session), false};
    if (verb == "questions") return {questionsText(m_board->questions(session), json)};
    if (verb == "polls") return {pollsText(m_board->polls(session), json)};
    return {fmt::format("session: unknown verb \"{}\" (questions, polls)\n", verb), false};
}

// `session questions|polls SESSION [--json]`: verbs of the console's programme command.
void QnaModule::registerCommands(console::ConsoleCommands& commands) {
    for (const char* verb : {"questions", "polls"})
        commands.addSubcommand("session", verb, [this, verb](const console::CommandArgs& a) {
            std::vector<std::string> words;
            bool json = false;
            for (std::size_t i = 1; i < a.words.size(); ++i)
                if (a.words[i] == "--json")
                    json = true;
                else
                    words.push_back(a.words[i]);
            if (words.size() != 1)
                return console::ConsoleResult{
                    fmt::format("usage: session {} SESSION [--json]\n", verb), false};
            return listCommand(verb, words[0], json);
        });
}

} // namespace fg::server
