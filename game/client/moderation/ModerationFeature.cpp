// Moderation state and requests: the organiser's lists from the server, the requests and the
// script actions (kick, mute, unmute, ban, announce, approve, reject, report-last-line,
// delete-line, decide-report). No ImGui here (ModerationPanels.cpp); the server decides.
#include "game/client/moderation/ModerationFeature.h"

#include "engine/core/Log.h"
#include "engine/core/Translate.h"
#include "game/client/ClientFeatures.h"
#include "game/client/LocalText.h"
#include "game/client/chat/ChatFeature.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <fmt/format.h>

namespace fg::client {

using proto::ModerationVerb;
using proto::ReportVerdict;

namespace {

bool sameName(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(std::uint8_t(x)) == std::tolower(std::uint8_t(y));
           });
}

std::string joinFrom(const std::vector<std::string>& args, std::size_t from) {
    if (from >= args.size()) return {};
    return joinArgs(std::vector<std::string>(args.begin() + std::ptrdiff_t(from), args.end()));
}

} // namespace

Result<std::uint32_t> parseModerationDuration(const std::string& text) {
    if (text == "forever") return 0u;
    std::size_t digits = 0;
    while (digits < text.size() && std::isdigit(std::uint8_t(text[digits])))
        ++digits;
    const std::string unit = text.substr(digits);
    static const std::map<std::string, std::uint32_t> kUnits = {
        {"", 60}, {"s", 1}, {"m", 60}, {"h", 3600}, {"d", 86400}};
    auto it = kUnits.find(unit);
    if (digits == 0 || digits > 6 || it == kUnits.end())
        return makeError(
            fmt::format("\"{}\" is not a duration (30s, 10m, 2h, 1d or forever)", text));
    return std::uint32_t(std::stoul(text.substr(0, digits))) * it->second;
}

// Viridis, five stops: ordered by lightness, told apart with any colour vision.
std::uint32_t heatColour(std::uint32_t count, std::uint32_t max) {
    static constexpr std::array<std::uint32_t, 5> kStops = {0x440154, 0x3b528b, 0x21918c, 0x5ec962,
                                                            0xfde725};
    if (max == 0 || count == 0) return kStops[0];
    const std::size_t i = std::min<std::size_t>(4, (std::size_t(count) * 4 + max - 1) / max);
    return kStops[i];
}

bool ModerationFeature::organiser() const {
    const netclient::NetClient* c = joinedClient(m_s);
    return c && c->welcome().role == proto::Role::Organiser;
}

void ModerationFeature::registerHandlers(netclient::ClientRouter& router,
                                         PendingRequests& pending) {
    router.on<proto::ApprovalQueue>([this](proto::ApprovalQueue& q) { m_queue = q.entries; });
    router.on<proto::ReportList>([this](proto::ReportList& r) { m_reports = r.reports; });
    router.on<proto::BoothHeat>([this](proto::BoothHeat& h) {
        m_heat.clear();
        for (const auto& b : h.booths)
            m_heat[b.boothId] = b.visitors;
    });
    router.on<proto::ChatDeleted>([this](proto::ChatDeleted& d) {
        if (auto* chat = m_host.find<ChatFeature>(); chat && chat->removeLine(d.lineId))
            log::info("client: chat line {} was deleted by an organiser", d.lineId);
    });
    pending.on<ModerationPending>([this](const ModerationPending& p, const proto::ActionResult& r) {
        if (!r.ok) return log::warn("client: {} refused: {}", p.what, r.text);
        log::info("client: {}: {}", p.what, r.text);
        toast(m_s, serverText(r.text));
    });
    if (auto* chat = m_host.find<ChatFeature>())
        chat->setLineMenu([this](const ChatLine& l) { lineMenu(l); });
}

void ModerationFeature::onJoined() {
    m_queue.clear();
    m_reports.clear();
    m_heat.clear(); // an organiser gets all three again right after the Welcome
}

bool ModerationFeature::track(std::uint32_t requestId, std::string what) {
    if (requestId == 0) return false;
    m_s.pending.add(requestId, ModerationPending{std::move(what)});
    return true;
}

bool ModerationFeature::act(ModerationVerb verb, std::uint16_t target, std::uint32_t seconds,
                            std::string reason, std::string what) {
    auto* c = joinedClient(m_s);
    if (!c) return false;
    const auto id =
        c->request(proto::ModerationAction{0, verb, target, seconds, std::move(reason)});
    return track(id, std::move(what));
}

bool ModerationFeature::announce(const std::string& hallId, const std::string& text) {
    auto* c = joinedClient(m_s);
    if (!c || text.empty()) return false;
    return track(c->request(proto::AnnounceRequest{0, hallId, text}), "announce");
}

bool ModerationFeature::decideBooth(const std::string& boothId, bool approve,
                                    const std::string& reason) {
    auto* c = joinedClient(m_s);
    if (!c) return false;
    return track(c->request(proto::ApprovalDecision{0, boothId, approve, reason}),
                 (approve ? "approve " : "reject ") + boothId);
}

bool ModerationFeature::report(std::uint64_t lineId, const std::string& reason) {
    auto* c = joinedClient(m_s);
    if (!c || lineId == 0) return false;
    return track(c->request(proto::ChatReport{0, lineId, reason}), "report");
}

bool ModerationFeature::decideReport(std::uint64_t reportId, ReportVerdict verdict,
                                     std::uint32_t seconds) {
    auto* c = joinedClient(m_s);
    if (!c) return false;
    return track(c->request(proto::ReportDecision{0, reportId, verdict, seconds}),
                 fmt::format("report #{}", reportId));
}

