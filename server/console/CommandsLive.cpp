// Console commands about the live event: status, who, find, kick, ban/unban, mute/unmute,
// announce, hall open/close, save, reload, shutdown. Moderation is stored first, then applied.
#include "game/expo/Exhibition.h"
#include "server/console/ConsoleCommands.h"
#include "server/console/ConsoleText.h"
#include "server/store/Store.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace fg::console {
namespace {

ConsoleResult fail(std::string text) {
    return {std::move(text), false};
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string position(const VisitorInfo& v) {
    return fmt::format("{:.1f},{:.1f}", v.position.x, v.position.y);
}

nlohmann::json visitorJson(const VisitorInfo& v) {
    return {{"id", v.id},
            {"name", v.name},
            {"role", store::roleName(v.role)},
            {"exhibitor", v.exhibitorId},
            {"country", v.country},
            {"hall", v.hall},
            {"booth", v.nearBooth},
            {"x", v.position.x},
            {"z", v.position.y},
            {"muted", v.muted},
            {"person", v.personKey}, // "ticket:12", "cred:3"; "" for a guest
            {"verified", !v.personKey.empty()}};
}

std::string visitorTable(const std::vector<VisitorInfo>& list) {
    Table t({"id", "name", "role", "signed in", "country", "hall", "booth", "position"});
    t.alignRight(0);
    for (const VisitorInfo& v : list) {
        std::string role = store::roleName(v.role);
        if (!v.exhibitorId.empty()) role += ":" + v.exhibitorId;
        if (v.muted) role += " (muted)";
        t.addRow({std::to_string(v.id), v.name, role, v.personKey.empty() ? "guest" : v.personKey,
                  v.country, v.hall, v.nearBooth.empty() ? "-" : v.nearBooth, position(v)});
    }
    return t.render() + fmt::format("{} connected\n", list.size());
}

} // namespace

Result<VisitorInfo> ConsoleCommands::findVisitor(std::string_view cmd, std::string_view who) const {
    std::vector<VisitorInfo> all = m_host.visitors();
    std::string_view digits = who.starts_with('#') ? who.substr(1) : who;
    bool numeric = !digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos;
    std::vector<VisitorInfo> hits;
    for (const VisitorInfo& v : all) {
        if (numeric && digits.size() < 10 && std::to_string(v.id) == digits) return v;
        if (lower(v.name) == lower(who)) hits.push_back(v);
    }
    if (hits.size() == 1) return hits[0];
    if (hits.size() > 1) {
        std::string ids;
        for (const auto& v : hits)
            ids += fmt::format(" #{}", v.id);
        return makeError(fmt::format("{}: \"{}\" is ambiguous, use an id:{}", cmd, who, ids));
    }
    return makeError(fmt::format("{}: unknown visitor \"{}\" (try 'who')", cmd, who));
}

ConsoleResult ConsoleCommands::cmdStatus(const CommandArgs& a) {
    ServerStats st = m_host.stats();
    std::vector<HallStatus> halls = m_host.halls();
    auto live = m_store.liveExhibitionRevision();
    std::int64_t revision = live ? *live : 0;
    if (a.json) {
        nlohmann::json j = {{"uptime_s", st.uptimeSeconds},
                            {"connections", st.connections},
                            {"tick_hz", st.tickRateHz},
                            {"tick_p50_ms", st.tickP50Ms},
                            {"tick_p99_ms", st.tickP99Ms},
                            {"net_threads", st.netThreads},
                            {"net_cpu_percent", st.netThreadCpuPercent},
                            {"bytes_in_per_s", st.bytesInPerSecond},
                            {"bytes_out_per_s", st.bytesOutPerSecond},
                            {"revision", revision},
                            {"pending_analytics", m_store.pendingAnalytics()},
                            {"server_key", st.keyFingerprint}};
        for (const StatusFigure& f : st.figures)
            j[f.key] = f.value;
        j["halls"] = nlohmann::json::array();
        for (const HallStatus& h : halls)
            j["halls"].push_back(
                {{"id", h.id}, {"name", h.name}, {"open", h.open}, {"visitors", h.visitors}});
        return {j.dump(2) + "\n"};
    }
    std::string out = fmt::format(
        "uptime {}, {} connected, tick {} Hz (p50 {:.2f} ms, p99 {:.2f} ms)\n"
        "traffic in {}/s, out {}/s; exhibition revision {}; {} analytics events pending\n",
        formatDuration(st.uptimeSeconds), st.connections, st.tickRateHz, st.tickP50Ms, st.tickP99Ms,
        formatBytes(st.bytesInPerSecond), formatBytes(st.bytesOutPerSecond), revision,
        m_store.pendingAnalytics());
    if (!st.keyFingerprint.empty())
        out += fmt::format("server key {} (clients pin it; invitations carry it)\n",
                           st.keyFingerprint);
    // With network threads the tick time leaves out ENet and the kernel's UDP work: show it.
    if (st.netThreads > 0)
        out += fmt::format("network: {} threads, {:.1f} % of one core\n", st.netThreads,
                           st.netThreadCpuPercent);
    // Module figures in the text only when not zero (as the network line), always in --json.
    std::string figures;
    for (const StatusFigure& f : st.figures)
        if (f.value != 0)
            figures += fmt::format("{}{} {}", figures.empty() ? "" : ", ", f.label, f.value);
    if (!figures.empty()) out += figures + "\n";
    Table t({"hall", "name", "state", "visitors"});
    t.alignRight(3);
    for (const HallStatus& h : halls)
        t.addRow({h.id, h.name, h.open ? "open" : "closed", std::to_string(h.visitors)});
    return {out + t.render()};
}

ConsoleResult ConsoleCommands::cmdWho(const CommandArgs& a) {
    std::vector<VisitorInfo> list = m_host.visitors();
    if (!a.words.empty()) {
        const std::string& place = a.words[0];
        const expo::Exhibition& ex = m_host.exhibition();
        bool isHall = expo::findHall(ex, place) != nullptr;
        bool isBooth = expo::findBooth(ex, place) != nullptr;
        if (!isHall && !isBooth)
            return fail(fmt::format("who: \"{}\" is neither a hall nor a booth id", place));
        std::erase_if(list, [&](const VisitorInfo& v) {
            return isHall ? v.hall != place : v.nearBooth != place;
        });
    }
    std::sort(list.begin(), list.end(), [](auto& x, auto& y) { return x.id < y.id; });
    if (a.json) {
        nlohmann::json j = nlohmann::json::array();
        for (const VisitorInfo& v : list)
            j.push_back(visitorJson(v));
        return {j.dump(2) + "\n"};
    }
    return {visitorTable(list)};
}

ConsoleResult ConsoleCommands::cmdFind(const CommandArgs& a) {
    std::string needle = lower(a.rest(0));
    std::vector<VisitorInfo> hits;
    for (const VisitorInfo& v : m_host.visitors())
        if (lower(v.name).find(needle) != std::string::npos) hits.push_back(v);
    std::string out = hits.empty() ? "no connected visitor matches\n" : visitorTable(hits);
    const expo::Exhibition& ex = m_host.exhibition();
    Table t({"exhibitor", "name", "booths"});
    for (const expo::Exhibitor& e : ex.exhibitors) {
        if (lower(e.name).find(needle) == std::string::npos &&
            e.id.find(needle) == std::string::npos)
            continue;
        std::string booths;
        for (const expo::Booth& b : ex.booths)
            if (b.exhibitor == e.id) booths += (booths.empty() ? "" : " ") + b.id;
        t.addRow({e.id, e.name, booths});
    }
    if (t.rows() > 0) out += t.render();
    return {out};
}

ConsoleResult ConsoleCommands::cmdKick(const CommandArgs& a) {
    return kick(a.words[0], a.words.size() > 1 ? a.rest(1) : "");
}

ConsoleResult ConsoleCommands::kick(std::string_view who, std::string reason) {
    auto v = findVisitor("kick", who);
    if (!v) return fail(v.error().message);
    if (reason.empty()) reason = "removed by the organiser";
    if (auto s = m_host.kick(v->id, reason); !s) return fail(s.error().message);
    return {fmt::format("kicked #{} {} ({})", v->id, v->name, reason)};
}

ConsoleResult ConsoleCommands::cmdAnnounce(const CommandArgs& a) {
    std::string hall;
    std::size_t from = 0;
    if (a.words.size() > 1 && expo::findHall(m_host.exhibition(), a.words[0])) {
        hall = a.words[0];
        from = 1;
    }
    return announce(hall, a.rest(from));
}

ConsoleResult ConsoleCommands::announce(std::string_view hall, std::string_view text) {
    if (text.empty()) return fail("announce: missing TEXT (usage: announce [HALL] TEXT)");
    if (!hall.empty() && !expo::findHall(m_host.exhibition(), std::string(hall)))
        return fail(fmt::format("announce: unknown hall \"{}\" (try 'status')", hall));
    if (auto s = m_host.announce(hall, text); !s) return fail(s.error().message);
    return {fmt::format("announced to {}: {}",
                        hall.empty() ? "everyone" : "hall " + std::string(hall), text)};
}

ConsoleResult ConsoleCommands::cmdHall(const CommandArgs& a) {
    const std::string& verb = a.words[0];
    if (verb != "open" && verb != "close")
        return fail(fmt::format("hall: expected open or close, found \"{}\" (usage: hall "
                                "open|close HALL)",
                                verb));
    if (!expo::findHall(m_host.exhibition(), a.words[1]))
        return fail(fmt::format("hall: unknown hall \"{}\" (try 'status')", a.words[1]));
    if (auto s = m_host.setHallOpen(a.words[1], verb == "open"); !s) return fail(s.error().message);
    return {fmt::format("hall {} is now {}", a.words[1], verb == "open" ? "open" : "closed")};
}

ConsoleResult ConsoleCommands::cmdSave(const CommandArgs&) {
    auto flushed = m_store.flush();
    if (!flushed) return fail("save: " + flushed.error().message);
    if (auto s = m_host.requestSave(); !s) return fail("save: " + s.error().message);
    return {fmt::format("saved ({} analytics events written)", *flushed)};
}

ConsoleResult ConsoleCommands::cmdReload(const CommandArgs&) {
    auto r = m_host.reloadExhibition();
    if (!r) return fail("reload rejected, nothing changed:\n" + r.error().message);
    return {*r};
}

ConsoleResult ConsoleCommands::cmdShutdown(const CommandArgs& a) {
    std::uint32_t seconds = 60;
    if (!a.words.empty()) {
        const std::string& w = a.words[0];
        if (w.empty() || w.size() > 5 || w.find_first_not_of("0123456789") != std::string::npos)
            return fail(fmt::format("shutdown: SECONDS must be 0-99999, found \"{}\"", w));
        seconds = static_cast<std::uint32_t>(std::stoul(w));
    }
    if (auto s = m_host.shutdown(seconds); !s) return fail(s.error().message);
    return {seconds == 0 ? std::string("shutting down now")
                         : fmt::format("shutting down in {} s", seconds)};
}

} // namespace fg::console
