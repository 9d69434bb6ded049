// ModerationModule: an organiser's kick, mute, ban and announce run ConsoleCommands' own code;
// booth approval runs the publish console's; the heat map counts people per booth visit zone.
// Must not apply a decision itself: the console (store, bus) and the publish service do.
#include "server/moderation/ModerationModule.h"

#include "engine/core/Log.h"
#include "server/console/ConsoleCommands.h"
#include "server/interactions/Interactions.h"
#include "server/publish/PublishConsole.h"
#include "server/publish/PublishService.h"

#include <fmt/format.h>
#include <map>

namespace fg::server {

using namespace fg::expo::proto;
using presence::Session;

namespace {

Result<std::string> fromConsole(console::ConsoleResult r) {
    while (!r.text.empty() && r.text.back() == '\n')
        r.text.pop_back();
    if (r.ok) return std::move(r.text);
    return makeError(std::move(r.text));
}

std::optional<std::int64_t> lengthOf(std::uint32_t seconds) {
    if (seconds == 0) return std::nullopt;
    return std::int64_t(seconds);
}

} // namespace

Status ModerationModule::start() {
    auto chat = store::ChatLog::open(m_ctx.store(), m_ctx.config().chatHistory);
    if (!chat) return chat.error();
    m_chat = std::move(*chat);
    auto reports = store::ReportLog::open(m_ctx.store());
    if (!reports) return reports.error();
    m_reports = std::move(*reports);
    return {};
}

// Organisers only (but reports): anyone else is refused with the reason and a fault.
void ModerationModule::registerHandlers(ServerRouter& router) {
    const Permit organisers =
        Permit::roles({Role::Organiser}).because("only an organiser may do this");
    auto refuse = [this](Session& s, const auto& m, std::string_view why) {
        m_ctx.reply(s, m.requestId, makeError(std::string(why)));
    };
    router.on<ModerationAction>(
        organisers, [this](Session& s, const ModerationAction& m) { action(s, m); }, refuse);
    router.on<AnnounceRequest>(
        organisers, [this](Session& s, const AnnounceRequest& m) { announce(s, m); }, refuse);
    router.on<ApprovalQueueRequest>(
        organisers,
        [this](Session& s, const ApprovalQueueRequest& m) {
            ApprovalQueue q = approvalQueue();
            q.requestId = m.requestId;
            m_ctx.send(s, std::move(q));
        },
        refuse);
    router.on<ApprovalDecision>(
        organisers, [this](Session& s, const ApprovalDecision& m) { decideBooth(s, m); }, refuse);
    router.on<ChatReport>(
        Permit::joined().budget(3, 0.2f), [this](Session& s, const ChatReport& m) { report(s, m); },
        refuse);
    router.on<ReportListRequest>(
        organisers,
        [this](Session& s, const ReportListRequest& m) {
            auto list = reportList();
            if (!list) return m_ctx.reply(s, m.requestId, list.error());
            list->requestId = m.requestId;
            m_ctx.send(s, std::move(*list));
        },
        refuse);
    router.on<ReportDecision>(
        organisers,
        [this](Session& s, const ReportDecision& m) {
            answer(s, m.requestId,
                   decideReport(std::int64_t(m.reportId), m.verdict, m.seconds, s.name));
        },
        refuse);
    router.on<ChatDelete>(
        organisers,
        [this](Session& s, const ChatDelete& m) {
            answer(s, m.requestId, deleteLine(std::int64_t(m.lineId), s.name));
        },
        refuse);
}

void ModerationModule::answer(Session& s, std::uint32_t requestId, const Result<std::string>& r) {
    if (!r) return m_ctx.reply(s, requestId, r.error());
    std::string text = *r;
    while (!text.empty() && text.back() == '\n')
        text.pop_back();
    m_ctx.reply(s, requestId, {}, 0, bounded(std::move(text), kMaxReasonLength));
}

// The same words the console's `kick`, `mute`, `unmute` and `ban` take, for person #TARGET.
void ModerationModule::action(Session& s, const ModerationAction& m) {
    const std::string who = fmt::format("#{}", m.target);
    console::ConsoleResult r;
    switch (m.verb) {
    case ModerationVerb::Kick:
        r = m_console->kick(who, m.reason);
        break;
    case ModerationVerb::Mute:
        r = m_console->mute(who, true, lengthOf(m.seconds), m.reason);
        break;
    case ModerationVerb::Unmute:
        r = m_console->mute(who, false);
        break;
    case ModerationVerb::Ban:
        r = m_console->ban(who, lengthOf(m.seconds), m.reason);
        break;
    }
    ++m_actions;
    log::info("server: organiser '{}' ({}): {}", s.name, s.id, r.text);
    answer(s, m.requestId, fromConsole(std::move(r)));
}

void ModerationModule::announce(Session& s, const AnnounceRequest& m) {
    auto r = fromConsole(m_console->announce(m.hallId, m.text));
    log::info("server: organiser '{}' ({}) announced: {}", s.name, s.id, m.text);
    answer(s, m.requestId, r);
}

void ModerationModule::decideBooth(Session& s, const ApprovalDecision& m) {
    auto r = m.approve ? publish::approveBooth(m_ctx.publisher(), m.boothId)
                       : publish::rejectBooth(m_ctx.publisher(), m.boothId, m.reason);
    log::info("server: organiser '{}' ({}) {} booth '{}': {}", s.name, s.id,
              m.approve ? "approved" : "rejected", m.boothId, r ? *r : r.error().message);
    answer(s, m.requestId, r);
    pushChanges(); // the queue changed: every organiser sees it now
}

ApprovalQueue ModerationModule::approvalQueue() const {
    ApprovalQueue q;
    for (const auto& sub : m_ctx.publisher().pending()) {
        if (q.entries.size() == kMaxQueueEntries) break;
        q.entries.push_back({sub.boothId, sub.exhibitorId, sub.submittedAt, sub.warnings});
    }
    return q;
}

// People in each booth's visit zone (the interactions' own derivation from positions).
BoothHeat ModerationModule::heat() const {
    std::map<std::string, std::uint32_t> counts;
    for (const Session& s : m_ctx.sessions()) {
        if (!s.joined || !s.present) continue;
        std::string booth = m_interactions.visits().boothOf(s.id);
        if (!booth.empty()) ++counts[booth];
    }
    BoothHeat out;
    for (auto& [booth, n] : counts)
        if (out.booths.size() < kMaxHeatBooths) out.booths.push_back({booth, n});
    return out;
}

void ModerationModule::toOrganisers(const Message& m) {
    for (const Session& s : m_ctx.sessions())
        if (s.joined && s.present && s.role == Role::Organiser) m_ctx.send(s, m);
}

void ModerationModule::onJoin(Session& s) {
    if (s.role != Role::Organiser || !s.present) return;
    m_ctx.send(s, heat());
    m_ctx.send(s, approvalQueue());
    if (auto list = reportList()) m_ctx.send(s, std::move(*list));
}

// Twice a second at 20 Hz: what changed goes to the organisers.
void ModerationModule::onTick(std::uint32_t tick, double) {
    if (tick % 10 == 0) pushChanges();
}

// The heat map and the approval queue, each when it differs from what organisers have.
void ModerationModule::pushChanges() {
    BoothHeat now = heat();
    if (now != m_lastHeat) {
        m_lastHeat = now;
        ++m_heatSent;
        toOrganisers(std::move(now));
    }
    ApprovalQueue queue = approvalQueue();
    if (queue != m_lastQueue) {
        m_lastQueue = queue;
        toOrganisers(std::move(queue));
    }
}

void ModerationModule::addStatus(std::vector<console::StatusFigure>& figures) const {
    figures.push_back({"moderation_actions", "organiser actions from clients", double(m_actions)});
    figures.push_back({"chat_reports", "chat reports filed", double(m_reportsFiled)});
    figures.push_back({"chat_lines_deleted", "chat lines deleted", double(m_linesDeleted)});
}

} // namespace fg::server