bool ModerationFeature::deleteLine(std::uint64_t lineId) {
    auto* c = joinedClient(m_s);
    if (!c || lineId == 0) return false;
    return track(c->request(proto::ChatDelete{0, lineId}), "delete line");
}

std::uint16_t ModerationFeature::personNamed(const std::string& name) const {
    for (const auto& r : m_s.remotes)
        if (r.info && sameName(r.info->name, name)) return r.id;
    return 0;
}

// The newest chat line holding TEXT (any when empty), from someone else when OTHERSONLY.
const ChatLine* ModerationFeature::lineMatching(const std::string& text, bool othersOnly) const {
    const auto* chat = m_host.find<ChatFeature>();
    if (!chat) return nullptr;
    const auto& lines = chat->lines();
    for (auto it = lines.rbegin(); it != lines.rend(); ++it)
        if (it->lineId && !(othersOnly && it->mine) &&
            (text.empty() || it->text.find(text) != std::string::npos))
            return &*it;
    return nullptr;
}

std::optional<Status> ModerationFeature::runAction(const std::string& name,
                                                   const std::vector<std::string>& args) {
    static const std::vector<std::string> kModerate = {"kick", "mute", "unmute", "ban"};
    if (std::find(kModerate.begin(), kModerate.end(), name) != kModerate.end())
        return moderateAction(name, args);
    if (name == "report-last-line" || name == "delete-line" || name == "decide-report")
        return reportAction(name, args);
    if (name == "announce" || name == "announce-hall") {
        const bool hall = name == "announce-hall";
        if (auto st = needArgs(name, args, hall ? 2 : 1); !st) return st;
        return actionRan(announce(hall ? args[0] : "", joinFrom(args, hall ? 1 : 0)), name, args);
    }
    if (name == "approve" || name == "reject") {
        if (auto st = needArgs(name, args, name == "approve" ? 1 : 2); !st) return st;
        return actionRan(decideBooth(args[0], name == "approve", joinFrom(args, 1)), name, args);
    }
    bool* panel = name == "approvals" ? &m_queueOpen
                  : name == "reports" ? &m_reportsOpen
                  : name == "heatmap" ? &m_heatOn
                                      : nullptr;
    if (!panel) return std::nullopt;
    *panel = !*panel;
    return Status{};
}

// kick NAME [REASON], mute NAME DURATION [REASON], unmute NAME, ban NAME DURATION [REASON].
Status ModerationFeature::moderateAction(const std::string& name,
                                         const std::vector<std::string>& args) {
    const bool timed = name == "mute" || name == "ban";
    if (auto st = needArgs(name, args, timed ? 2 : 1); !st) return st;
    const std::uint16_t target = personNamed(args[0]);
    if (!target)
        return makeError(fmt::format("{}: nobody called \"{}\" is in view", name, args[0]));
    std::uint32_t seconds = 0;
    if (timed) {
        auto d = parseModerationDuration(args[1]);
        if (!d) return makeError(name + ": " + d.error().message);
        seconds = *d;
    }
    const ModerationVerb verb = name == "kick"     ? ModerationVerb::Kick
                                : name == "mute"   ? ModerationVerb::Mute
                                : name == "unmute" ? ModerationVerb::Unmute
                                                   : ModerationVerb::Ban;
    return actionRan(
        act(verb, target, seconds, joinFrom(args, timed ? 2 : 1), name + " " + args[0]), name,
        args);
}

// report-last-line [REASON], delete-line [TEXT], decide-report delete|mute|dismiss|resolve [D].
Status ModerationFeature::reportAction(const std::string& name,
                                       const std::vector<std::string>& args) {
    if (name == "report-last-line") {
        const ChatLine* l = lineMatching("", true);
        if (!l) return makeError("report-last-line: no chat line from someone else yet");
        return actionRan(report(l->lineId, joinArgs(args)), name, args);
    }
    if (name == "delete-line") {
        const ChatLine* l = lineMatching(joinArgs(args), false);
        if (!l)
            return makeError(fmt::format("delete-line: no chat line holds \"{}\"", joinArgs(args)));
        return actionRan(deleteLine(l->lineId), name, args);
    }
    if (auto st = needArgs(name, args, 1); !st) return st;
    static const std::map<std::string, ReportVerdict> kVerdicts = {
        {"delete", ReportVerdict::DeleteLine},
        {"mute", ReportVerdict::MuteSender},
        {"dismiss", ReportVerdict::Dismiss},
        {"resolve", ReportVerdict::Resolve}};
    auto verdict = kVerdicts.find(args[0]);
    if (verdict == kVerdicts.end())
        return makeError(
            fmt::format("decide-report: \"{}\" is not delete, mute, dismiss or resolve", args[0]));
    if (m_reports.empty()) return makeError("decide-report: no open report");
    std::uint32_t seconds = 0;
    if (args.size() > 1) {
        auto d = parseModerationDuration(args[1]);
        if (!d) return makeError("decide-report: " + d.error().message);
        seconds = *d;
    }
    return actionRan(decideReport(m_reports.front().id, verdict->second, seconds), name, args);
}

std::optional<std::pair<std::uint32_t, std::uint32_t>>
ModerationFeature::heat(const std::string& boothId) const {
    if (!m_heatOn || !organiser()) return std::nullopt;
    std::uint32_t max = 0;
    for (const auto& [id, n] : m_heat)
        max = std::max(max, n);
    auto it = m_heat.find(boothId);
    const std::uint32_t n = it == m_heat.end() ? 0 : it->second;
    return std::pair{n, heatColour(n, max)};
}

} // namespace fg::client
