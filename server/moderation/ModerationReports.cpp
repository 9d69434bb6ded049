// Chat reports and deletion: a report copies the line and its room's lines around it into the
// ReportLog; organisers see the open ones (client panel, console `reports`) and decide them.
// Must not deliver chat or change who may chat; a mute goes through ConsoleCommands::mute.
#include "engine/core/Log.h"
#include "engine/core/Time.h"
#include "server/console/ConsoleCommands.h"
#include "server/console/ConsoleText.h"
#include "server/core/BusTopics.h"
#include "server/moderation/ModerationModule.h"
#include "server/store/Role.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

namespace {

constexpr std::size_t kContextEachSide = (kMaxReportContext - 1) / 2;

std::string folded(std::string_view name) {
    std::string out(name);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

ChatHistoryLine historyLine(const store::ChatRecord& r, std::size_t maxText) {
    return ChatHistoryLine{0,
                           r.senderName,
                           store::parseRole(r.senderRole).value_or(Role::Visitor),
                           r.sentMs,
                           r.text.substr(0, maxText),
                           std::uint64_t(r.lineId)};
}

ReportEntry entryOf(const store::ReportRecord& r) {
    ReportEntry e{std::uint64_t(r.id),
                  std::uint64_t(r.line.lineId),
                  r.line.room,
                  r.line.senderName,
                  r.line.text,
                  r.reporterName,
                  r.reason,
                  r.reportedMs,
                  {}};
    for (const auto& c : r.context)
        if (e.context.size() < kMaxReportContext)
            e.context.push_back(historyLine(c, kMaxContextText));
    return e;
}

Result<std::int64_t> parseId(std::string_view cmd, const std::string& word) {
    std::string_view digits = std::string_view(word).substr(word.starts_with('#') ? 1 : 0);
    if (digits.empty() || digits.size() > 18 ||
        digits.find_first_not_of("0123456789") != std::string_view::npos)
        return makeError(fmt::format("{}: \"{}\" is not an id (see 'reports')", cmd, word));
    return std::stoll(std::string(digits));
}

} // namespace

// A hall or booth line is public to joined people; a direct line only to its two people.
Status ModerationModule::mayRead(const Session& s, const store::ChatRecord& line) const {
    if (!line.room.starts_with("direct:")) return {};
    const std::string pair = line.room.substr(7);
    const std::string me = folded(s.name);
    const auto bar = pair.find('|');
    if (bar != std::string::npos && (pair.substr(0, bar) == me || pair.substr(bar + 1) == me))
        return {};
    return makeError("report: that line is not in a conversation of yours");
}

void ModerationModule::report(Session& s, const ChatReport& m) {
    auto line = m_chat->find(std::int64_t(m.lineId));
    if (!line) return m_ctx.reply(s, m.requestId, line.error());
    if (!*line)
        return m_ctx.reply(s, m.requestId,
                           makeError(fmt::format("report: chat line {} is not stored (deleted, "
                                                 "or older than the history)",
                                                 m.lineId)));
    if (Status readable = mayRead(s, **line); !readable)
        return m_ctx.reply(s, m.requestId, readable);
    auto context = m_chat->around(**line, kContextEachSide, kContextEachSide);
    if (!context) return m_ctx.reply(s, m.requestId, context.error());
    store::ReportRecord r{0,
                          **line,
                          s.name,
                          m.reason,
                          std::int64_t(unixNow()) * 1000,
                          store::ReportState::Open,
                          "",
                          std::move(*context)};
    auto id = m_reports->add(std::move(r));
    if (!id) return m_ctx.reply(s, m.requestId, id.error());
    ++m_reportsFiled;
    log::info("server: '{}' ({}) reported chat line {} by '{}' as report #{}", s.name, s.id,
              m.lineId, (*line)->senderName, *id);
    m_ctx.reply(s, m.requestId, {}, std::uint32_t(*id), "reported to the organisers");
    pushReports();
}

Result<ReportList> ModerationModule::reportList() {
    auto open = m_reports->pending(kMaxReports);
    if (!open) return open.error();
    ReportList list;
    for (const auto& r : *open)
        list.reports.push_back(entryOf(r));
    return list;
}

void ModerationModule::pushReports() {
    auto list = reportList();
    if (!list) return log::error("server: reports: {}", list.error().message);
    toOrganisers(std::move(*list));
}

Result<std::string> ModerationModule::deleteLine(std::int64_t lineId, const std::string& by) {
    if (lineId <= 0) return makeError("chat delete: a line id is a positive number");
    auto removed = m_chat->remove(lineId);
    if (!removed) return removed.error();
    // Every client drops it, whichever room it showed it in (an unknown id is ignored there).
    if (Status st = broadcast(m_ctx.bus(), topic::kEveryone, ChatDeleted{std::uint64_t(lineId)});
        !st)
        return st.error();
    ++m_linesDeleted;
    log::info("server: {} deleted chat line {} ({} stored copies)", by, lineId, *removed);
    return fmt::format("deleted chat line {} for everyone ({} stored)", lineId, *removed);
}

Result<std::string> ModerationModule::decideReport(std::int64_t reportId, ReportVerdict verdict,
                                                   std::uint32_t seconds, const std::string& by) {
    auto found = m_reports->find(reportId);
    if (!found) return found.error();
    if (!*found || (*found)->state != store::ReportState::Open)
        return makeError(fmt::format("report #{} is not open (see 'reports')", reportId));
    const store::ReportRecord& r = **found;
    std::string done;
    if (verdict == ReportVerdict::DeleteLine) {
        auto deleted = deleteLine(r.line.lineId, by);
        if (!deleted) return deleted.error();
        done = *deleted;
    } else if (verdict == ReportVerdict::MuteSender) {
        auto muted = m_console->mute("name:" + r.line.senderName, true,
                                     seconds ? std::optional<std::int64_t>(seconds) : std::nullopt,
                                     "reported chat line");
        if (!muted.ok) return makeError(muted.text);
        done = muted.text;
    }
    const auto state = verdict == ReportVerdict::Dismiss ? store::ReportState::Dismissed
                                                         : store::ReportState::Resolved;
    if (Status st = m_reports->decide(reportId, state, by); !st) return st.error();
    pushReports();
    while (!done.empty() && done.back() == '\n')
        done.pop_back();
    std::replace(done.begin(), done.end(), '\n', ';'); // one line for the client and the log
    return fmt::format("report #{} {}{}{}", reportId, store::toString(state),
                       done.empty() ? "" : ": ", done);
}

void ModerationModule::registerCommands(console::ConsoleCommands& commands) {
    m_console = &commands;
    commands.add({"reports",
                  "reports [resolve|dismiss|delete|mute ID [DURATION]]",
                  "open chat reports, or decide one",
                  "Without arguments: the open reports, oldest first, with the reported line, its "
                  "room, its sender, who reported it and why, and the lines around it. 'resolve "
                  "ID' and 'dismiss ID' close a report; 'delete ID' deletes the reported line for "
                  "everyone and from the stored history; 'mute ID [DURATION]' mutes its sender "
                  "(as mute). Both also resolve the report.",
                  0,
                  3,
                  {},
                  {"resolve", "dismiss", "delete", "mute"},
                  [this](const console::CommandArgs& a) { return reportsCommand(a); }});
    // Its own command, not a "chat" verb: sub-commands would depend on the modules' order.
    commands.add({"delete-line",
                  "delete-line LINEID",
                  "delete a chat line for everyone and from the stored history",
                  "LINEID is the line's id as `reports` shows it. Clients showing the line drop "
                  "it; the stored history no longer has it.",
                  1,
                  1,
                  {},
                  {},
                  [this](const console::CommandArgs& a) {
                      auto id = parseId("delete-line", a.words[0]);
                      auto r =
                          id ? deleteLine(*id, "the console") : Result<std::string>(id.error());
                      return r ? console::ConsoleResult{*r + "\n", true}
                               : console::ConsoleResult{r.error().message + "\n", false};
                  }});
}

// One open report as `reports` prints it: the line, who reported it, and the lines around it.
static std::string reportText(const ReportEntry& e) {
    std::string out = fmt::format(
        "#{} in {}: line {} by {}: \"{}\"\n    reported by {} at {}: {}\n", e.id, e.room, e.lineId,
        e.senderName, e.text, e.reporterName, formatUtcTimestamp(e.reportedMs / 1000),
        e.reason.empty() ? "(no reason given)" : e.reason);
    for (const auto& c : e.context)
        out += fmt::format("    {} {}: {}\n", c.lineId == e.lineId ? ">" : " ", c.fromName, c.text);
    return out;
}

console::ConsoleResult ModerationModule::reportsCommand(const console::CommandArgs& a) {
    if (a.words.empty()) {
        auto list = reportList();
        if (!list) return {list.error().message + "\n", false};
        if (list->reports.empty()) return {"no open chat reports\n", true};
        std::string out;
        for (const auto& e : list->reports)
            out += reportText(e);
        return {out, true};
    }
    const std::string& verb = a.words[0];
    static const std::map<std::string, ReportVerdict> kVerbs = {
        {"resolve", ReportVerdict::Resolve},
        {"dismiss", ReportVerdict::Dismiss},
        {"delete", ReportVerdict::DeleteLine},
        {"mute", ReportVerdict::MuteSender}};
    auto it = kVerbs.find(verb);
    if (it == kVerbs.end() || a.words.size() < 2 || (a.words.size() > 2 && verb != "mute"))
        return {"usage: reports [resolve|dismiss|delete|mute ID [DURATION]]\n", false};
    auto id = parseId("reports", a.words[1]);
    if (!id) return {id.error().message + "\n", false};
    std::uint32_t seconds = 0;
    if (a.words.size() > 2) {
        auto d = console::parseDuration(a.words[2]);
        if (!d) return {"reports mute: " + d.error().message + "\n", false};
        seconds = std::uint32_t(std::min<std::int64_t>(*d, 0xffffffff));
    }
    auto r = decideReport(*id, it->second, seconds, "the console");
    if (!r) return {r.error().message + "\n", false};
    log::info("server: console: {}", *r);
    return {*r + "\n", true};
}

} // namespace fg::server
